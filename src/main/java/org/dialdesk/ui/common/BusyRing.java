package org.dialdesk.ui.common;

import atlantafx.base.controls.RingProgressIndicator;

/**
 * The app's "working on it" indicator: a ring that rotates. The toolkit's dotted spinner fades each
 * of its dots with opacity, and when rendering in software every such dot is painted through an
 * offscreen image; its first frame also loads the effect renderer. At start-up that made the UI
 * thread wait 120-135 ms for a frame; with the ring, under 100 ms.
 */
public final class BusyRing {
    private BusyRing() {
    }

    /** An indeterminate ring of this diameter. */
    public static RingProgressIndicator of(double size) {
        RingProgressIndicator ring = new RingProgressIndicator(RingProgressIndicator.INDETERMINATE_PROGRESS);
        ring.setPrefSize(size, size);
        ring.setMaxSize(size, size);
        return ring;
    }
}
