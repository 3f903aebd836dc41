package org.dialdesk.domain;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of checking a column of numbers, kept by row in a few arrays (about 18 bytes a
 * row) and made again when asked for. A bulk preview is planned again at every change the
 * operator makes (a row left out, a cell fixed, a column remapped); checking 100,000 numbers again
 * took most of each such re-plan, and keeping the results as objects would hold about 23 MB.
 * Made again, a result is the same as the check's: the parsed number is rebuilt from the fields
 * the check set and formatted by the same rules.
 */
public final class CheckedPhones {
    private static final byte NOT_KEPT = 0;
    private static final byte PROBLEM = 1;
    /** Kinds from here on are a number of type {@code kind - FIRST_TYPE}. */
    private static final byte FIRST_TYPE = 2;
    private static final PhoneNumberType[] TYPES = PhoneNumberType.values();

    private final long[] nationalNumbers;
    private final short[] countryCodes;
    private final byte[] kinds;
    /** For numbers read with an Italian-style leading zero, how many zeros; 0 otherwise. */
    private final byte[] leadingZeros;
    /** Each problem row's message; the messages are few and shared. */
    private final String[] problems;
    private final Map<String, String> sharedMessages = new HashMap<>();
    /** Each row's zones by its prefix (see {@link CalleeZones}), as 1 + its place in {@code zoneLists}; 0 when not looked up. */
    private final short[] zonesAt;
    /** The distinct zone lists met: a few dozen for a country's numbers. */
    private final List<List<ZoneId>> zoneLists = new ArrayList<>();
    private final Map<List<ZoneId>, Short> zoneListAt = new HashMap<>();

    public CheckedPhones(int rows) {
        nationalNumbers = new long[rows];
        countryCodes = new short[rows];
        kinds = new byte[rows];
        leadingZeros = new byte[rows];
        problems = new String[rows];
        zonesAt = new short[rows];
    }

    public int size() {
        return kinds.length;
    }

    /**
     * Keeps the result for a row. A number the check read with more than these fields (an
     * extension, say) is not kept: it is checked again when next asked for, rather than kept wrongly.
     */
    public void put(int row, PhoneCheck.Result result) {
        if (!result.ok()) {
            problems[row] = sharedMessages.computeIfAbsent(result.problem(), message -> message);
            kinds[row] = PROBLEM;
            return;
        }
        PhoneNumber number = PhoneCheck.parsedOf(result);
        PhoneNumberType type = PhoneCheck.typeOf(result);
        boolean plain = number != null && type != null && !number.hasExtension() && !number.hasRawInput()
                && !number.hasCountryCodeSource() && !number.hasPreferredDomesticCarrierCode()
                && number.getCountryCode() > 0 && number.getCountryCode() <= Short.MAX_VALUE
                && number.getNumberOfLeadingZeros() <= Byte.MAX_VALUE;
        if (!plain) {
            kinds[row] = NOT_KEPT;
            return;
        }
        nationalNumbers[row] = number.getNationalNumber();
        countryCodes[row] = (short) number.getCountryCode();
        leadingZeros[row] = number.isItalianLeadingZero() ? (byte) number.getNumberOfLeadingZeros() : 0;
        kinds[row] = (byte) (FIRST_TYPE + type.ordinal());
        List<ZoneId> zones = PhoneCheck.prefixZonesOf(result);
        if (zones != null && (zoneListAt.containsKey(zones) || zoneLists.size() < Short.MAX_VALUE)) {
            zonesAt[row] = zoneListAt.computeIfAbsent(zones, list -> {
                zoneLists.add(list);
                return (short) zoneLists.size();
            });
        }
    }

    /** The row's result as the check gave it, made on {@code checker}'s rules; null when it was not kept. */
    public PhoneCheck.Result get(int row, PhoneCheck.Checker checker) {
        byte kind = kinds[row];
        if (kind == NOT_KEPT) {
            return null;
        }
        if (kind == PROBLEM) {
            return PhoneCheck.Result.problem(problems[row]);
        }
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCodes[row]).setNationalNumber(nationalNumbers[row]);
        if (leadingZeros[row] > 0) {
            number.setItalianLeadingZero(true);
            if (leadingZeros[row] > 1) {
                number.setNumberOfLeadingZeros(leadingZeros[row]);
            }
        }
        PhoneCheck.Result result = checker.rebuilt(number, TYPES[kind - FIRST_TYPE]);
        if (zonesAt[row] > 0) {
            PhoneCheck.keepPrefixZones(result, zoneLists.get(zonesAt[row] - 1));
        }
        return result;
    }
}
