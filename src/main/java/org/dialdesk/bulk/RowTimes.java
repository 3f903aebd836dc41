package org.dialdesk.bulk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.dialdesk.api.ScheduleTimes;

/** The times a sheet's rows give for their calls, read the ways spreadsheets write them. */
final class RowTimes {
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd[' ']['T']H:mm[:ss]");

    private RowTimes() {
    }

    /**
     * A row's time: ISO with its offset or zone, a local "2026-12-03 09:30" in the row's or the run's
     * zone, or an Excel date number read the same way.
     */
    static Instant scheduleOf(String text, ZoneId zone) {
        String value = text.strip();
        if (value.matches("\\d{5}(\\.\\d+)?")) {
            double serial = Double.parseDouble(value);
            // Excel counts days from 1899-12-30 (its 1900 leap-year slip included).
            long seconds = Math.round(serial * 86_400);
            LocalDateTime local = LocalDate.of(1899, 12, 30).atStartOfDay().plusSeconds(seconds);
            return ScheduleTimes.toInstant(local, zone);
        }
        if (value.contains("[") || value.endsWith("Z") || value.matches(".*[T ]\\d{1,2}:\\d{2}(:\\d{2})?[+-]\\d{2}:?\\d{2}$")) {
            return ScheduleTimes.parse(value.replace(' ', 'T'));
        }
        try {
            LocalDateTime local = LocalDateTime.parse(value, LOCAL_DATE_TIME);
            return ScheduleTimes.toInstant(local, zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a date and time; write e.g. 2026-12-03 09:30"
                    + " (in the zone column's or the run's zone) or 2026-12-03T09:30-06:00.");
        }
    }
}
