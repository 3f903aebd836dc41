package org.dialdesk.ui.history;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.dialdesk.api.Call;
import org.dialdesk.api.Transcript;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.service.HistorySync;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The call selected in the history table: the whole call (cached first, then its latest state),
 * its transcript, and what can be done with it (cancel, stop, dial again).
 */
final class CallDetailViewModel {
    private final HistorySync sync;
    private final TaskRunner runner;
    /** Takes rows the detail brought (a cancelled call, a revealed one) into the history, dashboard and all. */
    private final Consumer<List<HistoryRow>> merge;
    private final Consumer<Call> dialAgainHandler;
    private final DoNotCallAction doNotCall;

    private final ObjectProperty<HistoryRow> selectedRow = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Call> selectedCall = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Transcript> transcript = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    CallDetailViewModel(HistorySync sync, TaskRunner runner, Consumer<List<HistoryRow>> merge,
                        Consumer<Call> dialAgainHandler, DoNotCallAction doNotCall) {
        this.doNotCall = doNotCall;
        this.sync = sync;
        this.runner = runner;
        this.merge = merge;
        this.dialAgainHandler = dialAgainHandler;
        selectedRow.addListener((obs, old, row) -> {
            // The same call again (its row was updated in place): keep the detail and its messages.
            if (row == null || old == null || !row.id().equals(old.id())) {
                show(row);
            }
        });
    }

    private void show(HistoryRow row) {
        transcript.set(null);
        message.set(null);
        if (row == null) {
            selectedCall.set(null);
            return;
        }
        String id = row.id();
        runner.run(() -> sync.cachedCall(id).orElse(null), cached -> {
            if (isSelected(id) && cached != null) {
                selectedCall.set(cached);
            }
            refresh(id);
        }, failure -> refresh(id));
    }

    /** A known call changed: if it is the one shown, its latest state and transcript are fetched. */
    void callChanged(HistoryRow row) {
        if (isSelected(row.id())) {
            refresh(row.id());
        }
    }

    private void refresh(String id) {
        runner.run(() -> sync.latest(id), latest -> {
            if (latest.changed()) {
                merge.accept(List.of(HistorySync.toRow(latest.call()))); // the table shows it as it is now too
            }
            if (isSelected(id)) {
                selectedCall.set(latest.call());
            }
        }, failure -> {
            if (isSelected(id)) {
                message.set("Could not load the latest state: " + ErrorMessages.describe(failure));
            }
        });
        runner.run(() -> sync.transcript(id), t -> {
            if (isSelected(id)) {
                transcript.set(t);
            }
        }, failure -> {
            if (isSelected(id)) {
                transcript.set(null);
            }
        });
    }

    private boolean isSelected(String id) {
        return selectedRow.get() != null && selectedRow.get().id().equals(id);
    }

    /** Cancels the selected call; only Scheduled or Queued calls can be, and the service says so otherwise. */
    void cancel() {
        act("Cancelled", sync::cancel);
    }

    /** Hangs up the selected live call. */
    void stop() {
        act("Stopped", sync::stop);
    }

    private interface CallAction {
        Call apply(String id) throws Exception;
    }

    private void act(String done, CallAction action) {
        Call call = selectedCall.get();
        if (call == null) {
            return;
        }
        String id = call.id();
        message.set(null);
        runner.run(() -> action.apply(id), updated -> {
            merge.accept(List.of(HistorySync.toRow(updated)));
            if (isSelected(id)) {
                selectedCall.set(updated);
            }
            message.set(done + ": the call is now " + updated.status().wireName() + ".");
        }, failure -> message.set(ErrorMessages.describe(failure)));
    }

    /** Whether the selected call's callee can be put on the do-not-call list from here. */
    boolean canListCallee() {
        return doNotCall != null;
    }

    /** Puts the selected call's callee on the do-not-call list: no profile dials them again. */
    void doNotCallCallee() {
        Call call = selectedCall.get();
        if (doNotCall == null || call == null || call.to() == null) {
            return;
        }
        String callee = call.to();
        message.set(null);
        runner.run(() -> doNotCall.add(callee), message::set,
                failure -> message.set("Not put on the do-not-call list: " + ErrorMessages.describe(failure)));
    }

    /** Fills the dial form from the selected call; nothing is sent. */
    void dialAgain() {
        if (selectedCall.get() != null) {
            dialAgainHandler.accept(selectedCall.get());
        }
    }

    /** Selects a call by ID (e.g. from the dial form's "show in history"), loading it if needed. */
    void reveal(String id) {
        runner.run(() -> sync.cachedRow(id).orElse(null), known -> {
            if (known != null) {
                selectedRow.set(known);
                return;
            }
            runner.run(() -> sync.fullCall(id), call -> {
                HistoryRow row = HistorySync.toRow(call);
                merge.accept(List.of(row));
                selectedRow.set(row);
            }, failure -> message.set("Call " + id + " could not be loaded: " + ErrorMessages.describe(failure)));
        }, failure -> message.set("Call " + id + " could not be loaded: " + ErrorMessages.describe(failure)));
    }

    ObjectProperty<HistoryRow> selectedRowProperty() {
        return selectedRow;
    }

    ReadOnlyObjectProperty<Call> selectedCallProperty() {
        return selectedCall.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Transcript> transcriptProperty() {
        return transcript.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
