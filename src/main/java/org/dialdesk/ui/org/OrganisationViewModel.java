package org.dialdesk.ui.org;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.api.Agent;
import org.dialdesk.api.CallModel;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.UseCase;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/**
 * What the active profile's organisation offers: caller numbers, use cases, agents and models.
 * Each list loads on its own, so one failing endpoint (the list endpoints are partly inferred)
 * leaves the others usable and says what went wrong in its place.
 */
public final class OrganisationViewModel {

    public enum LoadState { NOT_LOADED, LOADING, LOADED, PARTLY_LOADED, FAILED }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DialClient client;
    private final TaskRunner runner;
    private final Clock clock;

    // Read-only views made once (see DialViewModel's errorsView for why).
    private final ObservableList<CallerNumber> numbers = FXCollections.observableArrayList();
    private final ObservableList<CallerNumber> numbersView = FXCollections.unmodifiableObservableList(numbers);
    private final ObservableList<UseCase> useCases = FXCollections.observableArrayList();
    private final ObservableList<UseCase> useCasesView = FXCollections.unmodifiableObservableList(useCases);
    private final ObservableList<Agent> agents = FXCollections.observableArrayList();
    private final ObservableList<Agent> agentsView = FXCollections.unmodifiableObservableList(agents);
    private final ObservableList<CallModel> models = FXCollections.observableArrayList();
    private final ObservableList<CallModel> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ReadOnlyStringWrapper numbersError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper useCasesError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper agentsError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper modelsError = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(LoadState.NOT_LOADED);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRefresh = Bindings.createBooleanBinding(
            () -> state.get() != LoadState.LOADING, state);
    private int pending;

    public OrganisationViewModel(DialClient client, TaskRunner runner, Clock clock) {
        this.client = client;
        this.runner = runner;
        this.clock = clock;
    }

    /** Loads all four lists again; ignored while a load is under way. */
    public void refresh() {
        if (state.get() == LoadState.LOADING) {
            return;
        }
        pending = 4;
        state.set(LoadState.LOADING);
        summary.set("Loading…");
        load(client::listNumbers, numbers, numbersError);
        load(client::listUseCases, useCases, useCasesError);
        load(client::listAgents, agents, agentsError);
        load(() -> client.listModels(null, null), models, modelsError);
    }

    private <T> void load(Callable<List<T>> request, ObservableList<T> target, ReadOnlyStringWrapper error) {
        runner.run(request, items -> {
            target.setAll(items);
            error.set(null);
            finishOne();
        }, failure -> {
            // Keep what was shown before: stale is better than empty when the service blips.
            error.set(ErrorMessages.describe(failure));
            finishOne();
        });
    }

    private void finishOne() {
        if (--pending > 0) {
            return;
        }
        long failures = java.util.stream.Stream.of(numbersError, useCasesError, agentsError, modelsError)
                .filter(e -> e.get() != null).count();
        String at = LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME);
        if (failures == 0) {
            state.set(LoadState.LOADED);
            long hidden = useCases.stream().filter(UseCase::isHidden).count();
            summary.set(numbers.size() + " numbers · " + useCases.size() + " use cases"
                    + (hidden > 0 ? " (" + hidden + " hidden)" : "") + " · " + agents.size() + " agents · "
                    + models.size() + " models · loaded at " + at);
        } else if (failures == 4) {
            state.set(LoadState.FAILED);
            summary.set("Nothing could be loaded at " + at + ": " + numbersError.get());
        } else {
            state.set(LoadState.PARTLY_LOADED);
            summary.set(failures + " of 4 lists could not be loaded at " + at + "; see each tab");
        }
    }

    /** The use case's name for a model's {@code use_case_id}, or the ID when it is not listed. */
    public String useCaseName(String useCaseId) {
        Map<String, String> names = useCases.stream().collect(Collectors.toMap(UseCase::id, UseCase::name, (a, b) -> a));
        return Optional.ofNullable(names.get(useCaseId)).orElse(useCaseId);
    }

    public static String callingHours(UseCase useCase) {
        if (useCase.workStart() == null || useCase.workEnd() == null) {
            return "";
        }
        return useCase.workStart() + "–" + useCase.workEnd() + (useCase.timezone() == null ? "" : " " + useCase.timezone());
    }

    public static String languages(Agent agent) {
        if (agent.languages() == null) {
            return "";
        }
        return agent.languages().stream().map(capitalise()).collect(Collectors.joining(", "));
    }

    private static Function<String, String> capitalise() {
        return s -> s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ObservableList<CallerNumber> numbers() {
        return numbersView;
    }

    public ObservableList<UseCase> useCases() {
        return useCasesView;
    }

    public ObservableList<Agent> agents() {
        return agentsView;
    }

    public ObservableList<CallModel> models() {
        return modelsView;
    }

    public ReadOnlyStringProperty numbersErrorProperty() {
        return numbersError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty useCasesErrorProperty() {
        return useCasesError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agentsErrorProperty() {
        return agentsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelsErrorProperty() {
        return modelsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding canRefreshProperty() {
        return canRefresh;
    }
}
