package org.dialdesk.bulk;

/**
 * The numbers (places in the file) of a list of rows. Most files have no blank lines, so their rows
 * are numbered one after another and kept as the first number alone; otherwise one int a row.
 */
final class RowNumbers {
    private final int first;
    /** Each row's number, or null when the rows are numbered one after another from {@code first}. */
    private final int[] each;
    private final int size;

    private RowNumbers(int first, int[] each, int size) {
        this.first = first;
        this.each = each;
        this.size = size;
    }

    static RowNumbers of(int[] numbers) {
        for (int i = 1; i < numbers.length; i++) {
            if (numbers[i] != numbers[0] + i) {
                return new RowNumbers(0, numbers, numbers.length);
            }
        }
        return new RowNumbers(numbers.length == 0 ? 0 : numbers[0], null, numbers.length);
    }

    int get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Row " + index + " of " + size);
        }
        return each != null ? each[index] : first + index;
    }

    int size() {
        return size;
    }
}
