package org.dialdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.sql.DriverManager;
import java.sql.Connection;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.time.ZoneOffset;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.sql.SQLException;
import java.util.Arrays;

class HistoryCacheTest {
    @TempDir
    Path dir;

    static HistoryRow row(String id, long createdMs, String status) {
        return new HistoryRow(id, createdMs, status, "+14155550123", "+14155550100", "uc1", "Reminders", "Ava", "Successful", 42,
                "spring", null, "en-US", "Outbound", "+14155550123 ada");
    }

    static String id(int n) {
        return String.format("%024x", n);
    }

    @Test
    void keepsCallsNewestFirstAndReplacesAChangedOne() throws Exception {
        try (HistoryCache cache = new HistoryCache(dir.resolve("history.db"))) {
            cache.upsert(List.of(row(id(1), 1_000, "Queued"), row(id(2), 3_000, "Completed"), row(id(3), 2_000, "Busy")),
                    List.of("{\"id\":\"1\"}", "{\"id\":\"2\"}", "{\"id\":\"3\"}"));
            cache.upsert(List.of(row(id(1), 1_000, "Completed")), List.of("{\"id\":\"1\",\"status\":\"Completed\"}"));

            assertEquals(List.of(id(2), id(3), id(1)), cache.loadNewest(Integer.MAX_VALUE).stream().map(HistoryRow::id).toList());
            assertEquals("Completed", cache.loadNewest(Integer.MAX_VALUE).get(2).status());
            assertEquals(List.of(id(2)), cache.loadNewest(1).stream().map(HistoryRow::id).toList());
            assertEquals(Optional.of("{\"id\":\"1\",\"status\":\"Completed\"}"), cache.json(id(1)));
            assertEquals(Optional.empty(), cache.json(id(9)));
            assertEquals(3, cache.count());
        }
    }

