package org.dialdesk.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.dialdesk.domain.HistoryRow;
import org.junit.jupiter.api.Test;

class PagedRowsTest {
    private final PagedRows rows = new PagedRows(i -> null, row -> -1);
    private final List<String> changes = new ArrayList<>();

    PagedRowsTest() {
        rows.addListener((ListChangeListener<HistoryRow>) c -> {
            while (c.next()) {
                changes.add((c.wasReplaced() ? "replaced " : c.wasRemoved() ? "removed " : c.wasAdded() ? "added " : "updated ")
                        + c.getFrom() + ".." + c.getTo() + " removing " + c.getRemovedSize());
            }
        });
    }

    @Test
    void aNewQueryReplacesAMillionRowsInOneChangeThatHoldsNoneOfThem() {
        rows.resize(1_000_000);
        rows.reset(100);

        assertEquals(List.of("added 0..1000000 removing 0", "replaced 0..100 removing 1000000"), changes);
        assertEquals(100, rows.size());
        assertSame(HistoryTableModel.PENDING, rows.get(99), "a row whose page is not read is a stand-in");
    }

    @Test
    void aSmallerCountRemovesTheRowsAtTheEnd() {
        rows.reset(100);
        rows.resize(1_000);
        rows.resize(40);

        assertEquals(List.of("added 0..100 removing 0", "added 100..1000 removing 0", "removed 40..40 removing 960"), changes);
        assertEquals(40, rows.size());
    }

    @Test
    void aChangeIsReadOnlyAfterNextAndCanBeReadAgainAfterReset() {
        rows.resize(500);
        List<ListChangeListener.Change<? extends HistoryRow>> seen = new ArrayList<>();
        rows.addListener((ListChangeListener<HistoryRow>) seen::add);
        rows.reset(10);

        ListChangeListener.Change<? extends HistoryRow> change = seen.get(0);
        change.reset();
        assertThrows(IllegalStateException.class, change::getFrom);
        assertTrue(change.next());
        assertEquals(500, change.getRemoved().size());
        assertSame(HistoryTableModel.PENDING, change.getRemoved().get(499));
        assertFalse(change.wasPermutated());
        assertFalse(change.next());
        assertThrows(IllegalStateException.class, change::getTo);
    }

    /** The table looks its selected row up after each query: among the rows read, not by reading a million indexes. */
    @Test
    void aRowIsLookedForAmongThoseReadAndAStandInIsTheFirstRowNotRead() {
        HistoryRow read = rowWithId("call-7");
        int[] indexesRead = {0};
        PagedRows paged = new PagedRows(i -> {
            indexesRead[0]++;
            return i < 3 ? (i == 2 ? read : rowWithId("call-" + i)) : null;
        }, row -> row.id().equals("call-7") ? 2 : -1);
        paged.resize(1_000_000);

        assertEquals(2, paged.indexOf(read));
        assertTrue(paged.contains(read));
        assertEquals(-1, paged.indexOf(rowWithId("call-8")));
        assertEquals(-1, paged.indexOf("not a row"));
        assertEquals(0, indexesRead[0], "no index read to look a row up");
        assertEquals(3, paged.indexOf(HistoryTableModel.PENDING), "the first stand-in is the first row not read");
        assertEquals(999_999, paged.lastIndexOf(HistoryTableModel.PENDING));
        assertTrue(indexesRead[0] <= 5, indexesRead[0] + " indexes read");

        paged.reset(2);
        assertEquals(-1, paged.indexOf(read), "a row found past the end of the rows is not among them");
    }

    private static HistoryRow rowWithId(String id) {
        return new HistoryRow(id, 0, "", null, null, null, null, null, null, 0, null, null, null, null, "");
    }
}
