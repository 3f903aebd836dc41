package org.dialdesk.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialdesk.api.Agent;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.UseCase;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.service.OrgDirectory;
import org.junit.jupiter.api.Test;

/** Each reason a row is held back, said so the operator can fix it; and the dial a ready row becomes. */
class BulkPlannerTest {
    /** 10:00 in Chicago, 11:00 in New York, 08:00 in Los Angeles on a Monday. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T16:00:00Z"), ZoneOffset.UTC);
    static final String NUMBER = BulkFixtures.NUMBER_ID;
    static final String REMINDER = "650000000000000000000001";
    static final UseCase REMINDER_CASE = new UseCase(REMINDER, "Appointment reminder", "en-US", 10, "America/Chicago",
            "08:00", "20:00", null, "Calling {{patient_name}} for {{clinic}}.", false);
    static final OrgDirectory.Snapshot DIRECTORY = new OrgDirectory.Snapshot(1,
            new OrgDirectory.Listing<>(List.of(new CallerNumber(NUMBER, "+13125550142", "Collections", "Chicago")), null),
            new OrgDirectory.Listing<>(List.of(REMINDER_CASE), null),
            new OrgDirectory.Listing<>(List.of(new Agent("660000000000000000000001", "Ava", List.of(), null, null)), null),
            new OrgDirectory.Listing<>(List.of(), "not listed"), Instant.EPOCH);

    final BulkPlanner planner = new BulkPlanner(new CallingRule(new CallingHours(LocalTime.of(9, 0), LocalTime.of(21, 0)),
            BulkFixtures.ZONES), numbers -> numbers.contains("+13125550199") ? Set.of("+13125550199") : Set.of(), CLOCK);

    static Sheet sheet(List<String> columns, String... rows) {
        List<Sheet.Row> parsed = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            parsed.add(new Sheet.Row(i + 2, rows[i].split("\\|", -1), null));
        }
        return new Sheet("t.csv", new SheetFormat(SheetFormat.Kind.CSV, StandardCharsets.UTF_8, false, ',', true),
                columns, parsed);
    }

    BulkPlan plan(Sheet sheet, BulkPlanner.Defaults defaults) throws BulkInputException {
        ColumnMapping mapping = ColumnMapping.automatic(sheet.columns(), List.of("patient_name", "clinic"));
        return planner.plan(sheet, mapping, defaults, DIRECTORY, Set.of());
    }

    static BulkPlanner.Defaults defaults() {
        return BulkPlanner.Defaults.none(ZoneId.of("America/Chicago"), "US").withNumber(NUMBER).withUseCase(REMINDER);
    }

    @Test
    void columnsNamedLikeTheApiMapThemselvesAndTemplateVariablesBecomeParams() {
        ColumnMapping mapping = ColumnMapping.automatic(List.of("Phone Number", "patient_name", "Campaign ID", "notes",
                "use_case_id"), List.of("patient_name"));
        assertEquals(Map.of("Phone Number", BulkField.PHONE, "patient_name", BulkField.PARAM, "Campaign ID",
                BulkField.CAMPAIGN, "notes", BulkField.METADATA, "use_case_id", BulkField.USE_CASE), mapping.fields());
    }

    @Test
    void theSkippedRowsExportImportedAgainDoesNotSendItsOwnTwoColumns() {
        ColumnMapping mapping = ColumnMapping.automatic(List.of("phone", "name", "row", "skipped_because"), List.of());
        assertEquals(BulkField.IGNORE, mapping.fieldOf("row"));
        assertEquals(BulkField.IGNORE, mapping.fieldOf("skipped_because"));
        assertEquals(BulkField.METADATA, mapping.fieldOf("name"));
        assertEquals(BulkField.METADATA, ColumnMapping.automatic(List.of("phone", "row"), List.of()).fieldOf("row"),
                "a file's own row column is its own");
    }

    @Test
    void onlyAColumnNamedForTheCallsOwnTimeSchedulesTheCalls() {
        ColumnMapping mapping = ColumnMapping.automatic(List.of("phone", "When", "Time", "datetime", "Call at"), List.of());
        assertEquals(List.of("Call at"), mapping.columnsOf(BulkField.SCHEDULED_FOR),
                "an appointment's time is not the call's: taken for it, the calls would ring then");
        assertEquals(BulkField.METADATA, mapping.fieldOf("When"));
    }

    @Test
    void peopleTheAccountCalledLatelyOrIsAboutToCallAreHeldBackUnlessRungAgain() throws Exception {
        Instant since = CLOCK.instant().minus(EarlierCalls.WINDOW);
        Instant[] asked = new Instant[1];
        EarlierCalls earlier = from -> {
            asked[0] = from;
            return List.of(
                    new EarlierCalls.Earlier("+13125550100", EarlierCalls.Kind.CALLED, Instant.parse("2026-11-23T14:05:00Z"),
                            "call_a", "Completed", null, 0, null),
                    // the same callee again, earlier: the newer call is the one named
                    new EarlierCalls.Earlier("+13125550100", EarlierCalls.Kind.CALLED, Instant.parse("2026-11-22T20:00:00Z"),
                            null, null, "r-1-aaaaaaaa", 3, null),
                    new EarlierCalls.Earlier("+13125550101", EarlierCalls.Kind.WAITING_IN_RUN, null, null, null,
                            "r-2-bbbbbbbb", 7, null),
                    new EarlierCalls.Earlier("+13125550102", EarlierCalls.Kind.MAYBE_CALLED,
                            Instant.parse("2026-11-22T20:00:00Z"), null, null, "r-1-aaaaaaaa", 9, null),
                    new EarlierCalls.Earlier("+13125550103", EarlierCalls.Kind.SCHEDULED, null, "call_d", "Scheduled",
                            null, 0, "2026-11-24T15:00:00Z"));
        };
        BulkPlanner withHistory = new BulkPlanner(new CallingRule(new CallingHours(LocalTime.of(9, 0), LocalTime.of(21, 0)),
                BulkFixtures.ZONES), numbers -> Set.of(), earlier, CLOCK);
        Sheet sheet = sheet(List.of("phone", "patient_name", "clinic"), "+13125550100|Ada|North", "+13125550101|Bo|North",
                "+13125550102|Cy|North", "+13125550103|Di|North", "+13125550104|Ed|North");
        ColumnMapping mapping = ColumnMapping.automatic(sheet.columns(), List.of("patient_name", "clinic"));

        BulkPlan plan = withHistory.plan(sheet, mapping, defaults(), DIRECTORY, Set.of());
        assertEquals(since, asked[0], "the last 24 hours");
        List<BulkPlan.Row> rows = plan.rows();
        for (int i = 0; i < 4; i++) {
            assertEquals(BulkPlan.Skip.CALLED_RECENTLY, rows.get(i).skip(), rows.get(i).reason());
        }
        assertEquals("Called today at 08:05, call call_a, Completed.", rows.get(0).reason(), "in the operator's zone, Chicago");
        assertEquals("Waiting to be called by run r-2-bbbbbbbb (row 7), which is not finished.", rows.get(1).reason());
        assertEquals("May have been called yesterday at 14:00 by run r-1-aaaaaaaa (row 9): that request's outcome is not"
                + " known yet.", rows.get(2).reason());
        assertEquals("Already has call call_d scheduled for tomorrow at 09:00.", rows.get(3).reason());
        assertTrue(rows.get(4).ready(), rows.get(4).reason());
        assertEquals("Skipped: 4 called in the last 24 hours", plan.skippedByLine());

        BulkPlan followUp = withHistory.plan(sheet, mapping, defaults(), DIRECTORY, Set.of(),
                new BulkPlanner.Options(true, false));
        assertEquals(5, followUp.ready(), "a follow-up run the operator means rings them all");
        assertEquals(4, followUp.ringingAgain(), "and its launch question says how many are rung again");
        assertEquals(0, plan.ringingAgain());

        BulkPlanner unreadable = new BulkPlanner(new CallingRule(new CallingHours(LocalTime.of(9, 0), LocalTime.of(21, 0)),
                BulkFixtures.ZONES), numbers -> Set.of(), from -> {
                    throw new java.sql.SQLException("database is locked");
                }, CLOCK);
        BulkInputException refused = assertThrows(BulkInputException.class,
                () -> unreadable.plan(sheet, mapping, defaults(), DIRECTORY, Set.of()));
        assertTrue(refused.getMessage().contains("database is locked") && refused.getMessage().contains("Ring again"),
                refused.getMessage());
        BulkPlan uncounted = unreadable.plan(sheet, mapping, defaults(), DIRECTORY, Set.of(),
                new BulkPlanner.Options(true, false));
        assertEquals(5, uncounted.ready(), "rung again anyway, the calls that could not be read hold nothing back");
        assertEquals(-1, uncounted.ringingAgain(), "how many are rung again is not known");
    }

    @Test
    void everyRowOfACalleeNoRowMayRingSaysWhyNotJustTheFirst() throws Exception {
        Sheet sheet = sheet(List.of("phone", "patient_name", "clinic"), "+13125550199|Ada|North", "(312) 555-0199|Ada|North",
                "+13125550100|Bo|North", "+13125550100|Bo|North");
        List<BulkPlan.Row> rows = plan(sheet, defaults()).rows();
        assertEquals(BulkPlan.Skip.DO_NOT_CALL, rows.get(0).skip());
        assertEquals(BulkPlan.Skip.DO_NOT_CALL, rows.get(1).skip(), "not \"called once\" by row 2: never called");
        assertTrue(rows.get(2).ready(), rows.get(2).reason());
        assertEquals("Same callee as row 4; it is called once.", rows.get(3).reason());
    }

    @Test
    void aRowOutsideCallingHoursNowWaitsForThemWhenAsked() throws Exception {
        Sheet sheet = sheet(List.of("phone", "patient_name", "clinic", "scheduled_for"),
                "+18085550100|Ada|North|", // 06:00 in Honolulu
                "+18085550101|Bo|North|2026-11-23 23:30", // a time of its own, at night in Chicago: stays skipped
                "+13125550100|Cy|North|");
        ColumnMapping mapping = ColumnMapping.automatic(sheet.columns(), List.of("patient_name", "clinic"));
        BulkPlan skipping = planner.plan(sheet, mapping, defaults(), DIRECTORY, Set.of());
        assertEquals(BulkPlan.Skip.OUTSIDE_HOURS, skipping.rows().get(0).skip());
        assertEquals(0, skipping.waitingForHours());

        BulkPlan waiting = planner.plan(sheet, mapping, defaults(), DIRECTORY, Set.of(), new BulkPlanner.Options(false, true));
        BulkPlan.Row held = waiting.rows().get(0);
        assertTrue(held.ready(), held.reason());
        assertEquals("Outside calling hours now: scheduled for 09:00 callee time, Mon 23 Nov 13:00 your time.", held.reason(),
                "09:00 in Honolulu, in the operator's zone (Chicago)");
        assertEquals(Instant.parse("2026-11-23T19:00:00Z"), waiting.request(held).scheduledFor());
        assertEquals(BulkPlan.Skip.OUTSIDE_HOURS, waiting.rows().get(1).skip(), "a time the file gives is not moved");
        assertTrue(waiting.rows().get(2).ready());
        assertNull(waiting.request(waiting.rows().get(2)).scheduledFor(), "inside the hours: now");
        assertEquals(1, waiting.waitingForHours());
    }

    @Test
    void aColumnFillsTheVariableTheOperatorSaysWhateverItsName() throws Exception {
        Sheet sheet = sheet(List.of("phone", "First Name", "Nickname", "clinic"), "+13125550100|Ada|Addy|North");
        ColumnMapping automatic = ColumnMapping.automatic(sheet.columns(), List.of("patient_name", "clinic"));
        assertEquals(BulkPlan.Skip.MISSING_VARIABLES, planner.plan(sheet, automatic, defaults(), DIRECTORY, Set.of())
                .rows().get(0).skip(), "no column is named like {{patient_name}}");

        ColumnMapping told = automatic.mapToVariable("First Name", "patient_name");
        BulkPlan plan = planner.plan(sheet, told, defaults(), DIRECTORY, Set.of());
        BulkPlan.Row row = plan.rows().get(0);
        assertTrue(row.ready(), row.reason());
        assertEquals("Ada", plan.request(row).params().get("patient_name").asText());
        assertNull(plan.request(row).params().get("First Name"), "sent under the variable's name only");
        assertEquals("Addy", plan.request(row).metadata().get("Nickname").asText());

        ColumnMapping other = told.mapToVariable("Nickname", "Patient Name");
        assertEquals(BulkField.METADATA, other.fieldOf("First Name"), "one column a variable: the one chosen last");
        assertEquals(java.util.Optional.of("Patient Name"), other.variableOf("Nickname"));
        assertEquals("Addy", planner.plan(sheet, other, defaults(), DIRECTORY, Set.of()).request(
                planner.plan(sheet, other, defaults(), DIRECTORY, Set.of()).rows().get(0)).params().get("patient_name").asText(),
                "written however, sent as the prompt spells it");

        Map<String, String> saved = told.keys();
        assertEquals("param:patient_name", saved.get("First Name"));
        assertEquals(told, automatic.withKeys(saved), "saved and offered again as it was");
        assertEquals(BulkField.IGNORE, told.map("First Name", BulkField.IGNORE).fieldOf("First Name"));
        assertTrue(told.map("First Name", BulkField.IGNORE).variableOf("First Name").isEmpty(), "a new field fills no variable");
    }

    @Test
    void theLaunchQuestionSaysHowLongARunTakesRoughly() {
        assertEquals("under a minute", BulkDesk.duration(59));
        assertEquals("about 1 min", BulkDesk.duration(60));
        assertEquals("about 14 min", BulkDesk.duration(14 * 60 + 20));
        assertEquals("about 1 h", BulkDesk.duration(3600));
        assertEquals("about 13 h 53 min", BulkDesk.duration(100_000 / 2.0));
    }

    @Test
    void aReadyRowBecomesTheDialItWillSend() throws Exception {
        BulkPlan plan = plan(sheet(List.of("phone", "patient_name", "clinic", "ref"), "(312) 555-0100|Ada|North|A-7"),
                defaults().withCampaign("spring"));
        BulkPlan.Row row = plan.rows().get(0);
        assertTrue(row.ready(), row.reason());
        assertEquals("+13125550100", row.callee(), "a national number is read in the default country");
        assertEquals("+13125550100", plan.request(row).phoneNumber());
        assertEquals(NUMBER, plan.request(row).numberId());
        assertEquals("Ada", plan.request(row).params().get("patient_name").asText());
        assertEquals("A-7", plan.request(row).metadata().get("ref").asText());
        assertEquals("spring", plan.request(row).campaignId());
        assertNull(plan.request(row).scheduledFor(), "no time given: dial now");
    }

    @Test
    void everyReasonToSkipIsCountedAndSaid() throws Exception {
        Sheet sheet = sheet(List.of("phone", "patient_name", "clinic", "max_duration_mins", "scheduled_for"),
                "+13125550100|Ada|North||",
                "not a phone|Bo|North||",
                "312-555-0100|Cy|North||",
                "+13125550199|Di|North||",
                "+13125550101||North||",
                "+13125550102|Ed|North|lots|",
                "+13125550103|Fay|North||2026-11-23 23:30",
                "+13125550104|Gus|North||2026-11-24 10:00");
        BulkPlan plan = plan(sheet, defaults());
        assertEquals("6 of 8 rows will be skipped; 2 ready to send.", plan.summary());
        List<BulkPlan.Row> rows = plan.rows();
        assertEquals(BulkPlan.Skip.BAD_PHONE, rows.get(1).skip());
        assertTrue(rows.get(1).reason().startsWith("not a phone: "), rows.get(1).reason());
        assertEquals(BulkPlan.Skip.DUPLICATE, rows.get(2).skip());
        assertEquals("Same callee as row 2; it is called once.", rows.get(2).reason());
        assertEquals(BulkPlan.Skip.DO_NOT_CALL, rows.get(3).skip());
        assertEquals(BulkPlan.Skip.MISSING_VARIABLES, rows.get(4).skip());
        assertEquals("The use case's prompt needs patient_name; this row has no value for it.", rows.get(4).reason());
        assertEquals(BulkPlan.Skip.INVALID, rows.get(5).skip());
        assertEquals("Maximum minutes \"lots\" is not a whole number.", rows.get(5).reason());
        assertEquals(BulkPlan.Skip.OUTSIDE_HOURS, rows.get(6).skip(), "23:30 in Chicago");
        assertTrue(rows.get(6).reason().contains("outside the legal calling hours"), rows.get(6).reason());
        assertTrue(rows.get(7).ready(), rows.get(7).reason());
        assertEquals(Instant.parse("2026-11-24T16:00:00Z"), plan.request(rows.get(7)).scheduledFor(),
                "a local time is read in the run's zone and sent as UTC");
    }

    @Test
    void idsThatAreNotTheAccountsAreUnknown() throws Exception {
        Sheet sheet = sheet(List.of("phone", "patient_name", "clinic", "agent_id"), "+13125550100|Ada|North|660000000000000000000009");
        BulkPlan.Row row = plan(sheet, defaults()).rows().get(0);
        assertEquals(BulkPlan.Skip.UNKNOWN_ID, row.skip());
        assertEquals("Agent 660000000000000000000009 is not one of this account's agents.", row.reason());
        BulkPlan.Row wrongNumber = plan(sheet(List.of("phone", "patient_name", "clinic"), "+13125550100|Ada|North"),
                defaults().withNumber("640000000000000000000077")).rows().get(0);
        assertEquals("Caller number 640000000000000000000077 is not one of this account's numbers.", wrongNumber.reason());
    }

    @Test
    void aCalleeOutsideTheLegalWindowIsHeldBackInTheirOwnTime() throws Exception {
        // 08:00 in Los Angeles is before the 9:00 start, though it is 10:00 in Chicago.
        BulkPlan.Row row = plan(sheet(List.of("phone", "patient_name", "clinic"), "+14155550100|Ada|North"), defaults())
                .rows().get(0);
        assertEquals(BulkPlan.Skip.OUTSIDE_HOURS, row.skip());
        assertTrue(row.reason().startsWith("It will be 8:00 for the callee"), row.reason());
    }

    @Test
    void withoutACallerNumberTheRowSaysWhatToDo() throws Exception {
        BulkPlan.Row row = plan(sheet(List.of("phone", "patient_name", "clinic"), "+13125550100|Ada|North"),
                defaults().withNumber(null)).rows().get(0);
        assertEquals("No caller number: map a column to it or choose the number that calls for the whole run.", row.reason());
    }

    @Test
    void aSheetWithoutAPhoneColumnIsRefusedNamingTheColumns() {
        Sheet sheet = sheet(List.of("who", "when"), "Ada|now");
        BulkInputException problem = assertThrows(BulkInputException.class, () -> plan(sheet, defaults()));
        assertEquals("No column is the phone number. Map the column that holds the numbers to call to \"phone\""
                + " (columns: who, when).", problem.getMessage());
    }

    @Test
    void rowsTheOperatorExcludesAreSkippedAsSuch() throws Exception {
        Sheet sheet = sheet(List.of("phone", "patient_name", "clinic"), "+13125550100|Ada|North", "+13125550101|Bo|North");
        BulkPlan plan = planner.plan(sheet, ColumnMapping.automatic(sheet.columns(), List.of("patient_name", "clinic")),
                defaults(), DIRECTORY, Set.of(3));
        assertEquals(BulkPlan.Skip.EXCLUDED, plan.rows().get(1).skip());
        assertEquals(1, plan.ready());

        Sheet twice = sheet(List.of("phone", "patient_name", "clinic"), "+13125550100|Ada|North", "312-555-0100|Ada|North");
        BulkPlan firstLeftOut = planner.plan(twice, ColumnMapping.automatic(twice.columns(), List.of("patient_name", "clinic")),
                defaults(), DIRECTORY, Set.of(2));
        assertTrue(firstLeftOut.rows().get(1).ready(), "the first row left out, the callee is called from the second");
    }

    @Test
    void aPlanAgainReadsTheFixedCellsTheOtherColumnAndTheOtherCountryAfresh() throws Exception {
        List<String> columns = List.of("phone", "patient_name", "clinic", "uk_phone");
        Sheet sheet = sheet(columns, "312-555-0100|Ada|North|020 7946 0018", "not a number|Bo|North|020 7946 0019",
                "+13125550102|Cy|North|020 7946 0020");
        BulkPlan first = plan(sheet, defaults());
        assertEquals(BulkPlan.Skip.BAD_PHONE, first.rows().get(1).skip());
        assertEquals(3, planner.numbersCheckedLastPlan());
        BulkPlan oneLeftOut = planner.plan(sheet, first.mapping(), defaults(), DIRECTORY, Set.of(2));
        assertEquals(0, planner.numbersCheckedLastPlan(), "a row left out: every number is the last plan's");
        assertEquals(first.rows().get(2).callee(), oneLeftOut.rows().get(2).callee());

        // The bad number fixed, the good one in the row after changed: both read again, not taken from the last plan.
        Sheet fixed = sheet.withFixes(Map.of(3, Map.of("phone", "+13125550111"), 4, Map.of("phone", "+13125550122")));
        BulkPlan afterFix = plan(fixed, defaults());
        assertTrue(afterFix.rows().get(1).ready(), afterFix.rows().get(1).reason());
        assertEquals("+13125550111", afterFix.rows().get(1).callee());
        assertEquals("+13125550122", afterFix.rows().get(2).callee());
        assertEquals("+13125550100", afterFix.rows().get(0).callee());
        assertEquals(2, planner.numbersCheckedLastPlan(), "only the fixed rows are checked again");
        plan(sheet(columns, "312-555-0100|Ada|North|020 7946 0018", "not a number|Bo|North|020 7946 0019",
                "+13125550102|Cy|North|020 7946 0020"), defaults());
        assertEquals(3, planner.numbersCheckedLastPlan(), "the same rows read again (another way, say) are checked again");
        plan(fixed, defaults());

        // Another column as the phone: its numbers, not the last plan's.
        ColumnMapping ukColumn = ColumnMapping.automatic(columns, List.of("patient_name", "clinic"))
                .map("uk_phone", BulkField.PHONE);
        BulkPlan otherColumn = planner.plan(fixed, ukColumn, defaults(), DIRECTORY, Set.of());
        assertEquals(BulkPlan.Skip.BAD_PHONE, otherColumn.rows().get(0).skip(), "a UK national number read as a US one");
        // …and read in another country: the numbers are valid there.
        BulkPlan inTheUk = planner.plan(fixed, ukColumn, BulkPlanner.Defaults.none(ZoneId.of("Europe/London"), "GB")
                .withNumber(NUMBER).withUseCase(REMINDER), DIRECTORY, Set.of());
        assertEquals("+442079460018", inTheUk.rows().get(0).callee(), inTheUk.rows().get(0).reason());
    }

    @Test
    void leftToTheCallerNumbersDefaultTheRowsAreCheckedAgainstThatUseCase() throws Exception {
        OrgDirectory.Snapshot withDefault = new OrgDirectory.Snapshot(1, new OrgDirectory.Listing<>(List.of(
                new CallerNumber(NUMBER, "+13125550142", "Collections", "Chicago", REMINDER)), null),
                DIRECTORY.useCases(), DIRECTORY.agents(), DIRECTORY.models(), Instant.EPOCH);
        Sheet sheet = sheet(List.of("phone", "patient_name"), "+13125550100|Ada", "+13125550101|Bo");
        BulkPlanner.Defaults noUseCase = BulkPlanner.Defaults.none(ZoneId.of("America/Chicago"), "US").withNumber(NUMBER);
        ColumnMapping mapping = ColumnMapping.automatic(sheet.columns(), List.of("patient_name", "clinic"));

        BulkPlan plan = planner.plan(sheet, mapping, noUseCase, withDefault, Set.of());
        assertEquals(BulkPlan.Skip.MISSING_VARIABLES, plan.rows().get(0).skip(), "the default's prompt needs {{clinic}}");
        assertTrue(plan.rows().get(0).reason().contains("clinic"), plan.rows().get(0).reason());

        BulkPlan unknownDefault = planner.plan(sheet, mapping, noUseCase, DIRECTORY, Set.of());
        assertTrue(unknownDefault.rows().get(0).ready(), "a default the lists do not name is left to the service");

        Sheet complete = sheet(List.of("phone", "patient_name", "clinic"), "+13125550100|Ada|North");
        BulkPlan ready = planner.plan(complete, ColumnMapping.automatic(complete.columns(), List.of("patient_name", "clinic")),
                noUseCase, withDefault, Set.of());
        assertTrue(ready.rows().get(0).ready(), ready.rows().get(0).reason());
        assertNull(ready.request(ready.rows().get(0)).useCaseId(), "checked against the default, sent without naming it");
    }

    @Test
    void rowsWithAUseCaseAreHeldBackWhenTheUseCasesCouldNotBeRead() throws Exception {
        // The service fills a prompt's variables from the row and says nothing of blanks: sent unchecked, a call
        // would ring someone with "Calling  for ." in it.
        OrgDirectory.Snapshot failed = new OrgDirectory.Snapshot(1, new OrgDirectory.Listing<>(List.of(
                new CallerNumber(NUMBER, "+13125550142", "Collections", "Chicago", REMINDER)), null),
                new OrgDirectory.Listing<>(List.of(), "The service did not answer."), DIRECTORY.agents(), DIRECTORY.models(),
                Instant.EPOCH);
        Sheet sheet = sheet(List.of("phone", "patient_name"), "+13125550100|Ada");
        ColumnMapping mapping = ColumnMapping.automatic(sheet.columns(), List.of());
        BulkPlanner.Defaults byDefault = BulkPlanner.Defaults.none(ZoneId.of("America/Chicago"), "US").withNumber(NUMBER);

        BulkPlan plan = planner.plan(sheet, mapping, byDefault, failed, Set.of());
        assertEquals(BulkPlan.Skip.MISSING_VARIABLES, plan.rows().get(0).skip(), "the number's default use case is unread");
        assertTrue(plan.rows().get(0).reason().startsWith("The account's use cases could not be read"), plan.rows().get(0).reason());
        assertEquals(BulkPlan.Skip.MISSING_VARIABLES, planner.plan(sheet, mapping, byDefault.withUseCase(REMINDER), failed,
                Set.of()).rows().get(0).skip(), "a use case named for the run");

        // A number with no default use case, and no use case named: there is no prompt to fill.
        OrgDirectory.Snapshot noDefault = new OrgDirectory.Snapshot(1, DIRECTORY.numbers(), failed.useCases(),
                DIRECTORY.agents(), DIRECTORY.models(), Instant.EPOCH);
        assertTrue(planner.plan(sheet, mapping, byDefault, noDefault, Set.of()).rows().get(0).ready());
        // Lists not loaded yet are not lists that failed: the IDs and variables are left to the service, as before.
        assertTrue(planner.plan(sheet, mapping, byDefault, null, Set.of()).rows().get(0).ready());
    }

    @Test
    void aOneRowFileIsCountedAsOneRow() throws Exception {
        Sheet sheet = sheet(List.of("phone", "patient_name"), "+13125550100|Ada");
        BulkPlan plan = planner.plan(sheet, ColumnMapping.automatic(sheet.columns(), List.of()),
                BulkPlanner.Defaults.none(ZoneId.of("America/Chicago"), "US").withNumber(NUMBER), DIRECTORY, Set.of());
        assertEquals("0 of 1 row will be skipped; 1 ready to send.", plan.summary());
    }

    @Test
    void excelDateNumbersAndIsoTimesAreBothRead() {
        ZoneId chicago = ZoneId.of("America/Chicago");
        assertEquals(Instant.parse("2026-11-24T16:00:00Z"), RowTimes.scheduleOf("46350.416666667", chicago));
        assertEquals(Instant.parse("2026-11-24T15:00:00Z"), RowTimes.scheduleOf("2026-11-24T09:00-06:00", chicago));
        assertEquals(Instant.parse("2026-11-24T14:00:00Z"), RowTimes.scheduleOf("2026-11-24T09:00[America/New_York]", chicago));
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                () -> RowTimes.scheduleOf("tomorrow", chicago));
        assertTrue(problem.getMessage().startsWith("\"tomorrow\" is not a date and time"), problem.getMessage());
    }
}
