package org.dialdesk.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{variables}}} of a use case's prompt template, and the template filled in. */
public final class TemplateVariables {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private TemplateVariables() {
    }

    public static List<String> of(String template) {
        List<String> names = new ArrayList<>();
        if (template == null) {
            return names;
        }
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Variables the params object does not give a value for. */
    public static List<String> missing(List<String> variables, JsonNode params) {
        List<String> missing = null; // asked for every row of a bulk file, where mostly none is missing
        for (String name : variables) {
            if (params == null || !params.isObject() || !params.hasNonNull(name)) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(name);
            }
        }
        return missing == null ? List.of() : List.copyOf(missing);
    }

    /** The template with values filled in; a missing one shows as [name]. */
    public static String fill(String template, JsonNode params) {
        if (template == null) {
            return "";
        }
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = params != null && params.isObject() ? params.get(m.group(1)) : null;
            String text = value == null || value.isNull() ? "[" + m.group(1) + "]"
                    : value.isTextual() ? value.asText() : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
