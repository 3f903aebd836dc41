package org.dialdesk.ui.history;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.CallStatus;
import org.dialdesk.api.Json;
import org.dialdesk.api.Transcript;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.store.HistoryRow;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.SwappableList;
import org.dialdesk.ui.common.TaskRunner;

/**
 * Call history: opens on the cached calls at once, then syncs with the service; filters narrow
 * the loaded rows on every keystroke and go to the service too; calls still going are polled and
 * updated in place, polling less often while nothing changes.
 */
public final class HistoryViewModel {
    static final Duration FAST_POLL = Duration.ofSeconds(2);
    static final Duration IDLE_POLL = Duration.ofSeconds(30);
    static final Duration ERROR_POLL = Duration.ofSeconds(60);
    static final Duration FILTER_SETTLE = Duration.ofMillis(400);
    static final Duration DASHBOARD_SETTLE = Duration.ofMillis(300);
    /** Shown first on open, so the screen has data before the whole cache is read. */
    static final int FIRST_ROWS = 500;
    static final int SYNC_PAGE = 2000;
    /** A poll's first page: usually enough for what came since the last one. */
    static final int POLL_PAGE = 100;
    /**
     * Calls one sync brings at most, newest first; older ones come as the table is scrolled to its
     * end. A first sync against a service with years of calls would otherwise fetch them all.
     */
    static final int SYNC_WALK = 20_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Comparator<HistoryRow> NEWEST_FIRST =
            Comparator.comparingLong(HistoryRow::createdMs).reversed().thenComparing(HistoryRow::id, Comparator.reverseOrder());

    private final HistorySync sync;
    private final HistoryCache cache;
    private final TaskRunner runner;
    private final Clock clock;
    private final Consumer<Call> dialAgainHandler;

    /** Every known call, newest first. */
    private List<HistoryRow> rows = new ArrayList<>();
    private Map<String, Integer> indexById = new HashMap<>();
    /**
     * What the table shows: the rows the filter passes, in the chosen order. Rebuilt in one pass
     * and replaced in one change when the filter or order changes; updated row by row in place.
     */
    private final SwappableList<HistoryRow> visible = new SwappableList<>();
    private final ObservableList<HistoryRow> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final Map<String, Integer> visibleIndex = new HashMap<>();
    private boolean visibleIndexStale = true;
    /** The filter and order {@code visible} was built with: in-place updates keep to them. */
    private Predicate<HistoryRow> predicate = row -> true;
    private Comparator<HistoryRow> order;
    /** The filters the shown rows were built with; null until a filter is first changed. */
    private FilterValues shownFilter;
    /**
     * The filter and order last asked for. Building the rows for them happens off the UI thread
     * (with 100,000 calls a keystroke's filtering is 8-40 ms, a sort more), and the table takes the
     * result when it is ready; until then it shows the previous rows, updated in place as before.
     * A null filter: none was ever set, every row passes.
     */
    private FilterValues wantedFilter;
    private Comparator<HistoryRow> wantedOrder;
    /** Counts the builds asked for: only the latest one's result is shown. */
    private long builds;
    /** Counts changes to {@code rows}: a build from rows that have changed since is redone. */
    private long rowsVersion;

    private final ObservableList<String> statusFilter = FXCollections.observableArrayList();
    private final StringProperty useCaseFilter = new SimpleStringProperty("");
    private final StringProperty campaignFilter = new SimpleStringProperty("");
    private final StringProperty typeFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<String> useCaseNames = FXCollections.observableArrayList();
    private final ObservableList<String> campaigns = FXCollections.observableArrayList();
    private final java.util.SortedSet<String> knownUseCases = new java.util.TreeSet<>();
    private final java.util.SortedSet<String> knownCampaigns = new java.util.TreeSet<>();

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Loading call history…");
    /** What an empty table says: no calls at all, or none that pass the filters. */
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("Loading call history…");
    private final ReadOnlyStringWrapper syncProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    /** Calls on the service older than those cached (0: all cached; -1: not known until the first sync). */
    private final javafx.beans.property.ReadOnlyLongWrapper olderOnService = new javafx.beans.property.ReadOnlyLongWrapper(-1);
    private final ObjectProperty<HistoryRow> selectedRow = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Call> selectedCall = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Transcript> transcript = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper detailMessage = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper exportProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>(Dashboard.EMPTY);
    /** Whether anyone looks at the dashboard: its numbers are worked out only then, not on every change. */
    private final javafx.beans.property.BooleanProperty dashboardShown = new javafx.beans.property.SimpleBooleanProperty(false);
    private boolean dashboardStale = true;

