package org.dialdesk.app;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.dialdesk.profile.Profile;
import org.dialdesk.profile.Profiles;
import org.dialdesk.profile.SecretStores;
import org.dialdesk.store.AuditLog;

/**
 * What the console owns whichever profile is open: the profiles with their key stores, and the
 * audit log they all write to (null when it could not be opened: the console still works, and
 * says so in the log).
 */
public record ConsoleParts(Profiles profiles, AuditLog audit, List<Profile> atStart, Profile openedLast)
        implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.dialdesk");

    public static ConsoleParts open(Path dataDir, SecretStores secrets, Clock clock) {
        AuditLog audit = null;
        try {
            audit = new AuditLog(AuditLog.fileIn(dataDir));
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.ERROR, "The audit log cannot be opened; actions are not recorded: " + e.getMessage());
        }
        return of(new Profiles(dataDir, secrets, audit, clock), audit);
    }

    /** Reads the profiles as they are now: the window shows them before anything else is read. Off the UI thread. */
    public static ConsoleParts of(Profiles profiles, AuditLog audit) {
        return new ConsoleParts(profiles, audit, profiles.all(), profiles.active());
    }

    @Override
    public void close() {
        if (audit != null) {
            try {
                audit.close();
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "Closing the audit log failed: " + e.getMessage());
            }
        }
    }
}
