package org.dialdesk.domain;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Reads the forms most files write numbers in ("+14155550123", "+1 (415) 555-0123",
 * "(415) 555-0123", "415.555.0123", "1-415-555-0123": digits, spaces, brackets, dashes and dots,
 * with or without a leading +) into the number libphonenumber's parse makes of them, without its general parser.
 * That parser looks for letters, extensions, a second number and more, each by a large pattern,
 * and was a third of a bulk preview's check once the rest was quick.
 *
 * <p>A number whose reading depends on a prefix rule is left to the library (null): an
 * international prefix (011…), a trunk prefix (0…), the country code written without + where
 * it is not plainly one, a country code that does not exist, too few or too many digits. What is read here follows the
 * library's steps for these forms exactly; {@code PlainNumbersTest} holds it to the library's
 * parse for numbers of every country in every form.
 */
final class PlainNumbers {
    /** The library's limits: the longest input it reads, and a national number's shortest and longest. */
    private static final int LONGEST_INPUT = 250;
    private static final int SHORTEST_NATIONAL = 2;
    private static final int LONGEST_NATIONAL = 17;
    private static final String NON_GEOGRAPHIC = "001";

    private final PhoneNumberUtil util;

    PlainNumbers(PhoneNumberUtil util) {
        this.util = util;
    }

    /** The number the library's parse reads {@code input} as in {@code region}; null when it is left to the library. */
    PhoneNumber read(String input, String region) {
        int length = input.length();
        if (length == 0 || length > LONGEST_INPUT) {
            return null;
        }
        boolean plus = input.charAt(0) == '+';
        StringBuilder digits = new StringBuilder(length);
        for (int i = plus ? 1 : 0; i < length; i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '(' && c != ')' && c != '-' && c != '.') {
                return null;
            }
        }
        if (digits.length() < 3) {
            return null; // the library's "is this a phone number at all" needs three digits
        }
        return plus ? international(digits.toString()) : national(digits.toString(), region);
    }

    /** After +: the country code (1-3 digits, the first that exists), then the national number. */
    private PhoneNumber international(String digits) {
        if (digits.charAt(0) == '0') {
            return null;
        }
        for (int i = 1; i <= 3; i++) {
            int countryCode = Integer.parseInt(digits, 0, i, 10);
            List<String> regions = CountryRules.regionsOf(countryCode);
            if (!regions.isEmpty()) {
                String region = regions.get(0); // the main region, as the library's getRegionCodeForCountryCode
                PhoneMetadata rules = NON_GEOGRAPHIC.equals(region)
                        ? CountryRules.ofNonGeographic(countryCode) : CountryRules.ofRegion(region);
                return withNational(countryCode, digits.substring(i), rules);
            }
        }
        return null;
    }

    /** Without +: the region's number, unless it starts with what the region dials abroad; see {@link #afterCountryCode}. */
    private PhoneNumber national(String digits, String region) {
        PhoneMetadata rules = util.getSupportedRegions().contains(region) ? CountryRules.ofRegion(region) : null;
        if (rules == null) {
            return null;
        }
        String internationalPrefix = rules.getInternationalPrefix();
        if (internationalPrefix.isEmpty() || ThreadMatchers.of(internationalPrefix, digits).lookingAt()) {
            return null;
        }
        String countryCode = Integer.toString(rules.getCountryCode());
        return digits.startsWith(countryCode) ? afterCountryCode(digits, countryCode, region, rules)
                : withNational(rules.getCountryCode(), digits, rules);
    }

    /**
     * Digits that start with the region's own country code ("1 415 555 0123" in the US): the library
     * takes those digits for the country code when the number is not a valid one with them and is
     * without them, or is too long with them. Otherwise it reads them as part of the number or as a
     * trunk prefix, and so does the library here (null), as it does when a trunk prefix follows them.
     */
    private PhoneNumber afterCountryCode(String digits, String countryCode, String region, PhoneMetadata rules) {
        String rest = digits.substring(countryCode.length());
        String trunkPrefix = rules.getNationalPrefixForParsing();
        PhoneNumberDesc general = rules.getGeneralDesc();
        List<Integer> lengths = general.getPossibleLengthList();
        if (rest.isEmpty() || lengths.isEmpty() || (!trunkPrefix.isEmpty() && ThreadMatchers.of(trunkPrefix, rest).lookingAt())) {
            return null;
        }
        boolean stripped = (!matchesWhole(general, digits) && matchesWhole(general, rest)) || tooLong(digits.length(), general);
        if (!stripped) {
            return null;
        }
        // Read by the rules of the country code's main region (the US for +1 read in Canada), as after a +.
        String main = CountryRules.regionsOf(rules.getCountryCode()).get(0);
        return withNational(rules.getCountryCode(), rest, main.equals(region) ? rules : CountryRules.ofRegion(main));
    }

    /** The library's "matches the national number pattern" (an empty pattern matches nothing). */
    private static boolean matchesWhole(PhoneNumberDesc desc, String number) {
        String pattern = desc.getNationalNumberPattern();
        return !pattern.isEmpty() && ThreadMatchers.of(pattern, number).matches();
    }

    /** The library's length test, as it answers "too long" for a number of no particular type. */
    private static boolean tooLong(int length, PhoneNumberDesc general) {
        List<Integer> lengths = general.getPossibleLengthList();
        if (lengths.get(0) == -1 || general.getPossibleLengthLocalOnlyList().contains(length) || lengths.get(0) >= length) {
            return false;
        }
        return lengths.get(lengths.size() - 1) < length;
    }

    private PhoneNumber withNational(int countryCode, String national, PhoneMetadata rules) {
        if (rules == null || national.length() < SHORTEST_NATIONAL || national.length() > LONGEST_NATIONAL) {
            return null;
        }
        String trunkPrefix = rules.getNationalPrefixForParsing();
        if (!trunkPrefix.isEmpty() && ThreadMatchers.of(trunkPrefix, national).lookingAt()) {
            return null;
        }
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCode);
        // The library's "Italian leading zeros": zeros that are part of the national number, not a trunk prefix.
        if (national.length() > 1 && national.charAt(0) == '0') {
            number.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros != 1) {
                number.setNumberOfLeadingZeros(zeros);
            }
        }
        return number.setNationalNumber(Long.parseLong(national));
    }
}
