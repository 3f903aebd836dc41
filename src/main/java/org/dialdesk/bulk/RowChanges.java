package org.dialdesk.bulk;

import static org.dialdesk.bulk.BulkEngine.ROW_FIELD;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.dialdesk.api.FieldError;
import org.dialdesk.domain.DialField;
import org.dialdesk.store.OutboxJournal.Change;
import org.dialdesk.store.OutboxJournal.Row;
import org.dialdesk.store.OutboxJournal.State;

/** What becomes of a chunk's rows when none of them was placed: the journal's changes, worked out. */
final class RowChanges {
    private RowChanges() {
    }

    /** Back to planned; nothing rang. The attempt does not count against the row's sends. */
    static void replan(List<Row> rows, List<Change> changes, String reason) {
        for (Row row : rows) {
            changes.add(new Change(row.rowNo(), State.PLANNED, null, reason, null, false, false, false));
        }
    }

    /**
     * The service refused the whole request and placed nothing. Rows it named are refused with
     * its words; the others go again, alone if it named none (so one bad row cannot hold back its chunk).
     */
    static void refuse(List<Row> rows, String message, List<FieldError> errors, List<Change> changes) {
        Map<Integer, List<String>> byIndex = new HashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldError error : errors) {
            Matcher matcher = ROW_FIELD.matcher(error.field());
            if (matcher.matches()) {
                String field = matcher.group(2);
                byIndex.computeIfAbsent(Integer.parseInt(matcher.group(1)), i -> new ArrayList<>())
                        .add((field.isEmpty() ? "" : DialField.labelOf(field) + ": ") + error.message());
            } else {
                general.add(error.message());
            }
        }
        boolean named = byIndex.keySet().stream().anyMatch(i -> i >= 0 && i < rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (named) {
                List<String> own = byIndex.get(i);
                changes.add(own == null
                        ? new Change(row.rowNo(), State.PLANNED, null, "Sent again without the rows the service refused.",
                                null, false, false, false)
                        : Change.to(row.rowNo(), State.REJECTED, String.join(" ", own)));
            } else if (rows.size() == 1) {
                String reason = message == null || message.isBlank() ? String.join(" ", general) : message;
                changes.add(Change.to(row.rowNo(), State.REJECTED, reason));
            } else {
                changes.add(new Change(row.rowNo(), State.PLANNED, null,
                        "Its chunk was refused as a whole; sent again alone to find which row the service refuses.",
                        null, false, true, false));
            }
        }
    }

    /** Rows marked as being sent whose request was never made: planned again, with the reason they had. */
    static List<Change> plannedAsBefore(List<Row> rows) {
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            changes.add(Change.to(row.rowNo(), State.PLANNED, row.reason()));
        }
        return changes;
    }
}
