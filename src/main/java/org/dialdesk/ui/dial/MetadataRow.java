package org.dialdesk.ui.dial;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One key/value pair of the call's metadata, edited in place. */
public final class MetadataRow {
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public MetadataRow(String key, String value) {
        this.key.set(key == null ? "" : key);
        this.value.set(value == null ? "" : value);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String key() {
        return key.get();
    }

    public String value() {
        return value.get();
    }
}
