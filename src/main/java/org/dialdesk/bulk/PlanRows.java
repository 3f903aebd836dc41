package org.dialdesk.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's rows kept in arrays, a row made when it is asked for: a callee in E.164 is its digits,
 * rows numbered one after another are kept as the first number, and the reasons rows are skipped
 * for, often the same sentence for thousands of rows, are kept once each.
 * 100,000 rows as objects with their numbers as strings took about 9 MB; this way about 1.3 MB.
 */
final class PlanRows extends MadeOnDemand<BulkPlan.Row> {
    private static final BulkPlan.Skip[] SKIPS = BulkPlan.Skip.values();

    private final RowNumbers numbers;
    /** The callee's E.164 digits after the +, or 0 when the callee is kept as written (in {@code written}). */
    private final long[] callees;
    private final Map<Integer, String> written;
    /** The skip's ordinal plus one; 0 for a ready row. */
    private final byte[] skips;
    /** Each row's reason, the same sentence shared by the rows that have it. */
    private final String[] reasons;
    private final int ready;

    private PlanRows(RowNumbers numbers, long[] callees, Map<Integer, String> written, byte[] skips, String[] reasons) {
        this.numbers = numbers;
        this.callees = callees;
        this.written = written;
        this.skips = skips;
        this.reasons = reasons;
        int count = 0;
        for (byte skip : skips) {
            count += skip == 0 ? 1 : 0;
        }
        this.ready = count;
    }

    /** How many rows are skipped for each reason, from the packed rows (no row is made). */
    Map<BulkPlan.Skip, Integer> skippedBy() {
        int[] counts = new int[SKIPS.length + 1];
        for (byte skip : skips) {
            counts[skip]++;
        }
        Map<BulkPlan.Skip, Integer> by = new java.util.EnumMap<>(BulkPlan.Skip.class);
        for (BulkPlan.Skip skip : SKIPS) {
            if (counts[skip.ordinal() + 1] > 0) {
                by.put(skip, counts[skip.ordinal() + 1]);
            }
        }
        return by;
    }

    /** How many rows are ready to send, counted once. */
    int ready() {
        return ready;
    }

    static PlanRows of(List<BulkPlan.Row> rows) {
        if (rows instanceof PlanRows packed) {
            return packed;
        }
        int[] numbers = new int[rows.size()];
        long[] callees = new long[rows.size()];
        byte[] skips = new byte[rows.size()];
        Map<Integer, String> written = new HashMap<>();
        String[] reasons = new String[rows.size()];
        Map<String, String> sentences = new HashMap<>();
        for (int i = 0; i < numbers.length; i++) {
            BulkPlan.Row row = rows.get(i);
            numbers[i] = row.number();
            callees[i] = digitsOf(row.callee());
            if (callees[i] == 0 && row.callee() != null) {
                written.put(i, row.callee());
            }
            if (row.skip() != null) {
                skips[i] = (byte) (row.skip().ordinal() + 1);
            }
            if (row.reason() != null) {
                reasons[i] = sentences.computeIfAbsent(row.reason(), sentence -> sentence);
            }
        }
        return new PlanRows(RowNumbers.of(numbers), callees, written, skips, reasons);
    }

    /** The digits of an E.164 number ("+" and 7 to 15 digits, the first not 0), or 0 when it is not one. */
    private static long digitsOf(String callee) {
        if (callee == null || callee.length() < 8 || callee.length() > 16 || callee.charAt(0) != '+' || callee.charAt(1) == '0') {
            return 0;
        }
        long digits = 0;
        for (int i = 1; i < callee.length(); i++) {
            char c = callee.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            digits = digits * 10 + (c - '0');
        }
        return digits;
    }

    /** Why the row at this index is skipped (null: ready), read without making the row. */
    BulkPlan.Skip skipAt(int index) {
        return skips[index] == 0 ? null : SKIPS[skips[index] - 1];
    }

    @Override
    public BulkPlan.Row get(int index) {
        String callee = callees[index] != 0 ? "+" + callees[index] : written.get(index);
        BulkPlan.Skip skip = skips[index] == 0 ? null : SKIPS[skips[index] - 1];
        return new BulkPlan.Row(numbers.get(index), callee, skip, reasons[index]);
    }

    @Override
    public int size() {
        return numbers.size();
    }
}
