package org.dialdesk.ui.dial;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialRequest;
import org.dialdesk.domain.CallTimes;
import org.dialdesk.domain.ZoneNames;
import org.dialdesk.api.DialResponse;
import org.dialdesk.api.FieldError;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.service.DialService;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The dial form's last dial: what became of it, in words, and whether the same request may go
 * again. A created call needs "Dial again" (a double click rings once); an uncertain one is looked
 * up in call history and goes again only on the operator's explicit word.
 */
final class DialAttempt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    /** What the form does when a dial ends. */
    interface Ending {
        /** The service created the call. */
        void placed(DialRequest sent);

        /** The service or the API's rules named these fields; the form marks them. */
        void fieldsNamed(List<FieldError> fields);
    }

    private final DialService dialService;
    private final TaskRunner runner;
    private final Clock clock;
    private final Ending ending;

    private final ReadOnlyBooleanWrapper inFlight = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<DialViewModel.Outcome> outcome = new ReadOnlyObjectWrapper<>(DialViewModel.Outcome.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper createdCallId = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper checkingHistory = new ReadOnlyBooleanWrapper(false);
    /** The last dial sent: the same request again needs "Dial again". */
    private DialRequest lastSent;
    /** The dial whose outcome is unknown: the same request cannot be sent by the plain Dial command. */
    private DialOutcome.Uncertain uncertain;

    DialAttempt(DialService dialService, TaskRunner runner, Clock clock, Ending ending) {
        this.dialService = dialService;
        this.runner = runner;
        this.clock = clock;
        this.ending = ending;
    }

    /**
     * Whether sending this request now would repeat the last dial: the same request after a created
     * call, or any dial to the same person while the last one's outcome is unknown (changing a
     * detail of the form does not make ringing them twice any better).
     */
    boolean wouldRepeat(DialRequest request) {
        if (request == null) {
            return false;
        }
        return switch (outcome.get()) {
            case UNCERTAIN -> uncertain != null && request.phoneNumber().equals(uncertain.request().phoneNumber());
            case CREATED, FOUND_AFTER_ALL -> request.equals(lastSent);
            default -> false;
        };
    }

    boolean uncertain() {
        return outcome.get() == DialViewModel.Outcome.UNCERTAIN;
    }

    /** Sends once; the outcome comes back on the UI thread. */
    void send(DialRequest toSend) {
        uncertain = null;
        lastSent = toSend;
        inFlight.set(true);
        outcome.set(DialViewModel.Outcome.NONE);
        message.set("Dialling " + toSend.phoneNumber() + "…");
        createdCallId.set(null);
        runner.run(() -> dialService.send(toSend), this::ended, failure -> {
            // DialService turns every failure into an outcome; this is a bug, and the dial may have gone.
            ended(new DialOutcome.Uncertain(toSend, ErrorMessages.describe(failure), clock.instant()));
        });
    }

    private void ended(DialOutcome result) {
        inFlight.set(false);
        if (result instanceof DialOutcome.Created created) {
            created(created.request(), created.response());
        } else if (result instanceof DialOutcome.Uncertain unknown) {
            uncertain = unknown;
            message.set("Outcome unknown: " + unknown.message() + " Checking call history…");
            outcome.set(DialViewModel.Outcome.UNCERTAIN);
            checkHistory();
        } else if (result instanceof DialOutcome.Rejected rejected && !rejected.aboutTheRequest()) {
            // The key or the rate, not the call: nothing was placed, and the same dial may go later.
            ending.fieldsNamed(List.of());
            message.set("Not placed: " + rejected.message());
            outcome.set(DialViewModel.Outcome.NOT_SENT);
        } else if (result instanceof DialOutcome.Rejected rejected) {
            // The fields first: the form shows every problem it has once the outcome says so.
            ending.fieldsNamed(rejected.fieldErrors());
            message.set("The service refused the call: " + rejected.message()
                    + (rejected.fieldErrors().isEmpty() ? "" : " See the marked fields."));
            outcome.set(DialViewModel.Outcome.REJECTED);
        } else if (result instanceof DialOutcome.NeverSent neverSent) {
            ending.fieldsNamed(neverSent.fieldErrors());
            message.set(neverSent.invalid() ? "Nothing was sent: fix the marked fields."
                    : "Not placed: " + neverSent.message());
            outcome.set(DialViewModel.Outcome.NOT_SENT);
        }
    }

    private void created(DialRequest sent, DialResponse response) {
        createdCallId.set(response.id());
        // Times in the operator's zone, as History shows them; the exact instants are in History's tooltips.
        CallTimes times = new CallTimes(clock.getZone());
        String useCase = response.useCase() == null ? "" : " · " + response.useCase().name();
        // What the operator checks first leads; the ID, for the record, comes last (Copy ID copies it).
        if (sent.scheduledFor() != null) {
            message.set("Call scheduled to " + sent.phoneNumber() + useCase + " · for " + times.local(sent.scheduledFor())
                    + " " + ZoneNames.shortLabel(clock.getZone(), sent.scheduledFor()) + " · ID " + response.id());
        } else {
            String created = response.created() == null ? "" : " · created " + times.local(response.created());
            message.set("Call created to " + sent.phoneNumber() + useCase + created + " · ID " + response.id());
        }
        outcome.set(DialViewModel.Outcome.CREATED);
        ending.placed(sent);
    }

    /** Looks in call history for the uncertain dial: a call to the same number made since the attempt. */
    void checkHistory() {
        if (uncertain == null || checkingHistory.get()) {
            return;
        }
        DialOutcome.Uncertain sought = uncertain;
        checkingHistory.set(true);
        runner.run(() -> dialService.lookUp(sought), lookUp -> {
            checkingHistory.set(false);
            if (uncertain != sought) {
                checkHistory(); // another dial became uncertain meanwhile: look that one up (if any)
                return;
            }
            if (lookUp.found().isPresent()) {
                Call found = lookUp.found().get();
                uncertain = null;
                createdCallId.set(found.id());
                message.set("The call went through after all: " + found.id() + " (" + found.status()
                        .wireName() + "). It was not sent again.");
                outcome.set(DialViewModel.Outcome.FOUND_AFTER_ALL);
            } else {
                message.set("No call to " + sought.request().phoneNumber() + " shows in call history since "
                        + LocalTime.ofInstant(lookUp.since(), clock.getZone()).format(TIME)
                        + ". It may not have been placed, or may not show yet. Check again, or dial again "
                        + "anyway if you are sure it was not placed.");
            }
        }, failure -> {
            checkingHistory.set(false);
            if (uncertain != sought) {
                checkHistory();
                return;
            }
            message.set("Outcome unknown, and call history could not be checked: "
                    + ErrorMessages.describe(failure) + " Do not dial again until you know.");
        });
    }

    /** Ready for a new dial: nothing to say about the last one. */
    void reset() {
        uncertain = null;
        lastSent = null;
        createdCallId.set(null);
        message.set("");
        outcome.set(DialViewModel.Outcome.NONE);
    }

    ReadOnlyBooleanProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<DialViewModel.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyStringProperty createdCallIdProperty() {
        return createdCallId.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty checkingHistoryProperty() {
        return checkingHistory.getReadOnlyProperty();
    }
}
