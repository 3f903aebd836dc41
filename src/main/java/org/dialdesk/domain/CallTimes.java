package org.dialdesk.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A call's times as the operator reads them: short, in their own zone (History, the CSV export);
 * the exact UTC instant on demand.
 */
public final class CallTimes {
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public CallTimes(ZoneId zone) {
        this.zone = zone;
    }

    public String local(Instant at) {
        return LOCAL.format(at.atZone(zone));
    }

    /** An ISO instant from the service, shown locally; text that is not one is shown as it came. */
    public String local(String iso) {
        if (iso == null || iso.isBlank()) {
            return iso;
        }
        try {
            return local(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** For a tooltip: the instant exactly, and that it is UTC. */
    public static String utc(Instant at) {
        return at + " (UTC)";
    }

    public static String utc(String iso) {
        return iso == null || iso.isBlank() ? null : iso + " (UTC)";
    }
}
