package org.dialdesk.bulk;

import java.util.List;
import java.util.Map;

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

        /** The row as the operator wrote it: one cell per column, the edited ones replaced; whole again. */
        Row fixed(List<String> columns, Map<String, String> edited) {
            String[] fixed = new String[columns.size()];
            for (int i = 0; i < fixed.length; i++) {
                fixed[i] = edited.getOrDefault(columns.get(i), cell(i));
            }
            return new Row(number, fixed, null);
        }
    }

    public Sheet {
        columns = List.copyOf(columns);
        rows = PackedRows.of(rows); // a row is made when asked for: the rows of a large file take what the file does
    }

    /** One cell of the row at {@code index} (its place in {@link #rows()}), without making the whole row. */
    public String cell(int index, int column) {
        return ((PackedRows) rows).cell(index, column);
    }

    /** The number (place in the file) of the row at {@code index}. */
    public int number(int index) {
        return ((PackedRows) rows).number(index);
    }

    /** Why the row at {@code index} could not be taken whole, or null. */
    public String problem(int index) {
        return ((PackedRows) rows).problem(index);
    }

    /** False for a row at {@code index} the operator fixed: its cells are no longer the file's. */
    boolean asRead(int index) {
        return ((PackedRows) rows).asRead(index);
    }

    /** The same object for this sheet and every copy of it with fixes: the file as read, one way. */
    Object reading() {
        return ((PackedRows) rows).reading();
    }

    /** How many cells the row at {@code index} has. */
    public int width(int index) {
        return ((PackedRows) rows).width(index);
    }

    /**
     * This sheet with the rows the operator fixed in the preview (the file itself is not changed):
     * each fixed row's cells by column name. A fix to a column this reading does not have is left
     * aside, not dropped: read the file another way and it applies again.
     */
    public Sheet withFixes(Map<Integer, Map<String, String>> fixes) {
        if (fixes.isEmpty()) {
            return this;
        }
        Map<Integer, Row> fixed = new java.util.HashMap<>();
        PackedRows packed = (PackedRows) rows;
        fixes.forEach((number, fix) -> {
            int index = indexOf(number);
            if (index >= 0 && fix.keySet().stream().anyMatch(columns::contains)) {
                fixed.put(index, packed.get(index).fixed(columns, fix));
            }
        });
        return new Sheet(source, format, columns, packed.replacing(fixed));
    }

    /** The index in {@link #rows()} of the row with this number, or -1. */
    private int indexOf(int number) {
        PackedRows packed = (PackedRows) rows;
        return FileOrder.indexOf(packed.size(), packed::number, number);
    }

    /** The row with this number (its place in the file), if the sheet has it. */
    public java.util.Optional<Row> row(int number) {
        int index = indexOf(number);
        return index < 0 ? java.util.Optional.empty() : java.util.Optional.of(rows.get(index));
    }
}
