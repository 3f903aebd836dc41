package org.dialdesk.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.store.OutboxJournal.Change;
import org.dialdesk.store.OutboxJournal.NewRow;
import org.dialdesk.store.OutboxJournal.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call asking for a time rings then: held against as rung at that time, or as still to ring. */
class EarlierCallsTest {
    static final Instant NOW = Instant.parse("2026-11-23T16:00:00Z");
    static final OutboxJournal.RunSpec SPEC = new OutboxJournal.RunSpec("a.csv", "hash", "Sandbox", "http://127.0.0.1:1",
            false, 10, 2, "k1");

    @TempDir
    Path dir;

    @Test
    void aDialSentEarlierRingsAtTheTimeItAskedFor() throws Exception {
        try (OutboxJournal journal = new OutboxJournal(dir.resolve("outbox.db"))) {
            Instant sent = NOW.minusSeconds(3 * 86_400); // three days ago, out of the window
            journal.create("r-1-aaaaaaaa", sent, SPEC, List.of(
                    new NewRow(1, "+14155550001", "{}", State.PLANNED, null, NOW.minusSeconds(7200)), // rang two hours ago
                    new NewRow(2, "+14155550002", "{}", State.PLANNED, null, NOW.plusSeconds(7200)), // rings in two hours
                    new NewRow(3, "+14155550003", "{}", State.PLANNED, null, null))); // rang three days ago
            journal.markSending("r-1-aaaaaaaa", List.of(1, 2, 3), sent);
            journal.apply("r-1-aaaaaaaa", List.of(new Change(1, State.CREATED, "call_1", null, null, true, false, false),
                    new Change(2, State.CREATED, "call_2", null, null, true, false, false),
                    new Change(3, State.CREATED, "call_3", null, null, true, false, false)));
            journal.setRunState("r-1-aaaaaaaa", OutboxJournal.RunState.FINISHED, null);

            List<String> said = EarlierCalls.of(journal, SPEC.baseUrl(), "k1", null).since(NOW.minus(EarlierCalls.WINDOW))
                    .stream().map(e -> e.callee() + " " + e.describe(ZoneId.of("America/Chicago"), NOW)).sorted().toList();
            assertEquals(List.of(
                    "+14155550001 Called today at 08:00 by run r-1-aaaaaaaa (row 1), call call_1.",
                    "+14155550002 Already has call call_2 by run r-1-aaaaaaaa (row 2) scheduled for today at 12:00."), said);
        }
    }
}
