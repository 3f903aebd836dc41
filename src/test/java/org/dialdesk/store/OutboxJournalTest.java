package org.dialdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dialdesk.store.OutboxJournal.Change;
import org.dialdesk.store.OutboxJournal.NewRow;
import org.dialdesk.store.OutboxJournal.RunSpec;
import org.dialdesk.store.OutboxJournal.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxJournalTest {
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    private static final RunSpec SPEC = new RunSpec("campaign.csv", "hash", "Sandbox", "http://127.0.0.1:1", false, 10, 2,
            "fingerprint");

    @TempDir
    Path dir;

    @Test
    void lookUpsByStateGoThroughTheStateIndex() throws SQLException {
        try (OutboxJournal journal = new OutboxJournal(dir.resolve("outbox.db"))) {
            journal.create("run-1", AT, SPEC, rows(500));
            List<String> steps = journal.stateLookUpPlans("run-1");
            assertFalse(steps.isEmpty());
            for (String step : steps) {
                assertFalse(step.contains("PRIMARY KEY"), () -> "walks the run's rows: " + steps);
            }
            assertTrue(steps.stream().anyMatch(step -> step.contains("rows_state")), () -> String.join("; ", steps));
        }
    }

    @Test
    void countsFollowEveryMoveOfEveryRun() throws SQLException {
        Path file = dir.resolve("outbox.db");
        try (OutboxJournal journal = new OutboxJournal(file)) {
            journal.create("run-1", AT, SPEC, rows(40));
            journal.create("run-2", AT, SPEC, rows(7));
            assertEquals(recount(file, "run-1"), journal.counts("run-1"));

            assertTrue(journal.markSending("run-1", List.of(1, 2, 3, 4), AT));
            journal.apply("run-1", List.of(new Change(1, State.CREATED, "call_1", null, null, true, false, false),
                    Change.to(2, State.REJECTED, "Refused."), Change.to(3, State.UNCERTAIN, "Timed out.")));
            journal.settleInterrupted("run-1", "Stopped while sending.");
            journal.apply("run-1", List.of(Change.to(3, State.NEEDS_DECISION, "Ask."), Change.to(3, State.NEEDS_DECISION,
                    "Asked again: a change to the same state moves nothing.")));
            journal.cancelPlanned("run-1", "Cancelled.");

            Map<State, Integer> counts = journal.counts("run-1");
            assertEquals(recount(file, "run-1"), counts);
            assertEquals(1, counts.get(State.CREATED));
            assertEquals(1, counts.get(State.REJECTED));
            assertEquals(1, counts.get(State.UNCERTAIN)); // row 4, left sending
            assertEquals(1, counts.get(State.NEEDS_DECISION)); // row 3
            assertEquals(0, counts.get(State.PLANNED));
            assertEquals(recount(file, "run-2"), journal.counts("run-2"));
            assertEquals(7, journal.counts("run-2").get(State.PLANNED) + journal.counts("run-2").get(State.SKIPPED));
        }
    }

    @Test
    void ringingRowsAreTheAccountsSentSinceThenAndThoseAnUnfinishedRunStillHas() throws SQLException {
        try (OutboxJournal journal = new OutboxJournal(dir.resolve("outbox.db"))) {
            journal.create("earlier", AT.minusSeconds(7200), SPEC, rows(6));
            assertTrue(journal.markSending("earlier", List.of(1, 2, 3), AT.minusSeconds(7200))); // before the window
            assertTrue(journal.markSending("earlier", List.of(4, 5), AT.plusSeconds(60)));
            journal.apply("earlier", List.of(new Change(4, State.CREATED, "call_4", null, null, true, false, false),
                    Change.to(5, State.REJECTED, "Refused: nothing rang."),
                    new Change(1, State.CREATED, "call_1", null, null, true, false, false)));
            journal.setRunState("earlier", OutboxJournal.RunState.FINISHED, null); // its row 6 was planned: never sent now
            journal.create("paused", AT, SPEC, rows(3));
            assertTrue(journal.markSending("paused", List.of(1), AT.plusSeconds(120)));
            journal.settleInterrupted("paused", "Stopped while sending.");
            journal.setRunState("paused", OutboxJournal.RunState.PAUSED, null);
            journal.create("other account", AT, new RunSpec("campaign.csv", "hash", "Live", "https://api.example.com", true,
                    10, 2, "other"), rows(3));

            // Sent two days before, asking to ring an hour into the window: it rang within it.
            journal.create("scheduled", AT.minusSeconds(2 * 86_400), SPEC, List.of(new NewRow(1, "+14155550009", "{}",
                    State.PLANNED, null, AT.plusSeconds(3600))));
            assertTrue(journal.markSending("scheduled", List.of(1), AT.minusSeconds(2 * 86_400)));
            journal.apply("scheduled", List.of(new Change(1, State.CREATED, "call_9", null, null, true, false, false)));
            journal.setRunState("scheduled", OutboxJournal.RunState.FINISHED, null);

            List<String> found = journal.ringingSince(SPEC.baseUrl(), SPEC.keyFingerprint(), AT).stream()
                    .map(r -> r.runId() + "/" + r.rowNo() + " " + r.callee() + " " + r.state() + " " + r.callId()
                            + " " + r.attemptedAt() + " " + r.scheduledFor())
                    .sorted().toList();
            assertEquals(List.of(
                    "earlier/4 +14155550004 CREATED call_4 " + AT.plusSeconds(60) + " null",
                    "paused/1 +14155550001 UNCERTAIN null " + AT.plusSeconds(120) + " null",
                    "paused/2 +14155550002 PLANNED null null null",
                    "paused/3 +14155550003 PLANNED null null null",
                    "scheduled/1 +14155550009 CREATED call_9 " + AT.minusSeconds(2 * 86_400) + " " + AT.plusSeconds(3600)), found);
            assertTrue(journal.ringingSince(SPEC.baseUrl(), "another key", AT).isEmpty(), "another key is another account");
            List<String> steps = journal.ringingLookUpPlan();
            assertTrue(steps.stream().anyMatch(step -> step.contains("rows_attempted"))
                    && steps.stream().anyMatch(step -> step.contains("rows_scheduled")), () -> String.join("; ", steps));
            assertFalse(steps.stream().anyMatch(step -> step.startsWith("SCAN r")), () -> "every row read: " + steps);
        }
    }

    @Test
    void anOutboxFromBeforeTheCountsCountsItsRowsWhenOpened() throws SQLException {
        Path file = dir.resolve("outbox.db");
        try (OutboxJournal journal = new OutboxJournal(file)) {
            journal.create("run-1", AT, SPEC, rows(30));
            assertTrue(journal.markSending("run-1", List.of(1, 2), AT));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER rows_counted_moved");
            statement.execute("DROP TRIGGER rows_counted_out");
            statement.execute("DROP TABLE row_counts");
        }
        try (OutboxJournal journal = new OutboxJournal(file)) {
            assertEquals(recount(file, "run-1"), journal.counts("run-1"));
            assertEquals(2, journal.counts("run-1").get(State.SENDING));
            journal.apply("run-1", List.of(Change.to(1, State.REJECTED, "Refused.")));
            assertEquals(recount(file, "run-1"), journal.counts("run-1"));
        }
        try (OutboxJournal journal = new OutboxJournal(file)) { // opened again: counted once, not twice
            assertEquals(recount(file, "run-1"), journal.counts("run-1"));
        }
    }

    /** Every other row planned, the rest skipped with a reason, as a plan's rows come. */
    private static List<NewRow> rows(int count) {
        List<NewRow> rows = new ArrayList<>();
        for (int rowNo = 1; rowNo <= count; rowNo++) {
            boolean ready = rowNo % 2 == 1 || rowNo <= 4;
            rows.add(new NewRow(rowNo, "+1415555" + String.format("%04d", rowNo), ready ? "{\"phone_number\":\"x\"}" : null,
                    ready ? State.PLANNED : State.SKIPPED, ready ? null : "Duplicate."));
        }
        return rows;
    }

    /** The counts as the rows themselves say, read apart from the journal. */
    private static Map<State, Integer> recount(Path file, String runId) throws SQLException {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, 0);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             var select = raw.prepareStatement("SELECT state, count(*) FROM rows WHERE run_id = ? GROUP BY state")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(State.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return counts;
    }
}
