package org.dialdesk.domain;

import java.time.Instant;

/**
 * One thing done on an account, as the audit log keeps it: when, on which profile, what (a summary
 * with no secret in it), how it ended, and the call it concerns when there is one.
 */
public record AuditEntry(Instant at, String profile, Action action, String summary, Outcome outcome, String callId) {

    public enum Action { DIAL, SCHEDULE, CANCEL, STOP, BULK_LAUNCH, BULK_PAUSE, BULK_RESUME, BULK_CANCEL, PROFILE_ADDED, PROFILE_CHANGED, PROFILE_REMOVED, PROFILE_OPENED,
        DO_NOT_CALL_ADDED, DO_NOT_CALL_REMOVED, DO_NOT_CALL_IMPORTED }

    public enum Outcome { DONE, REFUSED, NOT_SENT, UNCERTAIN, FAILED }

    public AuditEntry {
        summary = summary == null ? "" : summary;
        callId = callId == null || callId.isBlank() ? null : callId;
    }
}
