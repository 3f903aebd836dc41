package org.dialdesk.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows kept packed give back exactly what was read, and a plan's rows exactly what was planned. */
class PackedRowsTest {
    static final SheetFormat CSV = new SheetFormat(SheetFormat.Kind.CSV, StandardCharsets.UTF_8, false, ',', true);

    static Sheet sheet() {
        return new Sheet("t.csv", CSV, List.of("phone", "name", "note"), List.of(
                new Sheet.Row(2, new String[] {"+13125550100", "Zoë", ""}, null),
                new Sheet.Row(3, new String[] {"", "", ""}, null),
                new Sheet.Row(5, new String[] {"(312) 555-0101", "Bob"}, "Has 2 cells where the header has 3"),
                new Sheet.Row(6, new String[] {"x", "y", "z", "extra"}, "Has 4 cells where the header has 3"),
                new Sheet.Row(7, new String[0], "A cell of 20,000 characters")));
    }

    @Test
    void everyCellComesBackAsReadWithItsRowsNumberAndProblem() {
        Sheet sheet = sheet();
        assertEquals(5, sheet.rows().size());
        assertArrayEquals(new String[] {"+13125550100", "Zoë", ""}, sheet.rows().get(0).cells());
        assertArrayEquals(new String[] {"", "", ""}, sheet.rows().get(1).cells());
        assertArrayEquals(new String[] {"(312) 555-0101", "Bob"}, sheet.rows().get(2).cells());
        assertArrayEquals(new String[] {"x", "y", "z", "extra"}, sheet.rows().get(3).cells());
        assertArrayEquals(new String[0], sheet.rows().get(4).cells());
        assertEquals(List.of(2, 3, 5, 6, 7), sheet.rows().stream().map(Sheet.Row::number).toList());
        assertNull(sheet.rows().get(0).problem());
        assertEquals("Has 2 cells where the header has 3", sheet.rows().get(2).problem());

        assertEquals("Zoë", sheet.cell(0, 1));
        assertEquals("", sheet.cell(2, 2), "past a row's last cell");
        assertEquals("", sheet.cell(4, 0));
        assertEquals("extra", sheet.cell(3, 3));

        assertEquals(6, sheet.row(6).orElseThrow().number());
        assertTrue(sheet.row(4).isEmpty());
        assertTrue(sheet.row(8).isEmpty());
    }

