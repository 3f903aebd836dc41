package org.dialdesk.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a dial: the API's JSON name, what the form calls it and the command line's option.
 * One table, so the form's messages and {@code dialdesk dial}'s speak of the same things.
 */
public enum DialField {
    NUMBER("number_id", "Caller number", "--number-id"),
    PHONE("phone_number", "Callee phone", "--phone"),
    USE_CASE("use_case_id", "Use case", "--use-case"),
    AGENT("agent_id", "Agent", "--agent"),
    MODEL("model_id", "Model", "--model"),
    LANGUAGE("language", "Language", "--language"),
    PARAMS("params", "Params", "--params"),
    METADATA("metadata", "Metadata", "--metadata"),
    CAMPAIGN("campaign_id", "Campaign", "--campaign"),
    PROMPT("prompt_id", "Prompt ID", "--prompt"),
    MAX_DURATION("max_duration_mins", "Max duration", "--max-minutes"),
    SCHEDULE("scheduled_for", "Schedule", "--at"),
    ASSISTANT("assistant_id", "Assistant ID", null),
    VOICE("voice_id", "Voice ID", null),
    LEGACY_MODEL("model", "Legacy model", null);

    private final String json;
    private final String label;
    private final String option;

    DialField(String json, String label, String option) {
        this.json = json;
        this.label = label;
        this.option = option;
    }

    /** The field's name in the API's JSON, which errors are keyed by. */
    public String json() {
        return json;
    }

    public static Optional<DialField> ofJson(String name) {
        return Arrays.stream(values()).filter(f -> f.json.equals(name)).findFirst();
    }

    /** The fields with problems, in the order the form shows them (fields the table does not know last). */
    public static List<String> inFormOrder(Collection<String> jsonNames) {
        return jsonNames.stream()
                .sorted(Comparator.comparingInt((String name) -> ofJson(name).map(Enum::ordinal)
                        .orElse(Integer.MAX_VALUE)).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** What the form calls the field; a name the table does not know is shown as it is. */
    public static String labelOf(String jsonName) {
        return ofJson(jsonName).map(f -> f.label).orElse(jsonName == null ? "" : jsonName);
    }

    /** The command-line option behind the field; the JSON name for one the command line does not take. */
    public static String optionOf(String jsonName) {
        return ofJson(jsonName).map(f -> f.option).orElse(jsonName == null ? "" : jsonName);
    }
}
