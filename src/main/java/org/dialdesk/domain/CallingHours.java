package org.dialdesk.domain;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** A window of the day, start inclusive, end exclusive: the hours in which calls may be placed. */
public record CallingHours(LocalTime start, LocalTime end) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    public CallingHours {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Calling hours must start before they end, were " + start + "–" + end);
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** "8:00–21:00". */
    public String label() {
        return start.format(TIME) + "–" + end.format(TIME);
    }
}
