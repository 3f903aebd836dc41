package org.dialdesk.sandbox;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Walks calls through Scheduled → Queued → Initiated → Ringing → In progress → an end, at realistic
 * pace scaled by {@code speed}. The end is a function of the callee number's last digit, so a
 * test or a demo can aim at each outcome:
 * <pre>
 *   …0 Busy   …1 No answer   …2 AMD Terminated   …3 Failed   …4 Transferred   …5-9 Completed
 * </pre>
 * Each step happens at its own due time, so after a restart overdue calls catch up faithfully.
 */
final class CallSimulator {
    static final String SCHEDULED = "Scheduled";
    static final String QUEUED = "Queued";
    static final String INITIATED = "Initiated";
    static final String RINGING = "Ringing";
    static final String IN_PROGRESS = "In progress";
    static final String TRANSFERRED = "Transferred";
    static final String COMPLETED = "Completed";
    static final String AMD_TERMINATED = "AMD Terminated";
    static final String BUSY = "Busy";
    static final String NO_ANSWER = "No answer";
    static final String CANCELED = "Canceled";
    static final String FAILED = "Failed";

    static final List<String> ALL_STATUSES = List.of(SCHEDULED, QUEUED, INITIATED, RINGING, IN_PROGRESS,
            TRANSFERRED, COMPLETED, AMD_TERMINATED, BUSY, NO_ANSWER, CANCELED, FAILED);

    /** Seconds, at speed 1. */
    private static final double QUEUE_SECONDS = 1;
    private static final double INITIATE_SECONDS = 1.5;
    private static final double RING_SECONDS = 6;
    private static final double BUSY_SECONDS = 3;
    private static final double NO_ANSWER_SECONDS = 25;
    private static final int AMD_SECONDS = 4;

    private final SandboxStore store;
    private final Clock clock;
    private final double speed;

    CallSimulator(SandboxStore store, Clock clock, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0, was " + speed);
        }
        this.store = store;
        this.clock = clock;
        this.speed = speed;
    }

    static String outcomeFor(String callee) {
        char last = callee.charAt(callee.length() - 1);
        return switch (last) {
            case '0' -> BUSY;
            case '1' -> NO_ANSWER;
            case '2' -> AMD_TERMINATED;
            case '3' -> FAILED;
            case '4' -> TRANSFERRED;
            default -> COMPLETED;
        };
    }

    /** Conversation length before the call's cap: 30 to 179 s, stable per number. */
    static int talkSecondsFor(String callee) {
        return 30 + Math.floorMod(callee.hashCode(), 150);
    }

    static boolean isTerminal(String status) {
        return switch (status) {
            case TRANSFERRED, COMPLETED, AMD_TERMINATED, BUSY, NO_ANSWER, CANCELED, FAILED -> true;
            default -> false;
        };
    }

    long now() {
        return clock.millis();
    }

    private long after(long fromMs, double seconds) {
        return fromMs + Math.max(1, Math.round(seconds * 1000 / speed));
    }

    /** Status and first due time of a call just dialled. */
    CallRecord place(CallRecord call) {
        long now = now();
        if (call.scheduledMs() != null && call.scheduledMs() > now) {
            return call.withProgress(SCHEDULED, call.scheduledMs(), null, null, 0);
        }
        return call.withProgress(QUEUED, after(now, QUEUE_SECONDS), null, null, 0);
    }

    /** Plays every due step; returns how many status changes it made. */
    int advance() throws SQLException {
        int changes = 0;
        long now = now();
        List<CallRecord> due;
        while (!(due = store.due(now, 500)).isEmpty()) {
            for (CallRecord call : due) {
                CallRecord current = call;
                while (current.nextEventMs() != null && current.nextEventMs() <= now) {
                    current = step(current);
                    changes++;
                }
                store.update(current);
            }
        }
        return changes;
    }

    private CallRecord step(CallRecord c) {
        long t = c.nextEventMs();
        String outcome = c.outcome();
        return switch (c.status()) {
            case SCHEDULED -> c.withProgress(QUEUED, after(t, QUEUE_SECONDS), null, null, 0);
            case QUEUED -> c.withProgress(INITIATED, after(t, INITIATE_SECONDS), null, null, 0);
            case INITIATED -> outcome.equals(FAILED)
                    ? c.withProgress(FAILED, null, null, t, 0)
                    : c.withProgress(RINGING, after(t, ringSeconds(outcome)), null, null, 0);
            case RINGING -> switch (outcome) {
                case BUSY -> c.withProgress(BUSY, null, null, t, 0);
                case NO_ANSWER -> c.withProgress(NO_ANSWER, null, null, t, 0);
                default -> c.withProgress(IN_PROGRESS, after(t, talkSeconds(c)), t, null, 0);
            };
            case IN_PROGRESS -> c.withProgress(outcome, null, c.answeredMs(), t, talkSeconds(c));
            default -> c.withProgress(c.status(), null, c.answeredMs(), c.endedMs(), c.durationSeconds());
        };
    }

    private static double ringSeconds(String outcome) {
        return switch (outcome) {
            case BUSY -> BUSY_SECONDS;
            case NO_ANSWER -> NO_ANSWER_SECONDS;
            default -> RING_SECONDS;
        };
    }

    /** Seconds of conversation: the planned length, cut at the call's maximum duration. */
    static int talkSeconds(CallRecord c) {
        if (c.outcome().equals(AMD_TERMINATED)) {
            return AMD_SECONDS;
        }
        return Math.min(c.talkSeconds(), c.maxDurationMins() * 60);
    }

    /** Seconds talked so far, in simulated time. */
    int elapsedTalkSeconds(CallRecord c) {
        if (c.answeredMs() == null) {
            return 0;
        }
        long end = c.endedMs() != null ? c.endedMs() : now();
        return (int) Math.min(talkSeconds(c), Math.max(0, Math.round((end - c.answeredMs()) * speed / 1000)));
    }

    CallRecord cancel(CallRecord c) {
        if (!c.status().equals(SCHEDULED) && !c.status().equals(QUEUED)) {
            throw new ApiError(409, "The call is " + c.status() + "; only Scheduled or Queued calls can be cancelled."
                    + (isTerminal(c.status()) ? "" : " Use stop to end a live call."));
        }
        return c.withProgress(CANCELED, null, null, now(), 0);
    }

    CallRecord stop(CallRecord c) {
        return switch (c.status()) {
            case IN_PROGRESS -> c.withProgress(COMPLETED, null, c.answeredMs(), now(), elapsedTalkSeconds(c));
            case INITIATED, RINGING -> c.withProgress(CANCELED, null, null, now(), 0);
            default -> throw new ApiError(409, "The call is " + c.status() + "; only a live call (Initiated, "
                    + "Ringing or In progress) can be stopped." + (c.status().equals(SCHEDULED)
                    || c.status().equals(QUEUED) ? " Use cancel for a call that has not started." : ""));
        };
    }
}
