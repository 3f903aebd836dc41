package org.dialdesk.bulk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which column is which field, by column name. Columns named like the API's fields map themselves;
 * a column named like one of the use case's {@code {{variables}}} becomes that variable; the rest
 * become metadata unless the operator says otherwise.
 */
public record ColumnMapping(Map<String, BulkField> fields) {

    public ColumnMapping {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The mapping a file gets by itself, before the operator changes anything. */
    public static ColumnMapping automatic(List<String> columns, Collection<String> templateVariables) {
        Set<String> variables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        variables.addAll(templateVariables);
        Map<String, BulkField> fields = new LinkedHashMap<>();
        Set<BulkField> taken = java.util.EnumSet.noneOf(BulkField.class);
        for (String column : columns) {
            BulkField field;
            if (variables.contains(column)) {
                field = BulkField.PARAM;
            } else {
                Optional<BulkField> named = BulkField.named(column).filter(f -> !taken.contains(f));
                field = named.orElse(BulkField.METADATA);
            }
            if (field.single()) {
                taken.add(field);
            }
            fields.put(column, field);
        }
        return new ColumnMapping(fields);
    }

    /**
     * This mapping with a saved one laid over it, for the columns this file has: the operator's
     * choices for a use case are offered again.
     */
    public ColumnMapping with(Map<String, BulkField> saved) {
        Map<String, BulkField> merged = new LinkedHashMap<>(fields);
        saved.forEach((column, field) -> {
            if (merged.containsKey(column)) {
                if (field.single()) {
                    merged.replaceAll((c, f) -> f == field ? BulkField.METADATA : f);
                }
                merged.put(column, field);
            }
        });
        return new ColumnMapping(merged);
    }

    /** This mapping with one column changed; another column holding a single field gives it up. */
    public ColumnMapping map(String column, BulkField field) throws BulkInputException {
        if (!fields.containsKey(column)) {
            throw new BulkInputException("There is no column \"" + column + "\". Columns: " + String.join(", ", fields.keySet()) + ".");
        }
        return with(Map.of(column, field));
    }

    public BulkField fieldOf(String column) {
        return fields.getOrDefault(column, BulkField.IGNORE);
    }

    /** The column that holds a single field, if one does. */
    public Optional<String> columnOf(BulkField field) {
        return fields.entrySet().stream().filter(e -> e.getValue() == field).map(Map.Entry::getKey).findFirst();
    }

    public List<String> columnsOf(BulkField field) {
        List<String> columns = new ArrayList<>();
        fields.forEach((column, f) -> {
            if (f == field) {
                columns.add(column);
            }
        });
        return columns;
    }
}
