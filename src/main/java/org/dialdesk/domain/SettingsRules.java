package org.dialdesk.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What each setting may be, and what to change when it is not; checked as typed. */
public final class SettingsRules {
    public static final int MIN_POLL_SECONDS = 5;
    public static final int MAX_POLL_SECONDS = 600;
    public static final int MIN_TIMEOUT_SECONDS = 1;
    public static final int MAX_TIMEOUT_SECONDS = 300;
    /** The sandbox takes at most 500 a batch; the real service's limit is undocumented, so stay well under. */
    public static final int MAX_BULK_CHUNK = 100;
    public static final double MIN_BULK_RATE = 0.1;
    public static final double MAX_BULK_RATE = 50;

    private SettingsRules() {
    }

    public static Optional<String> countryProblem(String code) {
        String c = code == null ? "" : code.strip();
        return PhoneCheck.isKnownCountry(c) ? Optional.empty()
                : Optional.of("\"" + c + "\" is not a country code; use two letters, e.g. US, GB or DE.");
    }

    /** Both ends as HH:mm, the start before the end. */
    public static Optional<String> callingHoursProblem(String start, String end) {
        LocalTime from;
        LocalTime to;
        try {
            from = LocalTime.parse(start.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.of("Write the start as HH:mm, e.g. 08:00.");
        }
        try {
            to = LocalTime.parse(end.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.of("Write the end as HH:mm, e.g. 21:00.");
        }
        return from.isBefore(to) ? Optional.empty()
                : Optional.of("The calling window must end after it starts (" + from + "–" + to + ").");
    }

    public static Optional<String> secondsProblem(String text, int min, int max, String what) {
        try {
            int seconds = Integer.parseInt(text.strip());
            return seconds >= min && seconds <= max ? Optional.empty()
                    : Optional.of(what + " is " + min + " to " + max + " seconds.");
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.of(what + " is a whole number of seconds, " + min + " to " + max + ".");
        }
    }

    public static Optional<String> bulkChunkProblem(String text) {
        try {
            int chunk = Integer.parseInt(text.strip());
            return chunk >= 1 && chunk <= MAX_BULK_CHUNK ? Optional.empty()
                    : Optional.of("A chunk is 1 to " + MAX_BULK_CHUNK + " rows.");
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.of("A chunk is a whole number of rows, 1 to " + MAX_BULK_CHUNK + ".");
        }
    }

    public static Optional<String> bulkRateProblem(String text) {
        try {
            double rate = Double.parseDouble(text.strip());
            return rate >= MIN_BULK_RATE && rate <= MAX_BULK_RATE ? Optional.empty()
                    : Optional.of("The pace is " + MIN_BULK_RATE + " to " + (int) MAX_BULK_RATE + " dials a second.");
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.of("The pace is a number of dials a second, e.g. 2 or 0.5.");
        }
    }

    /** Blank is the computer's zone. */
    public static Optional<String> zoneProblem(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId.of(zone.strip());
            return ZoneId.getAvailableZoneIds().contains(zone.strip()) ? Optional.empty()
                    : Optional.of("Choose a zone by its region name, e.g. America/Chicago.");
        } catch (RuntimeException e) {
            return Optional.of("\"" + zone.strip() + "\" is not a time zone; choose one from the list, e.g. Europe/Berlin.");
        }
    }
}
