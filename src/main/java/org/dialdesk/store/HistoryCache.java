package org.dialdesk.store;

import org.dialdesk.domain.HistoryRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last known call history of a profile, in SQLite, so the history screen opens at once,
 * works offline and knows when it last heard from the service.
 */
public final class HistoryCache implements AutoCloseable {
    private static final String COLUMNS = "id, created_ms, status, callee, caller, use_case_id, use_case, agent, "
            + "outcome, duration_s, campaign, scheduled_for, language, type, search_text";

    /** Ids asked about in one statement: well under SQLite's limit on bound parameters. */
    private static final int ID_BATCH = 500;
    private final Connection connection;

    public HistoryCache(Path file) throws SQLException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new SQLException("Cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS calls (id TEXT PRIMARY KEY, created_ms INTEGER NOT NULL, "
                    + "status TEXT, callee TEXT, caller TEXT, use_case_id TEXT, use_case TEXT, agent TEXT, "
                    + "outcome TEXT, duration_s INTEGER, campaign TEXT, scheduled_for TEXT, language TEXT, type TEXT, "
                    + "search_text TEXT, json TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS calls_created ON calls(created_ms DESC)");
            addOutcomeColumn(s);
        }
    }

    /**
     * A cache written before the outcome column had none: add it and fill it from each call's own
     * JSON, so an upgrade shows outcomes at once rather than after the next full sync.
     */
    private static void addOutcomeColumn(Statement s) throws SQLException {
        try (ResultSet columns = s.executeQuery("SELECT 1 FROM pragma_table_info('calls') WHERE name = 'outcome'")) {
            if (columns.next()) {
                return;
            }
        }
        s.execute("ALTER TABLE calls ADD COLUMN outcome TEXT");
        s.execute("UPDATE calls SET outcome = json_extract(json, '$.classification.tag'), "
                + "search_text = search_text || lower(coalesce(json_extract(json, '$.classification.tag') || ' ', ''))");
    }

    /** Inserts or replaces calls, all in one transaction. */
    public synchronized void upsert(List<HistoryRow> rows, List<String> jsons) throws SQLException {
        if (rows.size() != jsons.size()) {
            throw new IllegalArgumentException("one JSON document per row");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO calls (" + COLUMNS
                + ", json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.size(); i++) {
                HistoryRow r = rows.get(i);
                ps.setString(1, r.id());
                ps.setLong(2, r.createdMs());
                ps.setString(3, r.status());
                ps.setString(4, r.callee());
                ps.setString(5, r.caller());
                ps.setString(6, r.useCaseId());
                ps.setString(7, r.useCase());
                ps.setString(8, r.agent());
                ps.setString(9, r.outcome());
                ps.setInt(10, r.durationSeconds());
                ps.setString(11, r.campaign());
                ps.setString(12, r.scheduledFor());
                ps.setString(13, r.language());
                ps.setString(14, r.type());
                ps.setString(15, r.searchText());
                ps.setString(16, jsons.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Every cached row, newest first: the table's starting point. */
    public List<HistoryRow> loadAll() throws SQLException {
        return loadNewest(Integer.MAX_VALUE);
    }

    /** The newest {@code limit} rows, newest first. */
    public synchronized List<HistoryRow> loadNewest(int limit) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM calls ORDER BY created_ms DESC, id DESC LIMIT "
                     + limit)) {
            while (rs.next()) {
                rows.add(HistoryRow.shared(new HistoryRow(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getInt(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), rs.getString(15))));
            }
        }
        return rows;
    }

    /** Which of these ids the cache holds. */
    public synchronized Set<String> knownIds(List<String> ids) throws SQLException {
        Set<String> known = new HashSet<>();
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM calls WHERE id IN ("
                    + String.join(",", Collections.nCopies(batch.size(), "?")) + ")")) {
                for (int i = 0; i < batch.size(); i++) {
                    ps.setString(i + 1, batch.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getString(1));
                    }
                }
            }
        }
        return known;
    }

    public synchronized Optional<String> json(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT json FROM calls WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public synchronized long count() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM calls")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public synchronized Optional<String> meta(String key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public synchronized void putMeta(String key, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
