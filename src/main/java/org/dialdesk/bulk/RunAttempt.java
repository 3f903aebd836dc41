package org.dialdesk.bulk;

import static org.dialdesk.bulk.BulkEngine.CLOCK_SLACK;
import static org.dialdesk.bulk.BulkEngine.LOOK_UP_FAILURES_BEFORE_DECISION;
import static org.dialdesk.bulk.BulkEngine.MAX_LOOK_UP_CALLS;
import static org.dialdesk.bulk.BulkEngine.MAX_SENDS_PER_ROW;
import static org.dialdesk.bulk.BulkEngine.ROW_KEY;
import static org.dialdesk.bulk.BulkEngine.UNREACHABLE_BEFORE_PAUSE;
import static org.dialdesk.bulk.BulkEngine.rowNumber;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.bulk.BulkEngine.Result;
import org.dialdesk.bulk.BulkEngine.SendCheck;
import org.dialdesk.bulk.BulkEngine.Waiter;
import org.dialdesk.service.BatchOutcome;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.service.DialService;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.store.OutboxJournal.Change;
import org.dialdesk.store.OutboxJournal.Row;
import org.dialdesk.store.OutboxJournal.RunState;
import org.dialdesk.store.OutboxJournal.State;

/**
 * One call of {@link BulkEngine#run}: the run's rows sent, chunk by chunk, and uncertain ones settled
 * from history, with its pacing and its counts of failures in a row. Made and used by the engine only.
 */
final class RunAttempt {
    private final BulkEngine engine;
    private final DialService dials;
    private final OutboxJournal journal;
    private final Clock clock;
    private final Waiter waiter;
    private final Duration settleDelay;
    private final SendCheck sendCheck;
    private final OutboxJournal.Run run;
    private final RunControl control;
    private final Consumer<BulkProgress> listener;
    private final Pacer pacer;
    private int unreachableInARow;
    private int lookUpFailuresInARow;
    /** When this attempt last learnt that rows may have rung: history is read a settle delay after that. */
    private Instant uncertainSince;
    /** Rows a request: the run's, halved when the service says a batch is too large. */
    private int chunk;
    private final OneRequestOut requests;
    /**
     * A next chunk is readied while a request is out only when the pace would let it follow at once
     * (or nearly): at slower paces the rows would wait marked as being sent for nothing.
     */
    static final Duration READY_AHEAD_WITHIN = Duration.ofMillis(250);

    RunAttempt(BulkEngine engine, DialService dials, OutboxJournal journal, Clock clock, Waiter waiter, Duration settleDelay,
               SendCheck sendCheck, OutboxJournal.Run run, RunControl control, Consumer<BulkProgress> listener) {
        this.engine = engine;
        this.dials = dials;
        this.journal = journal;
        this.clock = clock;
        this.waiter = waiter;
        this.settleDelay = settleDelay;
        this.sendCheck = sendCheck;
        this.run = run;
        this.control = control;
        this.listener = listener;
        this.pacer = new Pacer(clock, run.spec().ratePerSecond());
        this.chunk = run.spec().chunk();
        this.requests = new OneRequestOut(dials, clock, run.id());
    }

    Result go() throws SQLException, InterruptedException {
        try (requests) {
            return attempt();
        }
    }

    private Result attempt() throws SQLException, InterruptedException {
        journal.settleInterrupted(run.id(), "The run stopped while this row was being sent; it may have rung,"
                + " so call history is checked before anything else.");
        // Rows found uncertain now are looked up a settle delay from now, as if their answer had just failed. A request
        // a stopped process left with the service (this run's last one, or the one before it, stopped in turn before
        // it looked) may still be at work there: its calls show in history only later, so it counts as failed only
        // once its answer would have come.
        uncertainSince = clock.instant();
        journal.rowsIn(run.id(), State.UNCERTAIN).stream().map(Row::attemptedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).map(sent -> sent.plus(dials.answerWithin()))
                .filter(answered -> answered.isAfter(uncertainSince)).ifPresent(answered -> uncertainSince = answered);
        if (run.state() == RunState.CANCELED) {
            return cancel(); // a cancel cut short: its uncertain rows are still settled, nothing is sent
        }
        journal.setRunState(run.id(), RunState.RUNNING, null);
        // Rows left to look up wait first: the first line says until when, not a time left that the wait would belie.
        int uncertainAtStart = journal.countIn(run.id(), State.UNCERTAIN);
        report(uncertainAtStart == 0 ? null : waitNote(uncertainAtStart).orElse(null));
        while (true) {
            if (control.cancelAsked()) {
                return cancel();
            }
            if (control.pauseAsked()) {
                journal.setRunState(run.id(), RunState.PAUSED, "Paused.");
                return new Result(RunState.PAUSED, engine.progress(run, pacer, "Paused."), "Paused.");
            }
            List<Row> uncertain = journal.rowsIn(run.id(), State.UNCERTAIN);
            if (!uncertain.isEmpty()) {
                reconcile(uncertain, false);
                continue;
            }
            List<Row> next = journal.nextPlanned(run.id(), chunk);
            if (next.isEmpty()) {
                Result finished = finish();
                if (finished != null) {
                    return finished;
                }
                continue;
            }
            Optional<String> stop = send(next);
            if (stop.isPresent()) {
                journal.setRunState(run.id(), RunState.PAUSED, stop.get());
                return new Result(RunState.PAUSED, engine.progress(run, pacer, stop.get()), stop.get());
            }
        }
    }

