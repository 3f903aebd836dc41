package org.dialdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dialdesk.domain.AuditEntry;

/**
 * The local audit log ({@code audit.db} in the data folder): every dial, cancel, stop, bulk launch
 * and profile change, shared by every profile, the window and the command line. Append-only:
 * nothing here updates or deletes an entry. Writers are serialised; each append is its own
 * transaction, so an entry is on disk when {@link #append} returns.
 */
public final class AuditLog implements AutoCloseable {
    /** What to read: all of it by default; {@code text} is matched in the summary, profile and call id. */
    public record Query(Instant from, Instant to, String profile, AuditEntry.Action action, String text, int limit) {
        public static Query all() {
            return new Query(null, null, null, null, null, Integer.MAX_VALUE);
        }

        public Query withLimit(int newLimit) {
            return new Query(from, to, profile, action, text, newLimit);
        }
    }

    private final Connection connection;

    public AuditLog(Path file) throws SQLException {
        connection = SqliteFiles.open(file, 5000, false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " at_ms INTEGER NOT NULL, profile TEXT NOT NULL, action TEXT NOT NULL, summary TEXT NOT NULL,"
                    + " outcome TEXT NOT NULL, call_id TEXT)");
            statement.execute("CREATE INDEX IF NOT EXISTS audit_at ON audit(at_ms)");
            // The log is append-only even for a tool that opens the file: changes are refused by the database.
            statement.execute("CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit"
                    + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
            statement.execute("CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit"
                    + " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    public static Path fileIn(Path dataDir) {
        return dataDir.resolve("audit.db");
    }

    public synchronized void append(AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit(at_ms, profile, action, summary, outcome, call_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.at().toEpochMilli());
            insert.setString(2, entry.profile());
            insert.setString(3, entry.action().name());
            insert.setString(4, entry.summary());
            insert.setString(5, entry.outcome().name());
            insert.setString(6, entry.callId());
            insert.executeUpdate();
        }
    }

    /** How many entries match, whatever the limit. */
    public synchronized long count(Query query) throws SQLException {
        Where where = where(query);
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM audit WHERE 1=1" + where.sql())) {
            where.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** The profile names that occur, for the screen's filter. */
    public synchronized List<String> profiles() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT DISTINCT profile FROM audit ORDER BY profile COLLATE NOCASE")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private record Where(String sql, List<Object> args) {
        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
        }
    }

    private static Where where(Query query) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (query.from() != null) {
            sql.append(" AND at_ms >= ?");
            args.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND at_ms < ?");
            args.add(query.to().toEpochMilli());
        }
        if (query.profile() != null) {
            sql.append(" AND profile = ?");
            args.add(query.profile());
        }
        if (query.action() != null) {
            sql.append(" AND action = ?");
            args.add(query.action().name());
        }
        if (query.text() != null && !query.text().isBlank()) {
            sql.append(" AND (instr(lower(summary), ?) > 0 OR instr(lower(profile), ?) > 0 OR instr(lower(ifnull(call_id, '')), ?) > 0)");
            String text = query.text().strip().toLowerCase(java.util.Locale.ROOT);
            args.add(text);
            args.add(text);
            args.add(text);
        }
        return new Where(sql.toString(), args);
    }

    /** The matching entries, newest first. */
    public List<AuditEntry> read(Query query) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        forEach(query, entries::add);
        return entries;
    }

    /** Streams the matching entries, newest first, without holding them. */
    public synchronized void forEach(Query query, Consumer<AuditEntry> sink) throws SQLException {
        Where where = where(query);
        try (PreparedStatement select = connection.prepareStatement("SELECT at_ms, profile, action, summary, outcome,"
                + " call_id FROM audit WHERE 1=1" + where.sql() + " ORDER BY seq DESC LIMIT " + Math.max(0, query.limit()))) {
            where.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(new AuditEntry(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                            AuditEntry.Action.valueOf(rows.getString(3)), rows.getString(4),
                            AuditEntry.Outcome.valueOf(rows.getString(5)), rows.getString(6)));
                }
            }
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
