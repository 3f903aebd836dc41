package org.dialdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NumberKindsTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final NumberKinds kinds = new NumberKinds(UTIL);

    @Test
    void everyCountrysNumbersOfEveryKindGetTheLibrarysCountryAndKind() {
        List<PhoneNumber> numbers = samples();
        int valid = 0;
        for (PhoneNumber number : numbers) {
            NumberKinds.Kind kind = kinds.of(number);
            String what = "+" + number.getCountryCode() + " " + UTIL.getNationalSignificantNumber(number);
            assertEquals(UTIL.getNumberType(number), kind.type(), what);
            assertEquals(UTIL.getRegionCodeForNumber(number), kind.region(), what);
            valid += kind.type() == PhoneNumberType.UNKNOWN ? 0 : 1;
        }
        // The samples hold both: valid numbers of every kind, and numbers near them that are not.
        assertTrue(valid > 2_000 && numbers.size() - valid > 2_000, valid + " valid of " + numbers.size());
    }

    @Test
    void threadsMatchingAtOnceGetTheSameAnswersAsOne() throws Exception {
        List<PhoneNumber> numbers = samples();
        List<NumberKinds.Kind> alone = numbers.stream().map(kinds::of).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<NumberKinds.Kind>>> together = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                together.add(threads.submit(() -> numbers.stream().map(kinds::of).toList()));
            }
            for (Future<List<NumberKinds.Kind>> answers : together) {
                assertEquals(alone, answers.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCountryCodeNoCountryUsesIsNoKind() {
        PhoneNumber number = new PhoneNumber().setCountryCode(999).setNationalNumber(12345678L);
        assertEquals(new NumberKinds.Kind(null, PhoneNumberType.UNKNOWN), kinds.of(number));
    }

    /**
     * Every country's example of every kind, each with its last digit changed, one digit fewer and
     * one more, and random numbers under each shared country code (+1's 25 countries, +7, +44…).
     */
    private static List<PhoneNumber> samples() {
        List<PhoneNumber> examples = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : UTIL.getSupportedTypesForRegion(region)) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    examples.add(example);
                }
            }
        }
        for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(code);
            if (example != null) {
                examples.add(example);
            }
        }
        List<PhoneNumber> numbers = new ArrayList<>();
        for (PhoneNumber example : examples) {
            long national = example.getNationalNumber();
            numbers.add(example);
            numbers.add(copy(example, national - national % 10 + (national + 3) % 10));
            numbers.add(copy(example, national / 10));
            numbers.add(copy(example, national * 10 + 7));
        }
        Random random = new Random(17);
        for (int code : new int[] {1, 7, 44, 47, 61, 262, 290, 358, 590, 599}) {
            for (int i = 0; i < 400; i++) {
                long national = 1_000_000L + (long) (random.nextDouble() * 9_999_000_000L);
                numbers.add(new PhoneNumber().setCountryCode(code).setNationalNumber(national));
            }
        }
        return numbers;
    }

    private static PhoneNumber copy(PhoneNumber example, long national) {
        return new PhoneNumber().mergeFrom(example).setNationalNumber(national);
    }
}