    /** Rows across many blocks, some numbered with gaps, read in and out of order and from several threads at once. */
    @Test
    void rowsAcrossBlocksComeBackAsReadInAnyOrderFromAnyThread() throws Exception {
        int count = PackedRows.BLOCK_ROWS * 7 + 13;
        java.util.Random random = new java.util.Random(7);
        List<Sheet.Row> written = new java.util.ArrayList<>();
        int number = 2;
        for (int i = 0; i < count; i++) {
            number += i % 500 == 499 ? 3 : 1; // a few blank lines in the file
            String[] cells = new String[random.nextInt(6)];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = switch (random.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> "+1312555" + random.nextInt(10_000);
                    case 2 -> "Zoë ✓ 日本 \uD83D\uDCDE " + i; // two-, three- and four-byte UTF-8 (a surrogate pair)
                    case 3 -> "x".repeat(i % 300 == 0 ? 40_000 : random.nextInt(40)); // now and then longer than a block of short rows
                    default -> "\"quoted, with a comma\"\n and a line";
                };
            }
            written.add(new Sheet.Row(number, cells, i % 97 == 0 ? "ragged" : null));
        }
        Sheet sheet = new Sheet("big.csv", CSV, List.of("a", "b", "c", "d", "e"), written);

        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = count - 1; i >= 0; i -= 3) {
            order.add(i); // backwards, a block at a time and between blocks
        }
        for (int i = 0; i < count; i++) {
            order.add(random.nextInt(count));
        }
        java.util.concurrent.Callable<Void> reader = () -> {
            for (int i : order) {
                Sheet.Row row = written.get(i);
                Sheet.Row read = sheet.rows().get(i);
                assertArrayEquals(row.cells(), read.cells(), "row " + i);
                assertEquals(row.number(), read.number());
                assertEquals(row.problem(), read.problem());
                assertEquals(row.cells().length, sheet.width(i));
                assertEquals(row.number(), sheet.number(i));
                assertEquals(row.problem(), sheet.problem(i));
                for (int c = -1; c <= 6; c++) {
                    assertEquals(c >= 0 && c < row.cells().length ? row.cells()[c] : "", sheet.cell(i, c), "row " + i + " cell " + c);
                }
            }
            return null;
        };
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (var done : threads.invokeAll(List.of(reader, reader, reader, reader))) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(written.get(count - 1).number(), sheet.row(written.get(count - 1).number()).orElseThrow().number());
        assertTrue(sheet.row(written.get(498).number() + 1).isEmpty(), "a blank line's number is no row");
        assertEquals(written.get(499).number(), sheet.row(written.get(498).number() + 3).orElseThrow().number());
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> sheet.rows().get(count));
    }

    /**
     * A block a worker thread opened is not kept by that thread once its sheet is gone: the threads
     * that read sheets outlive them, and a block of long cells can take megabytes.
     */
    @Test
    void aBlockAThreadOpenedGoesWithItsSheet() throws Exception {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.lang.reflect.Field lastOpened = PackedRows.class.getDeclaredField("lastOpened");
            lastOpened.setAccessible(true);
            java.lang.ref.WeakReference<?>[] refs = worker.submit(() -> {
                List<Sheet.Row> rows = new java.util.ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    rows.add(new Sheet.Row(2 + i, new String[] {"x".repeat(500_000 + i)}, null));
                }
                Sheet sheet = new Sheet("long.csv", CSV, List.of("note"), rows);
                assertEquals(500_000, sheet.cell(0, 0).length());
                Object held = ((ThreadLocal<?>) lastOpened.get(sheet.rows())).get();
                Object opened = held instanceof java.lang.ref.Reference<?> reference ? reference.get() : held;
                return new java.lang.ref.WeakReference<?>[] {new java.lang.ref.WeakReference<>(sheet.rows()),
                        new java.lang.ref.WeakReference<>(opened)};
            }).get();
            for (int i = 0; i < 20 && (refs[0].get() != null || refs[1].get() != null); i++) {
                System.gc();
            }
            assertNull(refs[0].get(), "the sheet's rows are collected");
            assertNull(refs[1].get(), "the block the worker opened is still held by the worker");
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void rowsNumberedOneAfterAnotherAndWithGapsAreNumberedAsRead() {
        RowNumbers together = RowNumbers.of(new int[] {2, 3, 4, 5});
        RowNumbers gaps = RowNumbers.of(new int[] {2, 3, 5, 6});
        assertEquals(List.of(2, 3, 4, 5), java.util.stream.IntStream.range(0, 4).map(together::get).boxed().toList());
        assertEquals(List.of(2, 3, 5, 6), java.util.stream.IntStream.range(0, 4).map(gaps::get).boxed().toList());
        assertEquals(0, RowNumbers.of(new int[0]).size());
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> together.get(4));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> gaps.get(-1));
    }

    @Test
    void fixesReplaceTheirRowsOnlyAndOnlyWhereTheirColumnsAre() {
        Sheet sheet = sheet();
        Sheet fixed = sheet.withFixes(Map.of(5, Map.of("note", "called back"), 3, Map.of("Column 9", "x")));
        assertArrayEquals(new String[] {"(312) 555-0101", "Bob", "called back"}, fixed.row(5).orElseThrow().cells());
        assertNull(fixed.row(5).orElseThrow().problem(), "a row the operator wrote whole is whole");
        assertEquals("called back", fixed.cell(2, 2));
        assertArrayEquals(new String[] {"", "", ""}, fixed.row(3).orElseThrow().cells(), "no such column here: as read");
        assertEquals("Has 2 cells where the header has 3", sheet.row(5).orElseThrow().problem(), "the sheet read is unchanged");
        assertSame(sheet, sheet.withFixes(Map.of()));
    }

    @Test
    void aPlansRowsComeBackAsPlannedWithEachReasonKeptOnce() {
        String hours = "It will be 22:59 for the callee, outside the legal calling hours (8:00-21:00 callee time).";
        BulkPlan plan = new BulkPlan(sheet(), ColumnMapping.automatic(List.of("phone"), List.of()), List.of(
                new BulkPlan.Row(2, "+13125550100", null, null),
                new BulkPlan.Row(3, "+447911123456", BulkPlan.Skip.OUTSIDE_HOURS, hours),
                new BulkPlan.Row(4, "+14155550199", BulkPlan.Skip.OUTSIDE_HOURS, new String(hours.toCharArray())),
                new BulkPlan.Row(5, "call me maybe", BulkPlan.Skip.BAD_PHONE, "call me maybe: Not a phone number."),
                new BulkPlan.Row(6, "", BulkPlan.Skip.BAD_PHONE, "No number."),
                new BulkPlan.Row(7, "+0123456789", BulkPlan.Skip.BAD_PHONE, "as written"),
                new BulkPlan.Row(8, "+999999999999999", null, null)), ready -> null);

        assertEquals(List.of(new BulkPlan.Row(2, "+13125550100", null, null),
                new BulkPlan.Row(3, "+447911123456", BulkPlan.Skip.OUTSIDE_HOURS, hours),
                new BulkPlan.Row(4, "+14155550199", BulkPlan.Skip.OUTSIDE_HOURS, hours),
                new BulkPlan.Row(5, "call me maybe", BulkPlan.Skip.BAD_PHONE, "call me maybe: Not a phone number."),
                new BulkPlan.Row(6, "", BulkPlan.Skip.BAD_PHONE, "No number."),
                new BulkPlan.Row(7, "+0123456789", BulkPlan.Skip.BAD_PHONE, "as written"),
                new BulkPlan.Row(8, "+999999999999999", null, null)), List.copyOf(plan.rows()));
        assertSame(plan.rows().get(1).reason(), plan.rows().get(2).reason(), "one sentence for the rows that share it");
        assertEquals(2, plan.ready());
        assertEquals("5 of 7 rows will be skipped; 2 ready to send.", plan.summary());
    }
}