    private long serviceCount = -1;
    private Instant lastSync;
    private Duration pollDelay = FAST_POLL;
    private Runnable cancelPoll = () -> { };
    private Runnable cancelFilterQuery = () -> { };
    private Runnable cancelDashboard = () -> { };
    private boolean closed;

    /** The numbers behind the dashboard, for the rows the filter shows. */
    public record Dashboard(Map<String, Long> statusMix, Map<LocalDate, Long> perDay,
                            Map<String, Map<String, Long>> outcomesPerCampaign) {
        static final Dashboard EMPTY = new Dashboard(Map.of(), Map.of(), Map.of());
    }

    public HistoryViewModel(HistorySync sync, HistoryCache cache, TaskRunner runner, Clock clock,
                            Consumer<Call> dialAgainHandler) {
        this.sync = sync;
        this.cache = cache;
        this.runner = runner;
        this.clock = clock;
        this.dialAgainHandler = dialAgainHandler;
        for (Observable filter : filters()) {
            filter.addListener(changed -> onFilterChange());
        }
        visible.addListener((javafx.collections.ListChangeListener<HistoryRow>) change -> updateSummary());
        dashboardShown.addListener((obs, was, shown) -> {
            if (shown && dashboardStale) {
                computeDashboard();
            }
        });
        selectedRow.addListener((obs, old, row) -> {
            // The same call again (its row was updated in place): keep the detail and its messages.
            if (row == null || old == null || !row.id().equals(old.id())) {
                showDetail(row);
            }
        });
    }

    // ================= loading and syncing =================

    /** Shows the cached history at once, then asks the service for what is new. */
    public void open() {
        record Snapshot(List<HistoryRow> rows, Instant lastSync) {
        }
        runner.run(() -> new Snapshot(cache.loadNewest(FIRST_ROWS), cache.meta("last_sync").map(Instant::parse).orElse(null)),
                first -> {
                    replaceAll(first.rows());
                    lastSync = first.lastSync();
                    updateSummary();
                    if (first.rows().size() < FIRST_ROWS) {
                        loadedAll();
                        return;
                    }
                    runner.run(() -> Prepared.of(cache.loadAll()), all -> {
                        apply(all);
                        loadedAll();
                    }, this::cacheUnreadable);
                }, this::cacheUnreadable);
    }

    private void loadedAll() {
        loaded.set(true);
        updateSummary();
        recomputeDashboard();
        syncNow();
    }

    private void cacheUnreadable(Throwable failure) {
        {
            syncProblem.set("The local history cache could not be read: " + ErrorMessages.describe(failure));
            loaded.set(true);
            syncNow();
        }
    }

