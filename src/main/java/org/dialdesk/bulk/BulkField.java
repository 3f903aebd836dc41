package org.dialdesk.bulk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a spreadsheet column can be: a field of the dial, a prompt variable, metadata, or nothing. */
public enum BulkField {
    PHONE("phone", "Phone number", List.of("phone_number", "phone", "phonenumber", "callee", "to", "mobile", "tel",
            "telephone", "number", "cell")),
    CALLER_NUMBER("caller", "Caller number ID", List.of("number_id", "caller", "caller_id", "callerid", "from")),
    USE_CASE("use_case", "Use case ID", List.of("use_case_id", "use_case", "usecase", "usecase_id")),
    AGENT("agent", "Agent ID", List.of("agent_id", "agent")),
    MODEL("model", "Model ID", List.of("model_id", "model")),
    LANGUAGE("language", "Language", List.of("language", "lang", "locale")),
    // Only names that say the call's own time: a "When" or "Time" column is as often the appointment the call is
    // about, and taken for the call's time it would ring people then. The operator maps such a column by hand.
    SCHEDULED_FOR("scheduled_for", "Scheduled time", List.of("scheduled_for", "scheduled", "scheduled_at", "schedule",
            "call_at", "call_time")),
    SCHEDULE_ZONE("zone", "Time zone of the scheduled time", List.of("timezone", "time_zone", "zone", "tz")),
    MAX_DURATION("max_duration", "Maximum minutes", List.of("max_duration_mins", "max_duration", "max_minutes")),
    CAMPAIGN("campaign", "Campaign ID", List.of("campaign_id", "campaign")),
    /** A {@code params} variable named by the column. */
    PARAM("param", "Prompt variable", List.of()),
    /** A {@code metadata} entry named by the column. */
    METADATA("metadata", "Metadata", List.of()),
    IGNORE("ignore", "Not used", List.of());

    private final String key;
    private final String label;
    private final List<String> aliases;

    BulkField(String key, String label, List<String> aliases) {
        this.key = key;
        this.label = label;
        this.aliases = aliases;
    }

    /** The word for this field in {@code --map COLUMN=FIELD} and saved mappings. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether at most one column may be this field (all but variables, metadata and unused ones). */
    public boolean single() {
        return this != PARAM && this != METADATA && this != IGNORE;
    }

    /** The field a column named like this maps to by itself, if any: "Phone Number" and "phone_number" alike. */
    public static Optional<BulkField> named(String columnName) {
        String normal = normal(columnName);
        for (BulkField field : values()) {
            if (field.aliases.stream().anyMatch(alias -> normal(alias).equals(normal))) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    public static Optional<BulkField> ofKey(String key) {
        String normal = normal(key);
        for (BulkField field : values()) {
            if (normal(field.key).equals(normal) || normal(field.name()).equals(normal)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** A column or variable name as names are compared: "Patient Name", "patient_name" and "PATIENT-NAME" are one. */
    public static String normal(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The keys, for messages: "phone, caller, use_case, …". */
    public static String keys() {
        return String.join(", ", java.util.Arrays.stream(values()).map(BulkField::key).toList());
    }
}
