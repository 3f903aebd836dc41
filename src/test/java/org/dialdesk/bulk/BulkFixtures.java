package org.dialdesk.bulk;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.store.OutboxJournal;

/** Sheets and plans for bulk tests, built without files. */
final class BulkFixtures {
    static final String NUMBER_ID = "640000000000000000000002";
    static final CalleeZones ZONES = CalleeZones.load();

    private BulkFixtures() {
    }

    /** {@code count} rows of distinct Chicago numbers: +1 312 555 xxxx from {@code first}. */
    static Sheet sheetOf(int count, int first) {
        List<Sheet.Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Sheet.Row(i + 2, new String[] {"+1312555" + String.format("%04d", first + i), "Name " + i}, null));
        }
        return new Sheet("test.csv", new SheetFormat(SheetFormat.Kind.CSV, java.nio.charset.StandardCharsets.UTF_8,
                false, ',', true), List.of("phone", "name"), rows);
    }

    /** A planner whose calling hours are the whole day, for tests about sending rather than hours. */
    static BulkPlanner anyTimePlanner(Clock clock) {
        return new BulkPlanner(new CallingRule(new CallingHours(LocalTime.MIN, LocalTime.of(23, 59)), ZONES),
                numbers -> Set.of(), clock);
    }

    static BulkPlan planOf(Sheet sheet, Clock clock) throws BulkInputException {
        return anyTimePlanner(clock).plan(sheet, ColumnMapping.automatic(sheet.columns(), List.of()),
                BulkPlanner.Defaults.none(ZoneOffset.UTC, "US").withNumber(NUMBER_ID), null, Set.of());
    }

    /**
     * Writes a run of {@code rows} planned rows to the outbox, ten to a request at a pace no test
     * waits for (the engine's pipelining goes only at full pace): the run's ID.
     */
    static String launchAtFullPace(OutboxJournal journal, int rows, Clock clock) throws Exception {
        BulkPlan plan = planOf(sheetOf(rows, 0), clock);
        return BulkEngine.launch(journal, plan, new OutboxJournal.RunSpec("test.csv", "hash", "Test",
                "http://127.0.0.1:1/api/v1", false, 10, 10_000, "k1"), clock).id();
    }
}
