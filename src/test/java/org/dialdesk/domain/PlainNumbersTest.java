package org.dialdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainNumbersTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final PlainNumbers plain = new PlainNumbers(UTIL);

    @Test
    void whatItReadsIsWhatTheLibraryReadsForNumbersOfEveryCountryInEveryForm() {
        int read = 0;
        int all = 0;
        for (String[] written : writtenNumbers()) {
            String input = written[0];
            String region = written[1];
            PhoneNumber mine = plain.read(input, region);
            all++;
            if (mine == null) {
                continue;
            }
            read++;
            try {
                assertEquals(UTIL.parse(input, region), mine, input + " in " + region);
            } catch (NumberParseException e) {
                fail(input + " in " + region + " was read as " + mine + "; the library refuses it: " + e.getMessage());
            }
        }
        // Most numbers as files write them are read here; the rest go to the library.
        assertTrue(read > all / 3, read + " of " + all + " read here");
    }

    /**
     * Written at random the way files and people write numbers (odd brackets, dots, dashes at
     * either end, + then punctuation, a trunk or international prefix, the country code without +,
     * too few or too many digits), in every region: what is read here is always the library's.
     */
    @Test
    void numbersWrittenAtRandomInEveryRegionAreReadAsTheLibraryReadsThem() {
        List<String> regions = new ArrayList<>(new java.util.TreeSet<>(UTIL.getSupportedRegions()));
        List<String> readIn = new ArrayList<>(regions);
        readIn.addAll(List.of("ZZ", "001"));
        Random random = new Random(23);
        int read = 0;
        for (int i = 0; i < 60_000; i++) {
            String region = readIn.get(random.nextInt(readIn.size()));
            String input = scribbled(random, regions, region);
            PhoneNumber mine = plain.read(input, region);
            if (mine == null) {
                continue;
            }
            read++;
            try {
                assertEquals(UTIL.parse(input, region), mine, "[" + input + "] in " + region);
            } catch (NumberParseException e) {
                fail("[" + input + "] in " + region + " was read as " + mine + "; the library refuses it: " + e.getMessage());
            }
        }
        assertTrue(read > 10_000, read + " read here");
    }

    /**
     * The reading here follows libphonenumber's parse step by step as of this version. Another
     * version may read numbers otherwise: check it against PlainNumbers (the tests above, with
     * more random numbers) before moving to it, then change the version here.
     */
    @Test
    void theLibraryIsTheVersionThisReadingWasCheckedAgainst() throws Exception {
        java.util.Properties pom = new java.util.Properties();
        try (var in = PhoneNumberUtil.class.getResourceAsStream(
                "/META-INF/maven/com.googlecode.libphonenumber/libphonenumber/pom.properties")) {
            pom.load(in);
        }
        assertEquals("9.0.23", pom.getProperty("version"));
    }

    private static String scribbled(Random random, List<String> regions, String region) {
        String[] marks = {" ", "-", ".", "(", ")", "((", "..", " - ", "", "", "( ", " )"};
        StringBuilder written = new StringBuilder();
        if (random.nextInt(8) == 0) {
            written.append(marks[random.nextInt(marks.length)]);
        }
        int form = random.nextInt(10);
        if (form < 4) {
            written.append('+');
            if (random.nextInt(4) == 0) {
                written.append(marks[random.nextInt(marks.length)]);
            }
            if (random.nextInt(3) > 0) {
                written.append(UTIL.getCountryCodeForRegion(regions.get(random.nextInt(regions.size()))));
            }
        } else if (form < 7 && UTIL.getSupportedRegions().contains(region)) {
            PhoneNumber example = UTIL.getExampleNumber(region);
            int code = UTIL.getCountryCodeForRegion(region);
            String nationalPrefix = example == null ? "" : UTIL.getNddPrefixForRegion(region, true);
            switch (random.nextInt(3)) {
                case 0 -> written.append(nationalPrefix == null ? "" : nationalPrefix);
                case 1 -> written.append(code);
                default -> written.append(code == 1 ? "011" : "00");
            }
        }
        int digits = 1 + random.nextInt(20);
        for (int d = 0; d < digits; d++) {
            if (random.nextInt(4) == 0) {
                written.append(marks[random.nextInt(marks.length)]);
            }
            written.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
        }
        if (random.nextInt(6) == 0) {
            written.append(marks[random.nextInt(marks.length)]);
        }
        return written.toString().strip();
    }

    @Test
    void formsThatDependOnAPrefixRuleAreLeftToTheLibrary() {
        assertNull(plain.read("011 44 20 7946 0000", "US"), "an international prefix");
        assertNull(plain.read("020 7946 0000", "GB"), "a trunk prefix");
        assertNull(plain.read("1 415 555 012", "US"), "the country code without +, where the number is as possible without it");
        assertNull(plain.read("1 1415 555 0123", "US"), "the country code, then a trunk prefix");
        assertNull(plain.read("+0 415 555 0123", "US"), "no country code starts with 0");
        assertNull(plain.read("+999 415 555 0123", "US"), "a country code that does not exist");
        assertNull(plain.read("415 555 0123 ext. 12", "US"), "an extension");
        assertNull(plain.read("415 555 0123", "ZZ"), "no country to read it in");
        assertNull(plain.read("12", "US"), "too few digits");
    }

    @Test
    void theCommonFormsAreReadHere() {
        PhoneNumber expected = new PhoneNumber().setCountryCode(1).setNationalNumber(4155550123L);
        for (String input : List.of("+14155550123", "+1 (415) 555-0123", "(415) 555-0123", "415.555.0123", "415-555-0123",
                "1-415-555-0123", "1 (415) 555-0123")) {
            assertEquals(expected, plain.read(input, "US"), input);
        }
        // The country code without + in Canada: read by the rules of +1's main region, as the library does.
        assertEquals(expected, plain.read("14155550123", "CA"));
        PhoneNumber rome = plain.read("+39 06 1234 5678", "US");
        assertEquals(new PhoneNumber().setCountryCode(39).setNationalNumber(612345678L).setItalianLeadingZero(true), rome);
    }

    /** Every country's example numbers of every kind, written each way, read in their own country and others. */
    private static List<String[]> writtenNumbers() {
        List<String[]> written = new ArrayList<>();
        Random random = new Random(11);
        String[] punctuation = {" ", "-", ".", "(", ")", ""};
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : UTIL.getSupportedTypesForRegion(region)) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String e164 = UTIL.format(example, PhoneNumberFormat.E164);
                String national = UTIL.format(example, PhoneNumberFormat.NATIONAL);
                String digits = UTIL.getNationalSignificantNumber(example);
                for (String input : List.of(e164, UTIL.format(example, PhoneNumberFormat.INTERNATIONAL), national,
                        national.replaceAll("[^0-9]", ""), digits, "+" + example.getCountryCode() + " (" + digits + ")",
                        example.getCountryCode() + " " + digits, example.getCountryCode() + "-" + national)) {
                    for (String in : List.of(region, "US", "GB", "DE")) {
                        written.add(new String[] {input, in});
                    }
                }
                // The same digits, punctuated at random.
                StringBuilder mixed = new StringBuilder(random.nextBoolean() ? "+" + example.getCountryCode() : "");
                for (char c : digits.toCharArray()) {
                    mixed.append(punctuation[random.nextInt(punctuation.length)]).append(c);
                }
                written.add(new String[] {mixed.toString().strip(), region});
            }
        }
        for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(code);
            written.add(new String[] {UTIL.format(example, PhoneNumberFormat.E164), "US"});
            written.add(new String[] {UTIL.format(example, PhoneNumberFormat.INTERNATIONAL), "FR"});
        }
        for (int i = 0; i < 3_000; i++) {
            StringBuilder digits = new StringBuilder(random.nextInt(4) == 0 ? "+" : "");
            int length = 1 + random.nextInt(19);
            for (int d = 0; d < length; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
                if (random.nextInt(5) == 0) {
                    digits.append(punctuation[random.nextInt(punctuation.length)]);
                }
            }
            written.add(new String[] {digits.toString().strip(), List.of("US", "GB", "DE", "IT", "BR", "IN").get(i % 6)});
        }
        return written;
    }
}
