package org.dialdesk.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.Json;
import org.dialdesk.service.DialService;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.store.OutboxJournal.Change;
import org.dialdesk.store.OutboxJournal.Row;
import org.dialdesk.store.OutboxJournal.RunState;
import org.dialdesk.store.OutboxJournal.State;

/**
 * Sends a run's rows through {@code POST /dial/outbound-batched}, chunk by chunk, so that no row
 * rings twice and none is forgotten, whatever the service, the network or the process does:
 * <ul>
 * <li>each chunk's rows are marked as being sent, durably, before the request leaves, and marked
 *     with what came back after;</li>
 * <li>a request that never left is sent again; a 429 slows the pace and waits;</li>
 * <li>a request that left without a clear answer (timeout, reset, 5xx), and rows found mid-send
 *     after a crash, are looked up in call history by the run and row tags every dial carries in
 *     its metadata: a call found settles its row; a complete look-up that finds none proves the row
 *     was not placed, and only then is it sent again; anything the look-up cannot settle waits for
 *     the operator and is never sent by itself.</li>
 * </ul>
 * The engine keeps nothing between calls of {@link #run}: the journal is the whole state, so a run
 * resumes from it in another process as well as in this one. Its methods block; call them off the UI thread.
 */
public final class BulkEngine {
    /** Metadata keys every bulk dial carries, so call history can say which run and row a call came from. */
    public static final String RUN_KEY = "dialdesk_run";
    public static final String ROW_KEY = "dialdesk_row";
    /**
     * How far before the first attempt history is searched: the service's clock may run behind
     * ours, and a tagged call it dates before the window would be taken for one never placed.
     */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(10);
    /** A look-up window holding more calls than this is left to the operator. */
    static final int MAX_LOOK_UP_CALLS = 50_000;
    static final int MAX_SENDS_PER_ROW = 5;
    static final int UNREACHABLE_BEFORE_PAUSE = 6;
    static final int LOOK_UP_FAILURES_BEFORE_DECISION = 3;

    /** Waits between requests; the real one is {@link RunControl#sleep}, tests move a clock instead. */
    @FunctionalInterface
    public interface Waiter {
        void await(Duration duration, RunControl control) throws InterruptedException;

        Waiter REAL = (duration, control) -> control.sleep(duration);
    }

    /**
     * A last check of one row when its turn comes (calling hours may have closed since the
     * preview, for a run resumed later): a reason to hold it back, or empty.
     */
    @FunctionalInterface
    public interface SendCheck {
        Optional<String> holdBack(DialRequest request, Instant now);

        SendCheck NONE = (request, now) -> Optional.empty();

        /**
         * The dial form's calling-hours rule, again at the row's turn: a run resumed the next
         * evening must not ring callees at night because the preview was made in the morning.
         */
        static SendCheck callingHours(org.dialdesk.domain.CallingRule rule) {
            return (request, now) -> {
                org.dialdesk.domain.PhoneCheck.Result phone = org.dialdesk.domain.PhoneCheck.check(request.phoneNumber(), null);
                if (!phone.ok()) {
                    return Optional.empty(); // checked in the preview; the service has the last word
                }
                // A time already past (a run resumed after it) rings now: the hours are those of now.
                Instant when = request.scheduledFor() != null && request.scheduledFor().isAfter(now) ? request.scheduledFor() : now;
                org.dialdesk.domain.CallingRule.Verdict verdict = rule.check(phone, when, null, null);
                return verdict.breaches().isEmpty() ? Optional.empty()
                        : Optional.of("Outside calling hours when its turn came: " + verdict.breaches().get(0).message()
                                + " Send it in a new run when the hours open.");
            };
        }
    }

    /** How a call of {@link #run} ended: the run's state, where it stands, and why it stopped if it did. */
    public record Result(RunState state, BulkProgress progress, String message) {
        /** Paused, or waiting for the operator: it can be resumed. */
        public boolean stopped() {
            return state == RunState.PAUSED;
        }
    }

    /** Thrown when the journal cannot be read or written: nothing more is sent until it can. */
    public static final class JournalFailure extends RuntimeException implements org.dialdesk.domain.ToldToOperator {
        JournalFailure(SQLException cause) {
            super("The bulk outbox could not be written (" + cause.getMessage() + "). Nothing more is sent;"
                    + " resume the run when the disk is writable again.", cause);
        }
    }

