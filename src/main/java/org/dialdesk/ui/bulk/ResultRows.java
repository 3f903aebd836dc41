package org.dialdesk.ui.bulk;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/** A run's rows as they stood when last read whole, the rows in view updated while it goes again. */
final class ResultRows extends AbstractList<BulkRow> implements RandomAccess, RunRowsShown {
    private final List<BulkRow> rows;
    /** UI thread only. */
    private Map<Integer, BulkRow> asSent = Map.of();

    ResultRows(List<BulkRow> rows) {
        this.rows = List.copyOf(rows);
    }

    @Override
    public BulkRow get(int index) {
        BulkRow row = rows.get(index);
        return asSent.getOrDefault(row.number(), row);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public int numberAt(int index) {
        return rows.get(index).number();
    }

    @Override
    public void showAsSent(Map<Integer, BulkRow> byNumber) {
        asSent = byNumber;
    }
}
