package org.dialdesk.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialdesk.api.UseCase;

/**
 * When a call may ring: inside the legal calling hours in the callee's local time, and inside the
 * use case's own hours in the use case's zone. One rule for the dial form's warning and for a bulk
 * plan's reason to hold a row back.
 */
public final class CallingRule {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final CallingHours legal;
    private final CalleeZones zones;
    /** The hours of the use case met last (see {@link #hoursOf}); shared by the threads that plan a file's rows. */
    private volatile HoursOf lastHours;

    /** @param legal the window of the callee's day calls are allowed in, from settings */
    public CallingRule(CallingHours legal, CalleeZones zones) {
        this.legal = legal;
        this.zones = zones;
    }

    public CallingHours legal() {
        return legal;
    }

    /** The hours a use case's calls may ring in, in the use case's zone. */
    public record UseCaseHours(String useCaseName, CallingHours hours, ZoneId zone) {
        /** The use case's hours, when it states all three of start, end and zone readably. */
        public static Optional<UseCaseHours> of(UseCase useCase) {
            if (useCase == null || useCase.workStart() == null || useCase.workEnd() == null || useCase.timezone() == null) {
                return Optional.empty();
            }
            try {
                LocalTime start = LocalTime.parse(useCase.workStart());
                LocalTime end = LocalTime.parse(useCase.workEnd());
                if (!start.isBefore(end)) {
                    return Optional.empty();
                }
                return Optional.of(new UseCaseHours(useCase.name() == null ? useCase.id() : useCase.name(),
                        new CallingHours(start, end), ZoneId.of(useCase.timezone())));
            } catch (DateTimeException e) {
                // Hours the service wrote in another form are shown as written on the Organisation
                // screen; they cannot be checked against, so the legal window alone applies.
                return Optional.empty();
            }
        }
    }

    /** Which of the two windows a time falls outside of. */
    public enum Window { LEGAL, USE_CASE }

    /** One window the time breaks, and the sentence that says so. */
    public record Breach(Window window, String message) {
    }

    /**
     * The verdict on one call time.
     *
     * @param calleeTime   the callee's local time, or null when their zone is not known
     * @param zoneChoices  the zones the callee may be in when the number alone does not settle it
     * @param zoneQuestion set when the callee's zone must be chosen before the legal window can be checked
     */
    public record Verdict(ZonedDateTime calleeTime, List<ZoneId> zoneChoices, String zoneQuestion, List<Breach> breaches) {
        /** Inside both windows, with the callee's time known: a bulk run may ring this row. */
        public boolean allowed() {
            return calleeTime != null && breaches.isEmpty();
        }

        /** What to tell the operator, if anything: the question first, then each window broken. */
        public Optional<String> warning() {
            List<String> lines = new ArrayList<>();
            if (zoneQuestion != null) {
                lines.add(zoneQuestion);
            }
            breaches.forEach(b -> lines.add(b.message()));
            return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
        }
    }

    /**
     * @param phone      the callee's number as checked; a number that is not valid yet has no callee time
     * @param chosenZone the callee's zone the operator chose, used only when the number leaves a choice
     * @param useCase    the use case of the call, or null
     */
    public Verdict check(PhoneCheck.Result phone, Instant when, ZoneId chosenZone, UseCase useCase) {
        List<Breach> breaches = new ArrayList<>();
        ZonedDateTime calleeTime = null;
        List<ZoneId> choices = List.of();
        String question = null;
        if (phone.ok()) {
            Optional<ZoneId> known = zones.unambiguousZone(phone, when);
            choices = known.isPresent() ? List.of() : zones.zonesFor(phone);
            ZoneId zone = known.orElse(chosenZone != null && choices.contains(chosenZone) ? chosenZone : null);
            if (zone == null) {
                question = choices.isEmpty()
                        ? "Calling hours not checked for the callee: no time zone is known for this number."
                        : "Calling hours not checked for the callee: numbers like this one are used in "
                                + choices.size() + " time zones of " + phone.countryName()
                                + ". Choose the callee's time zone to check them.";
            } else {
                calleeTime = when.atZone(zone);
                LocalTime time = calleeTime.toLocalTime();
                if (!legal.contains(time)) {
                    breaches.add(new Breach(Window.LEGAL, "It will be " + time.format(TIME)
                            + " for the callee, outside the legal calling hours (" + legal.label() + " callee time)."));
                }
            }
        }
        hoursOf(useCase).ifPresent(hours -> {
            LocalTime there = when.atZone(hours.zone()).toLocalTime();
            if (!hours.hours().contains(there)) {
                breaches.add(new Breach(Window.USE_CASE, "It will be " + there.format(TIME) + " in "
                        + ZoneNames.shortLabel(hours.zone(), when) + ", outside " + hours.useCaseName() + "'s hours ("
                        + hours.hours().label() + " there)."));
            }
        });
        return new Verdict(calleeTime, choices, question, List.copyOf(breaches));
    }

    /**
     * The first time from {@code from} on at which a call to this number may ring (both windows
     * open), within a week; empty when the callee's zone is not known, or no such time comes. The
     * windows are a stretch of each day, so that time is {@code from} itself or one window's opening.
     */
    public Optional<Instant> nextAllowed(PhoneCheck.Result phone, Instant from, UseCase useCase) {
        if (!phone.ok()) {
            return Optional.empty();
        }
        Optional<ZoneId> calleeZone = zones.unambiguousZone(phone, from);
        if (calleeZone.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> candidates = new ArrayList<>(List.of(from));
        addOpenings(candidates, legal.start(), calleeZone.get(), from);
        hoursOf(useCase).ifPresent(hours -> addOpenings(candidates, hours.hours().start(), hours.zone(), from));
        return candidates.stream().filter(at -> !at.isBefore(from)).sorted()
                .filter(at -> check(phone, at, null, useCase).allowed()).findFirst();
    }

    /**
     * The use case's hours, kept for the use case met last: a bulk preview asks for the same use
     * case's at each of its rows, and reading its times every time was a tenth of a plan.
     */
    private Optional<UseCaseHours> hoursOf(UseCase useCase) {
        HoursOf last = lastHours;
        if (last != null && last.useCase() == useCase) {
            return last.hours();
        }
        Optional<UseCaseHours> hours = UseCaseHours.of(useCase);
        lastHours = new HoursOf(useCase, hours);
        return hours;
    }

    private record HoursOf(UseCase useCase, Optional<UseCaseHours> hours) {
    }

    private static void addOpenings(List<Instant> candidates, LocalTime opens, ZoneId zone, Instant from) {
        java.time.LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            candidates.add(day.plusDays(i).atTime(opens).atZone(zone).toInstant());
        }
    }
}