    static final ObjectMapper JSON = Json.mapper();
    static final Pattern ROW_FIELD = Pattern.compile("^\\[(\\d+)]\\.?(.*)$");

    private final DialService dials;
    private final OutboxJournal journal;
    private final Clock clock;
    private final Waiter waiter;
    private final Duration settleDelay;
    private final SendCheck sendCheck;

    /**
     * @param settleDelay how long after a request history is first searched for it: a call may show in
     *                    the list a little after the service created it
     */
    public BulkEngine(DialService dials, OutboxJournal journal, Clock clock, Waiter waiter, Duration settleDelay,
                      SendCheck sendCheck) {
        this.dials = dials;
        this.journal = journal;
        this.clock = clock;
        this.waiter = waiter;
        this.settleDelay = settleDelay;
        this.sendCheck = sendCheck;
    }

    /**
     * Writes a new run for the plan's ready rows (and its skipped rows, with their reasons) to the
     * journal, each dial tagged with the run and its row. Nothing is sent yet.
     */
    public static OutboxJournal.Run launch(OutboxJournal journal, BulkPlan plan, OutboxJournal.RunSpec spec, Clock clock)
            throws SQLException {
        return launch(journal, plan, spec, clock, org.dialdesk.service.AuditTrail.NONE);
    }

    /** As {@link #launch(OutboxJournal, BulkPlan, OutboxJournal.RunSpec, Clock)}, recording the launch in {@code audit}. */
    public static OutboxJournal.Run launch(OutboxJournal journal, BulkPlan plan, OutboxJournal.RunSpec spec, Clock clock,
                                           org.dialdesk.service.AuditTrail audit) throws SQLException {
        return launch(journal, plan, spec, clock, audit, 0);
    }

    /**
     * As {@link #launch(OutboxJournal, BulkPlan, OutboxJournal.RunSpec, Clock, org.dialdesk.service.AuditTrail)},
     * the audit entry saying how many rows were fixed in the console: what was sent then differs
     * from the file the run names.
     */
    public static OutboxJournal.Run launch(OutboxJournal journal, BulkPlan plan, OutboxJournal.RunSpec spec, Clock clock,
                                           org.dialdesk.service.AuditTrail audit, int fixedRows) throws SQLException {
        Instant now = clock.instant();
        String id = "r-" + now.getEpochSecond() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<OutboxJournal.NewRow> rows = new ArrayList<>(plan.rows().size());
        for (BulkPlan.Row row : plan.rows()) {
            if (!row.ready()) {
                rows.add(new OutboxJournal.NewRow(row.number(), row.callee(), null, State.SKIPPED,
                        row.skip().label() + ": " + row.reason()));
                continue;
            }
            DialRequest request = plan.request(row);
            ObjectNode metadata = request.metadata() instanceof ObjectNode given ? given.deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            metadata.put(RUN_KEY, id);
            metadata.put(ROW_KEY, row.number());
            DialRequest tagged = request.toBuilder().metadata(metadata).build();
            try {
                rows.add(new OutboxJournal.NewRow(row.number(), row.callee(), JSON.writeValueAsString(tagged),
                        State.PLANNED, row.reason(), request.scheduledFor())); // what a ready row waits for, if anything
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A planned dial could not be written as JSON", e);
            }
        }
        OutboxJournal.Run run = journal.create(id, now, spec, rows);
        audit.record(org.dialdesk.domain.AuditEntry.Action.BULK_LAUNCH, String.format(java.util.Locale.ROOT,
                "Bulk run %s of %s: %,d rows to send, %,d skipped, %d a request at most %s a second%s", id,
                plan.sheet().source(), plan.ready(), plan.skipped(), spec.chunk(), spec.ratePerSecond(),
                fixedRows == 0 ? "" : String.format(java.util.Locale.ROOT, "; %,d %s fixed in the console (the file is"
                        + " unchanged)", fixedRows, fixedRows == 1 ? "row" : "rows")),
                org.dialdesk.domain.AuditEntry.Outcome.DONE, null);
        return run;
    }

    /** The operator's word on a row the look-up could not settle. */
    public enum Decision {
        /** History was checked by the operator and shows no call: send it again. */
        SEND_AGAIN,
        /** Leave it unsent (it rang, or should not). */
        LEAVE
    }

