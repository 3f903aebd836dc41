package org.dialdesk.ui.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.CallStatus;
import org.dialdesk.api.Transcript;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.Dashboard;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.domain.TableLayout;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.service.HistorySync;
import org.dialdesk.ui.common.TaskRunner;

/**
 * Call history: opens on the cached calls at once, then syncs with the service; filters query the
 * cache on every keystroke and go to the service too; calls still going are polled and updated in
 * place, polling less often while nothing changes; after the newest calls, older ones are brought
 * page by page in the background until the cache holds the whole history. The rows live in
 * {@link HistoryTableModel} (read from the cache a page at a time), the selected call in
 * {@link CallDetailViewModel}.
 */
public final class HistoryViewModel {
    static final Duration FAST_POLL = Duration.ofSeconds(2);
    static final Duration IDLE_POLL = Duration.ofSeconds(30);
    static final Duration ERROR_POLL = Duration.ofSeconds(60);
    static final Duration FILTER_SETTLE = Duration.ofMillis(400);
    static final Duration DASHBOARD_SETTLE = Duration.ofMillis(300);
    static final int SYNC_PAGE = 2000;
    /** A poll's first page: usually enough for what came since the last one. */
    static final int POLL_PAGE = 100;
    /**
     * Calls one sync brings at most, newest first; older ones come as the table is scrolled to its
     * end. A first sync against a service with years of calls would otherwise fetch them all.
     */
    static final int SYNC_WALK = 20_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final HistorySync sync;
    private final TaskRunner runner;
    private final Clock clock;
    private final HistoryTableModel table;
    private final ZoneId zone;
    /** The table's layout as last saved: a screen built again (another window) starts from it. */
    private TableLayout savedLayout;
    private final Consumer<TableLayout> layoutSaver;
    private final CallDetailViewModel detail;
    private final ReadOnlyStringWrapper hiddenByFilter = new ReadOnlyStringWrapper();
    private final BooleanBinding filtered;

    private final ObservableList<String> statusFilter = FXCollections.observableArrayList();
    private final StringProperty useCaseFilter = new SimpleStringProperty("");
    private final StringProperty campaignFilter = new SimpleStringProperty("");
    private final StringProperty typeFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final List<Observable> filters = List.of(statusFilter, useCaseFilter, campaignFilter, typeFilter, fromDate,
            toDate, search);
    /** What the status filter's box reads: the statuses chosen, so a filter that is on can be seen. */
    private final StringBinding statusFilterTitle = Bindings.createStringBinding(
            () -> statusFilterTitle(statusFilter), statusFilter);

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Loading call history…");
    /** What an empty table says: no calls at all, or none that pass the filters. */
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("Loading call history…");
    private final ReadOnlyStringWrapper syncProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(false);
    /** A sync asked for while older calls were being brought: it goes first once they are in. */
    private boolean syncWanted;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    /** Calls on the service older than those cached (0: all cached; -1: not known until the first sync). */
    private final ReadOnlyLongWrapper olderOnService = new ReadOnlyLongWrapper(-1);
    private final HistoryExport export;
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>(Dashboard.EMPTY);
    private final ReadOnlyStringWrapper dashboardProblem = new ReadOnlyStringWrapper();
    /** Whether anyone looks at the dashboard: its numbers are worked out only then, not on every change. */
    private final BooleanProperty dashboardShown = new SimpleBooleanProperty(false);
    private boolean dashboardStale = true;

    private long serviceCount = -1;
    private Instant lastSync;
    private Duration pollDelay = FAST_POLL;
    private final Duration idlePoll;
    private Runnable cancelPoll = () -> { };
    private Runnable cancelFilterQuery = () -> { };
    private Runnable cancelDashboard = () -> { };
    private boolean closed;

    /** A history whose table layout is not remembered. */
    public HistoryViewModel(HistorySync sync, TaskRunner runner, Clock clock, Consumer<Call> dialAgainHandler) {
        this(sync, runner, clock, dialAgainHandler, TableLayout.DEFAULT, layout -> { });
    }

    /**
     * {@code clock}'s zone is the operator's: dates in filters and the dashboard are days there.
     * {@code savedLayout} is the table's layout as last left, {@code layoutSaver} keeps a changed one.
     */
    public HistoryViewModel(HistorySync sync, TaskRunner runner, Clock clock, Consumer<Call> dialAgainHandler,
                            TableLayout savedLayout, Consumer<TableLayout> layoutSaver) {
        this(sync, runner, clock, dialAgainHandler, savedLayout, layoutSaver, IDLE_POLL);
    }

