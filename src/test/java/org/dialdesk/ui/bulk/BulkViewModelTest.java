package org.dialdesk.ui.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.api.UseCase;
import org.dialdesk.bulk.BulkDesk;
import org.dialdesk.bulk.BulkField;
import org.dialdesk.bulk.BulkPlanner;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.service.BatchOutcome;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.store.BulkMappingStore;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.testing.DirectTaskRunner;
import org.dialdesk.testing.BatchOnlyDials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Bulk screen's model over a real outbox and a scripted service: what the operator sees at each step. */
class BulkViewModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T16:00:00Z"), ZoneOffset.UTC);
    static final String NUMBER = "640000000000000000000002";
    static final OrgDirectory.Snapshot LISTS = new OrgDirectory.Snapshot(1,
            new OrgDirectory.Listing<>(List.of(new CallerNumber(NUMBER, "+13125550142", "Collections", "Chicago")), null),
            new OrgDirectory.Listing<>(List.of(), null), new OrgDirectory.Listing<>(List.of(), null),
            new OrgDirectory.Listing<>(List.of(), null), Instant.EPOCH);

    /** The legal calling hours the desk plans with: all day, unless a test says otherwise. */
    CallingHours hours = new CallingHours(LocalTime.MIN, LocalTime.of(23, 59));
    /** The account's lists the desk reads; a test may give another account's. */
    OrgDirectory.Snapshot lists = LISTS;
    @TempDir
    Path dir;
    final DirectTaskRunner runner = new DirectTaskRunner();
    final List<List<DialRequest>> batches = new ArrayList<>();
    OutboxJournal journal;

    @BeforeEach
    void open() throws Exception {
        journal = new OutboxJournal(dir.resolve("outbox.db"));
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    /** What the runs launched here recorded in the audit log. */
    final List<String> audited = new java.util.concurrent.CopyOnWriteArrayList<>();

    BulkViewModel model(boolean live) {
        return model(live, 2, 5);
    }

    BulkViewModel model(boolean live, int chunk, double rate) {
        return new BulkViewModel(desk(live, chunk, rate), runner);
    }

    BulkDesk desk(boolean live, int chunk, double rate) {
        BulkPlanner planner = new BulkPlanner(new CallingRule(hours, CalleeZones.load()), numbers -> Set.of(),
                org.dialdesk.bulk.EarlierCalls.of(journal, "https://acme.example/api/v1", "k1", null), CLOCK);
        return new BulkDesk(new BulkDesk.Account(live ? "Acme production" : "Sandbox", "https://acme.example/api/v1",
                live, "k1"), new CreatingDials(), () -> lists, planner, journal, new BulkMappingStore(dir), CLOCK,
                BulkPlanner.Defaults.none(ZoneId.of("America/Chicago"), "US"), chunk, rate,
                (action, summary, outcome, callId) -> audited.add(action + ": " + summary),
                org.dialdesk.bulk.BulkEngine.SendCheck.NONE);
    }

    Path file(String content) throws Exception {
        Path file = dir.resolve("list.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void thePreviewSaysWhatIsMissingUntilTheCallerIsChosenThenCountsWhatWillBeSkipped() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        assertEquals(NUMBER, vm.choices().numberIdProperty().get(), "the account's only number is chosen by itself");
        vm.choices().numberIdProperty().set(null);

        List<Boolean> checking = new ArrayList<>();
        vm.checkingProperty().addListener((obs, was, now) -> checking.add(now));
        vm.importFile(file("phone,ref\n(312) 555-0100,A\n(312) 555-0101,B\nnope,C\n"));
        assertEquals(BulkViewModel.Stage.PREVIEW, vm.stageProperty().get());
        assertEquals(List.of(true, false), checking, "said while the file was read and checked, and no longer after");
        assertEquals("3 of 3 rows will be skipped; 0 ready to send.", vm.summaryProperty().get());
        assertTrue(vm.rows().get(0).reason().startsWith("No caller number"), vm.rows().get(0).reason());
        assertFalse(vm.canLaunchProperty().get());
        assertTrue(vm.toldProperty().get().startsWith("Choose the number the calls come from"), "said once, as what to do");

        vm.choices().numberIdProperty().set(NUMBER);
        assertEquals(null, vm.toldProperty().get(), "chosen: nothing more to say");
        assertEquals("1 of 3 rows will be skipped; 2 ready to send.", vm.summaryProperty().get());
        assertTrue(vm.canLaunchProperty().get());
        assertEquals("Unparseable phone", vm.rows().get(2).status());

        vm.toggleExcluded(2);
        assertEquals("Excluded by you", vm.rows().get(0).status());
        assertEquals("2 of 3 rows will be skipped; 1 ready to send.", vm.summaryProperty().get());
        vm.toggleExcluded(2);
        assertEquals("Ready", vm.rows().get(0).status());

        vm.map("ref", BulkField.CAMPAIGN);
        assertEquals(BulkField.CAMPAIGN, vm.fieldOf("ref"));
        assertEquals(0, batches.size(), "nothing is sent before launch");
    }

    @Test
    void peopleAnEarlierRunCalledAreHeldBackUntilTheOperatorRingsThemAgain() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n+13125550100\n+13125550101\n"));
        vm.launchQuestion();
        vm.launch();
        runner.runDelayed();
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());
        assertEquals(0, vm.counts().calledRecentlyProperty().get());

        vm.importFile(file("phone\n(312) 555-0101\n+13125550177\n"));
        assertEquals("1 of 2 rows will be skipped; 1 ready to send.", vm.summaryProperty().get());
        assertEquals("Skipped: 1 called in the last 24 hours", vm.counts().skippedByProperty().get());
        assertEquals(1, vm.counts().calledRecentlyProperty().get());
        assertEquals("Called in the last 24 hours", vm.rows().get(0).status());
        assertTrue(vm.rows().get(0).reason().matches("Called today at 10:00 by run r-\\d+-[0-9a-f]{8} \\(row 3\\), call call-2\\."),
                vm.rows().get(0).reason());

        vm.choices().ringAgainProperty().set(true); // a follow-up run: the operator means it
        assertEquals("0 of 2 rows will be skipped; 2 ready to send.", vm.summaryProperty().get());
        assertEquals("", vm.counts().skippedByProperty().get());
        assertTrue(vm.launchQuestion().contains("\n1 of these people was called in the last 24 hours, or has a call waiting:"
                + " they are rung again.\n"), vm::launchQuestion);
        vm.launch();
        runner.runDelayed();
        assertEquals(List.of("+13125550101", "+13125550177"),
                batches.get(batches.size() - 1).stream().map(DialRequest::phoneNumber).toList());

        vm.importFile(file("phone\n+13125550177\n+13125550188\n")); // the next file: a follow-up's choice is not its own
        assertFalse(vm.choices().ringAgainProperty().get());
        assertEquals("1 of 2 rows will be skipped; 1 ready to send.", vm.summaryProperty().get());
    }

    @Test
    void theTableShowsTheRowsOfOneReasonAndEveryRowAgainForTheRun() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n+13125550100\nnope\n+13125550101\n+13125550100\nwhat\n+13125550102\n"));
        assertEquals("3 of 6 rows will be skipped; 3 ready to send.", vm.summaryProperty().get());
        assertEquals(List.of("All rows (6)", "Ready (3)", "Skipped (3)", "Skipped: unparseable phone (2)",
                "Skipped: duplicate callee (1)"), vm.counts().rowsShownChoices().stream().map(vm.counts()::labelOf).toList());

        vm.counts().rowsShownProperty().set(vm.counts().rowsShownChoices().get(3));
        assertEquals(List.of(3, 6), vm.rows().stream().map(BulkRow::number).toList(), "the unparseable ones, in file order");
        vm.counts().rowsShownProperty().set(vm.counts().rowsShownChoices().get(2));
        assertEquals(List.of(3, 5, 6), vm.rows().stream().map(BulkRow::number).toList());
        assertEquals(1, vm.rows().indexOf(vm.rows().get(1)), "a row is found by its number among those shown");

        vm.toggleExcluded(2); // left out: planned again, still showing the skipped rows; row 5 is now the callee's first
        assertEquals(List.of(2, 3, 6), vm.rows().stream().map(BulkRow::number).toList());
        assertEquals(List.of("All rows (6)", "Ready (3)", "Skipped (3)", "Skipped: unparseable phone (2)",
                "Skipped: excluded by you (1)"), vm.counts().rowsShownChoices().stream().map(vm.counts()::labelOf).toList());
        vm.counts().rowsShownProperty().set(vm.counts().rowsShownChoices().get(4));
        assertEquals(List.of(2), vm.rows().stream().map(BulkRow::number).toList());
        vm.toggleExcluded(2); // taken back: no row is left out, so every row is shown again
        assertEquals(RowsShown.ALL, vm.counts().rowsShownProperty().get());
        assertEquals(6, vm.rows().size());

        vm.counts().rowsShownProperty().set(new RowsShown(RowsShown.Kind.REASON, org.dialdesk.bulk.BulkPlan.Skip.DO_NOT_CALL));
        assertEquals(0, vm.rows().size(), "no row has that reason");
        vm.counts().rowsShownProperty().set(vm.counts().rowsShownChoices().get(1));
        vm.launchQuestion();
        vm.launch();
        assertEquals(RowsShown.ALL, vm.counts().rowsShownProperty().get(), "the run shows every row as it goes");
        runner.runDelayed();
        assertEquals(6, vm.rows().size());
    }

    @Test
    void someoneCalledAfterThePreviewWasMadeStopsTheLaunchAndIsHeldBack() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n+13125550100\n+13125550101\n"));
        assertEquals("0 of 2 rows will be skipped; 2 ready to send.", vm.summaryProperty().get());
        // Meanwhile another run on the account calls row 3's callee.
        journal.create("r-1-bbbbbbbb", CLOCK.instant(), new OutboxJournal.RunSpec("other.csv", "other", "Sandbox",
                "https://acme.example/api/v1", false, 2, 5, "k1"), List.of(new OutboxJournal.NewRow(2, "+13125550101", "{}",
                OutboxJournal.State.PLANNED, null)));
        journal.markSending("r-1-bbbbbbbb", List.of(2), CLOCK.instant());
        journal.apply("r-1-bbbbbbbb", List.of(new OutboxJournal.Change(2, OutboxJournal.State.CREATED, "call-9", null, null,
                true, false, false)));

        vm.launchQuestion();
        vm.launch();
        runner.runDelayed();
        assertTrue(batches.isEmpty(), "nothing sent");
        assertEquals(BulkViewModel.Stage.PREVIEW, vm.stageProperty().get());
        assertEquals("Not launched: Since the preview was made, 1 of its people were called or given a call (row 3,"
                + " +13125550101 first). The rows were checked again: look at them and launch again. Nothing was sent.",
                vm.problemProperty().get());
        assertEquals("1 of 2 rows will be skipped; 1 ready to send.", vm.summaryProperty().get(), "checked again");
        vm.launchQuestion();
        vm.launch();
        runner.runDelayed();
        assertEquals(List.of("+13125550100"), batches.get(0).stream().map(DialRequest::phoneNumber).toList());
    }

    @Test
    void rowsOutsideCallingHoursWaitForThemWhenTheOperatorSays() throws Exception {
        hours = new CallingHours(LocalTime.of(9, 0), LocalTime.of(21, 0));
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n+18085550100\n+13125550100\n")); // 06:00 in Honolulu, 10:00 in Chicago
        assertEquals("1 of 2 rows will be skipped; 1 ready to send.", vm.summaryProperty().get());
        assertEquals(1, vm.counts().outsideHoursProperty().get());

        vm.choices().waitForHoursProperty().set(true);
        assertEquals("0 of 2 rows will be skipped; 2 ready to send.", vm.summaryProperty().get());
        assertEquals("Ready", vm.rows().get(0).status());
        assertEquals("Outside calling hours now: scheduled for 09:00 callee time, Mon 23 Nov 13:00 your time.",
                vm.rows().get(0).reason(), "09:00 in Honolulu, in the operator's zone (Chicago)");
        assertTrue(vm.launchQuestion().contains("\n1 of them are outside calling hours now and go when the hours open"),
                vm::launchQuestion);
        vm.launch();
        runner.runDelayed();
        assertEquals(Instant.parse("2026-11-23T19:00:00Z"), batches.get(0).get(0).scheduledFor());
        assertNull(batches.get(0).get(1).scheduledFor());
    }

    /** What the table showed of these rows each time rows were updated in place, with the stage then. */
    static List<String> inPlaceUpdates(BulkViewModel vm, int... indexes) {
        List<String> seen = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<BulkRow>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    StringBuilder line = new StringBuilder(vm.stageProperty().get().name());
                    for (int index : indexes) {
                        BulkRow row = vm.rows().get(index);
                        line.append(" | ").append(row.number()).append(' ').append(row.status()).append(' ').append(row.callId());
                    }
                    seen.add(line.toString().strip());
                }
            }
        });
        return seen;
    }

    @Test
    void whileARunGoesTheRowsInViewShowHowTheyStandInTheOutbox() throws Exception {
        runner.runAtOnce(Duration.ZERO).runAtOnce(TableRows.REST); // each progress handed over, and read, as it comes
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n+13125550100\n+13125550101\n+13125550102\n+13125550100\n+13125550104\n"));
        List<String> seen = inPlaceUpdates(vm, 0, 2, 3);
        vm.launchQuestion();
        vm.launch();

        // As the run starts, then after each request: the rows created with their call IDs, the rest as the outbox has them.
        assertEquals(List.of("SENDING | 2 Planned | 4 Planned | 5 Skipped", "SENDING | 2 Created call-1 | 4 Planned | 5 Skipped",
                "SENDING | 2 Created call-1 | 4 Created call-3 | 5 Skipped"),
                seen.stream().map(line -> line.replace("  ", " ")).distinct().toList());
        runner.runDelayed();
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());
        assertEquals("Created", vm.rows().get(2).status(), "then the results, whole");
        assertEquals("call-3", vm.rows().get(2).callId());
    }

    /** Resume pressed before the stopped run's rows (read on a busy worker) came back. */
    @Test
    void aRunResumedBeforeItsStoppedRowsAreReadStillShowsItsRowsAsTheyGo() throws Exception {
        runner.runAtOnce(Duration.ZERO).runAtOnce(TableRows.REST);
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n+13125550100\n+13125550101\n"));
        vm.launchQuestion();
        runner.holdWork();
        vm.launch();
        runner.release(0); // written to the outbox; its sending held
        vm.pause();
        runner.release(runner.heldCount() - 1); // the run stops before its first request; its rows' read is held
        assertEquals(BulkViewModel.Stage.STOPPED, vm.stageProperty().get());
        int stoppedRowsRead = runner.heldCount() - 1;

        vm.resume(); // the operator resumes at once
        assertEquals("Going on where the run stopped.", vm.summaryProperty().get());
        List<String> seen = inPlaceUpdates(vm, 0, 1);
        runner.release(stoppedRowsRead); // the stopped run's rows come back after the resume
        assertEquals(BulkViewModel.Stage.SENDING, vm.stageProperty().get());
        assertEquals("Going on where the run stopped.", vm.summaryProperty().get(), "not the stopped run's summary, mid-run");
        runner.releaseAll();
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());
        assertFalse(seen.isEmpty(), "the rows in view were never read while the resumed run went");
    }

    /** A two-row run sent to its end, and rows 2 and 3 shown as planned in a table that follows it. */
    record Followed(String run, TableRows table, ResultRows shown) {
    }

    Followed aTableFollowingARun() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n+13125550100\n+13125550101\n"));
        vm.launchQuestion();
        vm.launch();
        String run = journal.runs().get(0).id();

        TableRows table = new TableRows(desk(false, 2, 5), runner);
        table.setInView(() -> new int[] {0, 1});
        ResultRows shown = new ResultRows(List.of(new BulkRow(2, "", "Planned", "", "", false, false),
                new BulkRow(3, "", "Planned", "", "", false, false)));
        table.show(shown);
        table.follow(run);
        return new Followed(run, table, shown);
    }

    /** A change asked for while the last read rests is read once the rest is over: the last state is not lost. */
    @Test
    void aRefreshAskedForWhileRestingIsReadAfterTheRest() throws Exception {
        Followed followed = aTableFollowingARun();
        TableRows table = followed.table();
        String run = followed.run();
        table.refresh();
        assertEquals("Created", table.view().get(0).status());
        journal.apply(run, List.of(new OutboxJournal.Change(2, OutboxJournal.State.SENDING, null, null, CLOCK.instant(),
                false, false, false)));
        table.refresh(); // resting: asked for again
        runner.runDelayed(TableRows.REST);
        assertEquals("Being sent", table.view().get(0).status(), "the change asked for while resting was never read");
    }

    /** A read answered after the table went on to other rows changes nothing shown. */
    @Test
    void aReadAnsweredAfterTheTableShowsOtherRowsIsDropped() throws Exception {
        Followed followed = aTableFollowingARun();
        TableRows table = followed.table();
        ResultRows before = followed.shown();
        runner.holdWork();
        table.refresh();
        table.show(new ResultRows(List.of(new BulkRow(9, "", "Other", "", "", false, false))));
        List<javafx.collections.ListChangeListener.Change<?>> changes = new ArrayList<>();
        table.view().addListener((javafx.collections.ListChangeListener<BulkRow>) changes::add);
        runner.releaseAll();
        assertTrue(changes.isEmpty(), "an in-place update was sent for rows no longer shown");
        assertEquals("Planned", before.get(0).status(), "the rows no longer shown were overlaid");
    }

    @Test
    void onlyTheRowsInViewAndAroundThemAreReadWhileARunGoes() throws Exception {
        runner.runAtOnce(Duration.ZERO).runAtOnce(TableRows.REST);
        BulkViewModel vm = model(false, 50, 100);
        vm.loadLists();
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < 100; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "+1312555%04d%n", i));
        }
        vm.importFile(file(csv.toString()));
        vm.tableRows().setInView(() -> new int[] {60, 64});
        List<String> seen = inPlaceUpdates(vm, 0, 39, 40, 84, 85);
        vm.launchQuestion();
        vm.launch();

        // Rows 60-64 in view: rows 41-86 are read, the others show how they were planned until they come into view.
        assertEquals(List.of("SENDING | 2 Ready | 41 Ready | 42 Planned | 86 Planned | 87 Ready",
                "SENDING | 2 Ready | 41 Ready | 42 Created call-41 | 86 Planned | 87 Ready",
                "SENDING | 2 Ready | 41 Ready | 42 Created call-41 | 86 Created call-85 | 87 Ready"),
                seen.stream().map(line -> line.replace("  ", " ")).distinct().toList());
    }

    @Test
    void launchAsksNamingTheLiveProfileThenSendsAndShowsTheResults() throws Exception {
        BulkViewModel vm = model(true);
        vm.loadLists();
        vm.importFile(file("phone\n+13125550100\n+13125550101\n+13125550102\n+13125550100\n"));
        assertEquals("Send 3 calls on LIVE · Acme production?\n\nFrom Collections · +13125550142, the number's default use case.\n"
                + "1 of 4 rows will be skipped; 3 ready to send.\nThey go 2 to a request, at most 5 a second: under a minute.",
                vm.launchQuestion());

        vm.launch();
        runner.runDelayed(); // the progress handed to the UI thread
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());
        assertEquals(List.of(2, 1), batches.stream().map(List::size).toList());
        assertEquals("3 of 4 rows created. Finished.", vm.summaryProperty().get());
        assertEquals("Created", vm.rows().get(0).status());
        assertEquals("call-1", vm.rows().get(0).callId());
        assertEquals("Skipped", vm.rows().get(3).status());
        assertEquals(1.0, vm.progressProperty().get());

        Path results = dir.resolve("results.csv");
        vm.exportResults(results);
        assertEquals(5, Files.readAllLines(results).size());
        assertTrue(vm.toldProperty().get().startsWith("Results of 4 rows written to "), vm.toldProperty().get());
        assertEquals(dir.resolve("list-results.csv"), vm.exportTarget("results", Path.of("/elsewhere")),
                "offered beside the file, named after it");
    }

    @Test
    void theFileIsReadAgainAsTheOperatorSaysItIsWritten() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone;note\n+13125550100;a,b\n"));
        assertEquals(';', vm.formatProperty().get().delimiter());
        assertEquals(List.of("phone", "note"), vm.columns());
        vm.reread(vm.formatProperty().get().withDelimiter(','));
        assertEquals(List.of("phone;note"), vm.columns(), "read with commas, as asked");
        assertEquals("list.csv · UTF-8 · comma-separated · first row is the header", vm.fileSummaryProperty().get());
        assertTrue(vm.problemProperty().get().startsWith("No column is the phone number."), vm.problemProperty().get());
        assertFalse(vm.canLaunchProperty().get());
        vm.reread(vm.formatProperty().get().withDelimiter(';').withHeader(false));
        assertEquals(2, vm.rows().size(), "the header row is a row now");
        assertEquals("Unparseable phone", vm.rows().get(0).status());
    }

    @Test
    void theSameFileAgainIsAskedAboutAsItIs_itsPeopleHeldBackUnlessRungAgain() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        Path list = file("phone\n(312) 555-0100\n");
        vm.importFile(list);
        assertTrue(vm.launchQuestion().startsWith("Send 1 call on Sandbox (calls are simulated)?"), vm.launchQuestion());
        vm.launch();
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());

        vm.importFile(list);
        assertEquals("1 of 1 row will be skipped; 0 ready to send.", vm.summaryProperty().get(), "called minutes ago");
        vm.choices().ringAgainProperty().set(true);
        runner.runDelayed();
        String question = vm.launchQuestion();
        assertTrue(question.contains("1 of these people was called in the last 24 hours, or has a call waiting"), question);
        assertTrue(question.contains("This same file was sent on Sandbox already (run r-") && question.contains(
                "1 call created). The people it called in the last 24 hours are held back unless you chose to ring them"
                        + " again; people it called before that are rung again."), question);
    }

    @Test
    void cancelPressedWhileSendingRingsNobodyMoreWhileAskedAndTheKeptRunGoesOn() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n(312) 555-0100\n(312) 555-0101\n(312) 555-0102\n(312) 555-0103\n"));
        vm.launchQuestion();
        runner.holdWork();
        vm.launch();
        runner.release(0); // the run is written to the outbox; its sending is held, as on a busy worker
        vm.holdForCancelQuestion(); // Cancel pressed: the question is open
        runner.releaseAll();
        assertEquals(BulkViewModel.Stage.STOPPED, vm.stageProperty().get(), "stopped between requests while asked");
        assertTrue(batches.isEmpty(), "nobody is rung while the operator decides");
        assertFalse(vm.progressLineProperty().get().contains("/s"), "stopped: no pace, no time left; "
                + vm.progressLineProperty().get());

        vm.keepRun();
        runner.releaseAll();
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());
        assertEquals(4, batches.stream().mapToInt(List::size).sum(), "kept: every row went, once");
        assertEquals(List.of("BULK_LAUNCH", "BULK_PAUSE", "BULK_RESUME"), audited.stream().map(a -> a.split(":")[0]).toList(),
                "the operator's hand on the run is in the audit log: " + audited);
    }

    @Test
    void cancelConfirmedWhileSendingSendsNothingMoreAndARunThatFinishedMeanwhileSaysSo() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n(312) 555-0100\n(312) 555-0101\n(312) 555-0102\n"));
        vm.launchQuestion();
        runner.holdWork();
        vm.launch();
        runner.release(0);
        vm.holdForCancelQuestion();
        vm.cancel();
        runner.releaseAll();
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());
        assertTrue(batches.isEmpty(), "cancelled before its first request went");
        assertTrue(audited.get(audited.size() - 1).startsWith("BULK_CANCEL: Cancelled bulk run r-"), audited::toString);

        BulkViewModel other = model(false);
        other.loadLists();
        other.importFile(file("phone\n(312) 555-0110\n"));
        other.launchQuestion();
        other.launch(); // sent to its end at once
        assertEquals(BulkViewModel.Stage.ENDED, other.stageProperty().get());
        other.holdForCancelQuestion();
        other.cancel(); // confirmed after it had finished
        assertTrue(other.summaryProperty().get().endsWith("It had finished before it could be cancelled: nothing was"
                + " left to cancel."), other.summaryProperty().get());
    }

    @Test
    void closingTheProfileWaitsForTheRunBeingSentToStopBetweenRequests() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n(312) 555-0100\n(312) 555-0101\n"));
        assertTrue(vm.pauseAndWait(Duration.ZERO), "nothing is being sent");
        vm.launchQuestion();
        runner.holdWork();
        vm.launch();
        runner.release(0); // the run is written to the outbox; its sending is held, as on a busy worker
        assertFalse(vm.pauseAndWait(Duration.ZERO), "the run has not stopped yet");
        runner.releaseAll(); // it stops between requests, as asked
        assertTrue(vm.pauseAndWait(Duration.ZERO));
        assertEquals(BulkViewModel.Stage.STOPPED, vm.stageProperty().get());
        assertTrue(batches.isEmpty(), "paused before its first request");
    }

    @Test
    void aRowFixedInThePreviewIsCheckedAgainAndSentAsFixedWhileTheFileStaysAsItWas() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        String content = "phone,first_name\n(312) 555-0100,Ann\n(312) 555-01,Bob\n(312) 555-0102,Cy\n";
        Path list = file(content);
        vm.importFile(list);
        assertEquals("1 of 3 rows will be skipped; 2 ready to send.", vm.summaryProperty().get());
        assertEquals(List.of(new CellToFix("phone", BulkField.PHONE, "(312) 555-01"),
                new CellToFix("first_name", BulkField.METADATA, "Bob")), vm.cellsOf(3));

        assertTrue(vm.fixRow(3, java.util.Map.of("phone", "(312) 555-0101", "first_name", "Bob")).isEmpty());
        assertEquals("0 of 3 rows will be skipped; 3 ready to send.", vm.summaryProperty().get());
        assertEquals("Ready · fixed here", vm.rows().get(1).status());
        assertEquals("+13125550101", vm.rows().get(1).callee());
        assertEquals("(312) 555-0101", vm.cellsOf(3).get(0).value(), "the fix is what the row shows when opened again");
        assertEquals(1, vm.fixedRows());

        // Fixes hold through later changes: a column remapped, a row left out and back, the campaign.
        vm.map("first_name", BulkField.IGNORE);
        vm.toggleExcluded(2);
        vm.toggleExcluded(2);
        vm.choices().campaignProperty().set("winter");
        runner.runDelayed(); // the typing paused
        assertEquals("Ready · fixed here", vm.rows().get(1).status());

        // A fix that would make a duplicate is checked like any row.
        vm.fixRow(4, java.util.Map.of("phone", "+1 312 555 0100"));
        assertEquals("Duplicate callee · fixed here", vm.rows().get(2).status());
        assertEquals("Same callee as row 2; it is called once.", vm.rows().get(2).reason());
        // Set back as in the file, a row is no longer fixed.
        vm.fixRow(4, java.util.Map.of("phone", "(312) 555-0102"));
        assertEquals("Ready", vm.rows().get(2).status());
        assertEquals(1, vm.fixedRows());

        assertTrue(vm.fixRow(3, java.util.Map.of("first_name", "x".repeat(10_001))).orElseThrow()
                .startsWith("first_name has 10,001 characters"));
        assertEquals("Ready · fixed here", vm.rows().get(1).status(), "a refused fix leaves the row as it was");

        vm.launchQuestion();
        vm.launch();
        runner.runDelayed();
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());
        List<String> sent = batches.stream().flatMap(List::stream).map(DialRequest::phoneNumber).toList();
        assertEquals(List.of("+13125550100", "+13125550101", "+13125550102"), sent);
        assertEquals(content, Files.readString(list), "the file itself is not changed");
        assertEquals(1, audited.size(), audited::toString);
        assertTrue(audited.get(0).startsWith("BULK_LAUNCH: Bulk run "), audited.get(0));
        assertTrue(audited.get(0).endsWith("; 1 row fixed in the console (the file is unchanged)"), audited.get(0));
    }

    @Test
    void fixesOutliveReadingTheFileAnotherWayAndGoWithAnotherFile() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone;note\nnope;a\n+13125550101;b\n"));
        vm.fixRow(2, java.util.Map.of("phone", "+13125550100"));
        assertEquals("Ready · fixed here", vm.rows().get(0).status());

        vm.reread(vm.formatProperty().get().withDelimiter(','));
        assertEquals(List.of("phone;note"), vm.columns(), "no phone column in this reading: the fix waits aside");
        vm.reread(vm.formatProperty().get().withDelimiter(';'));
        assertEquals("Ready · fixed here", vm.rows().get(0).status(), "read as before, the fix applies again");
        assertEquals("+13125550100", vm.rows().get(0).callee());

        vm.importFile(file("phone\nnope\n"));
        assertEquals(0, vm.fixedRows());
        assertEquals("Unparseable phone", vm.rows().get(0).status());
    }

    @Test
    void launchWaitsForThePlanOfTheLastChangeAndSendsOnlyThePlanItAskedAbout() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone,first_name\n(312) 555-0100,Ann\n(312) 555-0199,Bob\n"));
        vm.launchQuestion();
        runner.holdWork();
        vm.fixRow(3, java.util.Map.of("phone", "(312) 555-0101"));
        assertFalse(vm.canLaunchProperty().get(), "the rows on screen are not what would be sent until the fix is planned");
        vm.launch();
        assertEquals(1, runner.heldCount(), "nothing launched: only the fix's plan waits");
        runner.releaseAll();
        assertTrue(vm.canLaunchProperty().get());
        vm.launch();
        assertTrue(vm.problemProperty().get().startsWith("The preview changed while you were asked"), vm.problemProperty().get());
        assertEquals(0, journal.runs().size(), "a launch asked about the old preview sends nothing");

        vm.launchQuestion();
        runner.holdWork();
        vm.launch(); // held: the outbox write and the run
        vm.toggleExcluded(2); // cannot happen on screen while sending; a plan in flight must not come back either
        vm.choices().campaignProperty().set("late");
        runner.releaseAll();
        runner.runDelayed();
        assertEquals(BulkViewModel.Stage.ENDED, vm.stageProperty().get());
        assertFalse(vm.canLaunchProperty().get());
        assertEquals(List.of("+13125550100", "+13125550101"),
                batches.stream().flatMap(List::stream).map(DialRequest::phoneNumber).toList());
        assertEquals(1, journal.runs().size());
    }

    @Test
    void aRowOpenedAgainBeforeItsFixIsPlannedShowsTheFix() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone,first_name\n(312) 555-0100,Ann\n(312) 555-01,Bob\n"));
        runner.holdWork();
        vm.fixRow(3, java.util.Map.of("phone", "(312) 555-0101"));
        java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
        vm.cellsOf(3).forEach(cell -> typed.put(cell.column(), cell.value()));
        assertEquals("(312) 555-0101", typed.get("phone"));
        typed.put("first_name", "Robert");
        vm.fixRow(3, typed);
        runner.releaseAll();
        assertEquals("Ready · fixed here", vm.rows().get(1).status());
        assertEquals("+13125550101", vm.rows().get(1).callee());
    }

    @Test
    void aFixThisReadingDoesNotApplyIsNotShownAsFixedAndCellsPastTheHeaderAreShown() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone,note\n3125550199,a\n+13125550101,b,extra\n"));
        assertEquals(List.of(new CellToFix("phone", BulkField.PHONE, "+13125550101"),
                new CellToFix("note", BulkField.METADATA, "b"), new CellToFix("cell 3", null, "extra")),
                vm.cellsOf(3), "a cell past the header is shown, marked as having no column");
        vm.fixRow(2, java.util.Map.of("phone", "+13125550100"));
        assertEquals("Ready · fixed here", vm.rows().get(0).status());
        vm.reread(vm.formatProperty().get().withHeader(false));
        assertEquals("Ready", vm.rows().get(1).status(), "read without a header there is no phone column to fix");
        assertEquals("+13125550199", vm.rows().get(1).callee());
        assertEquals(1, vm.fixedRows(), "kept aside all the same");
    }

    @Test
    void theSkippedRowsExportWithTheFilesOwnCellsAsFixedAndWhy() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone,first_name\n(312) 555-0100,Ann\nnope,Bob\n(312) 555-01,Cy\n(312) 555-0100,Di\n"));
        vm.fixRow(4, java.util.Map.of("first_name", "Cyrus"));
        BulkRow third = vm.rows().get(2);
        assertEquals(2, vm.rows().indexOf(third), "found by its number, as the table finds its selected row");
        assertEquals(-1, vm.rows().indexOf(new BulkRow(4, third.callee(), "Ready", "", "", true, false)),
                "a row as it was before the plan is not this one");
        Path rejects = dir.resolve("rejects.csv");
        vm.exportRejects(rejects);
        assertEquals(List.of("phone,first_name,row,skipped_because",
                "nope,Bob,3,Unparseable phone: nope: Not a phone number: use digits, optionally starting with + and the"
                        + " country code.",
                "(312) 555-01,Cyrus,4,Unparseable phone: (312) 555-01: Not a valid United States number (numbers without +"
                        + " are read as United States). For another country, start with + and its code.",
                "(312) 555-0100,Di,5,Duplicate callee: Same callee as row 2; it is called once."),
                Files.readAllLines(rejects, StandardCharsets.UTF_8).stream()
                        .map(line -> line.replace("\uFEFF", "").replace("\"", "")).toList()); // a mark for Excel, quotes
    }

    @Test
    void aFileThatCannotBeReadSaysWhyAndKeepsTheScreenAsItWas() throws Exception {
        BulkViewModel vm = model(false);
        vm.importFile(file(""));
        assertEquals(BulkViewModel.Stage.EMPTY, vm.stageProperty().get());
        assertEquals("list.csv is empty: there are no rows to call. Nothing was sent.", vm.problemProperty().get());

        vm.importFile(file("phone\n+13125550100\n"));
        assertEquals(BulkViewModel.Stage.PREVIEW, vm.stageProperty().get());
        vm.importFile(dir.resolve("missing.csv"));
        assertEquals(BulkViewModel.Stage.PREVIEW, vm.stageProperty().get(), "the previous preview stays");
        assertEquals(1, vm.rows().size());
        assertTrue(vm.problemProperty().get().endsWith("Still showing list.csv as it was read before. Nothing was sent."),
                "the preview on screen is not taken for the file that failed: " + vm.problemProperty().get());
    }

    @Test
    void aCampaignTypedALetterAtATimeIsCheckedOnceTheTypingStopsAndLaunchWaitsForIt() throws Exception {
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("phone\n+13125550100\n+13125550101\n"));
        assertTrue(vm.canLaunchProperty().get());
        List<Boolean> checking = new ArrayList<>();
        vm.checkingProperty().addListener((obs, was, now) -> checking.add(now));

        for (String typed : List.of("w", "wi", "win")) {
            vm.choices().campaignProperty().set(typed);
        }
        assertTrue(checking.isEmpty(), "no plan per letter");
        assertFalse(vm.canLaunchProperty().get(), "the rows shown are not yet what would be sent");
        assertEquals(List.of(BulkViewModel.TYPING_PAUSE), runner.delays().stream().distinct().toList());

        runner.runDelayed();
        assertEquals(List.of(true, false), checking, "one plan, once the typing stopped");
        assertTrue(vm.canLaunchProperty().get());
        vm.launchQuestion();
        vm.launch();
        assertEquals(List.of("win", "win"), batches.stream().flatMap(List::stream).map(DialRequest::campaignId).toList());
    }

    @Test
    void anotherCallerWithTheSameDefaultUseCaseKeepsTheColumnsAsTheOperatorMappedThem() throws Exception {
        UseCase reminder = new UseCase("650000000000000000000009", "Reminder", "en-US", 10, null, null, null, null,
                "Hi {{patient_name}}.", false);
        UseCase survey = new UseCase("650000000000000000000008", "Survey", "en-US", 10, null, null, null, null,
                "Hello {{customer}}.", false);
        lists = new OrgDirectory.Snapshot(1, new OrgDirectory.Listing<>(List.of(
                new CallerNumber("640000000000000000000011", "+13125550111", "Front desk", "Chicago", reminder.id()),
                new CallerNumber("640000000000000000000012", "+13125550112", "Back office", "Chicago", reminder.id()),
                new CallerNumber("640000000000000000000013", "+13125550113", "Research", "Chicago", survey.id())), null),
                new OrgDirectory.Listing<>(List.of(reminder, survey), null), LISTS.agents(), LISTS.models(), Instant.EPOCH);
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.choices().numberIdProperty().set("640000000000000000000011");
        vm.importFile(file("phone,patient_name,ref\n+13125550100,Ada,A1\n"));
        assertEquals(BulkField.PARAM, vm.fieldOf("patient_name"), "the default use case's variable");
        vm.map("ref", BulkField.PARAM);

        vm.choices().numberIdProperty().set("640000000000000000000012");
        assertEquals(BulkField.PARAM, vm.fieldOf("ref"), "the same default use case: the operator's mapping stays");

        vm.choices().numberIdProperty().set("640000000000000000000013");
        assertEquals(BulkField.METADATA, vm.fieldOf("patient_name"), "another default use case: mapped for its variables");
    }

    @Test
    void aColumnMappedByHandIsOfferedForTheUseCasesNextFileAndAColumnThatGaveUpItsVariableIsNamed() throws Exception {
        UseCase reminder = new UseCase("650000000000000000000009", "Reminder", "en-US", 10, null, null, null, null,
                "Hi {{patient_name}}, see you at {{clinic}}.", false);
        lists = new OrgDirectory.Snapshot(1, new OrgDirectory.Listing<>(List.of(
                new CallerNumber("640000000000000000000011", "+13125550111", "Front desk", "Chicago", reminder.id())), null),
                new OrgDirectory.Listing<>(List.of(reminder), null), LISTS.agents(), LISTS.models(), Instant.EPOCH);
        BulkViewModel vm = model(false);
        vm.loadLists();
        vm.importFile(file("Tel,First Name,Location,Site\n+13125550100,Ada,North,N1\n"));
        vm.map("First Name", new ColumnRole(BulkField.PARAM, "patient_name"));
        vm.map("Location", new ColumnRole(BulkField.PARAM, "clinic"));
        vm.map("Site", new ColumnRole(BulkField.PARAM, "clinic")); // the variable moves to another column
        assertEquals(BulkField.METADATA, vm.fieldOf("Location"));
        assertEquals("\"Site\" is {{clinic}}; \"Location\" is Metadata now (each is one column's).",
                vm.toldProperty().get());

        // Not launched: the next file of the use case is offered the columns as the operator left them.
        BulkViewModel next = model(false);
        next.loadLists();
        next.importFile(file("Tel,First Name,Location,Site\n+13125550101,Bo,South,S1\n"));
        assertEquals(new ColumnRole(BulkField.PARAM, "patient_name"), next.roleOf("First Name"));
        assertEquals(new ColumnRole(BulkField.PARAM, "clinic"), next.roleOf("Site"));
        assertEquals(BulkField.METADATA, next.fieldOf("Location"));
    }

    /** A run of two rows launched from a screen of its own, to the end; its ID. */
    String launchedRunOfTwo() throws Exception {
        BulkViewModel first = model(false);
        first.loadLists();
        first.importFile(file("phone\n+13125550100\n+13125550101\n"));
        first.launchQuestion();
        first.launch();
        return journal.runs().get(0).id();
    }

    @Test
    void anotherFileIsNotReadWhileARunIsPausedSoThePausedRunIsNotHidden() throws Exception {
        String run = launchedRunOfTwo();
        journal.setRunState(run, OutboxJournal.RunState.PAUSED, null);
        BulkViewModel again = model(false);
        again.offerUnfinished();
        assertEquals(BulkViewModel.Stage.STOPPED, again.stageProperty().get());
        String shown = again.fileSummaryProperty().get();

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "phone\n+13125550177\n", StandardCharsets.UTF_8);
        again.importFile(other);

        assertEquals(BulkViewModel.Stage.STOPPED, again.stageProperty().get(), "the paused run stays, to resume or cancel");
        assertEquals(shown, again.fileSummaryProperty().get());
        assertEquals("A run is paused: resume it, or cancel it, before importing another file. Nothing was read.",
                again.problemProperty().get());
    }

    @Test
    void aRunLeftUnfinishedIsOfferedAgainAndResumes() throws Exception {
        String run = launchedRunOfTwo();
        // As a console killed mid-run leaves it: a row still marked as being sent, the run not finished.
        journal.apply(run, List.of(new OutboxJournal.Change(2, OutboxJournal.State.SENDING, null, null, CLOCK.instant(),
                false, false, false)));
        journal.setRunState(run, OutboxJournal.RunState.RUNNING, null);
        int sentBefore = batches.size();

        BulkViewModel again = model(false);
        List<String> told = new ArrayList<>();
        again.offerUnfinished(told::add, told::remove);
        assertEquals(List.of("A bulk run of list.csv (run " + run + ") stopped before its end. Open Bulk to resume it or"
                + " cancel it; nothing is sent until you do."), told, "said in the window, whatever screen is open");
        assertEquals(BulkViewModel.Stage.STOPPED, again.stageProperty().get());
        assertEquals(0.5, again.progressProperty().get(), "the progress bar as it stood: one row of two created");
        assertTrue(again.fileSummaryProperty().get().startsWith("list.csv · run " + run), again.fileSummaryProperty().get());
        List<String> summaries = new ArrayList<>();
        again.summaryProperty().addListener((obs, old, now) -> summaries.add(now));
        runner.runAtOnce(Duration.ZERO).runAtOnce(TableRows.REST);
        List<String> seen = inPlaceUpdates(again, 0);
        again.resume();
        assertEquals(BulkViewModel.Stage.ENDED, again.stageProperty().get());
        assertEquals("list.csv · run " + run + ", ended", again.fileSummaryProperty().get(), "not 'not finished' any more");
        assertEquals(List.of(), told, "the window's notice goes once the run is resumed");
        assertEquals("Going on where the run stopped.", summaries.get(0), "not the summary of where it had stopped");
        // The row left being sent shows each step while the run goes: checked in history, planned again, sent.
        assertEquals(List.of("Uncertain", "Planned", "Created"), seen.stream().map(line -> line.split(" ")[3]).distinct().toList(),
                String.join("\n", seen));
        // History (scripted: complete, and without the call) proved it was not placed, so it went again, alone.
        assertEquals(OutboxJournal.State.CREATED, journal.row(run, 2).orElseThrow().state());
        assertTrue(journal.row(run, 2).orElseThrow().reconciled());
        assertEquals(List.of(1), batches.subList(sentBefore, batches.size()).stream().map(List::size).toList());
    }

    /** Creates every batch it is sent. */
    final class CreatingDials extends BatchOnlyDials {
        int created;

        @Override
        public BatchOutcome sendBatch(List<DialRequest> requests) {
            batches.add(requests);
            List<DialResponse> responses = new ArrayList<>();
            for (DialRequest ignored : requests) {
                responses.add(new DialResponse("call-" + (++created), null, null, null, null, null));
            }
            return new BatchOutcome.Created(responses);
        }

        @Override
        public List<Call> callsCreatedSince(Instant since, int max) {
            return List.of();
        }

        @Override
        public String baseUrl() {
            return "https://acme.example/api/v1";
        }
    }
}
