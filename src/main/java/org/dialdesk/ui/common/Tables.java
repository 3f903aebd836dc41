package org.dialdesk.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small helpers for read-only tables built in code. */
public final class Tables {
    /** A row's height in the app's tables, fixed so that rows are never measured. */
    public static final double ROW_HEIGHT = 30;
    /** Room for the column headers while a table's rows are held back. */
    private static final double HEADER_ROOM = 40;
    /** Rows come in a few a frame up to here (a window as tall as a 1440p screen); then the cap goes. */
    private static final int ROWS_LET_IN_STEPWISE = 48;

    private Tables() {
    }

    /**
     * Caps a table (which must have a fixed cell size) at its header, so that it makes no rows
     * until {@link #rowsInSteps} lets them in. A table fills its whole height with rows, empty ones
     * too, and each row is a cell per column, created and styled the first time it shows: a table's
     * first full height of rows keeps the UI thread busy for 50–90 ms, beside whatever else that
     * frame does.
     */
    public static void holdRows(TableView<?> table) {
        if (table.getFixedCellSize() <= 0) {
            throw new IllegalArgumentException("rows are let in by height; give " + table.getId() + " a fixed cell size");
        }
        table.setMaxHeight(HEADER_ROOM);
    }

    /**
     * Steps (for {@link OnePerFrame}) that raise a held table's cap by {@code rowsPerStep} rows each,
     * then lift it. Steps past the table's real height change nothing and cost nothing.
     */
    public static List<Runnable> rowsInSteps(TableView<?> table, int rowsPerStep) {
        List<Runnable> steps = new ArrayList<>();
        for (int rows = rowsPerStep; rows < ROWS_LET_IN_STEPWISE; rows += rowsPerStep) {
            int shown = rows;
            steps.add(() -> table.setMaxHeight(table.getFixedCellSize() * shown + HEADER_ROOM));
        }
        steps.add(() -> table.setMaxHeight(Double.MAX_VALUE));
        return steps;
    }

    public static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value, double prefWidth) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(orEmpty(value.apply(cell.getValue()))));
        column.setPrefWidth(prefWidth);
        return column;
    }

    public static <T> TableView<T> readOnlyTable(String id, String emptyText) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(emptyText));
        table.setFixedCellSize(ROW_HEIGHT); // rows are never measured, and can be let in by height
        return table;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
