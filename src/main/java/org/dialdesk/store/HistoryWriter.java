package org.dialdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialdesk.domain.HistoryRow;

/**
 * Calls written into the history cache: each row under its key (a new call gets the first key
 * free after its creation time's), its full-text entry and its deflated JSON, only what changed.
 */
final class HistoryWriter {
    private static final String COLUMNS = "id, created_ms, status, callee, caller, use_case_id, use_case, agent, "
            + "outcome, duration_s, campaign, scheduled_for, language, type, search_text";
    /** Calls created in one millisecond that the key keeps apart. */
    static final int PER_MS = 1024;

    private HistoryWriter() {
    }

    /** Writes the rows in one transaction on {@code connection}; returns the ids of those new or changed. */
    static Set<String> upsert(Connection connection, List<HistoryRow> rows, List<String> jsons) throws SQLException {
        Set<String> changed = new HashSet<>();
        connection.setAutoCommit(false);
        try (PreparedStatement find = connection.prepareStatement("SELECT k, created_ms, search_text FROM calls WHERE id = ?");
             PreparedStatement taken = connection.prepareStatement("SELECT max(k) FROM calls WHERE k >= ? AND k < ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO calls (k, " + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE calls SET status = ?2, callee = ?3, caller = ?4, "
                     + "use_case_id = ?5, use_case = ?6, agent = ?7, outcome = ?8, duration_s = ?9, campaign = ?10, "
                     + "scheduled_for = ?11, language = ?12, type = ?13, search_text = ?14 WHERE k = ?1 AND ("
                     + "status IS NOT ?2 OR callee IS NOT ?3 OR caller IS NOT ?4 OR use_case_id IS NOT ?5 "
                     + "OR use_case IS NOT ?6 OR agent IS NOT ?7 OR outcome IS NOT ?8 OR duration_s IS NOT ?9 "
                     + "OR campaign IS NOT ?10 OR scheduled_for IS NOT ?11 OR language IS NOT ?12 OR type IS NOT ?13 "
                     + "OR search_text IS NOT ?14)");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM calls WHERE k = ?");
             PreparedStatement unjson = connection.prepareStatement("DELETE FROM call_json WHERE k = ?");
             PreparedStatement json = connection.prepareStatement("INSERT OR REPLACE INTO call_json (k, json) VALUES (?, ?)");
             PreparedStatement text = connection.prepareStatement("INSERT OR REPLACE INTO calls_fts (rowid, search_text) VALUES (?, ?)");
             PreparedStatement untext = connection.prepareStatement("DELETE FROM calls_fts WHERE rowid = ?")) {
            for (int i = 0; i < rows.size(); i++) {
                HistoryRow r = rows.get(i);
                if (jsons.get(i) == null) {
                    throw new SQLException("call " + r.id() + " has no JSON document");
                }
                Long key = null;
                String oldText = null;
                find.setString(1, r.id());
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        key = rs.getLong(1);
                        oldText = rs.getString(3);
                        if (rs.getLong(2) != r.createdMs()) {
                            // Its creation time changed on the service: it moves to its new place.
                            delete.setLong(1, key);
                            delete.executeUpdate();
                            untext.setLong(1, key);
                            untext.executeUpdate();
                            unjson.setLong(1, key);
                            unjson.executeUpdate();
                            key = null;
                        }
                    }
                }
                if (key == null) {
                    key = freeKey(taken, r.createdMs());
                    insert.setLong(1, key);
                    bindRow(insert, 2, r, true);
                    insert.executeUpdate();
                    text.setLong(1, key);
                    text.setString(2, nz(r.searchText()));
                    text.executeUpdate();
                    changed.add(r.id());
                } else {
                    update.setLong(1, key);
                    bindRow(update, 2, r, false);
                    if (update.executeUpdate() > 0) {
                        changed.add(r.id());
                        if (!nz(r.searchText()).equals(nz(oldText))) {
                            text.setLong(1, key);
                            text.setString(2, nz(r.searchText()));
                            text.executeUpdate();
                        }
                    }
                }
                json.setLong(1, key);
                json.setBytes(2, CompressedText.deflate(jsons.get(i)));
                json.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return changed;
    }

    /** The first key free for a call created at {@code createdMs}: after any call of the same millisecond. */
    private static long freeKey(PreparedStatement taken, long createdMs) throws SQLException {
        long base = createdMs * PER_MS;
        taken.setLong(1, base);
        taken.setLong(2, base + PER_MS);
        try (ResultSet rs = taken.executeQuery()) {
            long max = rs.getLong(1);
            // A thousand calls in one millisecond spill into the next one's keys: their order is off by a millisecond.
            return rs.wasNull() ? base : max + 1;
        }
    }

    /** Binds the row's columns from {@code at} on; with {@code withId}, the id and creation time first. */
    private static void bindRow(PreparedStatement ps, int at, HistoryRow r, boolean withId) throws SQLException {
        int i = at;
        if (withId) {
            ps.setString(i++, r.id());
            ps.setLong(i++, r.createdMs());
        }
        ps.setString(i++, r.status());
        ps.setString(i++, r.callee());
        ps.setString(i++, r.caller());
        ps.setString(i++, r.useCaseId());
        ps.setString(i++, r.useCase());
        ps.setString(i++, r.agent());
        ps.setString(i++, r.outcome());
        ps.setInt(i++, r.durationSeconds());
        ps.setString(i++, r.campaign());
        ps.setString(i++, r.scheduledFor());
        ps.setString(i++, r.language());
        ps.setString(i++, r.type());
        ps.setString(i, r.searchText());
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
