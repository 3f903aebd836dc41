package org.dialdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefixZonesTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final CalleeZones zones = CalleeZones.load();

    @Test
    void theTableGivesTheLibrarysZonesForNumbersOfEveryCountryAndKind() {
        Set<List<ZoneId>> answers = new HashSet<>();
        int compared = 0;
        for (PhoneNumber number : numbers()) {
            PhoneNumberType type = UTIL.getNumberType(number);
            if (type == PhoneNumberType.UNKNOWN) {
                continue;
            }
            List<ZoneId> expected = CalleeZones.byLibrary(number, UTIL.isNumberGeographical(type, number.getCountryCode()));
            assertEquals(expected, zones.lookUp(number, type), "+" + number.getCountryCode() + " "
                    + UTIL.getNationalSignificantNumber(number) + " (" + type + ")");
            answers.add(expected);
            compared++;
        }
        // Many numbers, and many different answers: one zone, several, none, a country's.
        assertTrue(compared > 3_000 && answers.size() > 200, compared + " numbers, " + answers.size() + " answers");
    }

    @Test
    void theLongestPrefixTheDataHasDecides() {
        PrefixZones table = PrefixZones.read(ZoneId.getAvailableZoneIds()).orElseThrow();
        assertEquals(List.of(ZoneId.of("America/Los_Angeles")), table.zonesOf(14155550123L));
        assertEquals(List.of(ZoneId.of("America/New_York")), table.zonesOf(12125550123L));
        assertTrue(table.zonesOf(1L).size() > 20, "+1 alone is the whole plan's zones");
        assertEquals(List.of(), table.zonesOf(999L));
    }

    /** Every country's example numbers of every kind, numbers near them, and random numbers under shared codes. */
    private static List<PhoneNumber> numbers() {
        List<PhoneNumber> numbers = new java.util.ArrayList<>();
        Random random = new Random(5);
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : UTIL.getSupportedTypesForRegion(region)) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                numbers.add(example);
                long national = example.getNationalNumber();
                for (int i = 0; i < 3; i++) {
                    long last = (long) Math.pow(10, Math.max(1, Long.toString(national).length() - 4));
                    numbers.add(new PhoneNumber().mergeFrom(example).setNationalNumber(
                            national - national % last + (long) (random.nextDouble() * last)));
                }
            }
        }
        for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            numbers.add(UTIL.getExampleNumberForNonGeoEntity(code));
        }
        for (int i = 0; i < 2_000; i++) {
            numbers.add(new PhoneNumber().setCountryCode(1).setNationalNumber(2_000_000_000L + (long) (random.nextDouble() * 7_999_999_999L)));
        }
        return numbers;
    }
}
