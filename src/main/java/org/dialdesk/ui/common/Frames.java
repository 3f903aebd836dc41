package org.dialdesk.ui.common;

import javafx.animation.AnimationTimer;

/** Waiting for what is on the screen, not only in the scene. */
public final class Frames {
    private Frames() {
    }

    /**
     * Runs {@code action} once what the scene holds now has been painted: a frame's pulse starts
     * with the animation timers, then lays out and paints, so the second pulse from now starts
     * after the first one's painting.
     */
    public static void afterNextPaint(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
