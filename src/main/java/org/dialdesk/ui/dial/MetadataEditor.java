package org.dialdesk.ui.dial;

import java.util.List;
import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.TabMovesFocus;

/** Metadata as key/value rows, or as raw JSON for nested values; switching carries the content across. */
final class MetadataEditor {
    private MetadataEditor() {
    }

    static Node of(DialViewModel vm, FormFields form) {
        VBox rows = new VBox(6);
        rows.setId("metadataRows");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (int i = 0; i < vm.metadataRows().size(); i++) {
                rows.getChildren().add(row(vm, vm.metadataRows().get(i), i));
            }
        };
        vm.metadataRows().addListener((ListChangeListener<MetadataRow>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved() || change.wasPermutated();
            }
            if (structural) {
                rebuild.run();
            }
        });
        rebuild.run();
        Button add = new Button("Add field");
        add.setId("addMetadataButton");
        // A plain button, the same as "Edit as JSON" beside it (flat, it read as a label).
        add.setTooltip(new Tooltip("Add a key and value to the call's metadata (Alt+E goes here)"));
        add.setOnAction(e -> {
            vm.addMetadataRow();
            // Straight into the new row's key, so "Add field" then typing just works.
            Node key = rows.lookup("#metadataKey" + (vm.metadataRows().size() - 1));
            if (key != null) {
                key.requestFocus();
            }
        });
        ToggleButton jsonMode = new ToggleButton("Edit as JSON");
        jsonMode.setId("metadataJsonToggle");
        jsonMode.getStyleClass().add(Styles.SMALL);
        jsonMode.setTooltip(new Tooltip("Edit the metadata as one JSON object instead of rows (Space toggles)"));
        jsonMode.setSelected(vm.metadataJsonModeProperty().get());
        jsonMode.setOnAction(e -> {
            boolean wanted = jsonMode.isSelected();
            vm.setMetadataJsonMode(wanted);
            jsonMode.setSelected(vm.metadataJsonModeProperty().get());
            if (wanted != vm.metadataJsonModeProperty().get()) {
                form.touchAll(List.of(DialViewModel.METADATA)); // why it did not switch, at the field
            }
        });
        TextArea json = new TextArea();
        json.setId("metadataJsonField");
        json.setPrefRowCount(4);
        TabMovesFocus.install(json);
        json.getStyleClass().add("monospace");
        json.setPromptText("{\"crm_id\": \"42\"}");
        json.textProperty().bindBidirectional(vm.metadataJsonProperty());
        rows.visibleProperty().bind(vm.metadataJsonModeProperty().not());
        rows.managedProperty().bind(rows.visibleProperty());
        add.visibleProperty().bind(rows.visibleProperty());
        json.visibleProperty().bind(vm.metadataJsonModeProperty());
        json.managedProperty().bind(json.visibleProperty());
        HBox tools = new HBox(8, add, jsonMode);
        VBox editor = new VBox(6, rows, json, tools);
        editor.setId("metadataEditor");
        return form.field("M_etadata", DialViewModel.METADATA, editor, null, null, add);
    }

    private static Node row(DialViewModel vm, MetadataRow row, int index) {
        TextField key = new TextField();
        key.setId("metadataKey" + index);
        key.setPromptText("key");
        key.textProperty().bindBidirectional(row.keyProperty());
        key.setAccessibleText("Metadata key");
        TextField value = new TextField();
        value.setId("metadataValue" + index);
        value.setPromptText("value");
        value.textProperty().bindBidirectional(row.valueProperty());
        value.setAccessibleText("Metadata value");
        Button remove = new Button("✕");
        remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        remove.setAccessibleText("Remove this metadata field");
        remove.setOnAction(e -> vm.removeMetadataRow(row));
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox box = new HBox(6, key, value, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
