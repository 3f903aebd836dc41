package org.dialdesk.bulk;

import static org.dialdesk.testing.BatchOnlyDials.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

/**
 * At full speed the engine readies the next chunk while a request is out: one request out at a
 * time, the readied rows marked as being sent, and put back as planned whenever they do not go.
 */
class BulkEngineReadyAheadTest {
    static final Instant START = Instant.parse("2026-11-23T16:00:00Z");
    /** Fast enough that each chunk may follow the one before at once (10 rows: a millisecond). */

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(START);
    OutboxJournal journal;
    BulkEngine engine;
    final Service service = new Service();

    @BeforeEach
    void open() throws Exception {
        journal = new OutboxJournal(dir.resolve("outbox.db"));
        engine = new BulkEngine(service, journal, clock, (duration, control) -> clock.advance(duration),
                Duration.ofSeconds(5), BulkEngine.SendCheck.NONE);
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    String launch(int rows) throws Exception {
        return BulkFixtures.launchAtFullPace(journal, rows, clock);
    }

    @Test
    void whileARequestIsOutTheOneBeforeIsRecordedAndTheNextMarked() throws Exception {
        String run = launch(50);
        // Each request is answered only once, beside it, the chunk before is recorded and the next marked.
        service.during = requests -> {
            int number = service.batches.size();
            waitUntil(() -> count(run, State.CREATED) == 10 * (number - 1), "the chunk before recorded");
            if (number < 5) {
                waitUntil(() -> count(run, State.SENDING) == 20, "the next chunk marked");
            }
        };
        BulkEngine.Result result = engine.run(run, new RunControl(), progress -> { });

        assertEquals(RunState.FINISHED, result.state());
        assertEquals(List.of(10, 10, 10, 10, 10), service.batches);
        assertEquals(50, journal.counts(run).get(State.CREATED));
        assertEquals(50, new HashSet<>(service.callees).size(), "every callee dialled");
        assertEquals(50, service.callees.size(), "and none twice");
        journal.forEachRow(run, row -> assertEquals(1, row.sends(), "row " + row.rowNo()));
    }

    @Test
    void aReadiedChunkIsPutBackWhenTheAnswerBeforeItIsUncertainAndGoesOnceAfterTheLookUp() throws Exception {
        String run = launch(20);
        service.answers.add(requests -> {
            waitUntil(() -> count(run, State.SENDING) == 20, "the next chunk marked while this request is out");
            return new BatchOutcome.Uncertain("timeout", clock.instant());
        });
        service.historyOf = requests -> BulkEngineTest.tagged(requests, run); // the uncertain chunk was placed

        BulkEngine.Result result = engine.run(run, new RunControl(), progress -> { });

        assertEquals(RunState.FINISHED, result.state());
        assertEquals(List.of(10, 10), service.batches, "the uncertain chunk settled from history, the readied one sent once");
        assertEquals(20, journal.counts(run).get(State.CREATED));
        assertTrue(journal.row(run, 2).orElseThrow().reconciled());
        assertEquals(1, journal.row(run, 12).orElseThrow().sends());
        assertEquals(20, new HashSet<>(service.callees).size());
        assertEquals(20, service.callees.size(), "none twice");
    }

    @Test
    void aPauseWhileARequestIsOutPutsTheReadiedChunkBackAsPlanned() throws Exception {
        String run = launch(30);
        RunControl control = new RunControl();
        service.during = requests -> {
            if (service.batches.size() == 1) {
                waitUntil(() -> count(run, State.SENDING) == 20, "the next chunk marked while this request is out");
                control.pause();
            }
        };
        BulkEngine.Result paused = engine.run(run, control, progress -> { });

        assertEquals(RunState.PAUSED, paused.state());
        Map<State, Integer> counts = journal.counts(run);
        assertEquals(10, counts.get(State.CREATED));
        assertEquals(0, counts.get(State.SENDING), "nothing left marked as being sent");
        assertEquals(20, counts.get(State.PLANNED));
        assertEquals(0, journal.row(run, 12).orElseThrow().sends(), "the readied rows never went");

        service.during = requests -> { };
        BulkEngine.Result resumed = engine.run(run, new RunControl(), progress -> { });
        assertEquals(RunState.FINISHED, resumed.state());
        assertEquals(30, journal.counts(run).get(State.CREATED));
        assertEquals(30, new HashSet<>(service.callees).size(), "every callee dialled");
        assertEquals(30, service.callees.size(), "and none twice"); // a set alone cannot see a callee dialled twice
        assertEquals(List.of(10, 10, 10), service.batches);
    }

    @Test
    void aReadiedChunkWhoseCallingHoursEndWhileTheRequestBeforeIsOutIsHeldBackNotSent() throws Exception {
        Instant closing = START.plusSeconds(60);
        BulkEngine.SendCheck hours = (request, now) -> now.isBefore(closing) ? java.util.Optional.empty()
                : java.util.Optional.of("Outside calling hours.");
        engine = new BulkEngine(service, journal, clock, (duration, control) -> clock.advance(duration),
                Duration.ofSeconds(5), hours);
        String run = launch(20);
        service.during = requests -> {
            if (service.batches.size() == 1) {
                waitUntil(() -> count(run, State.SENDING) == 20, "the next chunk marked");
                clock.advance(Duration.ofMinutes(2)); // a slow answer: the hours end meanwhile
            }
        };
        engine.run(run, new RunControl(), progress -> { });

        assertEquals(List.of(10), service.batches, "nothing went after the hours ended");
        assertEquals(10, journal.counts(run).get(State.CREATED));
        assertEquals(10, journal.counts(run).get(State.SKIPPED));
        assertEquals("Outside calling hours.", journal.row(run, 12).orElseThrow().reason());
    }

    int count(String run, State state) {
        try {
            return journal.counts(run).get(state);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }


    /** Creates every call unless scripted otherwise, counting how many requests are out at once. */
    static final class Service extends BatchOnlyDials {
        final List<Function<List<DialRequest>, BatchOutcome>> answers = new ArrayList<>();
        final List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> callees = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile java.util.function.Consumer<List<DialRequest>> during = requests -> { };
        volatile Function<List<DialRequest>, List<Call>> historyOf = requests -> List.of();
        volatile List<DialRequest> last = List.of();
        int created;

        @Override
        public BatchOutcome sendBatch(List<DialRequest> requests) {
            batches.add(requests.size());
            requests.forEach(request -> callees.add(request.phoneNumber()));
            last = requests;
            during.accept(requests);
            if (!answers.isEmpty()) {
                return answers.remove(0).apply(requests);
            }
            List<DialResponse> responses = new ArrayList<>();
            for (DialRequest request : requests) {
                responses.add(new DialResponse("call-" + (++created), null, request.metadata(), null, null, null));
            }
            return new BatchOutcome.Created(responses);
        }

        @Override
        public List<Call> callsCreatedSince(Instant since, int max) {
            return historyOf.apply(last);
        }
    }
}
