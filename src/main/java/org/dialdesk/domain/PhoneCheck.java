package org.dialdesk.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * The callee number as typed, checked with libphonenumber: national formats are read in the
 * default country, the result is E.164, and problems are explained.
 */
public final class PhoneCheck {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final NumberKinds KINDS = new NumberKinds(UTIL);
    private static final PlainNumbers PLAIN = new PlainNumbers(UTIL);

    private static final java.util.Map<String, String> COUNTRY_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The number as read: {@code e164} and {@code regionCode} are set when {@code problem} is null.
     * The international form is made when first asked for: a bulk preview reads 100,000 numbers and
     * shows few of them.
     */
    public static final class Result {
        private final PhoneNumber number;
        private final PhoneNumberUtil.PhoneNumberType type;
        private final String e164;
        private final String problem;
        /** The rules the number was read with, for its country when that is asked for. */
        private final PhoneNumberUtil util;
        private volatile String international;
        private volatile String regionCode;
        /**
         * The zones the number's prefix is used in, kept by {@link CalleeZones} once looked up: a
         * bulk preview asks for every row's at each plan, and the look-up was a third of a re-plan.
         */
        private volatile java.util.List<java.time.ZoneId> prefixZones;

        private Result(PhoneNumber number, PhoneNumberUtil.PhoneNumberType type, String e164, PhoneNumberUtil util,
                       String problem) {
            this.number = number;
            this.type = type;
            this.e164 = e164;
            this.util = util;
            this.problem = problem;
        }

        static Result problem(String message) {
            return new Result(null, null, null, null, message);
        }

        public boolean ok() {
            return problem == null;
        }

        public String e164() {
            return e164;
        }

        /** "+1 415-555-0125"; null for a number that is not one. */
        public String international() {
            String shown = international;
            if (shown == null && number != null) {
                shown = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
                international = shown;
            }
            return shown;
        }

        /**
         * "US", "CA"; null for a number that is not one. The check finds it with the number's type;
         * a result made again from kept fields (see {@link CheckedPhones}) works it out when first
         * asked for: among the countries sharing a code (+1 has 25) that means matching the number
         * against each one's patterns, and few numbers are asked for theirs.
         */
        public String regionCode() {
            String region = regionCode;
            if (region == null && number != null) {
                region = util.getRegionCodeForNumber(number);
                regionCode = region;
            }
            return region;
        }

        /** "United States"; "international" for numbers of no one country; null for a number that is not one. */
        public String countryName() {
            return number == null ? null : PhoneCheck.countryName(regionCode());
        }

        public String problem() {
            return problem;
        }

        /** "+1 415-555-0125 · United States", for showing under the field. */
        public String summary() {
            return ok() ? international() + " · " + countryName() : "";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Result that && java.util.Objects.equals(e164, that.e164)
                    && java.util.Objects.equals(problem, that.problem);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(e164, problem);
        }

        @Override
        public String toString() {
            return ok() ? "PhoneCheck.Result[" + e164 + "]" : "PhoneCheck.Result[problem=" + problem + "]";
        }
    }

    private PhoneCheck() {
    }

    /**
     * Reads every country's numbering rules now (about 0.15 s, 0.7 MB). The library reads a
     * country's rules the first time it meets one of its numbers: call this off the UI thread, so
     * that the history's first rows, with numbers from many countries, are not where that happens.
     */
    public static void loadAllCountries() {
        UTIL.getSupportedRegions().forEach(UTIL::getExampleNumber);
        UTIL.getSupportedGlobalNetworkCallingCodes().forEach(UTIL::getExampleNumberForNonGeoEntity);
        check("+14155550100", null);
    }

    /** Whether this is a country code the numbering rules know (two letters: US, GB, DE…). */
    public static boolean isKnownCountry(String regionCode) {
        return regionCode != null && UTIL.getSupportedRegions().contains(regionCode.toUpperCase(Locale.ROOT));
    }

    public static Result check(String input, String defaultRegion) {
        return check(input, defaultRegion, UTIL, KINDS, PLAIN);
    }

