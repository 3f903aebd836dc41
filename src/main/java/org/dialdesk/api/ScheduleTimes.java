package org.dialdesk.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.time.temporal.TemporalQueries;

/**
 * Turns an operator's local date-time into the UTC instant the service wants. A wall-clock time
 * that does not exist or happens twice at a DST change is explained, never silently shifted.
 */
public final class ScheduleTimes {
    /**
     * Like ISO_DATE_TIME, but a [zone] may stand without an offset before it. Read strictly: a
     * lenient read would quietly send 2027-02-30 as 2027-02-28.
     */
    private static final DateTimeFormatter OFFSET_OR_ZONE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private ScheduleTimes() {
    }

    /**
     * Parses an ISO date-time with an offset, a zone, or both:
     * {@code 2026-12-01T09:30Z}, {@code 2026-12-01T09:30-06:00},
     * {@code 2026-12-01T09:30[America/Chicago]}, {@code 2026-12-01T09:30-06:00[America/Chicago]}.
     *
     * @throws IllegalArgumentException with a message saying what to write instead
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Give a date and time, e.g. 2026-12-01T09:30[America/Chicago].");
        }
        TemporalAccessor parsed;
        try {
            parsed = OFFSET_OR_ZONE.parse(text.strip());
        } catch (DateTimeParseException e) {
            if (e.getCause() instanceof DateTimeException impossible) {
                // It has the form but names no real day or time: "Invalid date 'FEBRUARY 30'".
                throw new IllegalArgumentException("\"" + text.strip() + "\" is not a date and time that exists ("
                        + impossible.getMessage().replaceFirst("^Text '.*' could not be parsed: ", "") + ").");
            }
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not an ISO date-time; write e.g. "
                    + "2026-12-01T09:30[America/Chicago] or 2026-12-01T15:30Z.");
        }
        LocalDateTime local = LocalDateTime.from(parsed);
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : null;
        ZoneId zone = parseZone(parsed, offset);
        if (zone == null && offset == null) {
            throw new IllegalArgumentException("Add a time zone or an offset to \"" + text.strip()
                    + "\", e.g. 2026-12-01T09:30[America/Chicago] or 2026-12-01T09:30-06:00.");
        }
        if (zone == null || zone instanceof ZoneOffset) {
            return local.toInstant(offset != null ? offset : (ZoneOffset) zone);
        }
        if (offset != null) {
            if (!zone.getRules().isValidOffset(local, offset)) {
                throw new IllegalArgumentException(local + offset.getId() + " is not a time that exists in " + zone
                        + " (valid offsets there: " + zone.getRules().getValidOffsets(local) + ").");
            }
            return local.toInstant(offset);
        }
        return toInstant(local, zone);
    }

    private static ZoneId parseZone(TemporalAccessor parsed, ZoneOffset offset) {
        try {
            ZoneId zone = parsed.query(TemporalQueries.zoneId());
            return zone == null || zone.equals(offset) ? null : zone;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone: " + e.getMessage());
        }
    }

    /** The instant of a local time in a zone, refusing DST gaps and overlaps with an explanation. */
    public static Instant toInstant(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException(local + " does not exist in " + zone + ": clocks jump from "
                    + transition.getDateTimeBefore().toLocalTime() + " to "
                    + transition.getDateTimeAfter().toLocalTime() + " that day. Pick a time outside that hour.");
        }
        throw new IllegalArgumentException(local + " happens twice in " + zone + " (at " + offsets.get(0) + " and at "
                + offsets.get(1) + "). Say which by adding the offset, e.g. " + local + offsets.get(0) + "[" + zone + "].");
    }
}
