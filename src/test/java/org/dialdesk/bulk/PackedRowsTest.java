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
