package org.dialdesk.domain;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The kind of a parsed number (fixed line, mobile, toll-free…) and the country it belongs to,
 * found by libphonenumber's rules in libphonenumber's order, once.
 *
 * <p>Why not {@code getNumberType}: for a country code several countries share (+1 has 25), it
 * finds the country by typing the number against each one's patterns, then types it again for
 * the answer; and every pattern it tries makes a new matcher. Those two were a third of checking
 * a 100,000-row file's numbers. Here the country's type is kept from the search, and each thread
 * matches with matchers of its own, reset for each number. {@code NumberKindsTest} holds the
 * answers to the library's own for numbers of every country.
 */
final class NumberKinds {
    /** What the library calls the country of a number of no country (+800, +882…). */
    private static final String NON_GEOGRAPHIC = "001";

    /** The region of the number (null when no country's rules fit it) and its kind, UNKNOWN when not a valid number. */
    record Kind(String region, PhoneNumberType type) {
    }

    private static final Kind NONE = new Kind(null, PhoneNumberType.UNKNOWN);

    private final PhoneNumberUtil util;

    NumberKinds(PhoneNumberUtil util) {
        this.util = util;
    }

    Kind of(PhoneNumber number) {
        int countryCode = number.getCountryCode();
        List<String> regions = CountryRules.regionsOf(countryCode);
        if (regions.isEmpty()) {
            return NONE;
        }
        String national = util.getNationalSignificantNumber(number);
        if (regions.size() == 1) {
            String region = regions.get(0);
            PhoneMetadata rules = NON_GEOGRAPHIC.equals(region)
                    ? CountryRules.ofNonGeographic(countryCode) : CountryRules.ofRegion(region);
            return rules == null ? new Kind(region, PhoneNumberType.UNKNOWN) : new Kind(region, typeIn(national, rules));
        }
        for (String region : regions) {
            PhoneMetadata rules = CountryRules.ofRegion(region);
            if (rules.hasLeadingDigits()) {
                if (ThreadMatchers.of(rules.getLeadingDigits(), national).lookingAt()) {
                    return new Kind(region, typeIn(national, rules));
                }
            } else {
                PhoneNumberType type = typeIn(national, rules);
                if (type != PhoneNumberType.UNKNOWN) {
                    return new Kind(region, type);
                }
            }
        }
        return NONE;
    }

    /** The kinds a number is tested for before fixed line and mobile, in the library's order. */
    private static final List<Map.Entry<Function<PhoneMetadata, PhoneNumberDesc>, PhoneNumberType>> SPECIAL_KINDS = List.of(
            Map.entry(PhoneMetadata::getPremiumRate, PhoneNumberType.PREMIUM_RATE),
            Map.entry(PhoneMetadata::getTollFree, PhoneNumberType.TOLL_FREE),
            Map.entry(PhoneMetadata::getSharedCost, PhoneNumberType.SHARED_COST),
            Map.entry(PhoneMetadata::getVoip, PhoneNumberType.VOIP),
            Map.entry(PhoneMetadata::getPersonalNumber, PhoneNumberType.PERSONAL_NUMBER),
            Map.entry(PhoneMetadata::getPager, PhoneNumberType.PAGER),
            Map.entry(PhoneMetadata::getUan, PhoneNumberType.UAN),
            Map.entry(PhoneMetadata::getVoicemail, PhoneNumberType.VOICEMAIL));

    /** The library's getNumberTypeHelper: the first description the number fits, in its order. */
    private PhoneNumberType typeIn(String national, PhoneMetadata rules) {
        if (!fits(national, rules.getGeneralDesc())) {
            return PhoneNumberType.UNKNOWN;
        }
        for (Map.Entry<Function<PhoneMetadata, PhoneNumberDesc>, PhoneNumberType> kind : SPECIAL_KINDS) {
            if (fits(national, kind.getKey().apply(rules))) {
                return kind.getValue();
            }
        }
        if (fits(national, rules.getFixedLine())) {
            return rules.getSameMobileAndFixedLinePattern() || fits(national, rules.getMobile())
                    ? PhoneNumberType.FIXED_LINE_OR_MOBILE : PhoneNumberType.FIXED_LINE;
        }
        if (!rules.getSameMobileAndFixedLinePattern() && fits(national, rules.getMobile())) {
            return PhoneNumberType.MOBILE;
        }
        return PhoneNumberType.UNKNOWN;
    }

    /** The library's isNumberMatchingDesc: a length the description allows, and the whole number matching its pattern. */
    private boolean fits(String national, PhoneNumberDesc desc) {
        List<Integer> lengths = desc.getPossibleLengthList();
        if (!lengths.isEmpty() && !lengths.contains(national.length())) {
            return false;
        }
        String pattern = desc.getNationalNumberPattern();
        return !pattern.isEmpty() && ThreadMatchers.of(pattern, national).matches();
    }
}