    /** As above; {@code idlePoll} is how often changes are asked for while no call is live (the Settings screen's). */
    public HistoryViewModel(HistorySync sync, TaskRunner runner, Clock clock, Consumer<Call> dialAgainHandler,
                            TableLayout savedLayout, Consumer<TableLayout> layoutSaver, Duration idlePoll) {
        this(sync, runner, clock, dialAgainHandler, savedLayout, layoutSaver, idlePoll, DoNotCallAction.NONE);
    }

    /** As above; {@code doNotCall} puts a call's callee on the do-not-call list (null: no such action). */
    public HistoryViewModel(HistorySync sync, TaskRunner runner, Clock clock, Consumer<Call> dialAgainHandler,
                            TableLayout savedLayout, Consumer<TableLayout> layoutSaver, Duration idlePoll,
                            DoNotCallAction doNotCall) {
        this.idlePoll = idlePoll;
        this.sync = sync;
        this.savedLayout = savedLayout;
        this.layoutSaver = layoutSaver;
        this.runner = runner;
        this.clock = clock;
        this.zone = clock.getZone();
        this.table = new HistoryTableModel(sync, runner, zone, this::shownRowsChanged,
                failure -> syncProblem.set("The local history cache could not be read: "
                        + ErrorMessages.describe(failure) + " Change or clear the filters to try again."));
        this.detail = new CallDetailViewModel(sync, runner, rows -> merge(rows,
                rows.stream().map(HistoryRow::id).collect(Collectors.toSet())), dialAgainHandler, doNotCall);
        this.export = new HistoryExport(sync, runner, clock, folder -> saveLayout(this.savedLayout.withExportFolder(folder.toString())));
        for (Observable filter : filters) {
            filter.addListener(changed -> onFilterChange());
        }
        filtered = Bindings.createBooleanBinding(() -> !statusFilter.isEmpty() || !useCaseFilter.get().isEmpty()
                || !campaignFilter.get().isEmpty() || !typeFilter.get().isEmpty() || fromDate.get() != null
                || toDate.get() != null || !search.get().isBlank(), filters.toArray(Observable[]::new));
        detail.selectedRowProperty().addListener((obs, old, row) -> {
            if (row == null || old == null || !row.id().equals(old.id())) {
                table.select(row == null ? null : row.id(), -1);
            }
            checkSelectedShown();
        });
        table.selectedPositionProperty().addListener((obs, old, at) -> checkSelectedShown());
        table.countedProperty().addListener((obs, old, counted) -> checkSelectedShown());
        table.loadedProperty().addListener((obs, old, in) -> {
            if (in && !loaded.get()) {
                loaded.set(true);
                updateSummary();
                recomputeDashboard();
                syncNow();
            }
        });
        dashboardShown.addListener((obs, was, shown) -> {
            if (shown && dashboardStale) {
                computeDashboard();
            }
        });
    }

    // ================= loading and syncing =================

    /** Shows the cached history at once, then asks the service for what is new. */
    public void open() {
        table.open();
        runner.run(() -> sync.lastSync().orElse(null), when -> {
            lastSync = when;
            updateSummary();
        }, this::cacheUnreadable);
    }

    private void cacheUnreadable(Throwable failure) {
        syncProblem.set("The local history cache could not be read: " + ErrorMessages.describe(failure));
        if (!loaded.get()) {
            loaded.set(true);
            syncNow();
        }
    }

    /** What a round of syncing found, and whether calls are still going (polled sooner). */
    private record Round(HistorySync.Result result, boolean anyLive) {
    }

