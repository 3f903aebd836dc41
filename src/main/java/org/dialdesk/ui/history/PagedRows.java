package org.dialdesk.ui.history;

import java.util.AbstractList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import javafx.collections.ObservableListBase;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.ui.common.RangeChange;

/**
 * The history table's list: its size is the rows' count; a row is read from the page it is on,
 * {@link HistoryTableModel#PENDING} until that page has been read. Its changes are fired by
 * {@link HistoryTableModel}, which holds the pages. A change that takes rows away is one
 * {@link RangeChange} whose removed rows are a list that holds nothing: the toolkit's change builder
 * would copy them one by one, a million stand-ins (and a 4 MB array to collect) at every keystroke.
 * Read-only to its readers (the model changes it), so the table is given it as it is: JavaFX's
 * read-only wrapper would look a row up by reading every index.
 */
final class PagedRows extends ObservableListBase<HistoryRow> {
    /** The row at an index, or null while its page has not been read. */
    private final IntFunction<HistoryRow> readRow;
    /** Where a row is among the pages read, or -1. */
    private final ToIntFunction<HistoryRow> findRead;
    private int size;

    PagedRows(IntFunction<HistoryRow> readRow, ToIntFunction<HistoryRow> findRead) {
        this.readRow = readRow;
        this.findRead = findRead;
    }

    @Override
    public HistoryRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        HistoryRow row = readRow.apply(index);
        return row != null ? row : HistoryTableModel.PENDING;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Looked for among the pages read: every other row is a stand-in. The table looks its selected
     * row up this way after every new query and count; reading every index of a million for it,
     * twice (selection and focus), stood in the way of each keystroke while a row was selected.
     */
    @Override
    public int indexOf(Object element) {
        if (element == HistoryTableModel.PENDING) {
            for (int i = 0; i < size; i++) {
                if (readRow.apply(i) == null) {
                    return i; // the first row not read: at most the pages held before it
                }
            }
            return -1;
        }
        if (!(element instanceof HistoryRow row)) {
            return -1;
        }
        int at = findRead.applyAsInt(row);
        return at < size ? at : -1;
    }

    @Override
    public int lastIndexOf(Object element) {
        if (element == HistoryTableModel.PENDING) {
            for (int i = size - 1; i >= 0; i--) {
                if (readRow.apply(i) == null) {
                    return i;
                }
            }
            return -1;
        }
        return indexOf(element); // a call is in the rows once
    }

    @Override
    public boolean contains(Object element) {
        return indexOf(element) >= 0;
    }

    /** New rows altogether: one change, all replaced. */
    void reset(long newSize) {
        int before = size;
        size = (int) Math.min(Integer.MAX_VALUE, newSize);
        if (before == 0 && size == 0) {
            return;
        }
        fireChange(new RangeChange<>(this, 0, size, new Pending(before)));
    }

    /** The count arrived: rows added or taken away at the end. */
    void resize(long newSize) {
        int before = size;
        int after = (int) Math.min(Integer.MAX_VALUE, newSize);
        if (after == before) {
            return;
        }
        size = after;
        if (after > before) {
            beginChange();
            nextAdd(before, after);
            endChange();
        } else {
            fireChange(new RangeChange<>(this, after, after, new Pending(before - after)));
        }
    }

    void insertOnTop(int count) {
        size += count;
        beginChange();
        nextAdd(0, count);
        endChange();
    }

    /** A page of {@code count} rows from {@code from} was read: its stand-ins are replaced. */
    void pageArrived(int from, int count) {
        int to = Math.min(size, from + count);
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextSet(i, HistoryTableModel.PENDING);
        }
        endChange();
    }

    void changedInPlace(List<Long> indexes) {
        if (indexes.isEmpty()) {
            return;
        }
        beginChange();
        for (long i : indexes) {
            if (i < size) {
                nextSet((int) i, HistoryTableModel.PENDING);
            }
        }
        endChange();
    }

    /** The rows a change took away, as a list that holds nothing. */
    private static final class Pending extends AbstractList<HistoryRow> {
        private final int size;

        Pending(int size) {
            this.size = size;
        }

        @Override
        public HistoryRow get(int index) {
            return HistoryTableModel.PENDING;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
