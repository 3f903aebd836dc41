package org.dialdesk.ui.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A call's times as the operator reads them: short, in their own zone; the exact UTC instant on demand. */
final class CallTimes {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    CallTimes(ZoneId zone) {
        this.zone = zone;
    }

    String local(Instant at) {
        return LOCAL.format(at.atZone(zone));
    }

    /** An ISO instant from the service, shown locally; text that is not one is shown as it came. */
    String local(String iso) {
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
    static String utc(Instant at) {
        return at + " (UTC)";
    }

    static String utc(String iso) {
        return iso == null || iso.isBlank() ? null : iso + " (UTC)";
    }
}
