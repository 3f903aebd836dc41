package org.dialdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhoneCheckTest {

    @Test
    void aNumberOfACountrySharingItsCodeIsPlacedInItsOwnCountry() {
        PhoneCheck.Result toronto = PhoneCheck.check("+1 416 555 0100", null);
        PhoneCheck.Result sanFrancisco = PhoneCheck.check("(415) 555-0125", "US");

        assertTrue(toronto.ok());
        assertEquals("+14165550100", toronto.e164());
        assertEquals("CA", toronto.regionCode());
        assertEquals("Canada", toronto.countryName());
        assertEquals("US", sanFrancisco.regionCode());
        assertEquals("+1 415-555-0125 · United States", sanFrancisco.summary());
    }

    @Test
    void aCheckerOfItsOwnReadsNumbersAsTheSharedRulesDo() {
        PhoneCheck.Checker checker = new PhoneCheck.Checker();
        for (String number : new String[] {"+442079460000", "+14165550100", "030 1234567", "+80012345678", "+1 555"}) {
            PhoneCheck.Result shared = PhoneCheck.check(number, "DE");
            PhoneCheck.Result own = checker.check(number, "DE");
            assertEquals(shared, own, number);
            assertEquals(shared.regionCode(), own.regionCode(), number);
            assertEquals(shared.countryName(), own.countryName(), number);
        }
    }

    @Test
    void aNumberOfNoOneCountryIsInternational() {
        PhoneCheck.Result freephone = PhoneCheck.check("+800 1234 5678", null);

        assertTrue(freephone.ok());
        assertEquals("001", freephone.regionCode());
        assertEquals("international", freephone.countryName());
    }

    @Test
    void whatIsNotANumberSaysWhyAndHasNoCountry() {
        PhoneCheck.Result wrongDigits = PhoneCheck.check("+1 415 123 4567", null);
        PhoneCheck.Result noCountry = PhoneCheck.check("0301234567", null);
        PhoneCheck.Result notValidHere = PhoneCheck.check("123", "GB");

        assertFalse(wrongDigits.ok());
        assertEquals("Not a valid number for country code +1; check the digits.", wrongDigits.problem());
        assertNull(wrongDigits.regionCode());
        assertNull(wrongDigits.countryName());
        assertEquals("", wrongDigits.summary());
        assertTrue(noCountry.problem().startsWith("Start with + and the country code"), noCountry.problem());
        assertTrue(notValidHere.problem().contains("United Kingdom"), notValidHere.problem());
    }
}
