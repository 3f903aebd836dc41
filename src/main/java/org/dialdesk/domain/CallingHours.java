package org.dialdesk.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The hours of the callee's day in which they may be called, and the check of one dial against
 * them: the form's warning, and later the bulk plan's reason to skip a row.
 */
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

    /** What one dial's time is for its callee. */
    public sealed interface Check {
        /** The callee's number is not a valid one yet: there is no callee time to speak of. */
        record NoCallee() implements Check {
        }

        /** The callee's country has several zones and none was chosen among {@code choices}. */
        record ZoneNeeded(String countryName, List<ZoneId> choices) implements Check {
            public String warning() {
                return "Calling hours not checked: " + countryName + " has several time zones. "
                        + "Choose the callee's to check them.";
            }
        }

        /** The callee's time, inside calling hours or not ({@code warning} says so when not). */
        record CalleeTime(ZonedDateTime local, List<ZoneId> choices, Optional<String> warning) implements Check {
        }
    }

    /**
     * The callee's local time at {@code when}, in the zone their number's country has at that
     * time, or the one chosen for it when it has several.
     */
    public Check check(PhoneCheck.Result phone, Instant when, ZoneId chosenZone, CalleeZones zones) {
        if (!phone.ok()) {
            return new Check.NoCallee();
        }
        Optional<ZoneId> known = zones.unambiguousZone(phone.regionCode(), when);
        List<ZoneId> choices = known.isPresent() ? List.of() : zones.zonesOf(phone.regionCode());
        ZoneId zone = known.orElse(chosenZone != null && choices.contains(chosenZone) ? chosenZone : null);
        if (zone == null) {
            return new Check.ZoneNeeded(phone.countryName(), choices);
        }
        ZonedDateTime local = when.atZone(zone);
        LocalTime time = local.toLocalTime();
        Optional<String> warning = contains(time) ? Optional.empty()
                : Optional.of("It will be " + time.format(TIME) + " for the callee, outside calling hours ("
                        + start + "–" + end + " callee time).");
        return new Check.CalleeTime(local, choices, warning);
    }
}
