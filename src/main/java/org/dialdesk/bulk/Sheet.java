package org.dialdesk.bulk;

import java.util.List;

/**
 * A spreadsheet as read: its column names and its rows. {@code number} is the row's place in
 * the file as a spreadsheet program shows it (the header is row 1), so an operator can find it.
 * A row the reader could not take whole has a {@code problem} and is never sent.
 */
public record Sheet(String source, SheetFormat format, List<String> columns, List<Row> rows) {

    public record Row(int number, String[] cells, String problem) {
        public String cell(int column) {
            return column < cells.length ? cells[column] : "";
        }
    }

    public Sheet {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
