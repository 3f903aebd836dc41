package org.dialdesk.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.api.FieldError;
import org.dialdesk.service.BatchOutcome;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.store.OutboxJournal.RunState;
import org.dialdesk.store.OutboxJournal.State;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.BatchOnlyDials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine against a scripted service: each way a request can end, and what the journal then holds. */
class BulkEngineTest {
    static final Instant START = Instant.parse("2026-11-23T16:00:00Z");

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(START);
    final ScriptedDials dials = new ScriptedDials();
    final List<Duration> waits = new ArrayList<>();
    OutboxJournal journal;
    BulkEngine engine;

    @BeforeEach
    void open() throws Exception {
        journal = new OutboxJournal(dir.resolve("outbox.db"));
        engine = new BulkEngine(dials, journal, clock, (duration, control) -> {
            waits.add(duration);
            clock.advance(duration);
        }, Duration.ofSeconds(5), BulkEngine.SendCheck.NONE);
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    String launch(int rows, int chunk) throws Exception {
        BulkPlan plan = BulkFixtures.planOf(BulkFixtures.sheetOf(rows, 0), clock);
        return BulkEngine.launch(journal, plan, new OutboxJournal.RunSpec("test.csv", "hash", "Test", "http://127.0.0.1:1/api/v1",
                false, chunk, 10, "k1"), clock).id();
    }

    BulkEngine.Result run(String runId) {
        return engine.run(runId, new RunControl(), progress -> { });
    }

    @Test
    void sendsEveryRowOnceInChunksAndRecordsItsCall() throws Exception {
        String run = launch(25, 10);
        BulkEngine.Result result = run(run);
        assertEquals(RunState.FINISHED, result.state());
        assertEquals(List.of(10, 10, 5), dials.batchSizes);
        assertEquals(25, journal.counts(run).get(State.CREATED));
        OutboxJournal.Row first = journal.row(run, 2).orElseThrow();
        assertEquals("call-1", first.callId());
        // Every dial says which run and row it is, for finding it again in history.
        DialRequest sent = dials.sent.get(0);
        assertEquals(run, sent.metadata().get(BulkEngine.RUN_KEY).asText());
        assertEquals(2, sent.metadata().get(BulkEngine.ROW_KEY).asInt());
        assertEquals("Name 0", sent.metadata().get("name").asText());
    }

    @Test
    void aRunEndsByWhatItsRowsSayEvenWhenItsShownCountsAreOff() throws Exception {
        String run = launch(5, 10);
        // As an older build writing runs to the same outbox could leave them: counts for showing only.
        try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("outbox.db"));
             java.sql.Statement statement = raw.createStatement()) {
            statement.execute("UPDATE row_counts SET n = n + 7 WHERE state = 'PLANNED'");
        }
        BulkEngine.Result result = run(run);
        assertEquals(RunState.FINISHED, result.state(), result.message());
        assertEquals(List.of(5), dials.batchSizes);
    }

    @Test
    void paceIsKeptBetweenRequests() throws Exception {
        String run = launch(30, 10); // 10 a second: 10 rows, a second's wait, 10 more…
        run(run);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), waits);
    }

    @Test
    void anUncertainChunkFoundInHistoryIsSettledWithoutSendingAgain() throws Exception {
        String run = launch(3, 10);
        dials.next(requests -> new BatchOutcome.Uncertain("reset", clock.instant()));
        dials.history(requests -> tagged(requests, run));
        BulkEngine.Result result = run(run);
        assertEquals(RunState.FINISHED, result.state());
        assertEquals(1, dials.batchSizes.size(), "sent once");
        assertEquals(3, journal.counts(run).get(State.CREATED));
        assertTrue(journal.row(run, 2).orElseThrow().reconciled());
        assertTrue(waits.contains(Duration.ofSeconds(5)), "history is read once the settle delay has passed: " + waits);
    }

    @Test
    void anUncertainChunkMissingFromACompleteLookUpIsSentAgain() throws Exception {
        String run = launch(3, 10);
        dials.next(requests -> new BatchOutcome.Uncertain("500 after sending", clock.instant()));
        dials.history(requests -> List.of());
        run(run);
        assertEquals(List.of(3, 3), dials.batchSizes);
        assertEquals(3, journal.counts(run).get(State.CREATED));
    }

    @Test
    void aCallToTheSameCalleeNotTaggedByTheRunWaitsForTheOperator() throws Exception {
        String run = launch(2, 10);
        dials.next(requests -> new BatchOutcome.Uncertain("timeout", clock.instant()));
        dials.history(requests -> List.of(call("other-1", "+13125550000", null, 0)));
        BulkEngine.Result result = run(run);
        assertEquals(RunState.PAUSED, result.state());
        OutboxJournal.Row waiting = journal.row(run, 2).orElseThrow();
        assertEquals(State.NEEDS_DECISION, waiting.state());
        assertTrue(waiting.reason().contains("other-1"), waiting.reason());
        // Row 3's callee has no call at all: it was not placed, and the second request carried it alone.
        assertEquals(List.of(2, 1), dials.batchSizes, "row 2 is never resent by itself");
        assertEquals("+13125550001", dials.sent.get(2).phoneNumber());
        assertEquals(State.CREATED, journal.row(run, 3).orElseThrow().state());

        engine.decide(run, 2, BulkEngine.Decision.LEAVE);
        assertEquals(State.CANCELED, journal.row(run, 2).orElseThrow().state());
    }

    @Test
    void historyThatCannotBeReadLeavesRowsToTheOperatorAfterThreeTries() throws Exception {
        String run = launch(2, 10);
        dials.next(requests -> new BatchOutcome.Uncertain("reset", clock.instant()));
        for (int i = 0; i < 3; i++) {
            dials.history(requests -> {
                throw new IllegalStateException("history down");
            });
        }
        BulkEngine.Result result = run(run);
        assertEquals(RunState.PAUSED, result.state());
        assertEquals(2, journal.counts(run).get(State.NEEDS_DECISION));
        assertTrue(result.message().contains("2 rows wait for your decision"), result.message());

        engine.decide(run, 2, BulkEngine.Decision.SEND_AGAIN);
        engine.decide(run, 3, BulkEngine.Decision.SEND_AGAIN);
        assertEquals(RunState.FINISHED, run(run).state());
        assertEquals(2, journal.counts(run).get(State.CREATED));
    }

    @Test
    void rowsMarkedAsBeingSentWhenTheProcessDiedAreLookedUpNotResent() throws Exception {
        String run = launch(4, 2);
        // As a kill -9 leaves it: the first chunk marked as being sent, its answer never recorded.
        journal.apply(run, List.of(
                new OutboxJournal.Change(2, State.SENDING, null, null, START, true, false, false),
                new OutboxJournal.Change(3, State.SENDING, null, null, START, true, false, false)));
        dials.history(requests -> List.of(call("found-2", "+13125550000", run, 2)));
        run(run);
        assertEquals(State.CREATED, journal.row(run, 2).orElseThrow().state());
        assertEquals("found-2", journal.row(run, 2).orElseThrow().callId());
        // Row 3 was proved absent and sent again, with row 4 and 5 after it.
        List<String> callees = dials.sent.stream().map(DialRequest::phoneNumber).toList();
        assertEquals(List.of("+13125550001", "+13125550002", "+13125550003"), callees);
    }

    @ParameterizedTest(name = "left {0}")
    @EnumSource(value = State.class, names = {"SENDING", "UNCERTAIN"})
    void rowsAStoppedProcessLeftWithTheServiceAreLookedUpOnlyOnceTheirAnswerWouldHaveCome(State left) throws Exception {
        dials.answerWithin = Duration.ofSeconds(37);
        String run = launch(2, 10);
        // As a kill -9 leaves it (being sent), or a second kill before the run started again looked (uncertain); started
        // again 3 s after the request went. The service is still at work on it, and its calls show in history 20 s after
        // it was sent: a look-up at once would find none and ring both people twice.
        journal.apply(run, List.of(
                new OutboxJournal.Change(2, left, null, null, START, true, false, false),
                new OutboxJournal.Change(3, left, null, null, START, true, false, false)));
        clock.advance(Duration.ofSeconds(3));
        List<String> lines = new ArrayList<>();
        dials.history(requests -> clock.instant().isBefore(START.plusSeconds(20)) ? List.of()
                : List.of(call("late-2", "+13125550000", run, 2), call("late-3", "+13125550001", run, 3)));
        BulkEngine.Result result = engine.run(run, new RunControl(), progress -> lines.add(progress.lineAndNote()));
        assertEquals(RunState.FINISHED, result.state(), result.message());
        assertEquals(List.of(), dials.sent, "nothing sent again");
        assertEquals("late-2", journal.row(run, 2).orElseThrow().callId());
        assertEquals("late-3", journal.row(run, 3).orElseThrow().callId());
        // Until the request's answer would have come (37 s after it was sent), and the settle delay after that.
        assertEquals(List.of(Duration.ofSeconds(34 + 5)), waits);
        assertEquals("0 of 2 · 0 created · 2 uncertain · No clear answer for 2 row(s): call history is checked"
                + " at 16:00:42, once the service has had time to place the calls. Nothing is sent meanwhile.", lines.get(0),
                "the operator is told when from the first line, and no time left is guessed meanwhile: " + lines);
    }

    @Test
    void aRateLimitSlowsDownAndSendsTheSameRowsAgain() throws Exception {
        String run = launch(2, 10);
        dials.next(requests -> new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.RATE_LIMITED, 429, "429", List.of(),
                Optional.of(Duration.ofSeconds(7))));
        run(run);
        assertEquals(List.of(2, 2), dials.batchSizes);
        assertTrue(waits.contains(Duration.ofSeconds(7)), "Retry-After is waited: " + waits);
        assertEquals(2, journal.counts(run).get(State.CREATED));
    }

    @Test
    void rowsTheServiceNamesAreRefusedAndTheRestGoAgain() throws Exception {
        String run = launch(3, 10);
        dials.next(requests -> new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.REFUSED, 422, "Invalid request",
                List.of(new FieldError("[1].phone_number", "not reachable")), Optional.empty()));
        run(run);
        assertEquals(List.of(3, 2), dials.batchSizes);
        OutboxJournal.Row refused = journal.row(run, 3).orElseThrow();
        assertEquals(State.REJECTED, refused.state());
        assertTrue(refused.reason().contains("not reachable"), refused.reason());
        assertEquals(2, journal.counts(run).get(State.CREATED));
    }

    @Test
    void aChunkRefusedWithoutSayingWhyIsSentRowByRow() throws Exception {
        String run = launch(3, 10);
        dials.next(requests -> new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.REFUSED, 422, "Bad batch", List.of(),
                Optional.empty()));
        dials.next(this::created);
        dials.next(requests -> new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.REFUSED, 422, "This one", List.of(),
                Optional.empty()));
        run(run);
        assertEquals(List.of(3, 1, 1, 1), dials.batchSizes);
        assertEquals(State.REJECTED, journal.row(run, 3).orElseThrow().state());
        assertEquals("This one", journal.row(run, 3).orElseThrow().reason());
        assertEquals(2, journal.counts(run).get(State.CREATED));
    }

    @Test
    void aRefusedKeyPausesTheRunWithNothingLost() throws Exception {
        String run = launch(3, 10);
        dials.next(requests -> new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.UNAUTHORIZED, 401,
                "The service did not accept the API key (401).", List.of(), Optional.empty()));
        BulkEngine.Result result = run(run);
        assertEquals(RunState.PAUSED, result.state());
        assertTrue(result.message().contains("401"), result.message());
        assertEquals(3, journal.counts(run).get(State.PLANNED));
        assertEquals(RunState.FINISHED, run(run).state());
        assertEquals(3, journal.counts(run).get(State.CREATED));
    }

    @Test
    void anUnreachableServicePausesAfterSixTriesAndSendsNothingTwice() throws Exception {
        String run = launch(2, 10);
        for (int i = 0; i < 6; i++) {
            dials.next(requests -> new BatchOutcome.NeverSent("Could not reach the dial service. Nothing was sent.", List.of()));
        }
        BulkEngine.Result result = run(run);
        assertEquals(RunState.PAUSED, result.state());
        assertEquals(2, journal.counts(run).get(State.PLANNED));
        assertEquals(RunState.FINISHED, run(run).state());
    }

    @Test
    void cancelLeavesTheRestUnsentAndSaysSo() throws Exception {
        String run = launch(5, 2);
        RunControl control = new RunControl();
        dials.next(requests -> {
            control.cancel();
            return created(requests);
        });
        BulkEngine.Result result = engine.run(run, control, progress -> { });
        assertEquals(RunState.CANCELED, result.state());
        assertEquals(2, journal.counts(run).get(State.CREATED));
        assertEquals(3, journal.counts(run).get(State.CANCELED));
        assertEquals(RunState.CANCELED, run(run).state(), "an ended run sends nothing more");
        assertEquals(1, dials.batchSizes.size());
    }

    @Test
    void aRowHeldBackAtItsTurnIsSkippedWithTheReason() throws Exception {
        engine = new BulkEngine(dials, journal, clock, (d, c) -> clock.advance(d), Duration.ZERO,
                (request, now) -> request.phoneNumber().endsWith("0001") ? Optional.of("Outside calling hours now.")
                        : Optional.empty());
        String run = launch(3, 10);
        run(run);
        assertEquals(State.SKIPPED, journal.row(run, 3).orElseThrow().state());
        assertEquals(2, journal.counts(run).get(State.CREATED));
    }

    @Test
    void aRunBeingSentElsewhereIsNotSentFromHereToo() throws Exception {
        String run = launch(3, 10);
        try (AutoCloseable elsewhere = journal.claim(run).orElseThrow()) {
            BulkEngine.Result result = run(run);
            assertEquals(RunState.PAUSED, result.state());
            assertTrue(result.message().startsWith("This run is being sent by another DialDesk right now"), result.message());
            assertEquals(List.of(), dials.batchSizes);
        }
        assertEquals(RunState.FINISHED, run(run).state(), "once it is let go, it is sent here");
    }

    @Test
    void aCancelStillWaitsTheSettleDelayBeforeLookingUpWhatMayHaveRung() throws Exception {
        String run = launch(4, 2);
        RunControl control = new RunControl();
        dials.next(requests -> {
            control.cancel();
            return new BatchOutcome.Uncertain("reset", clock.instant());
        });
        dials.history(requests -> tagged(requests.subList(0, 1), run));
        BulkEngine.Result result = engine.run(run, control, progress -> { });
        assertEquals(RunState.CANCELED, result.state());
        assertTrue(waits.contains(Duration.ofSeconds(5)), "the look-up waited: " + waits);
        assertEquals(State.CREATED, journal.row(run, 2).orElseThrow().state(), "found: it rang");
        assertEquals(State.CANCELED, journal.row(run, 3).orElseThrow().state(), "proved unplaced, and not sent on a cancelled run");
        assertEquals(State.CANCELED, journal.row(run, 4).orElseThrow().state());
        assertEquals(1, dials.batchSizes.size());
    }

    @Test
    void aBatchTooLargeIsSentAgainInHalves() throws Exception {
        String run = launch(4, 4);
        dials.next(requests -> new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.REFUSED, 413, "A batch holds at most 2",
                List.of(), Optional.empty()));
        run(run);
        assertEquals(List.of(4, 2, 2), dials.batchSizes);
        assertEquals(4, journal.counts(run).get(State.CREATED));
        assertEquals(2, journal.run(run).orElseThrow().spec().chunk(), "kept for a resume");
    }

    @Test
    void aMissingBatchEndpointPausesRatherThanRefusingEveryRow() throws Exception {
        String run = launch(3, 10);
        dials.next(requests -> new BatchOutcome.Rejected(DialOutcome.Rejected.Reason.NOT_FOUND, 404, "Not found (404): HTTP 404",
                List.of(), Optional.empty()));
        BulkEngine.Result result = run(run);
        assertEquals(RunState.PAUSED, result.state());
        assertTrue(result.message().contains("check the profile's base URL"), result.message());
        assertEquals(3, journal.counts(run).get(State.PLANNED));
    }

    @Test
    void aHistoryThatNamesNoCalleesCannotProveARowUnplaced() throws Exception {
        String run = launch(1, 10);
        dials.next(requests -> new BatchOutcome.Uncertain("reset", clock.instant()));
        dials.history(requests -> List.of(new Call("x", null, "Outbound", null, null, null, null, null, null,
                START.toString(), null, null, null, null, null, null, null, null, null, null, null)));
        run(run);
        assertEquals(State.NEEDS_DECISION, journal.row(run, 2).orElseThrow().state());
        assertEquals(1, dials.batchSizes.size());
    }

    @Test
    void callIdsGoToTheRowsTheirTagsName() throws Exception {
        String run = launch(2, 10);
        dials.next(requests -> {
            List<DialResponse> reversed = new ArrayList<>();
            for (int i = requests.size() - 1; i >= 0; i--) {
                reversed.add(new DialResponse("call-for-row-" + requests.get(i).metadata().get(BulkEngine.ROW_KEY).asInt(),
                        null, requests.get(i).metadata(), null, null, null));
            }
            return new BatchOutcome.Created(reversed);
        });
        run(run);
        assertEquals("call-for-row-2", journal.row(run, 2).orElseThrow().callId());
        assertEquals("call-for-row-3", journal.row(run, 3).orElseThrow().callId());
    }

    @Test
    void callingHoursAreCheckedAgainWhenARowsTurnComes() throws Exception {
        // 10:00 in Chicago; the window opens at 11:00.
        engine = new BulkEngine(dials, journal, clock, (d, c) -> clock.advance(d), Duration.ZERO,
                BulkEngine.SendCheck.callingHours(new org.dialdesk.domain.CallingRule(new org.dialdesk.domain.CallingHours(
                        java.time.LocalTime.of(11, 0), java.time.LocalTime.of(21, 0)), BulkFixtures.ZONES)));
        String run = launch(2, 10);
        run(run);
        OutboxJournal.Row held = journal.row(run, 2).orElseThrow();
        assertEquals(State.SKIPPED, held.state());
        assertTrue(held.reason().startsWith("Outside calling hours when its turn came: It will be 10:00 for the callee"),
                held.reason());
        assertEquals(List.of(), dials.batchSizes);
    }

    @Test
    void aRunIsResumedOnlyOnTheAccountItWasStartedOn() throws Exception {
        String run = launch(2, 10);
        assertEquals(run, journal.latestUnfinished("hash", "http://127.0.0.1:1/api/v1", "k1").orElseThrow().id());
        assertTrue(journal.latestUnfinished("hash", "http://127.0.0.1:1/api/v1", "another-key").isEmpty(),
                "another key is another account: its history cannot show this run's calls");
        assertTrue(BulkDesk.previous(journal, "hash", "http://127.0.0.1:1/api/v1", "another-key").isEmpty());
        assertTrue(BulkDesk.previous(journal, "hash", "http://127.0.0.1:1/api/v1", "k1").orElseThrow().unfinished());
    }

    // ---- the scripted service ----

    BatchOutcome created(List<DialRequest> requests) {
        List<DialResponse> responses = new ArrayList<>();
        for (DialRequest ignored : requests) {
            responses.add(new DialResponse("call-" + (++dials.created), null, null, null, null, null));
        }
        return new BatchOutcome.Created(responses);
    }

    static List<Call> tagged(List<DialRequest> requests, String run) {
        List<Call> calls = new ArrayList<>();
        for (DialRequest request : requests) {
            calls.add(call("found-" + request.metadata().get(BulkEngine.ROW_KEY).asInt(), request.phoneNumber(), run,
                    request.metadata().get(BulkEngine.ROW_KEY).asInt()));
        }
        return calls;
    }

    static Call call(String id, String to, String run, int row) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("to", to);
        if (run != null) {
            metadata.put(BulkEngine.RUN_KEY, run).put(BulkEngine.ROW_KEY, row);
        }
        return new Call(id, null, "Outbound", null, null, metadata, null, null, null, START.toString(), null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** Answers batches from a script (then creates them), and history look-ups from another. */
    final class ScriptedDials extends BatchOnlyDials {
        final Deque<Function<List<DialRequest>, BatchOutcome>> answers = new ArrayDeque<>();
        final Deque<Function<List<DialRequest>, List<Call>>> lookUps = new ArrayDeque<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final List<DialRequest> sent = new ArrayList<>();
        final Map<String, List<DialRequest>> lastBatch = new HashMap<>();
        int created;

        void next(Function<List<DialRequest>, BatchOutcome> answer) {
            answers.add(answer);
        }

        void history(Function<List<DialRequest>, List<Call>> answer) {
            lookUps.add(answer);
        }

        @Override
        public BatchOutcome sendBatch(List<DialRequest> requests) {
            batchSizes.add(requests.size());
            sent.addAll(requests);
            lastBatch.put("last", requests);
            Function<List<DialRequest>, BatchOutcome> answer = answers.poll();
            return answer == null ? created(requests) : answer.apply(requests);
        }

        @Override
        public List<Call> callsCreatedSince(Instant since, int max) {
            Function<List<DialRequest>, List<Call>> answer = lookUps.poll();
            if (answer == null) {
                throw new AssertionError("a history look-up nobody expected");
            }
            return answer.apply(lastBatch.getOrDefault("last", List.of()));
        }
    }
}
