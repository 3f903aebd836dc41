package org.dialdesk.ui.bulk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.bulk.BulkDesk;
import org.dialdesk.bulk.BulkEngine;
import org.dialdesk.bulk.BulkProgress;
import org.dialdesk.bulk.RunControl;
import org.dialdesk.ui.bulk.BulkViewModel.Stage;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The run the Bulk screen sends, or last sent, or found unfinished after a restart: sent on a
 * worker with its progress handed to the UI thread a frame at a time; paused, resumed, cancelled;
 * its rows waiting for the operator's word listed; its results exported. It says where it stands in
 * the screen's own stage, summary and problem line.
 */
final class BulkRun {
    private final BulkDesk desk;
    private final TaskRunner runner;
    private final TableRows rows;
    /** The screen's stage, summary and problem line, which the preview shares with the run. */
    private final ReadOnlyObjectWrapper<Stage> stage;
    private final ReadOnlyStringWrapper summary;
    private final ReadOnlyStringWrapper problem;
    /** The screen's line for what is not a problem: a file written. */
    private final ReadOnlyStringWrapper told;
    private final ObservableList<BulkRow> waiting = FXCollections.observableArrayList();
    private final ObservableList<BulkRow> waitingView = FXCollections.unmodifiableObservableList(waiting);
    private final ReadOnlyStringWrapper progressLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final AtomicReference<BulkProgress> latest = new AtomicReference<>();
    private String runId;
    /** How many times a run was set going here: rows read before the latest are not where a run stopped. */
    private long sends;
    private volatile RunControl control; // read by closing the profile, off the UI thread
    /** Paused by a press of Cancel while the operator is asked: resumed if they keep the run. */
    private boolean heldForQuestion;

    BulkRun(BulkDesk desk, TaskRunner runner, TableRows rows, ReadOnlyObjectWrapper<Stage> stage,
            ReadOnlyStringWrapper summary, ReadOnlyStringWrapper problem, ReadOnlyStringWrapper told) {
        this.told = told;
        this.desk = desk;
        this.runner = runner;
        this.rows = rows;
        this.stage = stage;
        this.summary = summary;
        this.problem = problem;
    }

    /** A new run's control, from the launch click on: a pause or cancel pressed before its first request counts. */
    RunControl starting() {
        RunControl mine = new RunControl();
        control = mine;
        return mine;
    }

    /** A run left unfinished, found after a restart: shown stopped, to resume or cancel. */
    void found(String id, String message) {
        runId = id;
        stage.set(Stage.STOPPED);
        showRun(message);
    }

    /** Another file is read: no run is this screen's any more. */
    void forget() {
        runId = null;
    }

    ObservableList<BulkRow> waiting() {
        return waitingView;
    }