    /**
     * Checks numbers on a copy of the numbering rules of its own, for one thread of work that checks
     * many at once (a bulk preview checks a file's numbers in parts, a checker each). The library's
     * shared instance takes one lock for every pattern it looks up, so two cores checked a file's
     * numbers no faster than one (100,000 numbers: 1.1-1.8 s shared, 0.7 s with a copy each). A
     * checker reads the rules of the countries it meets, and keeps them while it is kept. The
     * common forms it reads, and the kinds of number it finds, follow the same rules from the same
     * files (see {@link PlainNumbers} and {@link NumberKinds}), matched on each thread's own matchers.
     */
    public static final class Checker {
        private final PhoneNumberUtil util = PhoneNumberUtil.createInstance(
                new com.google.i18n.phonenumbers.metadata.init.ClassPathResourceMetadataLoader());
        private final NumberKinds kinds = new NumberKinds(util);
        private final PlainNumbers plain = new PlainNumbers(util);

        /** As {@link PhoneCheck#check(String, String)}; safe on several threads, fast on one. */
        public Result check(String input, String defaultRegion) {
            return PhoneCheck.check(input, defaultRegion, util, kinds, plain);
        }

        /** A result this checker gave before, from the number and type it found (see {@link CheckedPhones}). */
        Result rebuilt(PhoneNumber number, PhoneNumberUtil.PhoneNumberType type) {
            return new Result(number, type, util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), util, null);
        }
    }

    private static Result check(String input, String defaultRegion, PhoneNumberUtil util, NumberKinds kinds,
                                PlainNumbers plain) {
        if (input == null || input.isBlank()) {
            return Result.problem("Enter the number to call.");
        }
        String region = defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT);
        PhoneNumber number = plain.read(input.strip(), region);
        try {
            if (number == null) {
                number = util.parse(input.strip(), region);
            }
        } catch (NumberParseException e) {
            return Result.problem(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> input.strip().startsWith("+")
                        ? "That country code does not exist; check the digits after +."
                        : "Start with + and the country code, e.g. +14155550123 (no default country is set).";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "Too short for a phone number.";
                case TOO_LONG -> "Too long for a phone number.";
                default -> "Not a phone number: use digits, optionally starting with + and the country code.";
            });
        }
        // A number of no known type is exactly one isValidNumber refuses. Asking for the type rather
        // than validity gives the time-zone look-up what it needs too: it asked for the type again,
        // and matching the number against its country's patterns is most of a bulk preview's time.
        NumberKinds.Kind kind = kinds.of(number);
        PhoneNumberUtil.PhoneNumberType type = kind.type();
        if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
            if (!input.strip().startsWith("+")) {
                return Result.problem("Not a valid " + countryName(region) + " number (numbers without + are read as "
                        + countryName(region) + "). For another country, start with + and its code.");
            }
            String numberRegion = util.getRegionCodeForNumber(number);
            return Result.problem(numberRegion == null
                    ? "Not a valid number for country code +" + number.getCountryCode() + "; check the digits."
                    : "Not a valid " + countryName(numberRegion) + " number; check the digits.");
        }
        Result valid = new Result(number, type, util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), util, null);
        valid.regionCode = kind.region(); // found with the type: the library would search the countries again
        return valid;
    }

    /**
     * The digits of a number as dialled within its own country when they are not already part of
     * its E.164 form: "03012345678" for +493012345678 (the trunk 0 in front), null for
     * +14155550123 (whose national digits 4155550123 are). Lets a search typed the national way find it.
     */
    public static String nationalDigits(String e164) {
        if (e164 == null || !e164.startsWith("+")) {
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(e164, "ZZ");
            String digits = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("\\D", "");
            return digits.isEmpty() || e164.contains(digits) ? null : digits;
        } catch (NumberParseException e) {
            return null;
        }
    }

    static String countryName(String regionCode) {
        if (regionCode == null || regionCode.equals("ZZ") || regionCode.equals("001")) {
            return "international";
        }
        return COUNTRY_NAMES.computeIfAbsent(regionCode, code -> new Locale("", code).getDisplayCountry(Locale.ENGLISH));
    }

    /** The parsed number behind a result, for the time-zone look-up; null when it is not one. */
    static PhoneNumber parsedOf(Result result) {
        return result.number;
    }

    /** The zones {@link CalleeZones} found for the number's prefix, or null when not looked up yet. */
    static java.util.List<java.time.ZoneId> prefixZonesOf(Result result) {
        return result.prefixZones;
    }

    static void keepPrefixZones(Result result, java.util.List<java.time.ZoneId> zones) {
        result.prefixZones = zones;
    }

    /** The kind of number (fixed line, mobile, toll-free…) behind a result; null when it is not one. */
    static PhoneNumberUtil.PhoneNumberType typeOf(Result result) {
        return result.type;
    }
}
