package org.dialdesk.ui.dial;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.api.Agent;
import org.dialdesk.api.CallModel;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.DialRequestValidator;
import org.dialdesk.api.UseCase;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.ui.common.TaskRunner;

/**
 * What the dial form's four pickers offer, from the profile's shared directory: caller numbers,
 * use cases (hidden ones left out), agents, and the chosen use case's active models. A list that
 * cannot be loaded says so, and its picker takes a typed ID instead.
 */
final class DialPickers {
    private final OrgDirectory directory;
    private final TaskRunner runner;
    /** The use case chosen in the form (null: none), whose models the model picker offers. */
    private final Supplier<String> chosenUseCase;

    private final ObservableList<CallerNumber> numbers = FXCollections.observableArrayList();
    private final ObservableList<UseCase> useCases = FXCollections.observableArrayList();
    private final ObservableList<Agent> agents = FXCollections.observableArrayList();
    private final ObservableList<CallModel> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper numbersProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper useCasesProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper agentsProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper modelsProblem = new ReadOnlyStringWrapper();
    /** The lists shown: the directory's listeners and this form's own request both bring them. */
    private OrgDirectory.Snapshot shown;

    DialPickers(OrgDirectory directory, TaskRunner runner, Supplier<String> chosenUseCase) {
        this.directory = directory;
        this.runner = runner;
        this.chosenUseCase = chosenUseCase;
        // Another screen's reload shows here too; the directory calls back on a worker thread.
        directory.onReload(lists -> runner.later(Duration.ZERO, () -> show(lists)));
    }

    void load() {
        if (shown == null) {
            // The lists can take a while on a slow link: an ID the operator has to hand goes in meanwhile.
            numbersProblem.set(whileLoading("caller numbers"));
            useCasesProblem.set(whileLoading("use cases"));
            agentsProblem.set(whileLoading("agents"));
        }
        runner.run(directory::lists, this::show, this::failed);
    }

    private static String whileLoading(String what) {
        return "Loading the " + what + "… Type or paste the 24-character ID meanwhile if you have it.";
    }

    void reload() {
        runner.run(directory::reload, this::show, this::failed);
    }

    private void show(OrgDirectory.Snapshot lists) {
        if (!lists.newerThan(shown)) {
            return; // the same load again (this form's own request and the directory's news), or an older one
        }
        shown = lists;
        show(lists.numbers(), numbers, numbersProblem, "caller numbers");
        show(new OrgDirectory.Listing<>(lists.useCases().items().stream().filter(u -> !u.isHidden()).toList(),
                lists.useCases().problem()), useCases, useCasesProblem, "use cases");
        show(lists.agents(), agents, agentsProblem, "agents");
        loadModels();
    }

    private void failed(Throwable failure) {
        String problem = ErrorMessages.describe(failure);
        for (ReadOnlyStringWrapper each : List.of(numbersProblem, useCasesProblem, agentsProblem)) {
            each.set(typeTheId("lists", problem));
        }
    }

    private static <T> void show(OrgDirectory.Listing<T> listing, ObservableList<T> target,
                                 ReadOnlyStringWrapper problem, String what) {
        if (!target.equals(listing.items())) {
            target.setAll(listing.items());
        }
        problem.set(listing.ok() ? null : typeTheId(what, listing.problem()));
    }

    private static String typeTheId(String what, String problem) {
        return "The " + what + " could not be loaded (" + problem + "). Type or paste the 24-character ID instead.";
    }

    /** The chosen use case's active models; none until a whole ID is chosen. */
    void loadModels() {
        String useCase = chosenUseCase.get();
        if (useCase == null || useCase.length() != DialRequestValidator.ID_LENGTH) {
            models.clear();
            modelsProblem.set(null);
            return;
        }
        if (models.isEmpty()) {
            modelsProblem.set(whileLoading("models"));
        }
        runner.run(() -> directory.activeModelsOf(useCase), items -> {
            if (useCase.equals(chosenUseCase.get())) { // not an answer for a use case since left
                models.setAll(items);
                modelsProblem.set(null);
            }
        }, failure -> modelsProblem.set(typeTheId("models", ErrorMessages.describe(failure))));
    }

    ObservableList<CallerNumber> numbers() {
        return numbers;
    }

    ObservableList<UseCase> useCases() {
        return useCases;
    }

    ObservableList<Agent> agents() {
        return agents;
    }

    ObservableList<CallModel> models() {
        return models;
    }

    ReadOnlyStringProperty numbersProblem() {
        return numbersProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty useCasesProblem() {
        return useCasesProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty agentsProblem() {
        return agentsProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty modelsProblem() {
        return modelsProblem.getReadOnlyProperty();
    }
}