    /** Syncs with the service now, and keeps polling while the screen is open. */
    public void syncNow() {
        if (closed) {
            return;
        }
        if (syncing.get()) {
            syncWanted = true;
            return;
        }
        syncing.set(true);
        syncWanted = false;
        runner.run(() -> {
            // Each page shows as it arrives: a first sync of a long history fills the table progressively.
            HistorySync.Result newest = sync.syncNewest(POLL_PAGE, SYNC_PAGE, SYNC_WALK, page -> runner.later(Duration.ZERO, () -> {
                serviceCount = page.serviceCount();
                merge(page.rows(), page.changed());
                updateSummary();
            }));
            Set<String> brought = newest.rows().stream().map(HistoryRow::id).collect(Collectors.toSet());
            HistorySync.Result refreshed = sync.refreshLive(sync.liveIds().stream().filter(id -> !brought.contains(id)).toList());
            List<HistoryRow> all = new ArrayList<>(newest.rows());
            all.addAll(refreshed.rows());
            Set<String> changed = new HashSet<>(newest.changed());
            changed.addAll(refreshed.changed());
            return new Round(new HistorySync.Result(all, newest.serviceCount(), newest.olderOnService(), changed),
                    !sync.liveIds().isEmpty());
        }, round -> {
            HistorySync.Result result = round.result();
            syncing.set(false);
            syncProblem.set(null);
            serviceCount = result.serviceCount();
            olderOnService.set(result.olderOnService());
            lastSync = clock.instant();
            boolean changed = merge(result.rows(), result.changed());
            pollDelay = changed || round.anyLive() ? FAST_POLL : min(pollDelay.multipliedBy(2), idlePoll);
            updateSummary();
            schedulePoll();
            backfill();
        }, failure -> {
            syncing.set(false);
            syncProblem.set("Not synced: " + ErrorMessages.describe(failure) + " Showing the last known history.");
            pollDelay = min(pollDelay.multipliedBy(2), ERROR_POLL);
            updateSummary();
            schedulePoll();
        });
    }

    /**
     * Brings the next page of calls older than those cached from the service, and the next after
     * it, until the cache holds the whole history (the newest came first; a sync or poll due
     * meanwhile goes before the next page). Where it stopped is kept in the cache, so a history
     * of a million calls is brought over however many times the console is closed on the way.
     */
    public void loadOlder() {
        if (syncing.get() || closed || olderOnService.get() <= 0) {
            return;
        }
        syncing.set(true);
        runner.run(() -> sync.loadOlder(SYNC_PAGE), result -> {
            syncing.set(false);
            syncProblem.set(null);
            serviceCount = result.serviceCount();
            olderOnService.set(result.olderOnService());
            merge(result.rows(), result.changed());
            updateSummary();
            if (syncWanted) {
                syncNow();
            } else {
                backfill();
            }
        }, failure -> {
            syncing.set(false);
            syncProblem.set("Older calls could not be loaded: " + ErrorMessages.describe(failure)
                    + " Scroll to the end or press Load older to try again.");
            if (syncWanted) {
                syncNow();
            }
        });
    }

    /** The next page of older calls, after the UI has had its turn. */
    private void backfill() {
        if (olderOnService.get() > 0 && !closed) {
            runner.later(BACKFILL_PAUSE, this::loadOlder);
        }
    }

    /** Between two pages of older calls: the cache's readers (the table) get their turn. */
    static final Duration BACKFILL_PAUSE = Duration.ofMillis(500);

    private void schedulePoll() {
        cancelPoll.run();
        if (!closed) {
            cancelPoll = runner.later(pollDelay, this::syncNow);
        }
    }

    /** Stops polling; the screen is going away. */
    public void close() {
        closed = true;
        table.close();
        cancelPoll.run();
        cancelFilterQuery.run();
        cancelDashboard.run();
    }

