package org.dialdesk.bulk;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dialdesk.api.UseCase;
import org.dialdesk.domain.TemplateVariables;

/** Each use case's template variables by their normalised name, as the template spells them; read once a prompt. */
final class TemplateSpellings {
    private final Map<String, Map<String, String>> byUseCase = new ConcurrentHashMap<>();

    Map<String, String> of(UseCase useCase) {
        if (useCase == null || useCase.prompt() == null) {
            return Map.of();
        }
        return byUseCase.computeIfAbsent(useCase.id() + "\u0000" + useCase.prompt(), key -> {
            Map<String, String> names = new HashMap<>();
            TemplateVariables.of(useCase.prompt()).forEach(variable -> names.putIfAbsent(BulkField.normal(variable), variable));
            return names;
        });
    }
}