    /** Syncs with the service now, and keeps polling while the screen is open. */
    public void syncNow() {
        if (syncing.get() || closed) {
            return;
        }
        syncing.set(true);
        List<String> live = liveIds();
        runner.run(() -> {
            // Each page shows as it arrives: a first sync of a long history fills the table progressively.
            HistorySync.Result newest = sync.syncNewest(POLL_PAGE, SYNC_PAGE, SYNC_WALK, page -> runner.later(Duration.ZERO, () -> {
                serviceCount = page.serviceCount();
                merge(page.rows());
                updateSummary();
            }));
            List<HistoryRow> refreshed = sync.refreshLive(live.stream().filter(id -> !containsId(newest.rows(), id)).toList());
            List<HistoryRow> all = new ArrayList<>(newest.rows());
            all.addAll(refreshed);
            return new HistorySync.Result(all, newest.serviceCount(), newest.olderOnService());
        }, result -> {
            syncing.set(false);
            syncProblem.set(null);
            serviceCount = result.serviceCount();
            olderOnService.set(result.olderOnService());
            lastSync = clock.instant();
            boolean changed = merge(result.rows());
            pollDelay = changed || !liveIds().isEmpty() ? FAST_POLL : min(pollDelay.multipliedBy(2), IDLE_POLL);
            updateSummary();
            schedulePoll();
        }, failure -> {
            syncing.set(false);
            syncProblem.set("Not synced: " + ErrorMessages.describe(failure) + " Showing the last known history.");
            pollDelay = min(pollDelay.multipliedBy(2), ERROR_POLL);
            updateSummary();
            schedulePoll();
        });
    }

