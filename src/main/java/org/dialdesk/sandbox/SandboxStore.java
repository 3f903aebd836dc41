package org.dialdesk.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.io.IOException;

/**
 * The sandbox's calls in SQLite (WAL), so that calls and scheduled work survive a restart and a
 * kill -9. One connection, serialised: SQLite has one writer anyway, and the sandbox's load is
 * one console's.
 */
final class SandboxStore implements AutoCloseable {
    private static final String COLUMNS = "id, created_ms, status, type, number_id, from_number, to_number, "
            + "use_case_id, agent_id, model_id, language, campaign_id, prompt_id, scheduled_ms, max_duration_mins, "
            + "params, metadata, outcome, talk_seconds, next_event_ms, answered_ms, ended_ms, duration_seconds, "
            + "notes, search_text";
    private static final String PLACEHOLDERS = "?, ".repeat(24) + "?";

    private final Connection connection;

    record Page(List<CallRecord> calls, long count) {
    }

    SandboxStore(Path dataDir) throws SQLException {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new SQLException("Cannot create the sandbox data folder " + dataDir + ": " + e.getMessage(), e);
        }
        connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("sandbox.db"));
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // NORMAL in WAL mode loses nothing on a process crash, only possibly on power loss.
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS calls ("
                    + "id TEXT PRIMARY KEY, created_ms INTEGER NOT NULL, status TEXT NOT NULL, type TEXT NOT NULL, "
                    + "number_id TEXT, from_number TEXT, to_number TEXT NOT NULL, use_case_id TEXT NOT NULL, "
                    + "agent_id TEXT, model_id TEXT, language TEXT, campaign_id TEXT, prompt_id TEXT, "
                    + "scheduled_ms INTEGER, max_duration_mins INTEGER NOT NULL, params TEXT, metadata TEXT, "
                    + "outcome TEXT NOT NULL, talk_seconds INTEGER NOT NULL, next_event_ms INTEGER, "
                    + "answered_ms INTEGER, ended_ms INTEGER, duration_seconds INTEGER NOT NULL, notes TEXT NOT NULL, "
                    + "search_text TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS calls_created ON calls(created_ms)");
            s.execute("CREATE INDEX IF NOT EXISTS calls_status ON calls(status, created_ms)");
            s.execute("CREATE INDEX IF NOT EXISTS calls_campaign ON calls(campaign_id, created_ms)");
            s.execute("CREATE INDEX IF NOT EXISTS calls_use_case ON calls(use_case_id, created_ms)");
            s.execute("CREATE INDEX IF NOT EXISTS calls_due ON calls(next_event_ms) WHERE next_event_ms IS NOT NULL");
        }
    }

    synchronized Optional<String> meta(String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    synchronized void putMeta(String key, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    synchronized void insert(CallRecord call) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO calls (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")")) {
            bind(ps, call);
            ps.executeUpdate();
        }
    }

    /** Many calls in one transaction: demo data at tens of thousands of rows a second. */
    synchronized void insertAll(List<CallRecord> calls) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO calls (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")")) {
            for (CallRecord call : calls) {
                bind(ps, call);
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    synchronized void update(CallRecord call) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE calls SET status = ?, next_event_ms = ?, "
                + "answered_ms = ?, ended_ms = ?, duration_seconds = ?, notes = ? WHERE id = ?")) {
            ps.setString(1, call.status());
            setLong(ps, 2, call.nextEventMs());
            setLong(ps, 3, call.answeredMs());
            setLong(ps, 4, call.endedMs());
            ps.setInt(5, call.durationSeconds());
            ps.setString(6, call.notesJson());
            ps.setString(7, call.id());
            ps.executeUpdate();
        }
    }

    synchronized Optional<CallRecord> find(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM calls WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Calls whose next status change is due, oldest first. */
    synchronized List<CallRecord> due(long nowMs, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM calls "
                + "WHERE next_event_ms IS NOT NULL AND next_event_ms <= ? ORDER BY next_event_ms LIMIT ?")) {
            ps.setLong(1, nowMs);
            ps.setInt(2, limit);
            return readAll(ps);
        }
    }

    /** Earliest pending status change, so the simulator can sleep until then. */
    synchronized Optional<Long> nextEventMs() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(next_event_ms) FROM calls WHERE next_event_ms IS NOT NULL")) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(value);
        }
    }

    synchronized Page query(CallFilter filter) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        in(where, args, "status", filter.statuses());
        in(where, args, "use_case_id", filter.useCases());
        in(where, args, "campaign_id", filter.campaigns());
        in(where, args, "model_id", filter.models());
        if (!filter.ratings().isEmpty()) {
            // The sandbox's calls are never rated, so a ratings filter matches nothing.
            where.append(" AND 0");
        }
        for (String tag : filter.tags()) {
            where.append(" AND instr(search_text, ?) > 0");
            args.add("#" + tag.toLowerCase() + "#");
        }
        if (filter.type() != null) {
            where.append(" AND type = ?");
            args.add(filter.type());
        }
        if (filter.fromMs() != null) {
            where.append(" AND created_ms >= ?");
            args.add(filter.fromMs());
        }
        if (filter.toMs() != null) {
            where.append(" AND created_ms < ?");
            args.add(filter.toMs());
        }
        if (filter.search() != null) {
            where.append(" AND instr(search_text, ?) > 0");
            args.add(filter.search());
        }
        long count;
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM calls" + where)) {
            bindAll(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
        }
        String order = filter.ascending() ? " ORDER BY created_ms ASC, id ASC" : " ORDER BY created_ms DESC, id DESC";
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM calls" + where + order + " LIMIT ? OFFSET ?")) {
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(filter.limit());
            pageArgs.add(filter.skip());
            bindAll(ps, pageArgs);
            return new Page(readAll(ps), count);
        }
    }

    synchronized long countCalls() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM calls")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void in(StringBuilder where, List<Object> args, String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }

    private static void bindAll(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void bind(PreparedStatement ps, CallRecord c) throws SQLException {
        ps.setString(1, c.id());
        ps.setLong(2, c.createdMs());
        ps.setString(3, c.status());
        ps.setString(4, c.type());
        ps.setString(5, c.numberId());
        ps.setString(6, c.fromNumber());
        ps.setString(7, c.toNumber());
        ps.setString(8, c.useCaseId());
        ps.setString(9, c.agentId());
        ps.setString(10, c.modelId());
        ps.setString(11, c.language());
        ps.setString(12, c.campaignId());
        ps.setString(13, c.promptId());
        setLong(ps, 14, c.scheduledMs());
        ps.setInt(15, c.maxDurationMins());
        ps.setString(16, c.paramsJson());
        ps.setString(17, c.metadataJson());
        ps.setString(18, c.outcome());
        ps.setInt(19, c.talkSeconds());
        setLong(ps, 20, c.nextEventMs());
        setLong(ps, 21, c.answeredMs());
        setLong(ps, 22, c.endedMs());
        ps.setInt(23, c.durationSeconds());
        ps.setString(24, c.notesJson());
        ps.setString(25, c.searchText());
    }

    private static List<CallRecord> readAll(PreparedStatement ps) throws SQLException {
        List<CallRecord> calls = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                calls.add(read(rs));
            }
        }
        return calls;
    }

    private static Long getLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }

    private static CallRecord read(ResultSet rs) throws SQLException {
        return new CallRecord(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), getLong(rs, 14), rs.getInt(15),
                rs.getString(16), rs.getString(17), rs.getString(18), rs.getInt(19), getLong(rs, 20),
                getLong(rs, 21), getLong(rs, 22), rs.getInt(23), rs.getString(24), rs.getString(25));
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
