package org.dialdesk.ui.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.bulk.BulkField;
import org.dialdesk.bulk.BulkInputException;
import org.dialdesk.bulk.ColumnMapping;

/**
 * What each column of the file is in the dial: the mapping the preview was planned with (null
 * before a plan, or when another use case's is to be worked out), the roles a column's picker
 * offers (every field, and each {{variable}} of the run's use case), and the operator's changes.
 */
final class ColumnRoles {
    private final ObservableList<ColumnRole> roles = FXCollections.observableArrayList();
    private final ObservableList<ColumnRole> rolesView = FXCollections.unmodifiableObservableList(roles);
    private ColumnMapping mapping;

    ColumnMapping mapping() {
        return mapping;
    }

    /** The mapping a plan was made with. */
    void planned(ColumnMapping planned) {
        mapping = planned;
    }

    /** Another use case: its variables and its saved mapping are worked out again. */
    void forget() {
        mapping = null;
    }

    /** The roles the pickers offer: every field, and after the prompt variable as named, the use case's own. */
    void offer(List<BulkField> fields, List<String> variables) {
        List<ColumnRole> offered = new ArrayList<>();
        for (BulkField field : fields) {
            offered.add(ColumnRole.of(field));
            if (field == BulkField.PARAM) {
                variables.forEach(variable -> offered.add(new ColumnRole(BulkField.PARAM, variable)));
            }
        }
        if (!offered.equals(roles)) {
            roles.setAll(offered);
        }
    }

    ObservableList<ColumnRole> roles() {
        return rolesView;
    }

    BulkField fieldOf(String column) {
        return mapping == null ? BulkField.IGNORE : mapping.fieldOf(column);
    }

    /** What the column is now: a param column named like a variable fills that one. */
    ColumnRole roleOf(String column) {
        BulkField field = fieldOf(column);
        if (field != BulkField.PARAM) {
            return ColumnRole.of(field);
        }
        Optional<String> told = mapping.variableOf(column);
        if (told.isPresent()) {
            return roles.stream().filter(r -> told.get().equals(r.variable())).findFirst()
                    .orElse(new ColumnRole(BulkField.PARAM, told.get()));
        }
        return roles.stream().filter(r -> r.variable() != null && BulkField.normal(r.variable()).equals(BulkField.normal(column)))
                .findFirst().orElse(ColumnRole.of(BulkField.PARAM));
    }

    /**
     * The column made {@code role}: true when that changed the mapping. A field or a variable is one
     * column's, so another column may give its up ({@link #gaveUp} names them).
     */
    boolean take(String column, ColumnRole role) throws BulkInputException {
        if (mapping == null) {
            return false;
        }
        if (role.variable() == null) {
            if (mapping.fieldOf(column) == role.field()) {
                return false;
            }
            mapping = mapping.map(column, role.field());
            return true;
        }
        if (role.equals(roleOf(column)) && mapping.variableOf(column).isPresent()) {
            return false;
        }
        mapping = mapping.mapToVariable(column, role.variable());
        return true;
    }

    /** "'Site' is {{clinic}}; 'Location' is Metadata now (each is one column's)." when others changed; else empty. */
    Optional<String> gaveUp(Map<String, String> before, String column) {
        List<String> others = new ArrayList<>();
        mapping.keys().forEach((other, key) -> {
            if (!other.equals(column) && !key.equals(before.get(other))) {
                others.add("\"" + other + "\" is " + roleOf(other).label() + " now");
            }
        });
        return others.isEmpty() ? Optional.empty() : Optional.of("\"" + column + "\" is " + roleOf(column).label() + "; "
                + String.join(", ", others) + " (each is one column's).");
    }
}
