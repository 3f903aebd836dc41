package org.dialdesk.bulk;

import static org.dialdesk.testing.BatchOnlyDials.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.service.BatchOutcome;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.store.OutboxJournal.RunState;
import org.dialdesk.store.OutboxJournal.State;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.BatchOnlyDials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes wrong around a request that is out while the next chunk is readied: the journal failing, a backoff, an answer without an ID. */
class BulkEngineFailuresWhileOutTest {
    static final Instant START = Instant.parse("2026-11-23T16:00:00Z");

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(START);
    OutboxJournal journal;
    final Service service = new Service();

    @BeforeEach
    void open() throws Exception {
        journal = new OutboxJournal(dir.resolve("outbox.db"));
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    String launch(int rows) throws Exception {
        return BulkFixtures.launchAtFullPace(journal, rows, clock);
    }

    BulkEngine engine(BulkEngine.Waiter waiter) {
        return new BulkEngine(service, journal, clock, waiter, Duration.ofSeconds(5), BulkEngine.SendCheck.NONE);
    }

    /**
     * The journal fails (here: another process holds the outbox's write lock longer than
     * the busy timeout) while recording a clean answer, after the readied chunk's request already
     * left. The attempt ends and the run's claim is released while that request is still out; a
     * resume looks the rows up before the service has placed them, finds nothing, and sends them
     * again. Then the orphaned request lands: rows 11-20 ring twice.
     */
    @Test
    void aRequestLeftOutWhenTheAttemptFailsIsNotSentAgainByTheResume() throws Exception {
        String run = launch(30);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
        CountDownLatch orphanMayLand = new CountDownLatch(1);
        service.script = (number, requests) -> {
            if (number == 1) {
                waitUntil(() -> count(run, State.SENDING) == 20, "the next chunk marked");
                try (Statement statement = other.createStatement()) {
                    statement.execute("BEGIN IMMEDIATE"); // another DialDesk writing to the outbox for > 10 s
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            if (number == 2) { // still on its way to the service (slow network, long read timeout…)
                try {
                    orphanMayLand.await(15, TimeUnit.SECONDS); // longer than the 10 s busy timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null; // placed and answered cleanly
        };
        BulkEngine engine = engine((duration, control) -> clock.advance(duration));

        assertThrows(BulkEngine.JournalFailure.class, () -> engine.run(run, new RunControl(), progress -> { }));
        try (Statement statement = other.createStatement()) {
            statement.execute("ROLLBACK"); // the disk is writable again; the operator resumes
        }
        other.close();
        BulkEngine.Result resumed = engine.run(run, new RunControl(), progress -> { });
        assertEquals(RunState.FINISHED, resumed.state(), resumed.message());

        orphanMayLand.countDown();
        waitUntil(() -> service.finished.get() == service.started.get(), "the orphaned request to end");
        Map<Integer, Integer> twice = new TreeMap<>();
        service.placed.forEach((row, n) -> {
            if (n.get() > 1) {
                twice.put(row, n.get());
            }
        });
        assertEquals(Map.of(), twice, "rows placed more than once");
    }

    /**
     * A network failure before sending (NeverSent) makes record() back off (2 s, 4 s…
     * up to 60 s) while the readied chunk is still marked SENDING: putBack only runs after record.
     * If the console is closed (interrupt) or killed meanwhile, rows whose request was never made
     * are "may have rung" rows; with history unreadable (the service is unreachable, which is why we
     * are backing off) they end up waiting for the operator's word.
     */
    @Test
    void rowsReadiedButNeverSentDoNotWaitMarkedThroughABackoffNorEndUpWaitingForTheOperator() throws Exception {
        String run = launch(30);
        service.script = (number, requests) -> number == 1
                ? new BatchOutcome.NeverSent("Could not reach the dial service. Nothing was sent.", List.of()) : null;
        List<Integer> sendingDuringBackoff = new ArrayList<>();
        BulkEngine closing = engine((duration, control) -> {
            if (duration.compareTo(Duration.ofSeconds(1)) >= 0) {
                sendingDuringBackoff.add(count(run, State.SENDING));
                throw new InterruptedException("the console is closing"); // FxTaskRunner.shutdownNow()
            }
            clock.advance(duration);
        });
        BulkEngine.Result stopped = closing.run(run, new RunControl(), progress -> { });
        Thread.interrupted();
        assertEquals(RunState.PAUSED, stopped.state());
        assertEquals(1, service.started.get(), "only the first chunk's request was ever attempted");

        service.historyFails = true; // the service is still unreachable when the console starts again
        BulkEngine.Result resumed = engine((duration, control) -> clock.advance(duration))
                .run(run, new RunControl(), progress -> { });
        assertNotEquals(State.NEEDS_DECISION, journal.row(run, 12).orElseThrow().state(),
                "row 12's request was never made, yet: " + resumed.message());
        assertEquals(List.of(0), sendingDuringBackoff, "rows marked as being sent through the backoff");
    }

    /**
     * A 2xx answer with a row lacking a call ID
     * makes it UNCERTAIN in record's Created branch, which does not move uncertainSince: once the
     * attempt is older than the settle delay, the row is looked up at once, before history lists
     * the call, found "not placed" and sent again.
     */
    @Test
    void aRowAnsweredWithoutACallIdIsLookedUpOnlyASettleDelayAfterItsAnswer() throws Exception {
        String run = launch(20);
        service.historyLag = Duration.ofSeconds(2); // the service lists a call 2 s after making it
        service.script = (number, requests) -> {
            if (number == 1) {
                clock.advance(Duration.ofSeconds(30)); // a slow first answer: the attempt is now 30 s old
                return null;
            }
            if (number == 2) {
                List<DialResponse> responses = new ArrayList<>();
                for (DialRequest request : requests) {
                    int row = request.metadata().get(BulkEngine.ROW_KEY).asInt();
                    service.place(request);
                    responses.add(new DialResponse(row == 12 ? null : "call-" + row, null, request.metadata(), null,
                            null, null));
                }
                return new BatchOutcome.Created(responses);
            }
            return null;
        };
        BulkEngine.Result result = engine((duration, control) -> clock.advance(duration))
                .run(run, new RunControl(), progress -> { });
        assertEquals(RunState.FINISHED, result.state());
        assertEquals(1, service.placed.get(12).get(), "row 12 placed twice");
    }

    @Test
    void closingTheConsoleWhileARequestIsOutRecordsItsAnswerAndPutsTheReadiedChunkBack() throws Exception {
        String run = launch(30);
        Thread[] engineThread = new Thread[1];
        service.script = (number, requests) -> {
            if (number == 1) {
                waitUntil(() -> count(run, State.SENDING) == 20, "the next chunk marked");
                engineThread[0].interrupt(); // the console closes while this request is out
            }
            return null; // placed and answered cleanly, a moment later
        };
        BulkEngine engine = engine((duration, control) -> clock.advance(duration));
        BulkEngine.Result[] stopped = new BulkEngine.Result[1];
        engineThread[0] = new Thread(() -> stopped[0] = engine.run(run, new RunControl(), progress -> { }));
        engineThread[0].start();
        engineThread[0].join(Duration.ofSeconds(30).toMillis());

        assertEquals(RunState.PAUSED, stopped[0].state(), stopped[0].message());
        assertEquals(1, service.started.get(), "only the first chunk went");
        Map<State, Integer> counts = journal.counts(run);
        assertEquals(10, counts.get(State.CREATED), "the answer that came is recorded: " + counts);
        assertEquals(20, counts.get(State.PLANNED), "the readied chunk is back as planned: " + counts);
        assertEquals(0, counts.get(State.SENDING) + counts.get(State.UNCERTAIN), counts::toString);

        service.historyFails = true; // started again while call history cannot be read: nothing needs it
        BulkEngine.Result again = engine.run(run, new RunControl(), progress -> { });
        assertEquals(RunState.FINISHED, again.state(), again.message());
        assertEquals(30, journal.counts(run).get(State.CREATED));
    }

    int count(String run, State state) {
        try {
            return journal.counts(run).get(state);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }


    /** Places every row it is sent (when its request is processed) unless scripted otherwise; lists what it placed. */
    final class Service extends BatchOnlyDials {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final Map<Integer, AtomicInteger> placed = new ConcurrentHashMap<>();
        final List<Call> history = new CopyOnWriteArrayList<>();
        final Map<Integer, Instant> placedAt = new ConcurrentHashMap<>();
        volatile BiFunction<Integer, List<DialRequest>, BatchOutcome> script = (n, r) -> null;
        volatile boolean historyFails;
        volatile Duration historyLag = Duration.ZERO;

        void place(DialRequest request) {
            int row = request.metadata().get(BulkEngine.ROW_KEY).asInt();
            placed.computeIfAbsent(row, r -> new AtomicInteger()).incrementAndGet();
            placedAt.put(row, clock.instant());
            history.add(BulkEngineTest.call("call-" + row, request.phoneNumber(),
                    request.metadata().get(BulkEngine.RUN_KEY).asText(), row));
        }

        @Override
        public BatchOutcome sendBatch(List<DialRequest> requests) {
            int number = started.incrementAndGet();
            try {
                BatchOutcome scripted = script.apply(number, requests);
                if (scripted != null) {
                    return scripted;
                }
                List<DialResponse> responses = new ArrayList<>();
                for (DialRequest request : requests) {
                    place(request);
                    responses.add(new DialResponse("call-" + request.metadata().get(BulkEngine.ROW_KEY).asInt(), null,
                            request.metadata(), null, null, null));
                }
                return new BatchOutcome.Created(responses);
            } finally {
                finished.incrementAndGet();
            }
        }

        @Override
        public List<Call> callsCreatedSince(Instant since, int max) {
            if (historyFails) {
                throw new IllegalStateException("Could not reach the dial service");
            }
            Instant visibleBefore = clock.instant().minus(historyLag);
            List<Call> listed = new ArrayList<>();
            for (Call call : history) {
                int row = call.metadata().get(BulkEngine.ROW_KEY).asInt();
                if (!placedAt.get(row).isAfter(visibleBefore)) {
                    listed.add(call);
                }
            }
            return listed;
        }
    }
}
