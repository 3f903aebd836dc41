package org.dialdesk.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dialdesk.api.UseCase;

/**
 * The name each param column's value is sent under, per use case, worked out once a plan: the
 * variable the operator said the column fills, else the one named like it, in the template's own
 * spelling ("Patient Name" fills {@code {{patient_name}}}), else the column's own name.
 */
final class ParamNames {
    private final Sheet sheet;
    /** The param columns, by index. */
    final List<Integer> columns;
    private final ColumnMapping mapping;
    private final TemplateSpellings spellings;
    private final Map<String, Map<Integer, String>> byUseCase = new ConcurrentHashMap<>();
    /** The use case asked for last, and its names; shared by the threads that plan the rows. */
    private volatile Named lastNamed;

    ParamNames(Sheet sheet, List<Integer> columns, ColumnMapping mapping, TemplateSpellings spellings) {
        this.sheet = sheet;
        this.columns = columns;
        this.mapping = mapping;
        this.spellings = spellings;
    }

    Map<Integer, String> of(UseCase useCase) {
        // The rows of a file mostly share one use case: its names are kept at hand, not looked up per row by a key
        // that writes its whole prompt out again.
        Named last = lastNamed;
        if (last != null && last.useCase() == useCase) {
            return last.names();
        }
        Map<Integer, String> names = lookUp(useCase);
        lastNamed = new Named(useCase, names);
        return names;
    }

    private record Named(UseCase useCase, Map<Integer, String> names) {
    }

    private Map<Integer, String> lookUp(UseCase useCase) {
        String key = useCase == null || useCase.prompt() == null ? "" : useCase.id() + "\u0000" + useCase.prompt();
        return byUseCase.computeIfAbsent(key, k -> {
            Map<String, String> spelled = spellings.of(useCase);
            Map<Integer, String> names = new HashMap<>();
            for (int column : columns) {
                String name = mapping.variableOf(sheet.columns().get(column)).orElse(sheet.columns().get(column));
                names.put(column, spelled.isEmpty() ? name : spelled.getOrDefault(BulkField.normal(name), name));
            }
            return names;
        });
    }
}
