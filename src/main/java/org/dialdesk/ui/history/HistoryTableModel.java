package org.dialdesk.ui.history;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.api.CallStatus;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.ui.common.SwappableList;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The history table's rows: every known call, and the ones the table shows (filtered, in the
 * chosen order). Filtering and sorting run off the UI thread; a sequence number per build makes
 * sure only the newest one is shown (a late answer for an old filter is dropped). Calls that
 * change are updated in place, so the selection and scroll position stay put.
 */
final class HistoryTableModel {
    static final Comparator<HistoryRow> NEWEST_FIRST =
            Comparator.comparingLong(HistoryRow::createdMs).reversed().thenComparing(HistoryRow::id, Comparator.reverseOrder());

    private final TaskRunner runner;
    private final ZoneId zone;
    private final Runnable onShownChanged;
    private final Consumer<HistoryRow> onRowChanged;
    private final Consumer<Throwable> onBuildFailed;

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
    /** The filter the shown rows were built with; null until a filter is first set. */
    private CallFilter shownFilter;
    /**
     * The filter and order last asked for. Building the rows for them happens off the UI thread
     * (with 100,000 calls a keystroke's filtering is 8-40 ms, a sort more), and the table takes the
     * result when it is ready; until then it shows the previous rows, updated in place as before.
     */
    private CallFilter wantedFilter = CallFilter.NONE;
    private Comparator<HistoryRow> wantedOrder;
    /** Counts the builds asked for: only the latest one's result is shown. */
    private long builds;
    /** Counts changes to {@code rows}: a build from rows that have changed since is redone. */
    private long rowsVersion;
    private boolean closed;

    private final ObservableList<String> useCaseNames = FXCollections.observableArrayList();
    private final ObservableList<String> campaigns = FXCollections.observableArrayList();
    private final SortedSet<String> knownUseCases = new TreeSet<>();
    private final SortedSet<String> knownCampaigns = new TreeSet<>();

    /**
     * @param onShownChanged a new set of shown rows is in place
     * @param onRowChanged   a known call changed (its row was replaced)
     * @param onBuildFailed  the shown rows could not be rebuilt
     */
    HistoryTableModel(TaskRunner runner, ZoneId zone, Runnable onShownChanged, Consumer<HistoryRow> onRowChanged,
                      Consumer<Throwable> onBuildFailed) {
        this.runner = runner;
        this.zone = zone;
        this.onShownChanged = onShownChanged;
        this.onRowChanged = onRowChanged;
        this.onBuildFailed = onBuildFailed;
    }

    /** Rows with their index and filter choices, built off the UI thread so that taking them is cheap. */
    record Prepared(List<HistoryRow> rows, Map<String, Integer> index, Set<String> useCases, Set<String> campaigns) {
        static Prepared of(List<HistoryRow> newestFirst) {
            Map<String, Integer> index = new HashMap<>(newestFirst.size() * 2);
            Set<String> useCases = new TreeSet<>();
            Set<String> campaigns = new TreeSet<>();
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

    /** Takes every known call at once (the cache's, newest first), and rebuilds what is shown. */
    void replaceAll(Prepared prepared) {
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

    /** Shows the rows {@code filter} passes; typing on in the search box looks at the matches so far, not every call. */
    void setFilter(CallFilter filter) {
        wantedFilter = filter;
        // A narrower filter can only drop rows, and the shown ones are already in order.
        buildShown(shownFilter != null && filter.narrows(shownFilter) && Objects.equals(order, wantedOrder));
    }

    /** The table's sort order (null: newest first). The view sets it from its sort columns. */
    void setOrder(Comparator<HistoryRow> newOrder) {
        if (!Objects.equals(wantedOrder, newOrder)) {
            wantedOrder = newOrder;
            refilter();
        }
    }

    void close() {
        closed = true;
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
        CallFilter buildFilter = wantedFilter;
        Predicate<HistoryRow> buildPredicate = buildFilter.predicate(zone);
        Comparator<HistoryRow> buildOrder = wantedOrder;
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
            visible.swap(built);
            visibleIndexStale = true;
            onShownChanged.run();
        }, onBuildFailed);
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

    /** Where the table shows this row, or null. Newest first, a binary search finds it without an index. */
    private Integer shownAt(HistoryRow row) {
        if (order == null) {
            int at = Collections.binarySearch(visible, row, NEWEST_FIRST);
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
                onRowChanged.accept(row);
            }
        }
        if (!added.isEmpty()) {
            needsRefilter |= insert(added);
            changed = true;
        }
        if (needsRefilter) {
            refilter();
        }
        return changed;
    }

    /** Slots new calls in by time; returns whether the shown rows must be rebuilt to take them. */
    private boolean insert(List<HistoryRow> added) {
        added.sort(NEWEST_FIRST);
        Map<String, HistoryRow> unique = new LinkedHashMap<>();
        added.forEach(r -> unique.put(r.id(), r));
        List<HistoryRow> fresh = new ArrayList<>(unique.values());
        if (rows.isEmpty() || NEWEST_FIRST.compare(fresh.get(fresh.size() - 1), rows.get(0)) < 0) {
            rows.addAll(0, fresh);
        } else if (NEWEST_FIRST.compare(fresh.get(0), rows.get(rows.size() - 1)) > 0) {
            rows.addAll(fresh);
        } else {
            for (HistoryRow row : fresh) {
                int at = Collections.binarySearch(rows, row, NEWEST_FIRST);
                rows.add(at < 0 ? -at - 1 : at, row);
            }
        }
        rowsVersion++;
        reindex();
        addChoices(fresh);
        List<HistoryRow> shownFresh = fresh.stream().filter(predicate).toList();
        if (shownFresh.isEmpty()) {
            return false;
        }
        boolean onTop = order == null
                && (visible.isEmpty() || NEWEST_FIRST.compare(shownFresh.get(shownFresh.size() - 1), visible.get(0)) < 0);
        boolean atBottom = order == null && !onTop
                && NEWEST_FIRST.compare(shownFresh.get(0), visible.get(visible.size() - 1)) > 0;
        if (onTop) {
            visible.addAll(0, shownFresh); // new calls: straight to the top, the rest stays put
        } else if (atBottom) {
            visible.addAll(visible.size(), shownFresh); // older calls: below, where the operator scrolled to
        } else {
            return true;
        }
        visibleIndexStale = true;
        return false;
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

    /** The calls still going: the ones to poll. */
    List<String> liveIds() {
        return rows.stream().filter(r -> !isTerminal(r.status())).map(HistoryRow::id).toList();
    }

    private static boolean isTerminal(String status) {
        return CallStatus.fromWireName(status).map(CallStatus::isTerminal).orElse(true);
    }

    /** The known row of this call, if it is known. */
    HistoryRow row(String id) {
        Integer index = indexById.get(id);
        return index == null ? null : rows.get(index);
    }

    /** The use case IDs behind a use case's name, among the known calls. */
    List<String> useCaseIdsNamed(String name) {
        return rows.stream().filter(r -> name.equals(r.useCase()))
                .map(HistoryRow::useCaseId).filter(Objects::nonNull).distinct().toList();
    }

    int knownCount() {
        return rows.size();
    }

    /** The rows the table shows: filtered and in the chosen order. */
    ObservableList<HistoryRow> shown() {
        return visibleView;
    }

    ObservableList<String> useCaseNames() {
        return useCaseNames;
    }

    ObservableList<String> campaigns() {
        return campaigns;
    }
}
