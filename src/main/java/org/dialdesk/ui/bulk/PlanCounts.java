package org.dialdesk.ui.bulk;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.bulk.BulkPlan;

/**
 * What the preview says of its plan besides the rows: the skipped rows counted by reason, how many
 * are held for a choice the operator can make (ring again, wait for the hours), and which rows the
 * table shows, among the choices the plan offers with their counts.
 */
public final class PlanCounts {
    private final ReadOnlyStringWrapper skippedBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper calledRecently = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper outsideHours = new ReadOnlyIntegerWrapper(0);
    private final ObjectProperty<RowsShown> rowsShown = new SimpleObjectProperty<>(RowsShown.ALL);
    private final ObservableList<RowsShown> choices = FXCollections.observableArrayList(RowsShown.ALL);
    private final ObservableList<RowsShown> choicesView = FXCollections.unmodifiableObservableList(choices);
    private Map<BulkPlan.Skip, Integer> skipped = Map.of();
    private int total;
    private int ready;
    /** Set while a new plan's choices are put in: a picker showing them chooses none, then its choice again. */
    private boolean replacing;

    /**
     * Counts a new plan; returns the rows to show of it: those chosen before, if the plan still has
     * some for that choice, else all.
     */
    RowsShown show(BulkPlan plan) {
        skipped = plan.skippedBy();
        total = plan.total();
        ready = plan.ready();
        List<RowsShown> offered = RowsShown.offeredBy(skipped);
        RowsShown wanted = rowsShown.get();
        replacing = true;
        try {
            choices.setAll(offered);
            rowsShown.set(offered.contains(wanted) ? wanted : RowsShown.ALL);
        } finally {
            replacing = false;
        }
        skippedBy.set(plan.skippedByLine());
        // People, not rows: the launch question counts the people rung again, and a callee may have several rows.
        calledRecently.set(skipped.getOrDefault(BulkPlan.Skip.CALLED_RECENTLY, 0) == 0 ? 0
                : (int) plan.rows().stream().filter(row -> row.skip() == BulkPlan.Skip.CALLED_RECENTLY)
                        .map(BulkPlan.Row::callee).distinct().count());
        outsideHours.set(skipped.getOrDefault(BulkPlan.Skip.OUTSIDE_HOURS, 0));
        return rowsShown.get();
    }

    /** No plan shown (none yet, or a run's rows): nothing counted. */
    void clear() {
        skippedBy.set("");
        calledRecently.set(0);
        outsideHours.set(0);
    }

    /** Whether a change of the rows shown is the operator's, not a new plan's choices being put in. */
    boolean chosenByOperator() {
        return !replacing;
    }

    /** Which rows the preview table shows; the operator chooses among {@link #rowsShownChoices()}. */
    public ObjectProperty<RowsShown> rowsShownProperty() {
        return rowsShown;
    }

    public ObservableList<RowsShown> rowsShownChoices() {
        return choicesView;
    }

    /** "Skipped: duplicate callee (12)": a choice with the count the plan shown has. */
    public String labelOf(RowsShown which) {
        return (which == null ? RowsShown.ALL : which).label(total, ready, skipped);
    }

    /** "Skipped: 12 duplicate callee · 3 on the do-not-call list"; empty outside the preview. */
    public ReadOnlyStringProperty skippedByProperty() {
        return skippedBy.getReadOnlyProperty();
    }

    /** Rows held back because the account called their callee in the last 24 hours, or will. */
    public ReadOnlyIntegerProperty calledRecentlyProperty() {
        return calledRecently.getReadOnlyProperty();
    }

    /** Rows to dial now that are outside calling hours (skipped unless they wait for the hours). */
    public ReadOnlyIntegerProperty outsideHoursProperty() {
        return outsideHours.getReadOnlyProperty();
    }
}
