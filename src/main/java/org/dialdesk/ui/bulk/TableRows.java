package org.dialdesk.ui.bulk;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import org.dialdesk.bulk.BulkDesk;
import org.dialdesk.ui.common.SwappableList;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The rows the Bulk table shows: a plan's, or a run's as last read whole. While a run goes, the rows
 * in view show how each stands in the outbox (being sent, created with its call ID, uncertain,
 * rejected with the reason), read a window at a time off the UI thread: a 100,000-row run holds
 * none of the others, and a row scrolled to is read as it comes into view. UI thread only.
 */
final class TableRows {
    /** Rows read beyond those in view, each way: a small scroll shows their states at once. */
    static final int MARGIN = 20;
    /** At full pace the counts change every frame; the rows in view are read at most this often. */
    static final Duration REST = Duration.ofMillis(250);

    private final BulkDesk desk;
    private final TaskRunner runner;
    private final SwappableList<BulkRow> rows = new SwappableList<>();
    /** What the table shows now; null when nothing. */
    private RunRowsShown shown;
    /** The first and last index in view; the view says, once it has a table. */
    private Supplier<int[]> inView = () -> new int[] {0, 2 * MARGIN};
    /** The run whose rows in view are read, while it goes. */
    private String following;
    private boolean reading;
    private boolean resting;
    /** Asked for while a read was under way or resting: read again once it is over. */
    private boolean wanted;

    TableRows(BulkDesk desk, TaskRunner runner) {
        this.desk = desk;
        this.runner = runner;
    }

    /** The rows, read-only, for the table. */
    ObservableList<BulkRow> view() {
        return rows; // read-only as it is (see SwappableList)
    }

    /** A run's row as the table shows it. */
    static BulkRow rowOf(BulkDesk.RunRow row) {
        return new BulkRow(row.number(), row.callee(), row.state(), row.reason(), row.callId(), row.created(), false);
    }

    void setInView(Supplier<int[]> inView) {
        this.inView = inView;
    }

    /** The first and last index in view, as the view says. */
    int[] rowsInView() {
        return inView.get();
    }

    /** Shows these rows (none: null), and stops reading a run's. */
    void show(RunRowsShown content) {
        following = null;
        wanted = false;
        shown = content;
        rows.swap(content == null ? List.of() : content);
    }

    /** The run going now: the rows in view are read from it until other rows are shown. */
    void follow(String runId) {
        following = shown == null ? null : runId;
    }

    /** The run moved on, or the operator scrolled: the rows in view are read again (soon, if just read). */
    void refresh() {
        if (following == null || shown.isEmpty()) {
            return;
        }
        if (reading || resting) {
            wanted = true;
            return;
        }
        wanted = false;
        int[] view = rowsInView();
        int from = Math.max(0, Math.min(view[0], view[1]) - MARGIN);
        int to = Math.min(shown.size() - 1, Math.max(view[0], view[1]) + MARGIN);
        if (from > to) {
            return;
        }
        String run = following;
        RunRowsShown readFor = shown;
        int first = readFor.numberAt(from);
        int last = readFor.numberAt(to);
        reading = true;
        runner.run(() -> desk.rowsBetween(run, first, last), found -> {
            reading = false;
            if (shown == readFor) {
                readFor.showAsSent(byNumber(found));
                rows.updated(from, to + 1);
            }
            rest();
        }, failure -> {
            reading = false; // read again at the next progress; the counts above the table still move
            rest();
        });
    }

    private Map<Integer, BulkRow> byNumber(List<BulkDesk.RunRow> found) {
        Map<Integer, BulkRow> byNumber = new HashMap<>();
        for (BulkDesk.RunRow row : found) {
            byNumber.put(row.number(), rowOf(row));
        }
        return byNumber;
    }

    private void rest() {
        resting = true;
        runner.later(REST, () -> {
            resting = false;
            if (wanted) {
                refresh();
            }
        });
    }
}
