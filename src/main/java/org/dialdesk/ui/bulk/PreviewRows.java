package org.dialdesk.ui.bulk;

import java.util.AbstractList;
import java.util.Map;
import java.util.RandomAccess;
import org.dialdesk.bulk.BulkPlan;
import org.dialdesk.bulk.FileOrder;
import org.dialdesk.bulk.PreviewChanges;

/**
 * A plan's rows as the preview table shows them, each made when the table asks for it: a preview
 * of 100,000 rows holds none of them.
 */
final class PreviewRows extends AbstractList<BulkRow> implements RandomAccess, RunRowsShown {
    private final BulkPlan plan;
    private final PreviewChanges changes;
    /** The plan's indexes of the rows shown, in file order; null when every row is. */
    private final int[] shown;
    /** While its run goes: the rows last read from the outbox (those in view), by number. UI thread only. */
    private Map<Integer, BulkRow> asSent = Map.of();

    PreviewRows(BulkPlan plan, PreviewChanges changes) {
        this(plan, changes, RowsShown.ALL);
    }

    /** Only the rows {@code which} says (their indexes found once, from the plan's packed reasons). */
    PreviewRows(BulkPlan plan, PreviewChanges changes, RowsShown which) {
        this.plan = plan;
        this.changes = changes;
        this.shown = which.kind() == RowsShown.Kind.ALL ? null : plan.indexesWhere(which::shows);
    }

    private BulkPlan.Row planRow(int index) {
        return plan.rows().get(shown == null ? index : shown[index]);
    }

    /** Rows of the run going on as they stand, shown instead of how they were planned. */
    @Override
    public void showAsSent(Map<Integer, BulkRow> byNumber) {
        asSent = byNumber;
    }

    @Override
    public int numberAt(int index) {
        return planRow(index).number();
    }

    @Override
    public BulkRow get(int index) {
        BulkPlan.Row row = planRow(index);
        BulkRow sent = asSent.get(row.number());
        if (sent != null) {
            return sent;
        }
        boolean fixed = changes.appliesTo(row.number(), plan.sheet().columns());
        String status = row.ready() ? "Ready" : row.skip().label();
        return new BulkRow(row.number(), row.callee(), fixed ? status + " · fixed here" : status,
                row.reason() == null ? "" : row.reason(), "", row.ready(), fixed);
    }

    @Override
    public int size() {
        return shown == null ? plan.rows().size() : shown.length;
    }

    /**
     * Found by its number, halving: the table looks its selected row up this way after every new
     * plan, and a search from the top would make every row before it on the UI thread.
     */
    @Override
    public int indexOf(Object item) {
        if (!(item instanceof BulkRow row)) {
            return -1;
        }
        int at = FileOrder.indexOf(size(), i -> planRow(i).number(), row.number());
        return at >= 0 && get(at).equals(row) ? at : -1;
    }

    @Override
    public int lastIndexOf(Object item) {
        return indexOf(item); // a row's number is its own
    }

    @Override
    public boolean contains(Object item) {
        return indexOf(item) >= 0;
    }
}
