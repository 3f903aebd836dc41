package org.dialdesk.ui.bulk;

import org.dialdesk.bulk.BulkField;

/**
 * What a column is in the dial, as its picker offers it: a field, or the prompt variable it fills
 * ({@code variable} set, {@code field} then {@link BulkField#PARAM}); a param column with no
 * variable named goes under its own name.
 */
public record ColumnRole(BulkField field, String variable) {

    static ColumnRole of(BulkField field) {
        return new ColumnRole(field, null);
    }

    String label() {
        if (variable != null) {
            return "{{" + variable + "}}";
        }
        return field == BulkField.PARAM ? "Prompt variable, as named" : field.label();
    }
}