    public void decide(String runId, int rowNo, Decision decision) {
        try {
            Row row = journal.row(runId, rowNo).orElseThrow(() -> new IllegalArgumentException("Run " + runId
                    + " has no row " + rowNo + "."));
            if (row.state() != State.NEEDS_DECISION) {
                throw new IllegalArgumentException("Row " + rowNo + " is " + row.state().name().toLowerCase(java.util.Locale.ROOT)
                        + "; only a row waiting for a decision can be decided.");
            }
            journal.apply(runId, List.of(decision == Decision.SEND_AGAIN
                    ? new Change(rowNo, State.PLANNED, null, "Sent again at your word.", null, false, true, true)
                    : Change.to(rowNo, State.CANCELED, "Left unsent at your word.")));
        } catch (SQLException e) {
            throw new JournalFailure(e);
        }
    }

    /**
     * Runs (or resumes) the run until every row is settled, a pause or cancel is asked, or
     * something needs the operator. {@code progress} hears after each request.
     */
    public Result run(String runId, RunControl control, Consumer<BulkProgress> progress) {
        try {
            return runUnder(runId, control, progress);
        } finally {
            control.ended();
        }
    }

    private Result runUnder(String runId, RunControl control, Consumer<BulkProgress> progress) {
        try {
            OutboxJournal.Run run = journal.run(runId).orElseThrow(() -> new IllegalArgumentException(
                    "There is no bulk run " + runId + "."));
            if (run.state() == RunState.FINISHED) {
                return new Result(run.state(), progress(run, null, "The run had already ended."), run.message());
            }
            Optional<AutoCloseable> claimed = journal.claim(runId);
            if (claimed.isEmpty()) {
                String message = "This run is being sent by another DialDesk right now (the window or a command);"
                        + " it goes on there. Nothing was sent from here.";
                return new Result(RunState.PAUSED, progress(run, null, message), message);
            }
            try (AutoCloseable held = claimed.get()) {
                // Read again under the lock: the sender before may have moved it on.
                OutboxJournal.Run current = journal.run(runId).orElseThrow();
                boolean nothingLeft = journal.countIn(runId, State.PLANNED, State.UNCERTAIN, State.SENDING) == 0;
                if (current.state() == RunState.FINISHED || current.state() == RunState.CANCELED && nothingLeft) {
                    return new Result(current.state(), progress(current, null, "The run had already ended."), current.message());
                }
                return new RunAttempt(this, dials, journal, clock, waiter, settleDelay, sendCheck, current, control, progress).go();
            }
        } catch (SQLException e) {
            throw new JournalFailure(e);
        } catch (java.io.IOException e) {
            throw new JournalFailure(new SQLException("the outbox's lock file: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopped(runId, "Stopped: the console is closing.");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Result stopped(String runId, String message) {
        try {
            journal.setRunState(runId, RunState.PAUSED, message);
            OutboxJournal.Run run = journal.run(runId).orElseThrow();
            return new Result(RunState.PAUSED, progress(run, null, message), message);
        } catch (SQLException e) {
            throw new JournalFailure(e);
        }
    }

    BulkProgress progress(OutboxJournal.Run run, Pacer pacer, String note) throws SQLException {
        Map<State, Integer> counts = journal.counts(run.id());
        double rate = pacer == null ? run.spec().ratePerSecond() : pacer.rate();
        int left = counts.get(State.PLANNED) + counts.get(State.SENDING);
        Optional<Duration> eta = left == 0 || rate <= 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
        return new BulkProgress(run.id(), counts, rate, eta, note);
    }


    /** The dial a row of the outbox holds, as {@link #launch} wrote it. */
    static DialRequest dialOf(OutboxJournal.Row row, String runId) {
        try {
            return JSON.readValue(row.requestJson(), DialRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Row " + row.rowNo() + " of run " + runId + " holds an unreadable dial", e);
        }
    }

    static boolean createdBefore(Call call, Instant since) {
        try {
            return call.created() != null && Instant.parse(call.created()).isBefore(since);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    static Integer rowNumber(JsonNode value) {
        try {
            return value.isMissingNode() || value.isNull() ? null : Integer.valueOf(value.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
