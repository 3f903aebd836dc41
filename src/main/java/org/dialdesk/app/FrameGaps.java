package org.dialdesk.app;

import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;

/**
 * The longest gap between two frames while the start-up cover's ring turns: how long the window
 * stood still (the UI thread busy) while the first screen was built. For the start-up log.
 */
final class FrameGaps {
    private final AnimationTimer timer;
    private long last;
    private long longest;

    FrameGaps() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last != 0) {
                    longest = Math.max(longest, now - last);
                }
                last = now;
            }
        };
        timer.start();
    }

    /** Stops watching; the longest gap seen, in milliseconds. */
    long stop() {
        timer.stop();
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }
}