    /**
     * Cancels: written as cancelled first (so a crash meanwhile can never resume sending), the
     * planned rows are left unsent, and rows that may have rung are still looked up; what the
     * look-up proves unplaced is left unsent too.
     */
    private Result cancel() throws SQLException, InterruptedException {
        journal.setRunState(run.id(), RunState.CANCELED, "Cancelling.");
        int canceled = journal.cancelPlanned(run.id(), "Not sent: the run was cancelled.");
        for (int tries = 0; tries < LOOK_UP_FAILURES_BEFORE_DECISION + 1; tries++) {
            List<Row> uncertain = journal.rowsIn(run.id(), State.UNCERTAIN);
            if (uncertain.isEmpty()) {
                break;
            }
            reconcile(uncertain, true);
            canceled += journal.cancelPlanned(run.id(), "Not sent: the run was cancelled.");
        }
        List<Row> still = journal.rowsIn(run.id(), State.UNCERTAIN);
        List<Change> changes = new ArrayList<>();
        for (Row row : still) {
            changes.add(Change.to(row.rowNo(), State.NEEDS_DECISION, "The run was cancelled before call history could"
                    + " say whether it rang: check it in History."));
        }
        journal.apply(run.id(), changes);
        return end(RunState.CANCELED, "Cancelled; " + canceled + " rows were not sent.");
    }

    /** The end of the run, or null when rows came back to be sent meanwhile (a decision, another sender). */
    private Result finish() throws SQLException {
        if (journal.countIn(run.id(), State.PLANNED, State.UNCERTAIN, State.SENDING) > 0) {
            return null;
        }
        int waiting = journal.countIn(run.id(), State.NEEDS_DECISION);
        if (waiting > 0) {
            String message = waiting + (waiting == 1 ? " row waits" : " rows wait") + " for your decision: call history"
                    + " could not say whether " + (waiting == 1 ? "it" : "they") + " rang.";
            journal.setRunState(run.id(), RunState.PAUSED, message);
            return new Result(RunState.PAUSED, engine.progress(run, pacer, message), message);
        }
        return end(RunState.FINISHED, "Finished.");
    }

    private Result end(RunState state, String message) throws SQLException {
        int waiting = journal.countIn(run.id(), State.NEEDS_DECISION);
        String full = waiting == 0 ? message : message + " " + waiting + " rows wait for your decision.";
        // A cancelled run stays cancelled (nothing more is sent); its waiting rows are decided in it.
        RunState ended = waiting == 0 || state == RunState.CANCELED ? state : RunState.PAUSED;
        journal.setRunState(run.id(), ended, full);
        BulkProgress last = engine.progress(run, pacer, full);
        listener.accept(last);
        return new Result(ended, last, full);
    }

