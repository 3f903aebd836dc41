package org.dialdesk.domain;

import java.util.List;

/**
 * The order the history table shows its rows in: its sort columns, first one first. Rows the
 * columns leave tied keep to newest first (ascending columns: oldest first), so every order is
 * total and a page read twice is the same page.
 */
public record HistoryOrder(List<Key> keys) {
    /** Newest first: the history's own order. */
    public static final HistoryOrder NEWEST_FIRST = new HistoryOrder(List.of(new Key(HistoryColumn.CREATED, true)));

    public record Key(HistoryColumn column, boolean descending) {
    }

    public HistoryOrder {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            keys = NEWEST_FIRST == null ? List.of(new Key(HistoryColumn.CREATED, true)) : NEWEST_FIRST.keys;
        }
    }

    public static HistoryOrder by(HistoryColumn column, boolean descending) {
        return new HistoryOrder(List.of(new Key(column, descending)));
    }

    /** Whether this is newest first, the order new calls arrive on top of. */
    public boolean newestFirst() {
        return keys.size() == 1 && keys.get(0).column() == HistoryColumn.CREATED && keys.get(0).descending();
    }
}
