package org.dialdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.dialdesk.api.UseCase;
import org.junit.jupiter.api.Test;

/** The one calling-hours rule the dial form and bulk dialing share. */
class CallingRuleTest {
    static final CallingRule RULE = new CallingRule(new CallingHours(LocalTime.of(8, 0), LocalTime.of(21, 0)), CalleeZones.load());
    static final UseCase REMINDER = new UseCase("650000000000000000000001", "Appointment reminder", "en-US", 5,
            "America/Chicago", "08:00", "20:00", null, null, null);
    /** Tuesday 1 December 2026, 20:30 in Chicago. */
    static final Instant EVENING = Instant.parse("2026-12-02T02:30:00Z");

    static PhoneCheck.Result phone(String number) {
        return PhoneCheck.check(number, "US");
    }

    @Test
    void insideBothWindowsIsAllowed() {
        CallingRule.Verdict verdict = RULE.check(phone("+14155550125"), Instant.parse("2026-12-01T18:00:00Z"), null, REMINDER);
        assertTrue(verdict.allowed());
        assertEquals(Optional.empty(), verdict.warning());
        assertEquals(ZoneId.of("America/Los_Angeles"), verdict.calleeTime().getZone(), "from the 415 prefix alone");
    }

    @Test
    void eachWindowBrokenIsNamed() {
        CallingRule.Verdict west = RULE.check(phone("+14155550125"), EVENING, null, REMINDER); // 18:30 in San Francisco
        assertEquals(List.of(CallingRule.Window.USE_CASE), west.breaches().stream().map(CallingRule.Breach::window).toList());
        assertFalse(west.allowed());

        CallingRule.Verdict east = RULE.check(phone("+12125550100"), EVENING, null, REMINDER); // 21:30 in New York
        assertEquals(List.of(CallingRule.Window.LEGAL, CallingRule.Window.USE_CASE),
                east.breaches().stream().map(CallingRule.Breach::window).toList());

        CallingRule.Verdict noUseCase = RULE.check(phone("+12125550100"), EVENING, null, null);
        assertEquals(List.of(CallingRule.Window.LEGAL), noUseCase.breaches().stream().map(CallingRule.Breach::window).toList());
    }

    @Test
    void theNextTimeACallMayRingIsWhenBothWindowsAreOpen() {
        assertEquals(Optional.of(Instant.parse("2026-12-02T14:00:00Z")), RULE.nextAllowed(phone("+12125550100"), EVENING, REMINDER),
                "New York opens at 08:00 (13:00 UTC), the reminder's hours at 08:00 in Chicago, an hour later");
        assertEquals(Optional.of(Instant.parse("2026-12-02T16:00:00Z")), RULE.nextAllowed(phone("+14155550125"), EVENING, REMINDER),
                "the reminder's hours open at 06:00 in San Francisco; the legal window at 08:00 there");
        assertEquals(Optional.of(Instant.parse("2026-12-02T13:00:00Z")), RULE.nextAllowed(phone("+12125550100"), EVENING, null));
        Instant noon = Instant.parse("2026-12-01T18:00:00Z");
        assertEquals(Optional.of(noon), RULE.nextAllowed(phone("+14155550125"), noon, REMINDER), "open now: now");
        assertEquals(Optional.empty(), RULE.nextAllowed(phone("+19075550100"), EVENING, null), "whose zone is not known");
        assertEquals(Optional.empty(), RULE.nextAllowed(phone("not a number"), EVENING, null));
    }

    @Test
    void aPrefixSpanningZonesAsksAndIsNotAllowedUntilAnswered() {
        CallingRule.Verdict alaska = RULE.check(phone("+19075550100"), Instant.parse("2026-12-01T18:00:00Z"), null, null);
        assertNull(alaska.calleeTime());
        assertEquals(List.of(ZoneId.of("America/Adak"), ZoneId.of("America/Anchorage")), alaska.zoneChoices());
        assertFalse(alaska.allowed(), "a bulk run holds the row back until the zone is known");
        CallingRule.Verdict chosen = RULE.check(phone("+19075550100"), Instant.parse("2026-12-01T18:00:00Z"),
                ZoneId.of("America/Anchorage"), null);
        assertTrue(chosen.allowed(), "09:00 in Anchorage");
        CallingRule.Verdict notAChoice = RULE.check(phone("+19075550100"), Instant.parse("2026-12-01T18:00:00Z"),
                ZoneId.of("Europe/Paris"), null);
        assertNull(notAChoice.calleeTime(), "a zone the number cannot be in is not taken");
    }

    @Test
    void useCaseHoursTheRuleCannotReadAreLeftToTheLegalWindow() {
        UseCase unreadable = new UseCase("u", "Odd", "en-US", 5, "America/Chicago", "8am", "8pm", null, null, null);
        assertEquals(Optional.empty(), CallingRule.UseCaseHours.of(unreadable));
        UseCase unknownZone = new UseCase("u", "Odd", "en-US", 5, "Mars/Olympus", "08:00", "20:00", null, null, null);
        assertEquals(Optional.empty(), CallingRule.UseCaseHours.of(unknownZone));
        assertTrue(RULE.check(phone("+14155550125"), EVENING, null, unreadable).allowed());
    }

    @Test
    void zonesReadAsPeopleSayThem() {
        Instant winter = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals("Pacific Time — Los Angeles (UTC−08:00)", ZoneNames.label(ZoneId.of("America/Los_Angeles"), winter));
        assertEquals("India Time — Kolkata (UTC+05:30)", ZoneNames.label(ZoneId.of("Asia/Kolkata"), winter));
        assertEquals("Pacific Time — Los Angeles (UTC−07:00)",
                ZoneNames.label(ZoneId.of("America/Los_Angeles"), Instant.parse("2026-07-01T12:00:00Z")));
        assertEquals("Buenos Aires, Argentina Time", ZoneNames.shortLabel(ZoneId.of("America/Argentina/Buenos_Aires"), winter));
        List<ZoneId> choices = ZoneNames.choices(winter, ZoneId.of("Etc/GMT+5"));
        assertTrue(choices.contains(ZoneId.of("Etc/GMT+5")), "the operator's own zone is always offered");
        assertFalse(choices.contains(ZoneId.of("US/Pacific")), "aliases are left out");
        assertTrue(choices.indexOf(ZoneId.of("America/Los_Angeles")) < choices.indexOf(ZoneId.of("Europe/Berlin")),
                "west to east");
    }
}