    ReadOnlyStringProperty progressLineProperty() {
        return progressLine.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Sends (or resumes, or cancels) the run on a worker; progress comes back a frame at a time. */
    void send(String id, RunControl mine) {
        runId = id;
        send(mine);
    }

    private void send(RunControl mine) {
        if (stage.get() == Stage.STOPPED) { // resumed, or cancelled while stopped: the summary said where it stopped
            summary.set(mine.cancelAsked() ? "Cancelling the rows not sent yet." : "Going on where the run stopped.");
        }
        control = mine;
        stage.set(Stage.SENDING);
        problem.set(null);
        String id = runId;
        sends++;
        rows.follow(id);
        mine.expectRun(); // closing the profile waits for it
        runner.run(() -> desk.run(id, mine, update -> {
            // Only the newest counts are shown; one hand-over to the UI thread at a time.
            if (latest.getAndSet(update) == null) {
                runner.later(Duration.ZERO, () -> show(latest.getAndSet(null)));
            }
        }), result -> {
            latest.set(null); // an update still on its way to the screen is older than the result
            show(result.progress());
            progressLine.set(result.progress().standingLine()); // stopped or ended: no pace, no time left
            stage.set(result.stopped() ? Stage.STOPPED : Stage.ENDED);
            showRun(result.message());
        }, failure -> {
            stage.set(Stage.STOPPED);
            problem.set(ErrorMessages.describe(failure) + " Resume when it is fixed: the outbox says exactly where the run stands.");
            showRun(null);
        });
    }

    private void show(BulkProgress update) {
        if (update == null) {
            return;
        }
        progress.set(update.fraction());
        progressLine.set(update.lineAndNote());
        rows.refresh();
    }

    /** The run's rows as they stand: the table shows results, and the rows waiting for a word are listed. */
    private void showRun(String message) {
        String id = runId;
        long asOf = sends;
        runner.run(() -> desk.rows(id), all -> {
            rows.show(new ResultRows(all.stream().map(TableRows::rowOf).toList()));
            if (asOf != sends) { // resumed while they were read: they are shown going, not as where it stopped
                rows.follow(id);
                return;
            }
            waiting.setAll(all.stream().filter(BulkDesk.RunRow::waiting).map(TableRows::rowOf).toList());
            long created = all.stream().filter(BulkDesk.RunRow::created).count();
            // As the progress bar stood when the run stopped (after a restart it would say nothing was done).
            // Of the rows to dial: the ones the preview skipped are not progress.
            // Nor the ones a cancel left unsent: a run cancelled at 40 of 100 does not show a full bar.
            long toDial = all.stream().filter(row -> !"Skipped".equals(row.state())).count();
            progress.set(toDial == 0 ? 1 : (double) all.stream().filter(row -> row.finished()
                    && !"Skipped".equals(row.state()) && !"Canceled".equals(row.state())).count() / toDial);
            summary.set(String.format(Locale.ROOT, "%,d of %,d rows created.", created, all.size())
                    + (message == null ? "" : " " + message));
            if (progressLine.get().isEmpty()) {
                progressLine.set(summary.get());
            }
        }, failure -> problem.set("The run's rows could not be read: " + ErrorMessages.describe(failure)));
    }

    public void pause() {
        if (control != null) {
            control.pause();
        }
    }

    /**
     * For closing the profile: pauses a run that is sending and waits, at most {@code limit}, until
     * it has stopped between requests, so the answer to a request that is out is recorded before
     * the outbox closes (else its rows are looked up in history on the next start). False if it
     * had not stopped by then.
     */
    public boolean pauseAndWait(Duration limit) throws InterruptedException {
        pause();
        RunControl running = control;
        return running == null || running.awaitEnd(limit);
    }

    /**
     * Cancel was pressed: a sending run stops between requests while the operator is asked, so that
     * nobody more is rung meanwhile. Kept, it goes on where it stopped ({@link #keepAfterQuestion}).
     */
    void holdForQuestion() {
        if (control != null && stage.get() == Stage.SENDING && !control.pauseAsked()) {
            heldForQuestion = true;
            control.pause();
        }
    }

    /** The operator kept the run: one held for the question goes on once it has stopped (not if it finished meanwhile). */
    void keepAfterQuestion() {
        if (!heldForQuestion) {
            return;
        }
        heldForQuestion = false;
        org.dialdesk.ui.common.Once.when(() -> stage.get() != Stage.SENDING, () -> {
            if (stage.get() == Stage.STOPPED) {
                resume();
            }
        }, stage);
    }

    public void cancel() {
        heldForQuestion = false;
        if (stage.get() == Stage.ENDED) {
            summary.set(summary.get() + " It had finished before it could be cancelled: nothing was left to cancel.");
            return;
        }
        if (control != null && stage.get() == Stage.SENDING) {
            control.cancel();
        } else if (stage.get() == Stage.STOPPED && runId != null) {
            // A stopped run is cancelled by running it with cancel asked: the rest is marked, nothing sent.
            RunControl cancelling = new RunControl();
            cancelling.cancel();
            send(cancelling);
        }
    }

    public void resume() {
        if (stage.get() == Stage.STOPPED && runId != null) {
            send(new RunControl());
        }
    }

    /** The operator's word on a row history could not settle. */
    public void decide(int rowNumber, BulkEngine.Decision decision) {
        if (stage.get() == Stage.SENDING) {
            return; // decided between runs, never under a running engine
        }
        String id = runId;
        runner.run(() -> {
            desk.decide(id, rowNumber, decision);
            return decision;
        }, done -> showRun(decision == BulkEngine.Decision.SEND_AGAIN
                ? "Row " + rowNumber + " will be sent again when you resume." : "Row " + rowNumber + " is left unsent."),
                failure -> problem.set(ErrorMessages.describe(failure)));
    }

    public void exportResults(Path file) {
        String id = runId;
        runner.run(() -> desk.exportResults(file, id), count -> told.set(String.format(Locale.ROOT,
                "Results of %,d %s written to %s.", count, count == 1 ? "row" : "rows", file)), failure -> problem.set("Not exported: " + ErrorMessages.describe(failure)));
    }
}
