package org.dialdesk.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CallFilterTest {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    static HistoryRow row(String id, String created, String status, String campaign, String search) {
        return new HistoryRow(id, Instant.parse(created).toEpochMilli(), status, "+14155550125", "+14155550100",
                "u1", "Reminders", "Ava", null, 30, campaign, null, "en-US", "outbound", search);
    }

    @Test
    void aPhoneTypedWithSpacesAndDashesIsOneTerm() {
        assertArrayEquals(new String[] {"+14155550125"}, CallFilter.searchTerms(" +1 (415) 555-0125 "));
        assertArrayEquals(new String[] {"ada", "mercy"}, CallFilter.searchTerms("Ada  Mercy"));
        assertArrayEquals(new String[0], CallFilter.searchTerms("  "));
    }

    @Test
    void everyFilterNarrowsAndDatesAreWholeDaysInTheOperatorsZone() {
        HistoryRow lateMonday = row("a", "2026-06-16T04:30:00Z", "Completed", "q4", "ada +14155550125"); // Mon 23:30 Chicago
        HistoryRow tuesday = row("b", "2026-06-16T15:00:00Z", "Busy", "", "bob");
        CallFilter monday = CallFilter.of(List.of(), "", "", "", LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 15), "");
        Predicate<HistoryRow> passes = monday.predicate(CHICAGO);
        assertTrue(passes.test(lateMonday));
        assertFalse(passes.test(tuesday));
        assertFalse(CallFilter.of(List.of("Busy"), "", "", "", null, null, "").predicate(CHICAGO).test(lateMonday));
        assertFalse(CallFilter.of(List.of(), "", "", "", null, null, "ada bob").predicate(CHICAGO).test(lateMonday),
                "two words: both must be in the row");
        assertTrue(CallFilter.of(List.of(), "", "q4", "", null, null, "(415) 555-0125").predicate(CHICAGO).test(lateMonday));
        assertTrue(CallFilter.NONE.predicate(CHICAGO).test(tuesday));
    }

}
