package org.dialdesk.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small helpers for read-only tables built in code. */
public final class Tables {
    private Tables() {
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
        return table;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
