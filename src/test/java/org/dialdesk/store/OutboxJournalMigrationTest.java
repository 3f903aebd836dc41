package org.dialdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dialdesk.store.OutboxJournal.NewRow;
import org.dialdesk.store.OutboxJournal.RunSpec;
import org.dialdesk.store.OutboxJournal.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxJournalMigrationTest {
    static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    static final RunSpec SPEC = new RunSpec("c.csv", "hash", "Sandbox", "http://127.0.0.1:1", false, 10, 2, "f");

    @TempDir
    Path dir;

    Path oldOutbox(int rows) throws SQLException {
        Path file = dir.resolve("outbox.db");
        try (OutboxJournal journal = new OutboxJournal(file)) {
            List<NewRow> list = new ArrayList<>();
            for (int i = 1; i <= rows; i++) {
                list.add(new NewRow(i, "+1415555" + String.format("%04d", i), "{}", State.PLANNED, null));
            }
            journal.create("run-1", AT, SPEC, list);
            journal.markSending("run-1", List.of(1, 2, 3), AT);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = raw.createStatement()) {
            s.execute("DROP TRIGGER rows_counted_moved");
            s.execute("DROP TRIGGER rows_counted_out");
            s.execute("DROP TABLE row_counts");
        }
        return file;
    }

    @Test
    void anOutboxFromBeforeTheScheduleColumnGetsItWhateverOpensItFirst() throws Exception {
        Path file = oldOutbox(10);
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = raw.createStatement()) {
            s.execute("DROP INDEX rows_scheduled");
            s.execute("ALTER TABLE rows DROP COLUMN scheduled_ms");
        }
        // The window and commands, at once.
        for (int found : openedAtOnce(file, journal -> journal.ringingSince(SPEC.baseUrl(), SPEC.keyFingerprint(), AT).size())) {
            assertEquals(10, found, "3 rows being sent and 7 still to send in the unfinished run");
        }
    }

    @Test
    void manyOpenersOfAnOldOutboxCountItOnce() throws Exception {
        Path file = oldOutbox(2000);
        for (int planned : openedAtOnce(file, journal -> journal.counts("run-1").get(State.PLANNED))) {
            assertEquals(1997, planned);
        }
    }

    /** What each of six openers of the outbox, let go at the same moment, read from it. */
    private static List<Integer> openedAtOnce(Path file, ReadFrom read) throws Exception {
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(pool.submit((Callable<Integer>) () -> {
                go.await();
                try (OutboxJournal journal = new OutboxJournal(file)) {
                    return read.from(journal);
                }
            }));
        }
        go.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> opened : all) {
            results.add(opened.get());
        }
        pool.shutdown();
        return results;
    }

    @FunctionalInterface
    private interface ReadFrom {
        int from(OutboxJournal journal) throws SQLException;
    }

    @Test
    void anOutboxAnotherProcessIsWritingToOpensWithoutWaitingForIt() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (OutboxJournal journal = new OutboxJournal(file)) {
            journal.create("run-1", AT, SPEC, List.of(new NewRow(1, "+14155550001", "{}", State.PLANNED, null)));
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE"); // a bulk run in another DialDesk, mid-commit
            try (OutboxJournal journal = new OutboxJournal(file)) { // waited 10 s, then failed, when it took the lock
                assertEquals(1, journal.counts("run-1").get(State.PLANNED));
            }
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void anOutboxFromTheBuildThatCountedInsertedRowsByATriggerIsCountedAgainAndNewRunsOnce() throws Exception {
        Path file = dir.resolve("outbox.db");
        new OutboxJournal(file).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = raw.createStatement()) {
            statement.execute("CREATE TRIGGER rows_counted_in AFTER INSERT ON rows BEGIN"
                    + " INSERT INTO row_counts(run_id, state, n) VALUES (NEW.run_id, NEW.state, 1)"
                    + " ON CONFLICT (run_id, state) DO UPDATE SET n = n + 1; END");
        }
        try (OutboxJournal journal = new OutboxJournal(file)) {
            journal.create("run-1", AT, SPEC, List.of(new NewRow(1, "+14155550001", "{}", State.PLANNED, null),
                    new NewRow(2, "+14155550002", "{}", State.PLANNED, null)));
            assertEquals(2, journal.counts("run-1").get(State.PLANNED), "counted once");
            assertEquals(2, journal.countIn("run-1", State.PLANNED, State.SENDING));
        }
    }
}
