package org.dialdesk.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sheet's rows kept as one text with the cells' ends, a row made when it is asked for. A
 * 100,000-row file held as 400,000 strings in arrays took about 30 MB; kept this way it takes about
 * what the file does. Immutable; rows the operator fixed are kept whole beside the text.
 */
final class PackedRows extends MadeOnDemand<Sheet.Row> {
    private final String text;
    /** Where each cell ends in {@code text}; a cell starts where the one before it ends. */
    private final int[] cellEnds;
    /** Each row's first cell; one more entry than rows, the last being the count of cells. */
    private final int[] firstCell;
    private final int[] numbers;
    /** Why rows could not be taken whole, by row index (few, if any). */
    private final Map<Integer, String> problems;
    /** Rows fixed by the operator, by row index. */
    private final Map<Integer, Sheet.Row> replaced;

    private PackedRows(String text, int[] cellEnds, int[] firstCell, int[] numbers, Map<Integer, String> problems,
                       Map<Integer, Sheet.Row> replaced) {
        this.text = text;
        this.cellEnds = cellEnds;
        this.firstCell = firstCell;
        this.numbers = numbers;
        this.problems = problems;
        this.replaced = replaced;
    }

    static PackedRows of(List<Sheet.Row> rows) {
        if (rows instanceof PackedRows packed) {
            return packed;
        }
        int cells = 0;
        int chars = 0;
        for (Sheet.Row row : rows) {
            cells += row.cells().length;
            for (String cell : row.cells()) {
                chars += cell.length();
            }
        }
        StringBuilder text = new StringBuilder(chars);
        int[] cellEnds = new int[cells];
        int[] firstCell = new int[rows.size() + 1];
        int[] numbers = new int[rows.size()];
        Map<Integer, String> problems = new HashMap<>();
        int cell = 0;
        for (int i = 0; i < rows.size(); i++) {
            Sheet.Row row = rows.get(i);
            numbers[i] = row.number();
            firstCell[i] = cell;
            if (row.problem() != null) {
                problems.put(i, row.problem());
            }
            for (String value : row.cells()) {
                text.append(value);
                cellEnds[cell++] = text.length();
            }
        }
        firstCell[rows.size()] = cell;
        return new PackedRows(text.toString(), cellEnds, firstCell, numbers, Map.copyOf(problems), Map.of());
    }

    /** These rows with some replaced, by row index; the text is shared. */
    PackedRows replacing(Map<Integer, Sheet.Row> byIndex) {
        Map<Integer, Sheet.Row> now = new HashMap<>(replaced);
        now.putAll(byIndex);
        return new PackedRows(text, cellEnds, firstCell, numbers, problems, Map.copyOf(now));
    }

    @Override
    public Sheet.Row get(int index) {
        Sheet.Row fixed = replaced.get(index);
        if (fixed != null) {
            return fixed;
        }
        String[] cells = new String[firstCell[index + 1] - firstCell[index]];
        for (int column = 0; column < cells.length; column++) {
            cells[column] = cell(index, column);
        }
        return new Sheet.Row(numbers[index], cells, problems.get(index));
    }

    /** One cell of a row, without making the row: "" past its last cell. */
    String cell(int index, int column) {
        Sheet.Row fixed = replaced.get(index);
        if (fixed != null) {
            return fixed.cell(column);
        }
        int at = firstCell[index] + column;
        if (column < 0 || at >= firstCell[index + 1]) {
            return "";
        }
        return text.substring(at == 0 ? 0 : cellEnds[at - 1], cellEnds[at]);
    }

    int number(int index) {
        return numbers[index];
    }

    String problem(int index) {
        Sheet.Row fixed = replaced.get(index);
        return fixed != null ? fixed.problem() : problems.get(index);
    }

    int width(int index) {
        Sheet.Row fixed = replaced.get(index);
        return fixed != null ? fixed.cells().length : firstCell[index + 1] - firstCell[index];
    }

    @Override
    public int size() {
        return numbers.length;
    }
}