    @Test
    void aCacheFromBeforeTheOutcomeColumnGetsItFilledFromItsCalls() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = old.createStatement()) {
            s.execute("CREATE TABLE calls (id TEXT PRIMARY KEY, created_ms INTEGER NOT NULL, status TEXT, callee TEXT, "
                    + "caller TEXT, use_case_id TEXT, use_case TEXT, agent TEXT, duration_s INTEGER, campaign TEXT, "
                    + "scheduled_for TEXT, language TEXT, type TEXT, search_text TEXT, json TEXT NOT NULL)");
            s.execute("INSERT INTO calls VALUES ('" + id(1) + "', 1000, 'Busy', '+14155550123', '+14155550100', 'uc1', "
                    + "'Reminders', 'Ava', 0, null, null, 'en-US', 'Outbound', '+14155550123 ', "
                    + "'{\"classification\": {\"tag\": \"No contact\", \"reasoning\": \"The line was busy.\"}}')");
            s.execute("INSERT INTO calls VALUES ('" + id(2) + "', 2000, 'Queued', '+14155550124', '+14155550100', 'uc1', "
                    + "'Reminders', 'Ava', 0, null, null, 'en-US', 'Outbound', '+14155550124 ', '{}')");
        }
        try (HistoryCache cache = new HistoryCache(file)) {
            List<HistoryRow> rows = cache.loadNewest(Integer.MAX_VALUE);
            assertEquals(null, rows.get(0).outcome(), "not ended: no outcome yet");
            assertEquals("No contact", rows.get(1).outcome());
            assertTrue(rows.get(1).searchText().contains("no contact"), rows.get(1).searchText());
        }
        try (HistoryCache again = new HistoryCache(file)) {
            assertEquals("No contact", again.loadNewest(Integer.MAX_VALUE).get(1).outcome(), "the column is added once");
        }
    }

    @Test
    void aCacheFromBeforeTheKeysIsBroughtOverWholeAndSearchable() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = old.createStatement()) {
            s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("INSERT INTO meta VALUES ('held_from', '0')");
            s.execute("CREATE TABLE calls (id TEXT PRIMARY KEY, created_ms INTEGER NOT NULL, status TEXT, callee TEXT, "
                    + "caller TEXT, use_case_id TEXT, use_case TEXT, agent TEXT, duration_s INTEGER, campaign TEXT, "
                    + "scheduled_for TEXT, language TEXT, type TEXT, search_text TEXT, json TEXT NOT NULL, outcome TEXT)");
            s.execute("CREATE INDEX calls_created ON calls(created_ms DESC)");
            // Two calls of the same millisecond, and an older one.
            for (String[] call : new String[][] {{id(1), "5000", "+14155550123"}, {id(2), "5000", "+14155550124"},
                    {id(3), "1000", "+493012345678"}}) {
                s.execute("INSERT INTO calls VALUES ('" + call[0] + "', " + call[1] + ", 'Completed', '" + call[2]
                        + "', '+14155550100', 'uc1', 'Reminders', 'Ava', 30, null, null, 'en-US', 'Outbound', '" + call[2]
                        + " ada ', '{\"id\":\"" + call[0] + "\"}', 'Successful')");
            }
        }
        try (HistoryCache cache = new HistoryCache(file)) {
            assertEquals(3, cache.count());
            assertEquals(List.of(id(2), id(1), id(3)), cache.loadNewest(10).stream().map(HistoryRow::id).toList(),
                    "newest first; the same millisecond's calls both kept");
            assertEquals(Optional.of("{\"id\":\"" + id(3) + "\"}"), cache.json(id(3)), "the whole call kept");
            assertEquals(Optional.of("0"), cache.meta("held_from"), "and how far back it holds them");
            CallFilter berlin = CallFilter.of(List.of(), "", "", "", null, null, "3012 345");
            assertEquals(List.of(id(3)), cache.page(berlin, HistoryOrder.NEWEST_FIRST, ZoneOffset.UTC, 0, 10)
                    .stream().map(HistoryRow::id).toList(), "found by the full-text index");
            cache.upsert(List.of(row(id(4), 6_000, "Queued")), List.of("{}"));
            assertEquals(id(4), cache.loadNewest(1).get(0).id(), "new calls go on top of the old ones");
        }
    }

    @Test
    void placedSinceIsTheOutboundCallsSinceThenAndThoseStillToRing() throws Exception {
        long since = 10_000_000;
        try (HistoryCache cache = new HistoryCache(dir.resolve("history.db"))) {
            cache.upsert(List.of(
                    to(id(1), "+14155550001", since + 5, "Completed", "Outbound"),
                    to(id(2), "+14155550002", since - 5, "Completed", "Outbound"), // before
                    to(id(3), "+14155550003", since - 86_400_000L, "Scheduled", "Outbound"), // made long ago, rings later
                    to(id(4), "+14155550004", since + 5, "Canceled", "Outbound"), // rings nobody
                    to(id(5), "+14155550005", since + 5, "Completed", "Inbound"), // they rang the account
                    to(id(6), "+14155550006", since, "No answer", "Outbound"), // it rang all the same
                    scheduled(id(7), "+14155550007", since - 3 * 86_400_000L, Instant.ofEpochMilli(since + 3_600_000)),
                    scheduled(id(8), "+14155550008", since - 3 * 86_400_000L, Instant.ofEpochMilli(since - 3_600_000))),
                    List.of("{}", "{}", "{}", "{}", "{}", "{}", "{}", "{}"));
            List<String> placed = cache.placedSince(Instant.ofEpochMilli(since)).stream()
                    .map(c -> c.id().substring(23) + " " + c.callee() + " " + c.status() + " " + c.created().toEpochMilli())
                    .sorted().toList();
            assertEquals(List.of("1 +14155550001 Completed " + (since + 5), "3 +14155550003 Scheduled " + (since - 86_400_000L),
                    "6 +14155550006 No answer " + since, "7 +14155550007 Completed " + (since - 3 * 86_400_000L)), placed,
                    "made three days before and scheduled for an hour after: it rang since; 8 rang an hour before");
        }
    }

    /** Made at {@code createdMs}, asking to ring at {@code at}, and rung (Completed). */
    private static HistoryRow scheduled(String id, String callee, long createdMs, Instant at) {
        return new HistoryRow(id, createdMs, "Completed", callee, "+14155550100", "uc1", "Reminders", "Ava", null, 0,
                null, at.toString(), "en-US", "Outbound", callee);
    }

    private static HistoryRow to(String id, String callee, long createdMs, String status, String type) {
        return new HistoryRow(id, createdMs, status, callee, "+14155550100", "uc1", "Reminders", "Ava", null, 0,
                null, null, "en-US", type, callee);
    }

    @Test
    void outlivesTheProcessWithItsBookkeeping() throws Exception {
        try (HistoryCache cache = new HistoryCache(dir.resolve("profile").resolve("history.db"))) {
            cache.upsert(List.of(row(id(1), 1_000, "Completed")), List.of("{}"));
            cache.putMeta("last_sync", "2026-11-24T10:00:00Z");
        }
        try (HistoryCache reopened = new HistoryCache(dir.resolve("profile").resolve("history.db"))) {
            assertEquals(1, reopened.count());
            assertEquals(Optional.of("2026-11-24T10:00:00Z"), reopened.meta("last_sync"));
            assertEquals(Optional.empty(), reopened.meta("never_set"));
        }
    }

    @Test
    void tellsWhichIdsItHoldsHoweverManyAreAsked() throws Exception {
        try (HistoryCache cache = new HistoryCache(dir.resolve("history.db"))) {
            List<HistoryRow> rows = IntStream.range(0, 1200).filter(n -> n % 3 == 0).mapToObj(n -> row(id(n), n, "Completed")).toList();
            cache.upsert(rows, rows.stream().map(r -> "{}").toList());
            List<String> asked = new ArrayList<>();
            IntStream.range(0, 1200).forEach(n -> asked.add(id(n)));

            Set<String> known = cache.knownIds(asked);

            assertEquals(400, known.size());
            assertTrue(known.stream().allMatch(k -> Integer.parseInt(k, 16) % 3 == 0));
            assertEquals(Set.of(), cache.knownIds(List.of()));
        }
    }

    @Test
    void aBatchIsWrittenWholeOrNotAtAll() throws Exception {
        try (HistoryCache cache = new HistoryCache(dir.resolve("history.db"))) {
            assertThrows(IllegalArgumentException.class, () -> cache.upsert(List.of(row(id(1), 1, "Busy")), List.of()));
            assertThrows(SQLException.class, () -> cache.upsert(
                    List.of(row(id(1), 1, "Busy"), row(id(2), 2, "Busy")), Arrays.asList("{}", null)));
            assertEquals(0, cache.count(), "the first row of the failed batch was rolled back too");
        }
    }
}
