package org.dialdesk.ui.bulk;

import java.util.List;
import java.util.Map;

/** Rows a table shows that can show, in place, how those of a run going on stand now. */
interface RunRowsShown extends List<BulkRow> {
    /** The number (place in the file) of the row at {@code index}. */
    int numberAt(int index);

    /** These rows, by number, as they stand in the outbox, shown instead of what the rows showed before. */
    void showAsSent(Map<Integer, BulkRow> byNumber);
}
