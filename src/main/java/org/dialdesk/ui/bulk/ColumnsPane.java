package org.dialdesk.ui.bulk;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.dialdesk.bulk.SheetFormat;
import org.dialdesk.ui.common.FormFields;

/** How the imported file is read (delimiter, encoding, header) and what each of its columns is in the dial. */
final class ColumnsPane extends VBox {
    private final BulkViewModel vm;
    private final FlowPane mappingPane = new FlowPane(10, 6);
    /** Each column's picker, wide enough for a field's name or a {{variable}} of twenty-odd letters. */
    private static final double COLUMN_WIDTH = 270;

    ColumnsPane(BulkViewModel vm) {
        super(8);
        this.vm = vm;
        Label mappingTitle = new Label("What each column is");
        mappingTitle.getStyleClass().add(Styles.TEXT_MUTED);
        mappingTitle.visibleProperty().bind(Bindings.isNotEmpty(vm.columns()));
        mappingTitle.managedProperty().bind(mappingTitle.visibleProperty());
        getChildren().setAll(formatRow(), mappingTitle, mappingPane);
        // Before a file is read there is nothing to show, and no room is kept for it.
        visibleProperty().bind(vm.formatProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        vm.columns().addListener((ListChangeListener<String>) change -> showMapping());
        vm.rows().addListener((ListChangeListener<BulkRow>) change -> refreshMapping());
        // Another use case offers other variables: each picker's list changes, and what it shows is set again.
        vm.roles().addListener((ListChangeListener<ColumnRole>) change -> refreshMapping());
    }

    /** How the file is read, as detected; changed, it is read again. */
    private HBox formatRow() {
        ComboBox<Character> delimiter = new ComboBox<>();
        delimiter.setId("bulkDelimiter");
        delimiter.getItems().setAll(',', ';', '\t', '|');
        delimiter.setConverter(FormFields.converter(d -> d == null ? "" : SheetFormat.delimiterName(d)));
        ComboBox<String> encoding = new ComboBox<>();
        encoding.setId("bulkEncoding");
        encoding.getItems().setAll("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1");
        javafx.scene.control.CheckBox header = new javafx.scene.control.CheckBox("First row is the header");
        header.setId("bulkHeader");
        boolean[] showing = {false};
        vm.formatProperty().addListener((obs, old, now) -> {
            if (now == null) {
                return;
            }
            showing[0] = true;
            delimiter.setValue(now.delimiter());
            String name = now.charset().name();
            if (!encoding.getItems().contains(name)) {
                encoding.getItems().add(name);
            }
            encoding.setValue(name);
            header.setSelected(now.header());
            boolean text = now.kind() == SheetFormat.Kind.CSV;
            delimiter.setDisable(!text);
            encoding.setDisable(!text);
            showing[0] = false;
        });
        Runnable changed = () -> {
            SheetFormat now = vm.formatProperty().get();
            if (showing[0] || now == null || delimiter.getValue() == null || encoding.getValue() == null) {
                return;
            }
            vm.reread(now.withDelimiter(delimiter.getValue())
                    .withCharset(java.nio.charset.Charset.forName(encoding.getValue())).withHeader(header.isSelected()));
        };
        delimiter.valueProperty().addListener((obs, old, now) -> changed.run());
        encoding.valueProperty().addListener((obs, old, now) -> changed.run());
        header.selectedProperty().addListener((obs, old, now) -> changed.run());
        Label readAs = new Label("Read as");
        readAs.getStyleClass().add(Styles.TEXT_MUTED);
        HBox row = new HBox(8, readAs, delimiter, encoding, header);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.formatProperty().isNotNull());
        row.managedProperty().bind(row.visibleProperty());
        row.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.PREVIEW));
        return row;
    }

    /** One picker per column: what it is in the dial, a field or the use case's {{variable}} it fills. */
    private void showMapping() {
        mappingPane.getChildren().clear();
        for (String column : vm.columns()) {
            ComboBox<ColumnRole> role = new ComboBox<>(vm.roles());
            role.setConverter(FormFields.converter(r -> r == null ? "" : r.label()));
            role.setVisibleRowCount(20); // every field and variable at once, none behind a scroll bar
            role.setValue(vm.roleOf(column));
            role.setId("bulkMap-" + column);
            // As wide before its list was first opened as after: the list's widest role widened it, and the
            // columns after it moved under the pointer.
            role.setPrefWidth(COLUMN_WIDTH);
            // An arrow key on a closed picker would make each role it passes the column's at once (a variable
            // taken from another column, the preview checked again at each): it opens the list, where Enter chooses.
            role.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
                if ((key.getCode() == KeyCode.UP || key.getCode() == KeyCode.DOWN) && !role.isShowing()) {
                    key.consume();
                    role.show();
                }
            });
            role.valueProperty().addListener((obs, old, now) -> {
                if (now != null && !showing) {
                    vm.map(column, now);
                }
            });
            role.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.PREVIEW));
            Label name = new Label(column);
            name.getStyleClass().add(Styles.TEXT_BOLD);
            mappingPane.getChildren().add(new VBox(2, name, role));
        }
    }

    /** Set while the pickers are brought up to date: what they show then is not the operator's choice. */
    private boolean showing;

    /** After a new plan: a field another column gave up, or a variable another column took, shows its new value. */
    @SuppressWarnings("unchecked")
    private void refreshMapping() {
        showing = true;
        try {
            for (int i = 0; i < mappingPane.getChildren().size() && i < vm.columns().size(); i++) {
                VBox box = (VBox) mappingPane.getChildren().get(i);
                ComboBox<ColumnRole> role = (ComboBox<ColumnRole>) box.getChildren().get(1);
                ColumnRole now = vm.roleOf(vm.columns().get(i));
                if (!now.equals(role.getValue())) {
                    role.setValue(now);
                }
            }
        } finally {
            showing = false;
        }
    }
}
