package org.dialdesk.bulk;

import java.util.function.IntUnaryOperator;

/** Rows kept in file order: their numbers (places in the file) only grow, so a row is found by halving. */
public final class FileOrder {
    private FileOrder() {
    }

    /**
     * Where the row with {@code number} is among {@code size} rows whose numbers {@code numberAt}
     * gives, in file order; -1 when none has it. Reads about log2(size) rows, not every one.
     */
    public static int indexOf(int size, IntUnaryOperator numberAt, int number) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int at = numberAt.applyAsInt(middle);
            if (at == number) {
                return middle;
            }
            if (at < number) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }
}
