package org.dialdesk.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dialdesk.api.Json;
import org.dialdesk.api.ScheduleTimes;

/**
 * The dial form's typed fields read into what a dial request holds, each with what is wrong with
 * it in words the operator can act on. Pure: the form (and later the bulk import) call it on every change.
 */
public final class DialInputs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    /** A field's value (null: not given) or the problem with it (null: none). */
    public record Read<T>(T value, String problem) {
        static <T> Read<T> of(T value) {
            return new Read<>(value, null);
        }

        static <T> Read<T> wrong(String problem) {
            return new Read<>(null, problem);
        }
    }

    private DialInputs() {
    }

    /** Whole minutes; empty: the use case's limit. */
    public static Read<Integer> maxDuration(String text) {
        if (text == null || text.isBlank()) {
            return Read.of(null);
        }
        try {
            return Read.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Read.wrong("Maximum duration is a whole number of minutes, e.g. 5; leave it empty for the "
                    + "use case's limit (or 10 minutes).");
        }
    }

    /**
     * A typed date: ISO ("2026-12-24"), the locale's short form with a two- or four-digit year
     * ("12/24/26", "12/24/2026" in the US, "24.12.2026" in Germany) or its medium one ("Dec 24,
     * 2026"). Empty: no date (null, no problem). Anything else names the forms that work.
     */
    public static Read<LocalDate> date(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return Read.of(null);
        }
        String typed = text.strip();
        for (DateTimeFormatter format : dateFormats(locale)) {
            try {
                return Read.of(LocalDate.parse(typed, format));
            } catch (DateTimeParseException e) {
                // not this form: try the next
            }
        }
        return Read.wrong("\u201c" + typed + "\u201d is not a date: type it as " + DATE_EXAMPLE
                + " or " + DATE_EXAMPLE.format(localized(locale, FormatStyle.SHORT, true)) + ", or pick it from the calendar.");
    }

    /** How a date the form understood is shown back: ISO, which reads the same in every locale. */
    public static String showDate(LocalDate date) {
        return date.toString();
    }

    private static final LocalDate DATE_EXAMPLE = LocalDate.of(2026, 12, 24);

    private static List<DateTimeFormatter> dateFormats(Locale locale) {
        return List.of(DateTimeFormatter.ISO_LOCAL_DATE,
                localized(locale, FormatStyle.SHORT, false), localized(locale, FormatStyle.SHORT, true),
                localized(locale, FormatStyle.MEDIUM, true));
    }

    /**
     * The locale's date pattern, read strictly (no 31 February) and case-blind ("dec"); with
     * {@code fullYear} its two-digit year becomes any number of digits, so 2026 reads as 2026.
     */
    private static DateTimeFormatter localized(Locale locale, FormatStyle style, boolean fullYear) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(style, null, IsoChronology.INSTANCE, locale);
        // 'u' (proleptic year) rather than 'y' (year of era): a strict read of 'y' wants an era too.
        pattern = fullYear ? pattern.replaceAll("y+", "u") : pattern.replaceAll("y+", "uu");
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** A date, a time ("9:30", "14:05") and the zone they are in, as the instant to send. */
    public static Read<Instant> schedule(LocalDate date, String time, ZoneId zone) {
        if (date == null) {
            return Read.wrong("Choose the date to call on.");
        }
        LocalTime at;
        try {
            at = LocalTime.parse(time == null ? "" : time.strip(), TIME);
        } catch (DateTimeParseException e) {
            return Read.wrong("Write the time as hours and minutes, e.g. 9:30 or 14:05.");
        }
        try {
            return Read.of(ScheduleTimes.toInstant(date.atTime(at), zone));
        } catch (IllegalArgumentException e) {
            // The form has no offset to add: moving the time is what the operator can do.
            return Read.wrong(e.getMessage().replaceFirst("Say which by adding the offset, e\\.g\\..*$",
                    "Pick a time outside the change, e.g. an hour later."));
        }
    }

    /** Key/value rows as the metadata object (null when there are none); a value without a key, or a key twice, is wrong. */
    public static Read<JsonNode> metadata(List<DialDraft.MetadataEntry> rows) {
        ObjectNode object = Json.mapper().createObjectNode();
        Set<String> seen = new HashSet<>();
        String problem = null;
        for (DialDraft.MetadataEntry row : rows) {
            String key = row.key() == null ? "" : row.key().strip();
            String value = row.value() == null ? "" : row.value();
            if (key.isEmpty()) {
                if (!value.isBlank()) {
                    problem = "A metadata value has no key; give it a name or remove the row.";
                }
                continue;
            }
            if (!seen.add(key)) {
                problem = "The metadata key \"" + key + "\" is used twice.";
            }
            object.put(key, value);
        }
        return new Read<>(object.isEmpty() ? null : object, problem);
    }

    /** The rows as indented JSON, for editing metadata as JSON; rows without a key are left out. */
    public static String metadataJson(List<DialDraft.MetadataEntry> rows) {
        ObjectNode object = Json.mapper().createObjectNode();
        rows.forEach(row -> {
            if (row.key() != null && !row.key().isBlank()) {
                object.put(row.key().strip(), row.value());
            }
        });
        return object.isEmpty() ? "" : object.toPrettyString();
    }

    /** A metadata JSON object as rows; nested values cannot be rows, and say so. */
    public static Read<List<DialDraft.MetadataEntry>> metadataRows(JsonNode object) {
        List<DialDraft.MetadataEntry> rows = new ArrayList<>();
        if (object == null) {
            return Read.of(rows);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isContainerNode()) {
                return Read.wrong("\"" + entry.getKey() + "\" holds nested JSON, which rows cannot show; "
                        + "stay in JSON mode to keep it.");
            }
            rows.add(new DialDraft.MetadataEntry(entry.getKey(), entry.getValue().asText()));
        }
        return Read.of(rows);
    }
}