    Duration pollDelay() {
        return pollDelay;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Calls were written to the cache ({@code changed}: the ids of those that were new or
     * changed): the table reads its rows again and the detail its call. Returns whether anything
     * changed.
     */
    boolean merge(List<HistoryRow> incoming, Set<String> changed) {
        table.choices().addOf(incoming);
        if (changed.isEmpty()) {
            return false;
        }
        table.refresh();
        recomputeDashboard();
        for (HistoryRow row : incoming) {
            if (changed.contains(row.id())) {
                detail.callChanged(row);
            }
        }
        return true;
    }

    private void shownRowsChanged() {
        updateSummary();
        recomputeDashboard();
    }

    private void updateSummary() {
        // Until a query is counted, its first page is what is known: "100+".
        String shown = String.format(Locale.ROOT, "%,d", table.shown().size())
                + (table.countedProperty().get() ? "" : "+");
        long known = table.totalProperty().get();
        String total = String.format(Locale.ROOT, "%,d", known);
        String service = serviceCount >= 0 && serviceCount != known
                ? String.format(Locale.ROOT, " · %,d on the service", serviceCount) : "";
        if (olderOnService.get() > 0 && syncProblem.get() == null) {
            service += ", older ones coming in"; // brought in the background, page by page
        }
        String synced = lastSync == null ? " · not synced yet"
                : " · synced " + LocalTime.ofInstant(lastSync, clock.getZone()).format(TIME);
        summary.set(shown + " of " + total + " calls" + service + synced);
        String empty = known == 0 ? "No calls yet. Calls placed from the Dial screen show up here."
                : "No calls match these filters; Clear filters shows all " + total + ".";
        if (!empty.equals(emptyText.get())) {
            emptyText.set(empty); // a new but equal text would still relayout the (hidden) placeholder
        }
    }

    // ================= filters =================

    private void onFilterChange() {
        table.setFilter(filter());
        // The same filter on the service finds matches the cache does not hold yet.
        cancelFilterQuery.run();
        cancelFilterQuery = runner.later(FILTER_SETTLE, this::queryService);
    }

    private CallFilter filter() {
        return CallFilter.of(statusFilter, useCaseFilter.get(), campaignFilter.get(), typeFilter.get(),
                fromDate.get(), toDate.get(), search.get());
    }

    private void queryService() {
        String useCase = useCaseFilter.get();
        runner.run(() -> sync.query(serviceQuery(useCase.isBlank() ? List.of() : sync.useCaseIdsNamed(useCase))),
                result -> merge(result.rows(), result.changed()),
                failure -> syncProblem.set("The filter could not be run on the service: "
                        + ErrorMessages.describe(failure) + " Showing matches among cached calls."));
    }

    /** The filters as a query to the service; {@code useCaseIds}: the IDs behind the chosen use case's name. */
    CallQuery serviceQuery(List<String> useCaseIds) {
        return CallQuery.builder().limit(500)
                .statuses(List.copyOf(statusFilter))
                .useCases(useCaseIds)
                .campaigns(campaignFilter.get().isBlank() ? List.of() : List.of(campaignFilter.get()))
                .type(typeFilter.get().isBlank() ? null : typeFilter.get())
                .from(fromDate.get()).to(toDate.get())
                .search(search.get().isBlank() ? null : search.get().strip())
                .sort(CallQuery.Sort.desc).build();
    }

    /** Which rows the filters as they are now let through. */
    Predicate<HistoryRow> predicate() {
        return filter().predicate(clock.getZone());
    }

    /** "All statuses" with none chosen, "Status: Busy, Failed" with a few, "Status: 4 of 9" with more. */
    static String statusFilterTitle(List<String> chosen) {
        if (chosen.isEmpty()) {
            return "All statuses";
        }
        if (chosen.size() <= 2) {
            return "Status: " + String.join(", ", chosen);
        }
        long all = Arrays.stream(CallStatus.values()).filter(s -> s != CallStatus.UNKNOWN).count();
        return "Status: " + chosen.size() + " of " + all;
    }

    /**
     * The call in the detail may have left the list: the operator narrowed the filters, or it moved
     * on to a status the filter leaves out. It stays in the detail (they may be reading it), with a
     * word on why it is not in the list any more.
     */
    private void checkSelectedShown() {
        HistoryRow selected = detail.selectedRowProperty().get();
        boolean hidden = selected != null && table.countedProperty().get() && table.selectedPositionProperty().get() < 0;
        hiddenByFilter.set(hidden ? "Hidden from the list by the filters." : null);
    }

    /** Whether any filter narrows the list: "Clear filters" has something to do. */
    public BooleanBinding filteredProperty() { return filtered; }

    public void clearFilters() {
        statusFilter.clear();
        useCaseFilter.set("");
        campaignFilter.set("");
        typeFilter.set("");
        fromDate.set(null);
        toDate.set(null);
        search.set("");
    }

    /** The table's sort order (null: newest first). The view sets it from its sort columns. */
    public void setOrder(HistoryOrder order) {
        table.setOrder(order);
    }

    // ================= dashboard =================

    /** Recomputes the dashboard once changes pause, so typing is not slowed by it. */
    private void recomputeDashboard() {
        dashboardStale = true;
        cancelDashboard.run();
        if (dashboardShown.get()) {
            cancelDashboard = runner.later(DASHBOARD_SETTLE, this::computeDashboard);
        }
    }

    private void computeDashboard() {
        dashboardStale = false;
        CallFilter shown = table.filter();
        runner.run(() -> sync.dashboard(shown, zone), figures -> {
            dashboardProblem.set(null);
            dashboard.set(figures);
        }, failure -> dashboardProblem.set("The dashboard could not be worked out: "
                + ErrorMessages.describe(failure)));
    }

    // ================= detail and actions =================

    public void cancelSelected() {
        detail.cancel();
    }

    public void stopSelected() {
        detail.stop();
    }

    public void dialAgainSelected() {
        detail.dialAgain();
    }

    public boolean canListCallee() {
        return detail.canListCallee();
    }

    /** Puts the selected call's callee on the shared do-not-call list. */
    public void doNotCallSelected() {
        detail.doNotCallCallee();
    }

    /** Selects a call by ID (e.g. from the dial form's "show in history"), loading it if needed. */
    public void reveal(String id) {
        detail.reveal(id);
    }

    // ================= table layout =================

    /** The table's columns, widths and sort as the operator last left them. */
    public TableLayout savedLayout() {
        return savedLayout;
    }

    /** Keeps the table's layout for the next time (saved off the UI thread); the export folder stays as it was. */
    public void saveLayout(TableLayout layout) {
        savedLayout = layout.exportFolder() != null ? layout : layout.withExportFolder(savedLayout.exportFolder());
        layoutSaver.accept(savedLayout);
    }

    /** The folder the last export went to, while it is still there; else none, and the dialog starts in the user's documents. */
    public Optional<Path> lastExportFolder() {
        return HistoryExport.existingFolder(savedLayout.exportFolder());
    }

    // ================= export =================

    /** The export file's suggested name, with today's date on the operator's clock. */
    public String suggestedExportFileName() {
        return export.suggestedFileName();
    }

    /** Writes the rows the filter shows to a CSV file a spreadsheet opens cleanly. */
    public void exportCsv(Path file) {
        export.write(file, table.filter(), table.order(), table.shown().size());
    }

    // ================= properties =================

    /**
     * The rows the table shows: filtered and in the chosen order, as many as the filter lets
     * through; a row whose page is not read yet is {@link #isPending pending}.
     */
    public ObservableList<HistoryRow> rows() { return table.shown(); }
    /** The table shows row {@code index}: its page is read if it is not yet. */
    public void want(int index) { table.want(index); }
    /** Whether this row is a stand-in for one not read yet. */
    public static boolean isPending(HistoryRow row) { return row == HistoryTableModel.PENDING; }
    /** Where the selected call is among the rows (-1: not among them, or not found yet). */
    public ReadOnlyLongProperty selectedPositionProperty() { return table.selectedPositionProperty(); }
    /** Where this call is among the rows read so far, or -1. */
    public int loadedIndexOf(String id) { return table.loadedIndexOf(id); }
    /** Every filter the operator sets; a change to any of them rebuilds the shown rows. */
    public List<Observable> filters() { return filters; }
    public ObservableList<String> statusFilter() { return statusFilter; }
    public StringBinding statusFilterTitleProperty() { return statusFilterTitle; }
    public StringProperty useCaseFilterProperty() { return useCaseFilter; }
    public StringProperty campaignFilterProperty() { return campaignFilter; }
    public StringProperty typeFilterProperty() { return typeFilter; }
    public ObjectProperty<LocalDate> fromDateProperty() { return fromDate; }
    public ObjectProperty<LocalDate> toDateProperty() { return toDate; }
    public StringProperty searchProperty() { return search; }
    public ObservableList<String> useCaseNames() { return table.choices().useCaseNames(); }
    public ObservableList<String> campaigns() { return table.choices().campaigns(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty syncProblemProperty() { return syncProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty syncingProperty() { return syncing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ObjectProperty<HistoryRow> selectedRowProperty() { return detail.selectedRowProperty(); }
    public ReadOnlyObjectProperty<Call> selectedCallProperty() { return detail.selectedCallProperty(); }
    public ReadOnlyObjectProperty<Transcript> transcriptProperty() { return detail.transcriptProperty(); }
    public ReadOnlyStringProperty detailMessageProperty() { return detail.messageProperty(); }
    /** Set while the call in the detail is one the filters leave out of the list (it stays shown, and says so). */
    public ReadOnlyStringProperty hiddenByFilterProperty() { return hiddenByFilter.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty exportProgressProperty() { return export.progress(); }
    public ReadOnlyStringProperty exportMessageProperty() { return export.message(); }
    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() { return dashboard.getReadOnlyProperty(); }
    /** Why the dashboard shows older figures, or null. */
    public ReadOnlyStringProperty dashboardProblemProperty() { return dashboardProblem.getReadOnlyProperty(); }
    public BooleanProperty dashboardShownProperty() { return dashboardShown; }
    public ReadOnlyLongProperty olderOnServiceProperty() { return olderOnService.getReadOnlyProperty(); }
}
