package org.dialdesk.ui.dial;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.domain.DialDraft;
import org.dialdesk.domain.DialInputs;
import org.dialdesk.domain.JsonText;

/**
 * The dial's metadata as the operator edits it: key/value rows, or raw JSON for nested values.
 * Switching carries the content across, and never loses text that cannot be carried.
 */
final class MetadataFields {
    private final ObservableList<MetadataRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.keyProperty(), row.valueProperty()});
    private final BooleanProperty jsonMode = new SimpleBooleanProperty(false);
    private final StringProperty json = new SimpleStringProperty("");

    /** What the operator changes here: each change is a change to the form. */
    List<Observable> inputs() {
        return List.of(rows, jsonMode, json);
    }

    /** The metadata as it will be sent, or the problem with it. */
    DialInputs.Read<JsonNode> read() {
        if (!jsonMode.get()) {
            return DialInputs.metadata(entries());
        }
        JsonText.Read read = JsonText.read(json.get());
        // A value that is not an object is the validator's to explain.
        return new DialInputs.Read<>(read.value(), read.ok() ? null
                : "Metadata is not valid JSON (" + read.problem().where() + "): " + read.problem().message());
    }

    /**
     * Switches between rows and JSON. It stays as it is when the JSON cannot be rows: text that is
     * not a JSON object (the form already says what is wrong with it), or nested values rows cannot
     * show (returned, to be shown).
     */
    String setJsonMode(boolean toJson) {
        if (toJson == jsonMode.get()) {
            return null;
        }
        if (toJson) {
            // A row JSON cannot hold (a value without a key, a key twice) would be lost on the way.
            DialInputs.Read<?> rowsRead = DialInputs.metadata(entries());
            if (rowsRead.problem() != null) {
                return rowsRead.problem() + " Fix the rows first: as JSON that row would be lost.";
            }
            json.set(DialInputs.metadataJson(entries()));
            jsonMode.set(true);
            return null;
        }
        JsonText.Read typed = JsonText.read(json.get());
        if (!typed.blank() && (typed.value() == null || !typed.value().isObject())) {
            return null;
        }
        DialInputs.Read<List<DialDraft.MetadataEntry>> asRows = DialInputs.metadataRows(typed.value());
        if (asRows.problem() != null) {
            return asRows.problem();
        }
        fill(asRows.value(), false, "");
        return null;
    }

    /** The rows as typed. */
    List<DialDraft.MetadataEntry> entries() {
        return rows.stream().map(r -> new DialDraft.MetadataEntry(r.key(), r.value())).toList();
    }

    void fill(List<DialDraft.MetadataEntry> entries, boolean asJson, String jsonText) {
        rows.setAll(entries.stream().map(e -> new MetadataRow(e.key(), e.value())).toList());
        jsonMode.set(asJson);
        json.set(jsonText == null ? "" : jsonText);
    }

    void addRow() {
        rows.add(new MetadataRow("", ""));
    }

    void removeRow(MetadataRow row) {
        rows.remove(row);
    }

    ObservableList<MetadataRow> rows() {
        return rows;
    }

    ReadOnlyBooleanProperty jsonModeProperty() {
        return jsonMode;
    }

    StringProperty jsonProperty() {
        return json;
    }
}