    /** What the run says while {@code rows} uncertain rows wait to be looked up; empty once they can be. */
    private Optional<String> waitNote(int rows) {
        Instant settled = uncertainSince.plus(settleDelay);
        if (!clock.instant().isBefore(settled)) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "No clear answer for %,d row(s): call history is checked at"
                + " %s, once the service has had time to place the calls. Nothing is sent meanwhile.", rows,
                LocalTime.ofInstant(settled, clock.getZone()).withNano(0)));
    }

    private void report(String note) throws SQLException {
        listener.accept(engine.progress(run, pacer, note));
    }

    /**
     * Sends one chunk, and while its request is out readies the next: marked as being sent (so a
     * crash meanwhile has it looked up, never resent blind), to go the moment a clean answer is in,
     * before that answer is even written down. So the journal's work for one chunk is done while the
     * service works on another, and at the service's own speed a run is bound by the service, not
     * by the outbox's commits. This goes on as long as every answer is clean (a call for each row)
     * and the pace lets requests follow each other at once; only one request is ever out at a time,
     * and a readied chunk that does not go is put back as planned (it never left). Returns why the
     * run must stop, if it must.
     */
    private Optional<String> send(List<Row> chunk) throws SQLException, InterruptedException {
        Duration wait = pacer.waitBefore();
        if (!wait.isZero()) {
            waiter.await(wait, control);
            if (control.stopAsked()) {
                return Optional.empty();
            }
        }
        Marked out = mark(chunk);
        if (out == null) {
            return Optional.empty();
        }
        pacer.started(out.rows().size());
        Future<BatchOutcome> answer = requests.send(out.requests());
        while (true) {
            Marked ahead = null;
            Exception notReadied = null;
            try {
                ahead = pacer.waitBefore().compareTo(READY_AHEAD_WITHIN) < 0 ? readyNext() : null;
            } catch (SQLException | RuntimeException e) {
                notReadied = e; // the answer to the request that is out is recorded first
            }
            BatchOutcome outcome = requests.answer(answer); // waited for through an interrupt, which stays set
            Future<BatchOutcome> nextAnswer = null;
            boolean clean = outcome instanceof BatchOutcome.Created created && created.callForEach(out.rows().size());
            if (ahead != null && clean && !stopping()) {
                wait = pacer.waitBefore();
                if (!wait.isZero()) {
                    try {
                        waiter.await(wait, control);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // stops below, once the answer is recorded
                    }
                }
                // Checked again as it goes: it was readied while the last request was out, maybe long
                // enough ago for its callees' calling hours to have ended. If any may not go now, the
                // chunk goes back to planned and the next turn holds those rows back with the reason.
                if (!stopping() && mayGoNow(ahead)) {
                    pacer.started(ahead.rows().size());
                    nextAnswer = requests.send(ahead.requests());
                }
            }
            if (nextAnswer == null && ahead != null) {
                putBack(ahead); // before record, which may wait (a backoff) with these rows marked for nothing
            }
            // The console closing (an interrupt) while a request was out: its answer is recorded first,
            // and the readied chunk is back as planned, so neither is left for the operator to decide.
            boolean closing = Thread.interrupted();
            Optional<String> stop = record(out.rows(), outcome);
            report(null);
            if (closing) {
                throw new InterruptedException("Stopped while a request was out; its answer is recorded.");
            }
            if (notReadied instanceof SQLException failed) {
                throw failed;
            }
            if (notReadied instanceof RuntimeException failed) {
                throw failed;
            }
            if (nextAnswer == null) {
                return stop;
            }
            out = ahead;
            answer = nextAnswer;
        }
    }

    private boolean stopping() {
        return control.stopAsked() || Thread.currentThread().isInterrupted();
    }

    /** Whether every row of a readied chunk may still go; a check that fails says no (the next turn meets it again). */
    private boolean mayGoNow(Marked ahead) {
        Instant now = clock.instant();
        try {
            return ahead.requests().stream().allMatch(request -> sendCheck.holdBack(request, now).isEmpty());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Rows marked as being sent, with their dials; their request has not been made yet. */
    private record Marked(List<Row> rows, List<DialRequest> requests) {
    }

    /**
     * The chunk's rows that may go now (the others are skipped with the reason), durably "being
     * sent" before their request leaves: after a crash they are looked up, not resent. Only if they
     * are all still planned (a cancel or a decision may have moved one meanwhile); null when none goes.
     */
    private Marked mark(List<Row> chunk) throws SQLException {
        Instant now = clock.instant();
        List<Row> going = new ArrayList<>();
        List<DialRequest> requests = new ArrayList<>();
        List<Change> held = new ArrayList<>();
        for (Row row : chunk) {
            DialRequest request = BulkEngine.dialOf(row, run.id());
            Optional<String> holdBack = sendCheck.holdBack(request, now);
            if (holdBack.isPresent()) {
                held.add(Change.to(row.rowNo(), State.SKIPPED, holdBack.get()));
            } else {
                going.add(row);
                requests.add(request);
            }
        }
        journal.apply(run.id(), held);
        if (going.isEmpty()) {
            report(null);
            return null;
        }
        if (!journal.markSending(run.id(), going.stream().map(Row::rowNo).toList(), now)) {
            return null;
        }
        return new Marked(going, requests);
    }

    /** The next chunk marked, while a request is out; null when the loop must look first (uncertain rows, a stop). */
    private Marked readyNext() throws SQLException {
        if (control.stopAsked() || !journal.rowsIn(run.id(), State.UNCERTAIN).isEmpty()) {
            return null;
        }
        List<Row> next = journal.nextPlanned(run.id(), chunk);
        return next.isEmpty() ? null : mark(next);
    }

    /** A readied chunk that is not going after all: planned again, as it was (its request was never made). */
    private void putBack(Marked ahead) throws SQLException {
        journal.apply(run.id(), RowChanges.plannedAsBefore(ahead.rows()));
    }

    private Optional<String> record(List<Row> rows, BatchOutcome outcome) throws SQLException, InterruptedException {
        List<Change> changes = new ArrayList<>();
        if (outcome instanceof BatchOutcome.Created created) {
            unreachableInARow = 0;
            pacer.answered();
            Map<Integer, DialResponse> byRow = new HashMap<>();
            for (DialResponse response : created.responses()) {
                Integer tagged = response.metadata() == null ? null : rowNumber(response.metadata().path(ROW_KEY));
                if (tagged != null) {
                    byRow.put(tagged, response);
                }
            }
            // The answers' own row tags say which call is whose; the order sent, only where they say nothing.
            boolean tagsSayAll = byRow.size() == rows.size();
            for (int i = 0; i < rows.size(); i++) {
                DialResponse response = tagsSayAll ? byRow.get(rows.get(i).rowNo()) : created.responses().get(i);
                changes.add(response == null || response.id() == null
                        ? new Change(rows.get(i).rowNo(), State.UNCERTAIN, null, "The service answered without a call"
                                + " ID for it.", null, true, false, false)
                        : new Change(rows.get(i).rowNo(), State.CREATED, response.id(), null, null, true, false, false));
            }
            journal.apply(run.id(), changes);
            if (changes.stream().anyMatch(change -> change.state() == State.UNCERTAIN)) {
                uncertainSince = clock.instant(); // a call may exist for them: history is read a settle delay from now
            }
            return Optional.empty();
        }
        if (outcome instanceof BatchOutcome.Uncertain uncertain) {
            unreachableInARow = 0;
            pacer.struggled();
            for (Row row : rows) {
                changes.add(new Change(row.rowNo(), State.UNCERTAIN, null, uncertain.message(), null, true, false, false));
            }
            journal.apply(run.id(), changes);
            uncertainSince = clock.instant(); // the settle delay runs from the failed answer, not from the attempt
            return Optional.empty();
        }
        if (outcome instanceof BatchOutcome.Rejected rejected) {
            unreachableInARow = 0;
            switch (rejected.reason()) {
                case RATE_LIMITED -> {
                    pacer.limited(rejected.retryAfter());
                    RowChanges.replan(rows, changes, "The service asked to slow down; sent again at a slower pace.");
                    journal.apply(run.id(), changes);
                    return Optional.empty();
                }
                case UNAUTHORIZED -> {
                    RowChanges.replan(rows, changes, null);
                    journal.apply(run.id(), changes);
                    return Optional.of(rejected.message() + " Nothing of the last chunk rang; resume once the key is fixed.");
                }
                default -> {
                    if (rejected.tooLarge() && rows.size() > 1) {
                        chunk = Math.max(1, rows.size() / 2);
                        journal.setPace(run.id(), chunk, run.spec().ratePerSecond());
                        RowChanges.replan(rows, changes, "The service takes smaller batches; sent again " + chunk + " at a time.");
                        journal.apply(run.id(), changes);
                        return Optional.empty();
                    }
                    if (rejected.reason() == DialOutcome.Rejected.Reason.NOT_FOUND && rejected.fieldErrors().isEmpty()) {
                        // No ID named: the batch endpoint itself is not there. Nothing rang; no row is to blame.
                        RowChanges.replan(rows, changes, null);
                        journal.apply(run.id(), changes);
                        return Optional.of(rejected.message() + " The batch endpoint was not found: check the"
                                + " profile's base URL. Nothing of the last chunk rang.");
                    }
                    pacer.answered();
                    RowChanges.refuse(rows, rejected.message(), rejected.fieldErrors(), changes);
                    journal.apply(run.id(), changes);
                    return Optional.empty();
                }
            }
        }
        BatchOutcome.NeverSent neverSent = (BatchOutcome.NeverSent) outcome;
        if (!neverSent.fieldErrors().isEmpty()) {
            RowChanges.refuse(rows, neverSent.message(), neverSent.fieldErrors(), changes);
            journal.apply(run.id(), changes);
            return Optional.empty();
        }
        unreachableInARow++;
        pacer.struggled();
        RowChanges.replan(rows, changes, "Not sent: " + neverSent.message());
        journal.apply(run.id(), changes);
        if (unreachableInARow >= UNREACHABLE_BEFORE_PAUSE) {
            return Optional.of(neverSent.message() + " Paused after " + unreachableInARow
                    + " tries; resume when the service can be reached.");
        }
        waiter.await(Duration.ofSeconds(Math.min(60, 1L << unreachableInARow)), control);
        return Optional.empty();
    }

    /**
     * Settles uncertain rows from call history. A call tagged with this run and row settles its
     * row; a complete look-up with none proves it was not placed; a call to the same callee not
     * tagged by this run, or a look-up that fails, leaves it to the operator.
     */
    private void reconcile(List<Row> rows, boolean cancelling) throws SQLException, InterruptedException {
        Instant first = rows.stream().map(Row::attemptedAt).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(clock.instant());
        Instant settled = uncertainSince.plus(settleDelay);
        Optional<String> waiting = waitNote(rows.size());
        if (waiting.isPresent()) {
            report(waiting.get());
        }
        while (clock.instant().isBefore(settled)) {
            if (control.pauseAsked() && !cancelling && !control.cancelAsked()) {
                return; // looked up on resume
            }
            // A cancel does not cut the settle wait short: a look-up too early could miss a call that rang.
            waiter.await(Duration.between(clock.instant(), settled), control.cancelAsked() ? new RunControl() : control);
        }
        Instant since = first.minus(CLOCK_SLACK);
        List<Call> calls;
        try {
            calls = dials.callsCreatedSince(since, MAX_LOOK_UP_CALLS);
            lookUpFailuresInARow = 0;
        } catch (DialService.TooManyCalls e) {
            decideLater(rows, e.getMessage() + " Check these rows in History.");
            return;
        } catch (RuntimeException e) {
            lookUpFailuresInARow++;
            if (lookUpFailuresInARow >= LOOK_UP_FAILURES_BEFORE_DECISION) {
                lookUpFailuresInARow = 0;
                decideLater(rows, "Call history could not be read to check whether it rang ("
                        + org.dialdesk.service.ErrorMessages.describe(e) + ").");
            } else {
                report("Call history could not be read; trying again.");
                waiter.await(Duration.ofSeconds(2L << lookUpFailuresInARow),
                        cancelling || control.cancelAsked() ? new RunControl() : control);
            }
            return;
        }
        CallsSeen seen = CallsSeen.of(calls, run.id(), since);
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            Call found = seen.tagged().get(row.rowNo());
            if (found != null) {
                changes.add(new Change(row.rowNo(), State.CREATED, found.id(),
                        "Found in call history after an unclear answer.", null, false, false, true));
                continue;
            }
            List<Call> sameCallee = seen.others().getOrDefault(row.callee(), List.of());
            if (seen.blind()) {
                changes.add(new Change(row.rowNo(), State.NEEDS_DECISION, null, "Call history lists calls since the"
                        + " attempt that name no callee, so it cannot say whether this one rang: check it in History.",
                        null, false, false, false));
            } else if (!sameCallee.isEmpty()) {
                Call other = sameCallee.get(0);
                changes.add(new Change(row.rowNo(), State.NEEDS_DECISION, null, "Call history shows a call to "
                        + row.callee() + " created at " + other.created() + " (ID " + other.id()
                        + ") that this run did not tag: check it in History, then send this row again or leave it.",
                        null, false, false, false));
            } else if (row.sends() >= MAX_SENDS_PER_ROW) {
                changes.add(new Change(row.rowNo(), State.NEEDS_DECISION, null, "Sent " + row.sends()
                        + " times without a clear answer and not in call history: send it again or leave it.",
                        null, false, false, false));
            } else {
                changes.add(new Change(row.rowNo(), State.PLANNED, null,
                        "Not in call history after an unclear answer, so it was not placed; sent again.",
                        null, false, false, true));
            }
        }
        journal.apply(run.id(), changes);
        report(null);
    }

    private void decideLater(List<Row> rows, String reason) throws SQLException {
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            changes.add(Change.to(row.rowNo(), State.NEEDS_DECISION, reason));
        }
        journal.apply(run.id(), changes);
        report(null);
    }
}
