package org.dialdesk.bulk;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialdesk.service.CsvExport;
import org.dialdesk.store.OutboxJournal;

/** The CSV files a bulk run gives back: its results, and the rows a preview skipped, to fix and import again. */
public final class BulkExports {
    public static final List<String> RESULT_COLUMNS = List.of("row", "callee", "call_id", "state", "reason");

    private BulkExports() {
    }

    /** Every row of the run, in file order: its callee, call ID, final state and reason. */
    public static long results(Path file, OutboxJournal journal, String runId) throws IOException, SQLException {
        return CsvExport.write(file, RESULT_COLUMNS, sink -> journal.forEachRow(runId, row -> sink.row(List.of(
                Integer.toString(row.rowNo()), CsvExport.phone(row.callee()), row.callId() == null ? "" : row.callId(),
                row.state().name().toLowerCase(Locale.ROOT), CsvExport.text(row.reason())))), written -> { });
    }

    /** The columns the skipped rows' export adds after the file's own (the first may get a number: "row (2)"). */
    static final String ROW = "row";
    static final String SKIPPED_BECAUSE = "skipped_because";

    /**
     * The skipped rows with the file's own columns (so the file can be fixed and imported again),
     * then the row's place in the file and why it was skipped.
     */
    public static long rejects(Path file, BulkPlan plan) throws IOException, SQLException {
        List<String> columns = new ArrayList<>(plan.sheet().columns());
        columns.add(ROW);
        columns.add(SKIPPED_BECAUSE);
        Sheet sheet = plan.sheet();
        return CsvExport.write(file, uniqueNames(columns), sink -> {
            // A plan has a row for each of its sheet's, in the same order: the cells are read where they are.
            for (int index = 0; index < plan.rows().size(); index++) {
                BulkPlan.Row row = plan.rows().get(index);
                if (row.ready()) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < sheet.columns().size(); i++) {
                    cells.add(CsvExport.text(sheet.cell(index, i)));
                }
                cells.add(Integer.toString(row.number()));
                cells.add(CsvExport.text(row.skip().label() + ": " + row.reason()));
                sink.row(cells);
            }
        }, written -> { });
    }

    /** The CSV writer wants distinct column names; the file's own may be called "row" too. */
    private static List<String> uniqueNames(List<String> names) {
        List<String> unique = new ArrayList<>();
        for (String name : names) {
            String candidate = name;
            for (int n = 2; unique.contains(candidate); n++) {
                candidate = name + " (" + n + ")";
            }
            unique.add(candidate);
        }
        return unique;
    }
}
