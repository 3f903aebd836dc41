package org.dialdesk.bulk;

import java.time.Duration;

/**
 * The operator's hand on a running run: pause and cancel, asked from another thread (the screen,
 * or the command's Ctrl+C). The engine checks it between requests, never in the middle of one, and
 * a wait between requests ends as soon as either is asked.
 */
public final class RunControl {
    private boolean pauseAsked;
    private boolean cancelAsked;

    public synchronized void pause() {
        pauseAsked = true;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelAsked = true;
        notifyAll();
    }

    public synchronized boolean pauseAsked() {
        return pauseAsked;
    }

    public synchronized boolean cancelAsked() {
        return cancelAsked;
    }

    synchronized boolean stopAsked() {
        return pauseAsked || cancelAsked;
    }

    /** Waits {@code duration}, or less if a pause or cancel is asked meanwhile. */
    public synchronized void sleep(Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (!pauseAsked && !cancelAsked) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
