package org.dialdesk.bulk;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the operator changed in a preview, over the file as read: rows left out, and rows fixed
 * (their cells by column). Immutable, so a plan made off the UI thread sees one state of it.
 */
public record PreviewChanges(Set<Integer> excluded, Map<Integer, Map<String, String>> fixes) {
    public static final PreviewChanges NONE = new PreviewChanges(Set.of(), Map.of());

    public PreviewChanges {
        excluded = Set.copyOf(excluded);
        fixes = Map.copyOf(fixes);
    }

    /** The row left out, or taken back in. */
    public PreviewChanges toggled(int rowNumber) {
        Set<Integer> now = new HashSet<>(excluded);
        if (!now.remove(rowNumber)) {
            now.add(rowNumber);
        }
        return new PreviewChanges(now, fixes);
    }

    /**
     * The row with these cells, by column. Values the same as the file's are no fix, so a row set
     * back as read is no longer fixed; a row the reader could not take whole is fixed by any value.
     *
     * @throws BulkInputException when a value cannot be a cell, or the sheet has no such row
     */
    public PreviewChanges fixed(Sheet read, int rowNumber, Map<String, String> values) throws BulkInputException {
        Sheet.Row row = read.row(rowNumber).orElseThrow(() ->
                new BulkInputException("Row " + rowNumber + " is not in " + read.source() + "."));
        Map<String, String> fix = new LinkedHashMap<>(fixes.getOrDefault(rowNumber, Map.of()));
        for (Map.Entry<String, String> value : values.entrySet()) {
            String text = value.getValue() == null ? "" : value.getValue();
            if (text.length() > SheetReader.MAX_CELL_CHARS) {
                throw new BulkInputException(String.format(Locale.ROOT, "%s has %,d characters; a cell holds at most %,d.",
                        value.getKey(), text.length(), SheetReader.MAX_CELL_CHARS));
            }
            int column = read.columns().indexOf(value.getKey());
            if (column >= 0 && row.problem() == null && text.equals(row.cell(column))) {
                fix.remove(value.getKey()); // as in the file
            } else {
                fix.put(value.getKey(), text);
            }
        }
        Map<Integer, Map<String, String>> now = new HashMap<>(fixes);
        if (fix.isEmpty()) {
            now.remove(rowNumber);
        } else {
            now.put(rowNumber, Map.copyOf(fix));
        }
        return new PreviewChanges(excluded, now);
    }

    /** How many rows have a fix that a reading with these columns applies. */
    public int fixedIn(java.util.List<String> columns) {
        return (int) fixes.keySet().stream().filter(row -> appliesTo(row, columns)).count();
    }

    /** Whether the row has a fix that this reading of the file applies (one of its columns is there). */
    public boolean appliesTo(int rowNumber, java.util.List<String> columns) {
        Map<String, String> fix = fixes.get(rowNumber);
        return fix != null && fix.keySet().stream().anyMatch(columns::contains);
    }

    /** One cell of a row as it stands: in a column of the sheet, or past the header's columns ("cell 5"). */
    public record CellValue(String column, String value, boolean inColumn) {
    }

    /**
     * A row's cells as they stand with its fix: one per column, then, for a row not fixed yet, the
     * cells past the header's columns, so the operator sees what a fix leaves out. Empty when the
     * sheet has no such row.
     */
    public java.util.List<CellValue> cellsOf(Sheet read, int rowNumber) {
        Sheet.Row asRead = read.row(rowNumber).orElse(null);
        if (asRead == null) {
            return java.util.List.of();
        }
        boolean fixed = appliesTo(rowNumber, read.columns());
        Sheet.Row row = fixed ? asRead.fixed(read.columns(), fixes.get(rowNumber)) : asRead;
        java.util.List<CellValue> cells = new java.util.ArrayList<>();
        for (int i = 0; i < read.columns().size(); i++) {
            cells.add(new CellValue(read.columns().get(i), row.cell(i), true));
        }
        for (int i = read.columns().size(); !fixed && i < asRead.cells().length; i++) {
            cells.add(new CellValue("cell " + (i + 1), asRead.cells()[i], false));
        }
        return cells;
    }

    /** The sheet as the operator fixed it (the file itself is not changed). */
    public Sheet applyTo(Sheet read) {
        return read.withFixes(fixes);
    }
}
