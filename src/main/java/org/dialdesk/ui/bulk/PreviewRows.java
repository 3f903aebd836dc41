package org.dialdesk.ui.bulk;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.dialdesk.bulk.BulkPlan;
import org.dialdesk.bulk.PreviewChanges;

/**
 * A plan's rows as the preview table shows them, each made when the table asks for it: a preview
 * of 100,000 rows holds none of them.
 */
final class PreviewRows extends AbstractList<BulkViewModel.Row> implements RandomAccess {
    private final BulkPlan plan;
    private final PreviewChanges changes;

    PreviewRows(BulkPlan plan, PreviewChanges changes) {
        this.plan = plan;
        this.changes = changes;
    }

    @Override
    public BulkViewModel.Row get(int index) {
        BulkPlan.Row row = plan.rows().get(index);
        boolean fixed = changes.appliesTo(row.number(), plan.sheet().columns());
        String status = row.ready() ? "Ready" : row.skip().label();
        return new BulkViewModel.Row(row.number(), row.callee(), fixed ? status + " · fixed here" : status,
                row.ready() ? "" : row.reason(), "", row.ready(), fixed);
    }

    @Override
    public int size() {
        return plan.rows().size();
    }
}
