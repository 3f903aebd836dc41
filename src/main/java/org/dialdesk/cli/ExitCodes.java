package org.dialdesk.cli;

/** Exit codes scripts can rely on. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int OTHER = 1;
    public static final int INVALID_INPUT = 2;
    public static final int REJECTED = 3;
    public static final int UNCERTAIN = 4;

    private ExitCodes() {
    }
}
