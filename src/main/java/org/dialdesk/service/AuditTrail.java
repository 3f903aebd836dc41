package org.dialdesk.service;

import java.sql.SQLException;
import java.time.Clock;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.store.AuditLog;

/**
 * Where one profile's actions are recorded: the dial service and call history write to it, not the
 * screens, so a dial from the window, the command line or a bulk run is recorded alike. A failure
 * to record is logged and does not stop the action (the call has been placed either way).
 */
public interface AuditTrail {
    AuditTrail NONE = (action, summary, outcome, callId) -> { };

    void record(AuditEntry.Action action, String summary, AuditEntry.Outcome outcome, String callId);

    /** Into the audit log, as the named profile, stamped by {@code clock}. */
    static AuditTrail into(AuditLog log, String profileName, Clock clock) {
        System.Logger logger = System.getLogger("org.dialdesk.audit");
        return (action, summary, outcome, callId) -> {
            try {
                log.append(new AuditEntry(clock.instant(), profileName, action, summary, outcome, callId));
            } catch (SQLException e) {
                logger.log(System.Logger.Level.WARNING, "Could not write to the audit log: " + e.getMessage());
            }
        };
    }
}
