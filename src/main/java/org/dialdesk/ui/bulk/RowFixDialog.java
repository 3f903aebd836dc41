package org.dialdesk.ui.bulk;

import atlantafx.base.theme.Styles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.dialdesk.bulk.BulkField;

/**
 * One preview row's cells, to fix in place: each column with what it is in the dial and its value
 * as a field. OK gives the values typed; the file itself is not changed.
 */
final class RowFixDialog extends Dialog<Map<String, String>> {

    RowFixDialog(Window owner, BulkRow row, List<CellToFix> cells) {
        initOwner(owner);
        setTitle("Fix row " + row.number());
        setHeaderText(null);
        getDialogPane().setId("bulkFixDialog");

        Label why = new Label(row.ready() ? "This row is ready to send." : row.status() + ": " + row.reason());
        why.setWrapText(true);
        why.getStyleClass().add(row.ready() ? Styles.SUCCESS : Styles.WARNING);
        Label note = new Label("The change goes into this run and the skipped rows' export; the file is not changed.");
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints(320, 420, Double.MAX_VALUE);
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
        Map<String, TextField> fields = new LinkedHashMap<>();
        TextField first = null;
        for (int i = 0; i < cells.size(); i++) {
            CellToFix cell = cells.get(i);
            Label column = new Label(cell.column());
            column.getStyleClass().add(Styles.TEXT_BOLD);
            boolean outside = cell.field() == null; // a cell past the header's columns: shown, never kept
            Label field = new Label(outside ? "no column: left out when fixed"
                    : cell.field() == BulkField.IGNORE ? "not sent" : cell.field().label());
            field.getStyleClass().addAll(Styles.TEXT_SMALL, outside ? Styles.WARNING : Styles.TEXT_MUTED);
            TextField value = new TextField(cell.value());
            value.setId("bulkFix-" + cell.column().replace(' ', '-'));
            value.setEditable(!outside);
            column.setLabelFor(value);
            column.setMinWidth(Region.USE_PREF_SIZE); // a column's name is never cut: it is how the operator finds the cell
            grid.addRow(i, new VBox(0, column, field), value);
            if (!outside) {
                fields.put(cell.column(), value);
            }
            // The cell the row was skipped for is where the caret starts: the phone, as a rule.
            if (!outside && (first == null || (!row.ready() && cell.field() == BulkField.PHONE))) {
                first = value;
            }
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(420, 44.0 * Math.max(1, cells.size())));
        VBox content = new VBox(10, why, scroll, note);
        content.setPadding(new Insets(12, 18, 4, 18));
        content.setPrefWidth(600);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, ButtonType.OK);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Check again");
        ok.setId("bulkFixOkButton");
        setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            Map<String, String> typed = new LinkedHashMap<>();
            fields.forEach((column, value) -> typed.put(column, value.getText()));
            return typed;
        });
        TextField focus = first;
        if (focus != null) {
            setOnShown(e -> Platform.runLater(() -> {
                focus.requestFocus();
                focus.selectAll();
            }));
        }
    }
}
