package org.dialdesk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history cache's tables, and the steps that bring a cache written by an earlier version to
 * them, so an upgrade keeps every cached call instead of syncing them all again.
 */
final class HistorySchema {
    /** The columns the table sorts and filters by, each with an index that ends in the key (ties keep their order). */
    static final List<String> INDEXED = List.of("status", "callee", "caller", "use_case", "agent", "outcome",
            "duration_s", "campaign", "scheduled_for", "language", "type");

    private HistorySchema() {
    }

    static void bringUpToDate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!hasTable(s, "calls")) {
                c.setAutoCommit(false);
                try {
                    create(s);
                    c.commit();
                } finally {
                    c.setAutoCommit(true);
                }
                return;
            }
            if (hasColumn(s, "calls", "k")) {
                return;
            }
            c.setAutoCommit(false);
            try {
                if (!hasColumn(s, "calls", "outcome")) {
                    addOutcome(s);
                }
                s.execute("ALTER TABLE calls RENAME TO calls_v1");
                s.execute("DROP INDEX IF EXISTS calls_created");
                create(s);
                // Calls created in the same millisecond get keys one apart, in the order of their ids.
                s.execute("INSERT INTO calls (k, id, created_ms, status, callee, caller, use_case_id, use_case, agent, "
                        + "outcome, duration_s, campaign, scheduled_for, language, type, search_text) "
                        + "SELECT created_ms * 1024 + row_number() OVER (PARTITION BY created_ms ORDER BY id) - 1, id, "
                        + "created_ms, status, callee, caller, use_case_id, use_case, agent, outcome, duration_s, campaign, "
                        + "scheduled_for, language, type, search_text FROM calls_v1");
                s.execute("INSERT INTO call_json (k, json) SELECT c.k, o.json FROM calls c JOIN calls_v1 o ON o.id = c.id");
                s.execute("INSERT INTO calls_fts (rowid, search_text) SELECT k, coalesce(search_text, '') FROM calls");
                s.execute("DROP TABLE calls_v1");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void create(Statement s) throws SQLException {
        // Text compares without case, in the indexes, the sorts and the filters alike.
        s.execute("CREATE TABLE calls (k INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, created_ms INTEGER NOT NULL, "
                + "status TEXT COLLATE NOCASE, callee TEXT COLLATE NOCASE, caller TEXT COLLATE NOCASE, use_case_id TEXT, "
                + "use_case TEXT COLLATE NOCASE, agent TEXT COLLATE NOCASE, outcome TEXT COLLATE NOCASE, duration_s INTEGER, "
                + "campaign TEXT COLLATE NOCASE, scheduled_for TEXT COLLATE NOCASE, language TEXT COLLATE NOCASE, "
                + "type TEXT COLLATE NOCASE, search_text TEXT)");
        // The whole call, apart (deflated; text in caches upgraded from before): the rows the table pages through stay small.
        s.execute("CREATE TABLE call_json (k INTEGER PRIMARY KEY, json BLOB NOT NULL)");
        // Trigrams: any three letters or digits in a row are looked up, so "555 0125" finds +14155550125.
        s.execute("CREATE VIRTUAL TABLE calls_fts USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram')");
        for (String column : INDEXED) {
            s.execute("CREATE INDEX calls_by_" + column + " ON calls(" + column + ", k)");
        }
    }

    /** Version 0 had no outcome column: it is filled from each call's own JSON. */
    private static void addOutcome(Statement s) throws SQLException {
        s.execute("ALTER TABLE calls ADD COLUMN outcome TEXT");
        s.execute("UPDATE calls SET outcome = json_extract(json, '$.classification.tag'), "
                + "search_text = search_text || lower(coalesce(json_extract(json, '$.classification.tag') || ' ', ''))");
    }

    private static boolean hasTable(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            return rs.next();
        }
    }

    private static boolean hasColumn(Statement s, String table, String column) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'")) {
            return rs.next();
        }
    }
}
