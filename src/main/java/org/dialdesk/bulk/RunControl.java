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
    private boolean runExpected;

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

    /** A run under this control is about to go (queued on a worker): {@link #awaitEnd} waits for it. */
    public synchronized void expectRun() {
        runExpected = true;
    }

    /** The engine's word that a run under this control has returned, however it ended. */
    synchronized void ended() {
        runExpected = false;
        notifyAll();
    }

    /**
     * Waits at most {@code limit} for the expected run to return (to stop, once paused, between
     * requests, with the answer to one out recorded); true if none is expected or it returned.
     */
    public synchronized boolean awaitEnd(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (runExpected) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
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
