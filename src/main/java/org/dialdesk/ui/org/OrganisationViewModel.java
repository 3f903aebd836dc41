package org.dialdesk.ui.org;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
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
import org.dialdesk.api.UseCase;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.ui.common.TaskRunner;

/**
 * What the active profile's organisation offers: caller numbers, use cases, agents and models.
 * Each list loads on its own, so one failing endpoint (the list endpoints are partly inferred)
 * leaves the others usable and says what went wrong in its place.
 */
public final class OrganisationViewModel {

    public enum LoadState { NOT_LOADED, LOADING, LOADED, PARTLY_LOADED, FAILED }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final OrgDirectory directory;
    private final TaskRunner runner;
    private final Clock clock;
    /** The load last shown: the directory's listeners and this screen's own request both bring it. */
    private OrgDirectory.Snapshot shown;

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

    public OrganisationViewModel(OrgDirectory directory, TaskRunner runner, Clock clock) {
        this.directory = directory;
        this.runner = runner;
        this.clock = clock;
        // Another screen's reload shows here too; the directory calls back on a worker thread.
        directory.onReload(snapshot -> runner.later(Duration.ZERO, () -> show(snapshot)));
    }

    /** Shows the profile's lists, loading them if no screen has yet. */
    public void load() {
        request(directory::lists);
    }

    /** Loads all four lists again; ignored while a load is under way. */
    public void refresh() {
        request(directory::reload);
    }

    private void request(Callable<OrgDirectory.Snapshot> load) {
        if (state.get() == LoadState.LOADING) {
            return;
        }
        state.set(LoadState.LOADING);
        summary.set("Loading…");
        runner.run(load, this::show, failure -> {
            state.set(LoadState.FAILED);
            summary.set("Nothing could be loaded: " + ErrorMessages.describe(failure));
        });
    }

    private void show(OrgDirectory.Snapshot snapshot) {
        if (!snapshot.newerThan(shown)) {
            return; // the same load again (this screen's own request and the directory's news), or an older one
        }
        shown = snapshot;
        show(snapshot.numbers(), numbers, numbersError);
        show(snapshot.useCases(), useCases, useCasesError);
        show(snapshot.agents(), agents, agentsError);
        show(snapshot.models(), models, modelsError);
        String at = LocalTime.ofInstant(snapshot.loadedAt(), clock.getZone()).format(TIME);
        long failures = snapshot.failures();
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

    private static <T> void show(OrgDirectory.Listing<T> listing, ObservableList<T> target, ReadOnlyStringWrapper error) {
        if (!target.equals(listing.items())) {
            target.setAll(listing.items());
        }
        error.set(listing.problem());
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
