package org.dialdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the console's small SQLite files (audit log, outbox, do-not-call list) the one way: the
 * folder made, write-ahead logging so the window and a command read while the other writes, and a
 * wait rather than an error while the other holds the lock.
 */
final class SqliteFiles {
    private SqliteFiles() {
    }

    /** {@code durable}: every commit reaches the disk before it returns (the outbox's states must survive a power cut). */
    static Connection open(Path file, int busyMillis, boolean durable) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SQLException("Cannot make the folder for " + file + ": " + e.getMessage(), e);
        }
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            if (durable) {
                statement.execute("PRAGMA synchronous=FULL");
            }
            statement.execute("PRAGMA busy_timeout=" + busyMillis);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
