package org.dialdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kept result is the check's own: the same number, type, E.164, country and problem. */
class CheckedPhonesTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final PhoneCheck.Checker checker = new PhoneCheck.Checker();

    @Test
    void everyCountrysExampleNumbersOfEveryTypeComeBackAsChecked() {
        List<String> inputs = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    inputs.add(UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
                    inputs.add(UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.NATIONAL));
                }
            }
        }
        assertTrue(inputs.size() > 2_000, inputs.size() + " example numbers");
        assertEquals(inputs.size(), keepsAsChecked(inputs, "DE"), "none has an extension: every one is kept");
    }

    @Test
    void leadingZerosProblemsAndOddInputComeBackAsChecked() {
        // Italian numbers keep their leading zero; the rest are problems of each kind and odd ways of writing.
        keepsAsChecked(List.of("+39 06 6982 0001", "+39 02 1234 5678", "+39 0000 12345", "+225 01 23 45 67 89",
                "", "  ", "n/a", "+999 123", "+1 555", "0044 20 7946 0000", "1-800-FLOWERS", "+1 415 555 0125 ext. 12",
                "+1 (415) 555-0125", "415.555.0125", "020 7946 0018"), "US");
    }

    @Test
    void aNumberReadWithAnExtensionIsNotKeptSoItIsCheckedAgain() {
        CheckedPhones phones = new CheckedPhones(1);
        PhoneCheck.Result withExtension = checker.check("+1 415 555 0125 ext. 12", null);
        assertTrue(withExtension.ok());
        phones.put(0, withExtension);
        assertNull(phones.get(0, checker));
    }

    @Test
    void theZonesLookedUpForANumberAreKeptWithIt() {
        CalleeZones zones = CalleeZones.load();
        CheckedPhones phones = new CheckedPhones(3);
        PhoneCheck.Result sanFrancisco = checker.check("+1 415 555 0125", null);
        PhoneCheck.Result newYork = checker.check("+1 212 555 0100", null);
        zones.zonesFor(sanFrancisco);
        phones.put(0, sanFrancisco);
        phones.put(1, newYork); // its zones not looked up yet
        phones.put(2, sanFrancisco);

        assertEquals(List.of(java.time.ZoneId.of("America/Los_Angeles")), PhoneCheck.prefixZonesOf(phones.get(0, checker)));
        assertEquals(PhoneCheck.prefixZonesOf(phones.get(0, checker)), PhoneCheck.prefixZonesOf(phones.get(2, checker)));
        PhoneCheck.Result newYorkAgain = phones.get(1, checker);
        assertNull(PhoneCheck.prefixZonesOf(newYorkAgain));
        assertEquals(List.of(java.time.ZoneId.of("America/New_York")), zones.zonesFor(newYorkAgain));
    }

    @Test
    void aRowNeverPutIsNotKnown() {
        assertNull(new CheckedPhones(3).get(2, checker));
    }

    /** Checks each input, keeps it, and compares what comes back; returns how many were kept. */
    private int keepsAsChecked(List<String> inputs, String defaultCountry) {
        CheckedPhones phones = new CheckedPhones(inputs.size());
        List<PhoneCheck.Result> checked = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PhoneCheck.Result result = checker.check(inputs.get(i), defaultCountry);
            checked.add(result);
            phones.put(i, result);
        }
        int kept = 0;
        for (int i = 0; i < inputs.size(); i++) {
            PhoneCheck.Result original = checked.get(i);
            PhoneCheck.Result again = phones.get(i, checker);
            String input = inputs.get(i);
            if (again == null) {
                assertNotNull(PhoneCheck.parsedOf(original), input + ": only a parsed number is ever left out");
                assertTrue(PhoneCheck.parsedOf(original).hasExtension(), input + ": left out without an extension");
                continue;
            }
            kept++;
            assertEquals(original.ok(), again.ok(), input);
            assertEquals(original.e164(), again.e164(), input);
            assertEquals(original.problem(), again.problem(), input);
            assertEquals(original.international(), again.international(), input);
            assertEquals(original.regionCode(), again.regionCode(), input);
            assertEquals(PhoneCheck.typeOf(original), PhoneCheck.typeOf(again), input);
            if (original.ok()) {
                assertTrue(PhoneCheck.parsedOf(original).exactlySameAs(PhoneCheck.parsedOf(again)), input);
            }
        }
        return kept;
    }
}