    /**
     * Brings the next page of calls older than those cached from the service: the table asks when
     * it is scrolled to its end, and there is a button for it. Never beside a sync, since both move
     * where the cached run of calls starts.
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
            merge(result.rows());
            updateSummary();
        }, failure -> {
            syncing.set(false);
            syncProblem.set("Older calls could not be loaded: " + ErrorMessages.describe(failure)
                    + " Scroll to the end or press Load older to try again.");
        });
    }

    private static boolean containsId(List<HistoryRow> rows, String id) {
        return rows.stream().anyMatch(r -> r.id().equals(id));
    }

    private void schedulePoll() {
        cancelPoll.run();
        if (!closed) {
            cancelPoll = runner.later(pollDelay, this::syncNow);
        }
    }

    /** Stops polling; the screen is going away. */
    public void close() {
        closed = true;
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

    private List<String> liveIds() {
        return rows.stream().filter(r -> !isTerminal(r.status())).map(HistoryRow::id).toList();
    }

    private static boolean isTerminal(String status) {
        return CallStatus.fromWireName(status).map(CallStatus::isTerminal).orElse(true);
    }

    /** The cache's rows, already newest first (sorted by SQLite, off the UI thread). */
    private void replaceAll(List<HistoryRow> newestFirst) {
        apply(Prepared.of(newestFirst));
    }

    /** Rows with their index and filter choices, built off the UI thread so that taking them is cheap. */
    private record Prepared(List<HistoryRow> rows, Map<String, Integer> index, Set<String> useCases, Set<String> campaigns) {
        static Prepared of(List<HistoryRow> newestFirst) {
            Map<String, Integer> index = new HashMap<>(newestFirst.size() * 2);
            Set<String> useCases = new java.util.TreeSet<>();
            Set<String> campaigns = new java.util.TreeSet<>();
            for (int i = 0; i < newestFirst.size(); i++) {
                HistoryRow r = newestFirst.get(i);
                index.put(r.id(), i);
                if (r.useCase() != null && !r.useCase().isBlank()) {
                    useCases.add(r.useCase());
                }
                if (r.campaign() != null && !r.campaign().isBlank()) {
                    campaigns.add(r.campaign());
                }
            }
            return new Prepared(newestFirst instanceof ArrayList ? newestFirst : new ArrayList<>(newestFirst), index,
                    useCases, campaigns);
        }
    }

    private void apply(Prepared prepared) {
        // Taken over, not copied: with 100,000 calls a copy is tens of milliseconds on the UI thread.
        rows = prepared.rows();
        rowsVersion++;
        indexById = prepared.index();
        if (knownUseCases.addAll(prepared.useCases())) {
            useCaseNames.setAll(knownUseCases);
        }
        if (knownCampaigns.addAll(prepared.campaigns())) {
            campaigns.setAll(knownCampaigns);
        }
        refilter();
    }

    /** Rebuilds what the table shows from every row: one pass, one change. */
    private void refilter() {
        buildShown(false);
    }

    /**
     * Builds the rows the table shows for the wanted filter and order, off the UI thread, and
     * shows them unless a newer build was asked for meanwhile. {@code fromShown}: the filter only
     * narrows the shown one, so the shown rows (already in order) are the ones to look at.
     */
    private void buildShown(boolean fromShown) {
        long thisBuild = ++builds;
        long version = rowsVersion;
        Predicate<HistoryRow> buildPredicate = wantedFilter == null ? row -> true : predicate(wantedFilter);
        Comparator<HistoryRow> buildOrder = wantedOrder;
        FilterValues buildFilter = wantedFilter;
        // Copies of the references (well under a millisecond for 100,000): the originals go on
        // changing on this thread while the build runs.
        List<HistoryRow> source = fromShown ? visible.snapshot() : new ArrayList<>(rows);
        Comparator<HistoryRow> sortBy = fromShown ? null : buildOrder;
        runner.run(() -> filter(source, buildPredicate, sortBy), built -> {
            if (thisBuild != builds || closed) {
                return; // a newer filter or order is on its way
            }
            if (version != rowsVersion) {
                buildShown(false); // calls came or changed meanwhile: they must be in it too
                return;
            }
            predicate = buildPredicate;
            order = buildOrder;
            shownFilter = buildFilter;
            show(built);
            updateSummary();
            recomputeDashboard();
        }, failure -> syncProblem.set("The rows could not be filtered: " + ErrorMessages.describe(failure)
                + " Change or clear the filters to try again."));
    }

    /** The rows that pass, in order; runs off the UI thread on lists no one else holds. */
    private static List<HistoryRow> filter(List<HistoryRow> source, Predicate<HistoryRow> passes,
                                           Comparator<HistoryRow> sortBy) {
        List<HistoryRow> passed = new ArrayList<>(source.size());
        for (HistoryRow row : source) {
            if (passes.test(row)) {
                passed.add(row);
            }
        }
        if (sortBy != null) {
            passed.sort(sortBy);
        }
        return passed;
    }

    /** Shows a freshly built list (the table takes it over, uncopied). */
    private void show(List<HistoryRow> shown) {
        visible.swap(shown);
        visibleIndexStale = true;
    }

    /** Where the table shows this row, or null. Newest first, a binary search finds it without an index. */
    private Integer shownAt(HistoryRow row) {
        if (order == null) {
            int at = java.util.Collections.binarySearch(visible, row, NEWEST_FIRST);
            if (at >= 0 && visible.get(at).id().equals(row.id())) {
                return at;
            }
            if (at < 0 && !predicate.test(row)) {
                return null; // filtered out, as expected
            }
        }
        return visibleIndex().get(row.id());
    }

    private Map<String, Integer> visibleIndex() {
        if (visibleIndexStale) {
            visibleIndex.clear();
            for (int i = 0; i < visible.size(); i++) {
                visibleIndex.put(visible.get(i).id(), i);
            }
            visibleIndexStale = false;
        }
        return visibleIndex;
    }

    /** The table's sort order (null: newest first). The view sets it from its sort columns. */
    public void setOrder(Comparator<HistoryRow> newOrder) {
        if (!java.util.Objects.equals(wantedOrder, newOrder)) {
            wantedOrder = newOrder;
            refilter();
        }
    }

    /**
     * Updates rows in place (selection and scroll stay put) and slots new ones in by time.
     * Returns whether anything changed.
     */
    boolean merge(List<HistoryRow> incoming) {
        boolean changed = false;
        boolean needsRefilter = false;
        List<HistoryRow> added = new ArrayList<>();
        for (HistoryRow row : incoming) {
            Integer index = indexById.get(row.id());
            if (index == null) {
                added.add(row);
            } else if (!rows.get(index).equals(row)) {
                HistoryRow before = rows.set(index, row);
                rowsVersion++;
                Integer shownAt = shownAt(before);
                if (shownAt != null && predicate.test(row)) {
                    visible.set(shownAt, row);
                } else if (shownAt != null || predicate.test(row)) {
                    needsRefilter = true; // it left or entered the filter
                }
                changed = true;
                if (selectedRow.get() != null && selectedRow.get().id().equals(row.id())) {
                    refreshSelected(row.id());
                }
            }
        }
        if (!added.isEmpty()) {
            added.sort(NEWEST_FIRST);
            Map<String, HistoryRow> unique = new java.util.LinkedHashMap<>();
            added.forEach(r -> unique.put(r.id(), r));
            List<HistoryRow> fresh = new ArrayList<>(unique.values());
            if (rows.isEmpty() || NEWEST_FIRST.compare(fresh.get(fresh.size() - 1), rows.get(0)) < 0) {
                rows.addAll(0, fresh);
            } else if (NEWEST_FIRST.compare(fresh.get(0), rows.get(rows.size() - 1)) > 0) {
                rows.addAll(fresh);
            } else {
                for (HistoryRow row : fresh) {
                    int at = java.util.Collections.binarySearch(rows, row, NEWEST_FIRST);
                    rows.add(at < 0 ? -at - 1 : at, row);
                }
            }
            rowsVersion++;
            reindex();
            addChoices(fresh);
            changed = true;
            List<HistoryRow> shownFresh = fresh.stream().filter(predicate).toList();
            boolean onTop = order == null && !shownFresh.isEmpty()
                    && (visible.isEmpty() || NEWEST_FIRST.compare(shownFresh.get(shownFresh.size() - 1), visible.get(0)) < 0);
            boolean atBottom = order == null && !shownFresh.isEmpty() && !onTop
                    && NEWEST_FIRST.compare(shownFresh.get(0), visible.get(visible.size() - 1)) > 0;
            if (onTop) {
                visible.addAll(0, shownFresh); // new calls: straight to the top, the rest stays put
                visibleIndexStale = true;
            } else if (atBottom) {
                visible.addAll(visible.size(), shownFresh); // older calls: below, where the operator scrolled to
                visibleIndexStale = true;
            } else if (!shownFresh.isEmpty()) {
                needsRefilter = true;
            }
        }
        if (needsRefilter) {
            refilter();
        }
        if (changed) {
            recomputeDashboard();
        }
        return changed;
    }

    private void reindex() {
        indexById.clear();
        for (int i = 0; i < rows.size(); i++) {
            indexById.put(rows.get(i).id(), i);
        }
    }

    /** Adds the use cases and campaigns of these rows to the filter choices (only ever grows, so no rescan). */
    private void addChoices(List<HistoryRow> newRows) {
        boolean grew = false;
        for (HistoryRow r : newRows) {
            grew |= r.useCase() != null && !r.useCase().isBlank() && knownUseCases.add(r.useCase());
            grew |= r.campaign() != null && !r.campaign().isBlank() && knownCampaigns.add(r.campaign());
        }
        if (grew) {
            useCaseNames.setAll(knownUseCases);
            campaigns.setAll(knownCampaigns);
        }
    }

    private void updateSummary() {
        String shown = String.format(Locale.ROOT, "%,d", visible.size());
        String total = String.format(Locale.ROOT, "%,d", rows.size());
        String service = serviceCount >= 0 && serviceCount != rows.size()
                ? String.format(Locale.ROOT, " · %,d on the service", serviceCount) : "";
        String synced = lastSync == null ? " · not synced yet"
                : " · synced " + LocalTime.ofInstant(lastSync, clock.getZone()).format(TIME);
        summary.set(shown + " of " + total + " calls" + service + synced);
        String empty = rows.isEmpty() ? "No calls yet. Calls placed from the Dial screen show up here."
                : "No calls match these filters; Clear filters shows all " + total + ".";
        if (!empty.equals(emptyText.get())) {
            emptyText.set(empty); // a new but equal text would still relayout the (hidden) placeholder
        }
    }

    // ================= filters =================

    private void onFilterChange() {
        FilterValues now = filterValues();
        wantedFilter = now;
        // A narrower filter can only drop rows, and the shown ones are already in order: typing
        // on in the search box looks at the matches so far, not every call.
        buildShown(shownFilter != null && now.narrows(shownFilter) && java.util.Objects.equals(order, wantedOrder));
        // The same filter on the service finds matches the cache does not hold yet.
        cancelFilterQuery.run();
        cancelFilterQuery = runner.later(FILTER_SETTLE, this::queryService);
    }

    private void queryService() {
        CallQuery query = serviceQuery();
        runner.run(() -> sync.query(query), result -> merge(result.rows()),
                failure -> syncProblem.set("The filter could not be run on the service: "
                        + ErrorMessages.describe(failure) + " Showing matches among cached calls."));
    }

    CallQuery serviceQuery() {
        List<String> useCaseIds = rows.stream().filter(r -> useCaseFilter.get().equals(r.useCase()))
                .map(HistoryRow::useCaseId).filter(java.util.Objects::nonNull).distinct().toList();
        return CallQuery.builder().limit(500)
                .statuses(List.copyOf(statusFilter))
                .useCases(useCaseFilter.get().isBlank() ? List.of() : useCaseIds)
                .campaigns(campaignFilter.get().isBlank() ? List.of() : List.of(campaignFilter.get()))
                .type(typeFilter.get().isBlank() ? null : typeFilter.get())
                .from(fromDate.get()).to(toDate.get())
                .search(search.get().isBlank() ? null : search.get().strip())
                .sort(CallQuery.Sort.desc).build();
    }

    /** The filters' values, as the rows the table shows were last filtered with. */
    private record FilterValues(Set<String> statuses, String useCase, String campaign, String type,
                                LocalDate from, LocalDate to, List<String> terms) {
        /**
         * Whether these filters can only let through rows the earlier ones did: the same choices and
         * every earlier search word still inside one of these (typing on narrows; deleting does not).
         */
        boolean narrows(FilterValues earlier) {
            return statuses.equals(earlier.statuses) && useCase.equals(earlier.useCase)
                    && campaign.equals(earlier.campaign) && type.equals(earlier.type)
                    && java.util.Objects.equals(from, earlier.from) && java.util.Objects.equals(to, earlier.to)
                    && earlier.terms.stream().allMatch(old -> terms.stream().anyMatch(term -> term.contains(old)));
        }
    }

    private FilterValues filterValues() {
        return new FilterValues(Set.copyOf(statusFilter), useCaseFilter.get(), campaignFilter.get(), typeFilter.get(),
                fromDate.get(), toDate.get(), List.of(searchTerms(search.get())));
    }

    Predicate<HistoryRow> predicate() {
        return predicate(filterValues());
    }

    private Predicate<HistoryRow> predicate(FilterValues values) {
        Set<String> statuses = values.statuses();
        String useCase = values.useCase();
        String campaign = values.campaign();
        String type = values.type();
        ZoneId zone = clock.getZone();
        Long from = values.from() == null ? null : values.from().atStartOfDay(zone).toInstant().toEpochMilli();
        Long to = values.to() == null ? null : values.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        String[] terms = values.terms().toArray(String[]::new);
        return row -> (statuses.isEmpty() || statuses.contains(row.status()))
                && (useCase.isBlank() || useCase.equals(row.useCase()))
                && (campaign.isBlank() || campaign.equals(row.campaign()))
                && (type.isBlank() || type.equals(row.type()))
                && (from == null || row.createdMs() >= from)
                && (to == null || row.createdMs() < to)
                && matches(row.searchText(), terms);
    }

    /** Words of the search box; a phone number typed with spaces or dashes is one term. */
    static String[] searchTerms(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.matches("[+\\d][\\d\\s().-]*")) {
            return new String[] {lower.replaceAll("[\\s().-]", "")};
        }
        return lower.split("\\s+");
    }

