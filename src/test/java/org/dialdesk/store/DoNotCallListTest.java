package org.dialdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which numbers are listed: the same answer whether the list is read whole or asked number by number. */
class DoNotCallListTest {
    @TempDir
    Path dir;

    static String number(int n) {
        return String.format(Locale.ROOT, "+1312%07d", 2_000_000 + n);
    }

    static List<String> numbers(int from, int to) {
        List<String> numbers = new ArrayList<>();
        for (int n = from; n < to; n++) {
            numbers.add(number(n));
        }
        return numbers;
    }

    @Test
    void aShortListAndALongOneFindExactlyTheListedNumbersAsked() throws Exception {
        try (DoNotCallList list = new DoNotCallList(dir.resolve("do-not-call.db"))) {
            List<DoNotCallList.Entry> entries = new ArrayList<>();
            for (int n = 0; n < 1_300; n += 3) {
                entries.add(new DoNotCallList.Entry(number(n), Instant.EPOCH, "asked"));
            }
            list.add(entries); // 434 listed

            // 2,000 asked: the list is read whole (434 × 4 ≤ 2,000).
            Set<String> expected = new HashSet<>();
            for (int n = 0; n < 1_300; n += 3) {
                expected.add(number(n));
            }
            assertEquals(expected, new HashSet<>(list.listed(numbers(0, 2_000))));
            assertEquals(expected, new HashSet<>(list.listed(new HashSet<>(numbers(0, 2_000)))));

            // 1,201 asked across the 500-number batches: asked for (434 × 4 > 1,201).
            Set<String> some = new HashSet<>();
            for (int n = 99; n < 1_300; n += 3) {
                some.add(number(n));
            }
            assertEquals(some, new HashSet<>(list.listed(numbers(99, 1_300))));
            assertEquals(Set.of(), new HashSet<>(list.listed(numbers(5_000, 5_010))));
            assertEquals(Set.of(number(3)), new HashSet<>(list.listed(List.of(number(3), number(4)))));
        }
    }
}
