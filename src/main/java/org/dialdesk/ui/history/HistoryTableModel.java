package org.dialdesk.ui.history;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.service.HistorySync;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The history table's rows, read from the cache a page at a time: the list has as many rows as the
 * filter lets through, but only the pages in and near view are objects (a row not read yet is
 * {@link #PENDING} until its page arrives). Filter, search and sort are queries run off the UI
 * thread; a sequence number per query makes sure only the newest one's rows are shown. A query
 * shows its first page as soon as it is read and counts its rows after, so typing is not held up
 * by a count of a million. Calls that change are updated in place: the selection and scroll
 * position stay put.
 */
final class HistoryTableModel {
    /** Rows read in one go. */
    static final int PAGE = 100;
    /** Pages kept: what is in view and what was just scrolled past, whatever the history's size. */
    static final int KEPT_PAGES = 20;
    /** A row whose page has not been read yet: the table shows it blank for a moment. */
    static final HistoryRow PENDING = new HistoryRow("", 0, "", null, null, null, null, null, null, 0, null, null,
            null, null, "");

    private final HistorySync sync;
    private final TaskRunner runner;
    private final ZoneId zone;
    private final Runnable onShownChanged;
    private final Consumer<Throwable> onFailed;

    private final PagedRows rows = new PagedRows(this::readRow, this::indexOfRead);
    /** The pages read, least recently used first. */
    private final LinkedHashMap<Integer, List<HistoryRow>> pages = new LinkedHashMap<>(32, 0.75f, true);
    private final Set<Integer> loading = new HashSet<>();

    private CallFilter filter = CallFilter.NONE;
    private HistoryOrder order = HistoryOrder.NEWEST_FIRST;
    /** Counts the queries asked for: a page or count of an older one is dropped. */
    private long generation;
    /**
     * Counts the times the rows' content was replaced (a query's first page, a refresh): a page or
     * count read before one of them is of rows that have moved since, and is dropped.
     */
    private long dataVersion;
    /** Whether the newest query's first page is in: until then there is nothing to count for it. */
    private boolean firstPageIn;
    private final ReadOnlyBooleanWrapper counted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(0);
    private boolean totalCounted;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    /** Where the selected call is in the rows (-1: left out by the filter, or not found yet). */
    private final ReadOnlyLongWrapper selectedPosition = new ReadOnlyLongWrapper(-1);
    private String selectedId;

    /** How long a query stays as it is before its rows are counted. */
    static final Duration COUNT_SETTLE = Duration.ofMillis(250);
    /** Cancels the count waiting for the query to settle, if one waits. */
    private Runnable pendingCount;
    /** Counts run one at a time, the newest waiting: a count of a million must not pile up behind keystrokes. */
    private boolean counting;
    private boolean countAgain;
    private boolean refreshing;
    private boolean refreshAgain;
    private boolean closed;

    private final FilterChoices choices = new FilterChoices();

    /**
     * @param onShownChanged the rows shown or their count changed
     * @param onFailed       the cache could not be read for them
     */
    HistoryTableModel(HistorySync sync, TaskRunner runner, ZoneId zone, Runnable onShownChanged,
                      Consumer<Throwable> onFailed) {
        this.sync = sync;
        this.runner = runner;
        this.zone = zone;
        this.onShownChanged = onShownChanged;
        this.onFailed = onFailed;
    }

    // ================= queries =================

    /** Reads the first page for the filter and order as they are; the rows' count comes after. */
    void open() {
        requery();
        runner.run(sync::choices, found -> choices.add(found.useCases(), found.campaigns()), onFailed);
    }

    void setFilter(CallFilter newFilter) {
        if (!newFilter.equals(filter)) {
            filter = newFilter;
            requery();
        }
    }

    void setOrder(HistoryOrder newOrder) {
        HistoryOrder wanted = newOrder == null ? HistoryOrder.NEWEST_FIRST : newOrder;
        if (!wanted.equals(order)) {
            order = wanted;
            requery();
        }
    }

    CallFilter filter() {
        return filter;
    }

    HistoryOrder order() {
        return order;
    }

    private void requery() {
        long query = ++generation;
        firstPageIn = false;
        if (counting) {
            sync.interruptCount(); // the previous keystroke's count: not wanted any more
        }
        CallFilter f = filter;
        HistoryOrder o = order;
        runner.run(() -> sync.page(f, o, zone, 0, PAGE), first -> {
            if (query != generation || closed) {
                return; // a newer filter or order is on its way
            }
            pages.clear();
            loading.clear();
            dataVersion++;
            firstPageIn = true;
            pages.put(0, first);
            counted.set(first.size() < PAGE);
            // The selected call's place was in the previous rows: found again here, or by the count.
            selectedPosition.set(selectedId == null ? -1 : loadedIndexOf(selectedId));
            // Until it is counted, the list is its first page: the rest follow in one change at the end.
            rows.reset(first.size());
            loaded.set(true);
            onShownChanged.run();
            countOnceSettled(query);
        }, failure -> {
            if (query == generation) {
                onFailed.accept(failure);
            }
        });
    }

    private record Counted(long shown, long total, long selectedAt) {
    }

    /**
     * Counts the query's rows once the operator has stopped changing it for {@link #COUNT_SETTLE}:
     * a count of a million takes a core for half a second, which typing needs for the next
     * keystroke's page and its frames; while typing, the summary says "100+".
     */
    private void countOnceSettled(long query) {
        if (pendingCount != null) {
            pendingCount.run();
        }
        pendingCount = runner.later(COUNT_SETTLE, () -> {
            pendingCount = null;
            if (query == generation && !closed) {
                count();
            }
        });
    }

    /** Counts the rows of the newest query (and every cached call), and finds the selected one among them. */
    private void count() {
        if (counting) {
            countAgain = true;
            return;
        }
        counting = true;
        long query = generation;
        long version = dataVersion;
        CallFilter f = filter;
        HistoryOrder o = order;
        String selected = selectedId;
        // Every cached call's count changes with the cache, not the filter: a refresh counts it again.
        boolean countTotal = !totalCounted;
        runner.run(() -> new Counted(sync.interruptibleCount(f, zone), countTotal ? sync.count(CallFilter.NONE, zone) : -1,
                selected == null ? -1 : sync.positionOf(selected, f, o, zone)), c -> {
            counting = false;
            if (query == generation && version != dataVersion && !closed) {
                // The cache changed while it counted: a refresh counted since, else it is counted again.
                countAgain = !counted.get();
            } else if (query == generation && !closed) {
                if (c.total() >= 0) {
                    total.set(c.total());
                    totalCounted = true;
                }
                if (rows.size() != c.shown()) {
                    rows.resize(c.shown());
                }
                counted.set(true);
                if (Objects.equals(selected, selectedId)) {
                    selectedPosition.set(c.selectedAt());
                }
                onShownChanged.run();
            }
            countNewest();
        }, failure -> {
            counting = false;
            if (query == generation) {
                onFailed.accept(failure);
            } // else stopped for a newer query (or failed for an old one): nothing to say
            countNewest();
        });
    }

    /** A count was asked for while one ran: the newest query's, once its first page is in (its own success asks then). */
    private void countNewest() {
        if (countAgain && firstPageIn && !closed) {
            countAgain = false;
            count();
        }
    }

    // ================= paging =================

    /** The table shows row {@code index}: its page is read if it is not yet. */
    void want(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        int page = index / PAGE;
        if (pages.get(page) != null || loading.contains(page)) {
            return;
        }
        loading.add(page);
        long query = generation;
        long version = dataVersion;
        CallFilter f = filter;
        HistoryOrder o = order;
        runner.run(() -> sync.page(f, o, zone, (long) page * PAGE, PAGE), read -> {
            if (query != generation || version != dataVersion || closed) {
                return; // rows of an older query, or read before the rows moved (a refresh read its own)
            }
            loading.remove(page);
            putPage(page, read);
            rows.pageArrived(page * PAGE, read.size());
        }, failure -> {
            if (version == dataVersion) {
                loading.remove(page);
            }
            if (query == generation) {
                onFailed.accept(failure);
            }
        });
    }

    /** The row at {@code index} if its page has been read, else null. */
    private HistoryRow readRow(int index) {
        List<HistoryRow> page = pages.get(index / PAGE);
        int at = index % PAGE;
        return page != null && at < page.size() ? page.get(at) : null;
    }

    private void putPage(int page, List<HistoryRow> read) {
        pages.put(page, read);
        while (pages.size() > KEPT_PAGES) {
            Integer eldest = pages.keySet().iterator().next();
            pages.remove(eldest);
        }
    }

    /** Where the call with this id is among the rows read, or -1 (it may still be among the others). */
    /** The first index of a row equal to this one among the pages read (not reordering them), or -1. */
    private int indexOfRead(HistoryRow row) {
        int first = -1;
        for (Map.Entry<Integer, List<HistoryRow>> page : pages.entrySet()) {
            int at = page.getValue().indexOf(row);
            if (at >= 0 && (first < 0 || page.getKey() * PAGE + at < first)) {
                first = page.getKey() * PAGE + at;
            }
        }
        return first;
    }

    int loadedIndexOf(String id) {
        for (Map.Entry<Integer, List<HistoryRow>> page : pages.entrySet()) {
            List<HistoryRow> read = page.getValue();
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i).id().equals(id)) {
                    return page.getKey() * PAGE + i;
                }
            }
        }
        return -1;
    }

    // ================= changes in the cache =================

    private record Refreshed(long shown, long total, long newOnTop, Map<Integer, List<HistoryRow>> pages,
                             long selectedAt) {
    }

    /**
     * Calls were written to the cache (a sync, a poll, a cancel): the count and the pages read are
     * read again. New calls on top come in above the rows shown (which keep their place and
     * selection); a call that changed is replaced in place; anything else rebuilds the rows.
     */
    void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        long query = generation;
        CallFilter f = filter;
        HistoryOrder o = order;
        String top = rows.size() > 0 && pages.get(0) != null && !pages.get(0).isEmpty() ? pages.get(0).get(0).id() : null;
        List<Integer> kept = new ArrayList<>(pages.keySet());
        String selected = selectedId;
        runner.run(() -> {
            long newOnTop = top != null && o.newestFirst() ? sync.countNewerThan(top, f, zone) : 0;
            Set<Integer> wantedPages = new TreeSet<>();
            for (int page : kept) {
                wantedPages.add((int) (((long) page * PAGE + newOnTop) / PAGE));
                wantedPages.add((int) (((long) page * PAGE + PAGE - 1 + newOnTop) / PAGE));
            }
            wantedPages.add(0);
            Map<Integer, List<HistoryRow>> read = new LinkedHashMap<>();
            for (int page : wantedPages) {
                read.put(page, sync.page(f, o, zone, (long) page * PAGE, PAGE));
            }
            return new Refreshed(sync.count(f, zone), sync.count(CallFilter.NONE, zone), newOnTop, read,
                    selected == null ? -1 : sync.positionOf(selected, f, o, zone));
        }, r -> {
            refreshing = false;
            if (query == generation && !closed) {
                apply(r, selected);
            }
            refreshAgainIfAsked();
        }, failure -> {
            refreshing = false;
            if (query == generation) {
                onFailed.accept(failure);
            }
            refreshAgainIfAsked();
        });
    }

    private void refreshAgainIfAsked() {
        if (refreshAgain && !closed) {
            refreshAgain = false;
            refresh();
        }
    }

    private void apply(Refreshed r, String selected) {
        long before = rows.size();
        // New calls only on top (newest first): the rows shown move down by as many, as they are.
        long shift = r.newOnTop() > 0 && before + r.newOnTop() == r.shown() ? r.newOnTop() : 0;
        Map<Long, HistoryRow> shownBefore = new HashMap<>();
        for (Map.Entry<Integer, List<HistoryRow>> page : pages.entrySet()) {
            List<HistoryRow> read = page.getValue();
            for (int i = 0; i < read.size(); i++) {
                shownBefore.put((long) page.getKey() * PAGE + i + shift, read.get(i));
            }
        }
        // The same calls at the same places (a call updated, older ones added below): changed in
        // place. Anything else (a call moved out of the filter, a sort by a changed column): rebuilt.
        boolean samePlaces = true;
        List<Long> changed = new ArrayList<>();
        Map<Integer, List<HistoryRow>> kept = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<HistoryRow>> page : r.pages().entrySet()) {
            List<HistoryRow> read = new ArrayList<>(page.getValue());
            for (int i = 0; i < read.size(); i++) {
                long at = (long) page.getKey() * PAGE + i;
                HistoryRow was = shownBefore.get(at);
                if (was == null) {
                    if (at < shift) {
                        changed.add(at);
                    }
                } else if (!was.id().equals(read.get(i).id())) {
                    samePlaces = false;
                } else if (was.equals(read.get(i))) {
                    read.set(i, was); // unchanged: the same object, so nothing redraws
                } else {
                    changed.add(at);
                }
            }
            kept.put(page.getKey(), read);
        }
        pages.clear();
        loading.clear();
        dataVersion++;
        kept.forEach(this::putPage);
        total.set(r.total());
        totalCounted = true;
        if (Objects.equals(selected, selectedId)) {
            selectedPosition.set(r.selectedAt());
        }
        if (!samePlaces) {
            rows.reset(r.shown());
        } else {
            if (shift > 0) {
                rows.insertOnTop((int) shift);
            } else {
                rows.resize(r.shown());
            }
            rows.changedInPlace(changed);
        }
        counted.set(true);
        onShownChanged.run();
    }

    // ================= the selected call =================

    /** The operator selected this call; {@code index} is its place if known (-1: it is looked up). */
    void select(String id, int index) {
        selectedId = id;
        if (id == null) {
            selectedPosition.set(-1);
            return;
        }
        if (index >= 0) {
            selectedPosition.set(index);
            return;
        }
        int loadedAt = loadedIndexOf(id);
        if (loadedAt >= 0) {
            selectedPosition.set(loadedAt);
            return;
        }
        selectedPosition.set(-1);
        long query = generation;
        CallFilter f = filter;
        HistoryOrder o = order;
        runner.run(() -> sync.positionOf(id, f, o, zone), at -> {
            if (query == generation && id.equals(selectedId)) {
                selectedPosition.set(at);
            }
        }, onFailed);
    }

    void close() {
        closed = true;
    }

    /** The rows the table shows: filtered and in the chosen order, read as they come into view. */
    ObservableList<HistoryRow> shown() {
        return rows; // read-only as it is (see PagedRows)
    }

    /** Whether {@link #shown()}'s size is the rows' count, not just the first page read. */
    ReadOnlyBooleanProperty countedProperty() {
        return counted.getReadOnlyProperty();
    }

    /** Every cached call, as last counted. */
    ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Whether the first query's rows are in. */
    ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyLongProperty selectedPositionProperty() {
        return selectedPosition.getReadOnlyProperty();
    }

    /** The use cases and campaigns the filters offer. */
    FilterChoices choices() {
        return choices;
    }
}
