package org.dialdesk.bulk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which column is which field, by column name. Columns named like the API's fields map themselves;
 * a column named like one of the use case's {@code {{variables}}} becomes that variable; the rest
 * become metadata unless the operator says otherwise. {@code variables}: the prompt variable a
 * column fills when the operator said which ("First Name" fills {@code {{patient_name}}}); a param
 * column not in it fills the variable named like it, or goes under its own name.
 */
public record ColumnMapping(Map<String, BulkField> fields, Map<String, String> variables) {
    /** How a saved or typed mapping says a column fills one prompt variable: {@code param:patient_name}. */
    public static final String VARIABLE_KEY = "param:";

    public ColumnMapping {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Map<String, String> kept = new LinkedHashMap<>();
        Map<String, BulkField> mapped = fields;
        variables.forEach((column, variable) -> {
            if (mapped.get(column) == BulkField.PARAM && variable != null && !variable.isBlank()) {
                kept.put(column, variable.strip());
            }
        });
        variables = java.util.Collections.unmodifiableMap(kept);
    }

    public ColumnMapping(Map<String, BulkField> fields) {
        this(fields, Map.of());
    }

    /** The variable the operator said this column fills, if they did. */
    public Optional<String> variableOf(String column) {
        return Optional.ofNullable(variables.get(column));
    }

    /**
     * This mapping with the column filling the prompt variable {@code variable}; a column that
     * filled it before goes back to metadata (one value a variable).
     */
    public ColumnMapping mapToVariable(String column, String variable) throws BulkInputException {
        if (!fields.containsKey(column)) {
            throw new BulkInputException("There is no column \"" + column + "\". Columns: " + String.join(", ", fields.keySet()) + ".");
        }
        Map<String, BulkField> newFields = new LinkedHashMap<>(fields);
        Map<String, String> newVariables = new LinkedHashMap<>(variables);
        newVariables.forEach((other, filled) -> {
            if (!other.equals(column) && BulkField.normal(filled).equals(BulkField.normal(variable))) {
                newFields.put(other, BulkField.METADATA);
            }
        });
        newVariables.entrySet().removeIf(e -> BulkField.normal(e.getValue()).equals(BulkField.normal(variable)));
        newFields.put(column, BulkField.PARAM);
        newVariables.put(column, variable);
        return new ColumnMapping(newFields, newVariables);
    }

    /** Each column's key as saved and shown: the field's, or {@code param:VARIABLE} for a column filling a named variable. */
    public Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        fields.forEach((column, field) -> keys.put(column, variables.containsKey(column)
                ? VARIABLE_KEY + variables.get(column) : field.key()));
        return keys;
    }

    /** This mapping with saved or typed keys laid over it, {@code param:VARIABLE} keys included; unknown keys are passed over. */
    public ColumnMapping withKeys(Map<String, String> keys) {
        ColumnMapping merged = this;
        for (Map.Entry<String, String> entry : keys.entrySet()) {
            if (!fields.containsKey(entry.getKey())) {
                continue;
            }
            try {
                if (entry.getValue().startsWith(VARIABLE_KEY) && entry.getValue().length() > VARIABLE_KEY.length()) {
                    merged = merged.mapToVariable(entry.getKey(), entry.getValue().substring(VARIABLE_KEY.length()));
                } else {
                    Optional<BulkField> field = BulkField.ofKey(entry.getValue());
                    if (field.isPresent()) {
                        merged = merged.map(entry.getKey(), field.get());
                    }
                }
            } catch (BulkInputException e) {
                throw new IllegalStateException(e); // the column was checked just above
            }
        }
        return merged;
    }

    /** The mapping a file gets by itself, before the operator changes anything. */
    public static ColumnMapping automatic(List<String> columns, Collection<String> templateVariables) {
        // "Patient Name", "patient_name" and "PATIENT-NAME" are all {{patient_name}}.
        Set<String> variables = new java.util.HashSet<>();
        templateVariables.forEach(variable -> variables.add(BulkField.normal(variable)));
        Map<String, BulkField> fields = new LinkedHashMap<>();
        Set<BulkField> taken = java.util.EnumSet.noneOf(BulkField.class);
        for (String column : columns) {
            BulkField field;
            if (variables.contains(BulkField.normal(column))) {
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
        // The skipped rows' export, fixed and imported again: the two columns it adds (the row's place in the first
        // file, and why it was skipped) are not sent, as metadata, with every call.
        int why = columns.indexOf(BulkExports.SKIPPED_BECAUSE);
        if (why > 0 && columns.get(why - 1).startsWith(BulkExports.ROW)) {
            fields.put(columns.get(why), BulkField.IGNORE);
            fields.put(columns.get(why - 1), BulkField.IGNORE);
        }
        return new ColumnMapping(fields);
    }

    /**
     * As {@link #automatic(List, Collection)}, and when no column is named like a phone, the first
     * whose cells look like phone numbers is the phone (a file without a header has no names).
     */
    public static ColumnMapping automatic(Sheet sheet, Collection<String> templateVariables) {
        ColumnMapping named = automatic(sheet.columns(), templateVariables);
        if (named.columnOf(BulkField.PHONE).isPresent()) {
            return named;
        }
        List<Sheet.Row> sample = sheet.rows().subList(0, Math.min(20, sheet.rows().size()));
        for (int column = 0; column < sheet.columns().size(); column++) {
            int at = column;
            long phoneLike = sample.stream().filter(row -> looksLikePhone(row.cell(at))).count();
            if (phoneLike > 0 && phoneLike * 2 >= sample.size()) {
                Map<String, BulkField> fields = new LinkedHashMap<>(named.fields());
                fields.put(sheet.columns().get(column), BulkField.PHONE);
                return new ColumnMapping(fields, named.variables());
            }
        }
        return named;
    }

    static boolean looksLikePhone(String cell) {
        return cell.replaceAll("\\D", "").length() >= 7 && cell.matches("[+()0-9 .\\-/]+");
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
        Map<String, String> kept = new LinkedHashMap<>(variables);
        kept.keySet().removeAll(saved.keySet()); // a column given a field anew fills no named variable
        return new ColumnMapping(merged, kept);
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
