package org.dialdesk.app;

import java.util.concurrent.TimeUnit;

/**
 * Writes the start-up's steps to the log with the time since the launcher's first line, so a slow
 * start on an operator's machine can be seen step by step in the log file.
 */
public final class StartUpLog {
    private static final System.Logger LOG = System.getLogger("org.dialdesk.startup");
    private static final long STARTED = System.nanoTime();

    private StartUpLog() {
    }

    /** Starts the count: the launcher's first line. */
    public static void begin() {
        // The class's initialisation took the time.
    }

    /** Milliseconds since the launcher's first line. */
    public static long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - STARTED);
    }

    public static void note(String what) {
        LOG.log(System.Logger.Level.INFO, what);
    }

    public static void step(String what) {
        LOG.log(System.Logger.Level.INFO, "{0} at {1} ms", what, elapsedMillis());
    }
}