    private static boolean matches(String text, String[] terms) {
        if (terms.length == 0) {
            return true;
        }
        if (text == null) {
            return false;
        }
        for (String term : terms) {
            if (!text.contains(term)) {
                return false;
            }
        }
        return true;
    }

    public void clearFilters() {
        statusFilter.clear();
        useCaseFilter.set("");
        campaignFilter.set("");
        typeFilter.set("");
        fromDate.set(null);
        toDate.set(null);
        search.set("");
    }

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
        List<HistoryRow> snapshot = List.copyOf(visible);
        ZoneId zone = clock.getZone();
        runner.run(() -> {
            Map<String, Long> mix = new TreeMap<>(snapshot.stream()
                    .collect(Collectors.groupingBy(HistoryRow::status, Collectors.counting())));
            Map<LocalDate, Long> perDay = new TreeMap<>(snapshot.stream().collect(Collectors.groupingBy(
                    r -> LocalDate.ofInstant(Instant.ofEpochMilli(r.createdMs()), zone), Collectors.counting())));
            Map<String, Map<String, Long>> perCampaign = new TreeMap<>();
            for (HistoryRow r : snapshot) {
                String campaign = r.campaign() == null || r.campaign().isBlank() ? "(none)" : r.campaign();
                perCampaign.computeIfAbsent(campaign, c -> new TreeMap<>()).merge(r.status(), 1L, Long::sum);
            }
            return new Dashboard(mix, perDay, perCampaign);
        }, dashboard::set, failure -> { });
    }

    // ================= detail and actions =================

    private void showDetail(HistoryRow row) {
        transcript.set(null);
        detailMessage.set(null);
        if (row == null) {
            selectedCall.set(null);
            return;
        }
        String id = row.id();
        runner.run(() -> cache.json(id).map(HistoryViewModel::parseCall).orElse(null), cached -> {
            if (isSelected(id) && cached != null) {
                selectedCall.set(cached);
            }
            refreshSelected(id);
        }, failure -> refreshSelected(id));
    }

    private void refreshSelected(String id) {
        runner.run(() -> sync.fullCall(id), call -> {
            if (isSelected(id)) {
                selectedCall.set(call);
            }
        }, failure -> {
            if (isSelected(id)) {
                detailMessage.set("Could not load the latest state: " + ErrorMessages.describe(failure));
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

    private static Call parseCall(String json) {
        try {
            return Json.mapper().readValue(json, Call.class);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Cancels the selected call; only Scheduled or Queued calls can be, and the service says so otherwise. */
    public void cancelSelected() {
        actOnSelected("Cancelled", sync::cancel);
    }

    /** Hangs up the selected live call. */
    public void stopSelected() {
        actOnSelected("Stopped", sync::stop);
    }

    private interface CallAction {
        Call apply(String id) throws Exception;
    }

    private void actOnSelected(String done, CallAction action) {
        Call call = selectedCall.get();
        if (call == null) {
            return;
        }
        String id = call.id();
        detailMessage.set(null);
        runner.run(() -> action.apply(id), updated -> {
            merge(List.of(HistorySync.toRow(updated)));
            if (isSelected(id)) {
                selectedCall.set(updated);
            }
            detailMessage.set(done + ": the call is now " + updated.status().wireName() + ".");
        }, failure -> detailMessage.set(ErrorMessages.describe(failure)));
    }

    public void dialAgainSelected() {
        if (selectedCall.get() != null) {
            dialAgainHandler.accept(selectedCall.get());
        }
    }

    /** Selects a call by ID (e.g. from the dial form's "show in history"), loading it if needed. */
    public void reveal(String id) {
        Integer index = indexById.get(id);
        if (index != null) {
            selectedRow.set(rows.get(index));
            return;
        }
        runner.run(() -> sync.fullCall(id), call -> {
            HistoryRow row = HistorySync.toRow(call);
            merge(List.of(row));
            selectedRow.set(rows.get(indexById.get(id)));
        }, failure -> detailMessage.set("Call " + id + " could not be loaded: " + ErrorMessages.describe(failure)));
    }

    // ================= export =================

    /** The export file's suggested name, with today's date on the operator's clock. */
    public String suggestedExportFileName() {
        return "dialdesk-calls-" + LocalDate.now(clock) + ".csv";
    }

    /** Writes the rows the filter shows to a CSV file a spreadsheet opens cleanly. */
    public void exportCsv(Path file) {
        List<HistoryRow> snapshot = List.copyOf(visible);
        exportProgress.set(0);
        exportMessage.set("Exporting " + String.format(Locale.ROOT, "%,d", snapshot.size()) + " calls…");
        ZoneId zone = clock.getZone();
        runner.run(() -> {
            // Progress hops to the UI thread on its own; one arriving after the end must not revive the bar.
            writeCsv(file, snapshot, zone, done -> runner.later(Duration.ZERO, () -> {
                if (exportProgress.get() >= 0) {
                    exportProgress.set(snapshot.isEmpty() ? 1 : (double) done / snapshot.size());
                }
            }));
            return snapshot.size();
        }, count -> {
            exportProgress.set(-1);
            exportMessage.set(String.format(Locale.ROOT, "Exported %,d calls to %s", count, file));
        }, failure -> {
            exportProgress.set(-1);
            exportMessage.set("Export failed: " + ErrorMessages.describe(failure));
        });
    }

    static final List<String> CSV_COLUMNS = List.of("id", "created", "status", "callee", "caller", "use_case",
            "agent", "duration_seconds", "campaign", "scheduled_for", "language", "type");

    static void writeCsv(Path file, List<HistoryRow> rows, ZoneId zone, java.util.function.IntConsumer progress)
            throws java.io.IOException {
        CsvMapper csv = new CsvMapper();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schema::addColumn);
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             SequenceWriter writer = csv.writer(schema.build()).writeValues(out)) {
            out.write('\uFEFF'); // a BOM, so spreadsheets read UTF-8 names correctly
            for (int i = 0; i < rows.size(); i++) {
                HistoryRow r = rows.get(i);
                writer.write(List.of(r.id(), Instant.ofEpochMilli(r.createdMs()).toString(), nz(r.status()),
                        asText(r.callee()), asText(r.caller()), nz(r.useCase()), nz(r.agent()),
                        Integer.toString(r.durationSeconds()), nz(r.campaign()), nz(r.scheduledFor()),
                        nz(r.language()), nz(r.type())));
                if (i % 5000 == 4999) {
                    progress.accept(i + 1);
                }
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        progress.accept(rows.size());
    }

    /** A phone number kept as text in spreadsheets (which would read +1415… as a number and drop the +). */
    static String asText(String phone) {
        return phone == null || phone.isBlank() ? "" : "=\"" + phone + "\"";
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    // ================= properties =================

    /** The rows the table shows: filtered and in the chosen order. */
    public ObservableList<HistoryRow> rows() { return visibleView; }
    /** Every filter the operator sets; a change to any of them rebuilds the shown rows. */
    public List<Observable> filters() {
        return List.of(statusFilter, useCaseFilter, campaignFilter, typeFilter, fromDate, toDate, search);
    }
    public ObservableList<String> statusFilter() { return statusFilter; }
    public StringProperty useCaseFilterProperty() { return useCaseFilter; }
    public StringProperty campaignFilterProperty() { return campaignFilter; }
    public StringProperty typeFilterProperty() { return typeFilter; }
    public ObjectProperty<LocalDate> fromDateProperty() { return fromDate; }
    public ObjectProperty<LocalDate> toDateProperty() { return toDate; }
    public StringProperty searchProperty() { return search; }
    public ObservableList<String> useCaseNames() { return useCaseNames; }
    public ObservableList<String> campaigns() { return campaigns; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty syncProblemProperty() { return syncProblem.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty syncingProperty() { return syncing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ObjectProperty<HistoryRow> selectedRowProperty() { return selectedRow; }
    public ReadOnlyObjectProperty<Call> selectedCallProperty() { return selectedCall.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Transcript> transcriptProperty() { return transcript.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailMessageProperty() { return detailMessage.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty exportProgressProperty() { return exportProgress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty exportMessageProperty() { return exportMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() { return dashboard.getReadOnlyProperty(); }
    public javafx.beans.property.BooleanProperty dashboardShownProperty() { return dashboardShown; }
    public javafx.beans.property.ReadOnlyLongProperty olderOnServiceProperty() { return olderOnService.getReadOnlyProperty(); }
}
