package org.dialdesk.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.Dashboard;
import org.dialdesk.domain.HistoryColumn;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.service.HistorySync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dialdesk.domain.TableLayout;
import java.util.Optional;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.testing.DirectTaskRunner;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.SandboxWithCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Comparator;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;

class HistoryViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    static final String SUPPORT_LINE = "640000000000000000000001";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    // Counts are not waited for here but in their own test (typingCountsOnlyTheQueryItSettlesOn).
    final DirectTaskRunner runner = new DirectTaskRunner().runAtOnce(HistoryTableModel.COUNT_SETTLE);
    final List<Call> dialAgain = new ArrayList<>();
    SandboxWithCache service;
    Sandbox sandbox;
    DialClient client;
    HistoryCache cache;
    HistoryViewModel vm;

    @BeforeEach
    void start() throws Exception {
        service = SandboxWithCache.start(dir, clock);
        sandbox = service.sandbox();
        client = service.client();
        cache = service.cache();
        vm = newViewModel();
    }

    HistoryViewModel newViewModel() {
        return new HistoryViewModel(new HistorySync(client, cache, clock), runner, clock, dialAgain::add);
    }

    @AfterEach
    void stop() throws SQLException {
        vm.close();
        service.close();
    }

    String dial(String phone) {
        return client.dialOutbound(DialRequest.builder().numberId(SUPPORT_LINE).phoneNumber(phone).build()).id();
    }

    void play(Duration total) throws SQLException {
        for (long s = 0; s < total.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            sandbox.advance();
        }
    }

    /** Every row the table would show, each page read as a table scrolled over it reads it. */
    List<HistoryRow> shown() {
        for (int i = 0; i < vm.rows().size(); i += HistoryTableModel.PAGE) {
            vm.want(i);
        }
        List<HistoryRow> rows = List.copyOf(vm.rows());
        assertTrue(rows.stream().noneMatch(HistoryViewModel::isPending), "every page read");
        return rows;
    }

    HistoryRow row(String id) {
        return shown().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    int indexOf(String id) {
        return shown().stream().map(HistoryRow::id).toList().indexOf(id);
    }

    /** Every cached call, newest first. */
    List<HistoryRow> cached() throws SQLException {
        return cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, ZoneOffset.UTC, 0, 100_000);
    }

    /** Writes a changed call to the cache, as a sync would, and tells the view model. */
    void changeInCache(HistoryRow changed) throws SQLException {
        vm.merge(List.of(changed), cache.upsert(List.of(changed), List.of("{}")));
    }

    @Test
    void anEmptyTableSaysWhetherThereAreNoCallsOrNoneMatch() throws Exception {
        vm.open();
        assertTrue(vm.emptyTextProperty().get().startsWith("No calls yet"), vm.emptyTextProperty().get());

        sandbox.addDemoCalls(30, 1);
        vm.syncNow();
        assertEquals(30, vm.rows().size());
        vm.searchProperty().set("nobody-has-this-name");
        assertTrue(vm.rows().isEmpty());
        assertEquals("No calls match these filters; Clear filters shows all 30.", vm.emptyTextProperty().get());
    }

    @Test
    void opensOnTheServicesCallsAndCachesThem() throws Exception {
        sandbox.addDemoCalls(300, 1);
        vm.open();
        assertEquals(300, vm.rows().size());
        assertTrue(vm.summaryProperty().get().startsWith("300 of 300 calls · synced"), vm.summaryProperty().get());
        assertEquals(300, cache.count());
        assertTrue(shown().get(0).createdMs() >= shown().get(299).createdMs(), "newest first");

        // A second start shows the cache before (and without) the service.
        client.close();
        sandbox.close();
        HistoryViewModel offline = newViewModel();
        offline.open();
        assertEquals(300, offline.rows().size());
        assertTrue(offline.syncProblemProperty().get().startsWith("Not synced"), offline.syncProblemProperty().get());
        assertTrue(offline.pollDelay().compareTo(HistoryViewModel.FAST_POLL) > 0, "backs off on errors");
        offline.close();
    }

    @Test
    void aDialedCallAppearsAndWalksToItsEndInPlace() throws Exception {
        vm.open();
        String id = dial("+14155550129");
        vm.syncNow();
        assertEquals("Queued", row(id).status());
        vm.selectedRowProperty().set(row(id));
        int index = indexOf(id);

        play(Duration.ofSeconds(12));
        assertTrue(runner.runDelayed() >= 1, "the next poll was scheduled");
        assertEquals("In progress", row(id).status());
        assertEquals(index, indexOf(id), "updated in place");
        assertEquals(HistoryViewModel.FAST_POLL, vm.pollDelay(), "polls fast while calls are live");

        play(Duration.ofMinutes(5));
        runner.runDelayed();
        assertEquals("Completed", row(id).status());
        assertEquals("Completed", vm.selectedCallProperty().get().status().wireName(), "the detail follows");
        assertTrue(row(id).durationSeconds() > 0);

        runner.runDelayed();
        runner.runDelayed();
        assertTrue(vm.pollDelay().compareTo(HistoryViewModel.FAST_POLL) > 0, "backs off when idle: " + vm.pollDelay());
        for (int i = 0; i < 10; i++) {
            runner.runDelayed();
        }
        assertEquals(HistoryViewModel.IDLE_POLL, vm.pollDelay());
    }

    @Test
    void filtersNarrowTheRowsAtOnceAndGoToTheService() throws Exception {
        sandbox.addDemoCalls(500, 7);
        String mine = dial("+14155550129");
        vm.open();
        int all = vm.rows().size();

        vm.searchProperty().set("+1 415 555 0129");
        assertEquals(1, vm.rows().size(), "typing filters the loaded rows at once");
        assertEquals(mine, vm.rows().get(0).id());
        vm.searchProperty().set("");
        assertEquals(all, vm.rows().size());

        vm.statusFilter().setAll("Busy", "Failed");
        assertTrue(shown().stream().allMatch(r -> r.status().equals("Busy") || r.status().equals("Failed")));
        assertTrue(vm.rows().size() > 0 && vm.rows().size() < all);
        assertEquals(List.of("Busy", "Failed"), vm.serviceQuery(List.of()).statuses());

        vm.campaignFilterProperty().set("win-back");
        assertTrue(shown().stream().allMatch(r -> "win-back".equals(r.campaign())));
        vm.clearFilters();
        vm.useCaseFilterProperty().set("Kundenumfrage");
        assertTrue(shown().stream().allMatch(r -> "Kundenumfrage".equals(r.useCase())));
        assertEquals(List.of("650000000000000000000004"), cache.useCaseIdsNamed("Kundenumfrage"),
                "the service is asked for the use case's IDs");

        vm.clearFilters();
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        vm.fromDateProperty().set(today);
        vm.toDateProperty().set(today);
        assertTrue(shown().stream().allMatch(r -> LocalDate.ofInstant(Instant.ofEpochMilli(r.createdMs()),
                ZoneOffset.UTC).equals(today)));
        assertTrue(shown().stream().anyMatch(r -> r.id().equals(mine)));

        assertTrue(runner.runDelayed() >= 1, "the settled filter runs on the service");
        assertTrue(vm.syncProblemProperty().get() == null, vm.syncProblemProperty().get());
    }

    @Test
    void everyKeystrokeShowsExactlyWhatAFullFilterFindsInTheChosenOrder() throws Exception {
        sandbox.addDemoCalls(600, 5);
        vm.open();
        vm.setOrder(HistoryOrder.by(HistoryColumn.CALLEE, false));
        List<HistoryRow> all = cached();
        String[] typed = {"a", "ad", "ada", "ada ", "ada l", "ada lo", "ada l", "ada", "ad", "+1", "+1 4", "+1 41",
                "+1 415 5", "+1 415", "win", "win-", "win-back", "", "grace", "grace h", "(415) 555", "14155"};
        for (String text : typed) {
            vm.searchProperty().set(text);
            if (text.equals("win")) {
                vm.statusFilter().setAll("Busy"); // another filter changing in between
            }
            Predicate<HistoryRow> full = vm.predicate();
            List<HistoryRow> expected = all.stream().filter(full).sorted(Comparator.comparing(HistoryRow::callee)).toList();
            assertEquals(expected.stream().map(HistoryRow::id).sorted().toList(),
                    shown().stream().map(HistoryRow::id).sorted().toList(), "rows for \"" + text + "\"");
            assertEquals(expected.stream().map(HistoryRow::callee).toList(),
                    shown().stream().map(HistoryRow::callee).toList(), "order for \"" + text + "\"");
        }

        // A call changes between keystrokes: going back to an earlier search shows it as it is now.
        vm.searchProperty().set("");
        vm.statusFilter().setAll("Busy");
        HistoryRow notBusy = all.stream().filter(r -> !r.status().equals("Busy")).findFirst().orElseThrow();
        vm.searchProperty().set("x");
        changeInCache(busy(notBusy));
        vm.searchProperty().set("");
        assertTrue(shown().stream().anyMatch(r -> r.id().equals(notBusy.id()) && r.status().equals("Busy")),
                "the changed call is among the Busy ones");
    }

    static HistoryRow busy(HistoryRow r) {
        return new HistoryRow(r.id(), r.createdMs(), "Busy", r.callee(), r.caller(), r.useCaseId(), r.useCase(), r.agent(),
                "No contact", r.durationSeconds(), r.campaign(), r.scheduledFor(), r.language(), r.type(), r.searchText());
    }

    @Test
    void typingCountsOnlyTheQueryItSettlesOn() throws Exception {
        DirectTaskRunner waiting = new DirectTaskRunner();
        sandbox.addDemoCalls(300, 1);
        HistoryViewModel typing = new HistoryViewModel(new HistorySync(client, cache, clock), waiting, clock, dialAgain::add);
        try {
            typing.open(); // the calls synced and shown: counted by the refresh that follows a sync
            waiting.runDelayed(HistoryTableModel.COUNT_SETTLE);
            assertEquals(300, typing.rows().size());

            // Three keystrokes in a row: each shows its first page, and only the last one is counted.
            typing.searchProperty().set("a");
            typing.searchProperty().set("an");
            typing.searchProperty().set("e");
            List<HistoryRow> expected = cached().stream().filter(typing.predicate()).toList();
            assertTrue(expected.size() > HistoryTableModel.PAGE, "a search that finds more than a page: " + expected.size());
            assertEquals(expected.subList(0, HistoryTableModel.PAGE), List.copyOf(typing.rows()));
            assertTrue(typing.summaryProperty().get().startsWith("100+ of 300 calls"), typing.summaryProperty().get());
            waiting.holdWork();
            assertEquals(1, waiting.runDelayed(HistoryTableModel.COUNT_SETTLE), "the earlier keystrokes' counts were called off");
            assertEquals(1, waiting.heldCount(), "one count runs");
            waiting.releaseAll();
            assertEquals(expected.size(), typing.rows().size());
            assertTrue(typing.summaryProperty().get().startsWith(expected.size() + " of 300 calls"), typing.summaryProperty().get());
        } finally {
            typing.close();
        }
    }

    @Test
    void queriesOffTheUiThreadShowOnlyTheLatestResultAndACountComesAfterItsFirstPage() throws Exception {
        sandbox.addDemoCalls(300, 1);
        vm.open();
        List<HistoryRow> all = cached();
        runner.holdWork();

        // A search that finds more than a page but not every call.
        String broad = List.of("a", "e", "on", "er", "an", "ar", "in").stream()
                .filter(word -> {
                    long n = all.stream().filter(CallFilter.of(List.of(), "", "", "", null, null, word).predicate(ZoneOffset.UTC)).count();
                    return n > HistoryTableModel.PAGE && n < 300;
                }).findFirst().orElseThrow();
        vm.searchProperty().set("grace");
        vm.searchProperty().set(broad);
        Predicate<HistoryRow> ad = vm.predicate();
        assertEquals(2, runner.heldCount());
        assertEquals(300, vm.rows().size(), "until a result is ready, the table keeps the rows it had");

        runner.release(1); // the broad search's first page is ready first
        List<HistoryRow> expected = all.stream().filter(ad).toList();
        assertTrue(expected.size() > HistoryTableModel.PAGE && expected.size() < 300, "the search narrows: " + expected.size());
        assertEquals(HistoryTableModel.PAGE, vm.rows().size(), "its first page, before it is counted");
        assertTrue(vm.summaryProperty().get().startsWith("100+ of 300 calls"), vm.summaryProperty().get());
        assertEquals(expected.subList(0, HistoryTableModel.PAGE), List.copyOf(vm.rows()));
        runner.release(0); // "grace" comes late: not shown over the newer result
        assertEquals(expected.subList(0, HistoryTableModel.PAGE), List.copyOf(vm.rows()));

        runner.releaseAll(); // the count
        assertEquals(expected.size(), vm.rows().size());
        assertTrue(vm.summaryProperty().get().startsWith(expected.size() + " of 300 calls"), vm.summaryProperty().get());

        // A call hidden by the search changes while the rows for a cleared search are being read.
        HistoryRow hidden = all.stream().filter(ad.negate()).filter(r -> !r.status().equals("Busy")).findFirst().orElseThrow();
        runner.holdWork();
        vm.searchProperty().set("");
        changeInCache(busy(hidden));
        runner.releaseAll();
        assertEquals(300, vm.rows().size());
        assertEquals("Busy", row(hidden.id()).status(), "the table shows the call as it is now");
    }

    @Test
    void aHistoryLargerThanThePagesKeptHoldsOnlyThePagesInView() throws Exception {
        sandbox.addDemoCalls(2_500, 4);
        vm.open();
        assertEquals(2_500, vm.rows().size());
        long read = vm.rows().stream().filter(r -> !HistoryViewModel.isPending(r)).count();
        assertEquals(HistoryTableModel.PAGE, read, "only the first page is read until rows come into view");

        vm.want(2_499); // scrolled to the end
        HistoryRow last = vm.rows().get(2_499);
        assertFalse(HistoryViewModel.isPending(last));
        assertEquals(cached().get(2_499), last, "the oldest call, last");
        for (int i = 0; i < 2_500; i += HistoryTableModel.PAGE) {
            vm.want(i);
        }
        read = vm.rows().stream().filter(r -> !HistoryViewModel.isPending(r)).count();
        assertEquals(HistoryTableModel.KEPT_PAGES * HistoryTableModel.PAGE, read, "the pages seen longest ago let go");
        assertFalse(HistoryViewModel.isPending(vm.rows().get(2_499 - 100)), "the pages seen last are kept");
    }

    @Test
    void aCallThatChangesIsReplacedInPlaceAndNewCallsComeOnTop() throws Exception {
        sandbox.addDemoCalls(250, 6);
        vm.open();
        List<HistoryRow> before = shown();
        HistoryRow selected = before.get(120);
        vm.selectedRowProperty().set(selected);
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<HistoryRow>) change -> {
            while (change.next()) {
                changes.add(change.wasReplaced() ? "replaced " + change.getFrom() + "-" + change.getTo()
                        : change.wasAdded() ? "added " + change.getFrom() + "-" + change.getTo() : "other");
            }
        });

        HistoryRow changed = busy(before.get(130));
        changeInCache(changed);
        assertEquals(List.of("replaced 130-131"), changes, "one row replaced, where it was");
        assertSame(before.get(129), vm.rows().get(129), "the others are the same objects");
        assertEquals(120, vm.selectedPositionProperty().get());

        changes.clear();
        String id = dial("+14155550129");
        vm.syncNow();
        assertEquals("added 0-1", changes.get(0), "a new call on top; the rows below keep their order");
        assertEquals(id, vm.rows().get(0).id());
        assertEquals(121, vm.selectedPositionProperty().get(), "the selected call moved down with the rest");
        assertEquals(131, indexOf(changed.id()), "the changed call moved down with the rest");
    }

    @Test
    void aSelectedCallTheFiltersLeaveOutStaysInTheDetailAndSaysWhy() throws Exception {
        sandbox.addDemoCalls(50, 3);
        vm.open();
        HistoryRow picked = shown().stream().filter(r -> !r.status().equals("Busy")).findFirst().orElseThrow();
        vm.selectedRowProperty().set(picked);
        assertNull(vm.hiddenByFilterProperty().get());
        vm.statusFilter().setAll("Busy");
        runner.runDelayed();
        assertTrue(shown().stream().noneMatch(r -> r.id().equals(picked.id())));
        assertEquals("Hidden from the list by the filters.", vm.hiddenByFilterProperty().get());
        assertEquals(picked.id(), vm.selectedCallProperty().get().id(), "still shown: the operator may be reading it");
        vm.clearFilters();
        runner.runDelayed();
        assertNull(vm.hiddenByFilterProperty().get());
    }

    @Test
    void aScheduledCallCanBeCancelledAndAFinishedOneCannot() throws Exception {
        String scheduled = client.dialOutbound(DialRequest.builder().numberId(SUPPORT_LINE).phoneNumber("+14155550129")
                .scheduledFor(NOW.plusSeconds(3600)).build()).id();
        String finished = dial("+14155550128");
        play(Duration.ofMinutes(5));
        vm.open();

        vm.selectedRowProperty().set(row(scheduled));
        assertEquals("Scheduled", vm.selectedCallProperty().get().status().wireName());
        vm.cancelSelected();
        assertEquals("Canceled", row(scheduled).status());
        assertTrue(vm.detailMessageProperty().get().startsWith("Cancelled"), vm.detailMessageProperty().get());

        vm.selectedRowProperty().set(row(finished));
        vm.cancelSelected();
        assertTrue(vm.detailMessageProperty().get().contains("only Scheduled or Queued"), vm.detailMessageProperty().get());
        assertEquals("Completed", row(finished).status());
    }

    @Test
    void aCalleeIsPutOnTheDoNotCallListFromTheirCall() throws Exception {
        String finished = dial("+14155550127");
        play(Duration.ofMinutes(5));
        vm.open();
        assertFalse(vm.canListCallee(), "without the list, History offers nothing");
        java.util.List<String> listed = new java.util.ArrayList<>();
        HistoryViewModel withList = new HistoryViewModel(new HistorySync(client, cache, clock), runner, clock, dialAgain::add,
                org.dialdesk.domain.TableLayout.DEFAULT, layout -> { }, Duration.ofSeconds(30), e164 -> {
                    listed.add(e164);
                    return e164 + " is on the do-not-call list now.";
                });
        withList.open();
        withList.selectedRowProperty().set(row(finished));
        assertTrue(withList.canListCallee());
        withList.doNotCallSelected();
        assertEquals(java.util.List.of("+14155550127"), listed);
        assertEquals("+14155550127 is on the do-not-call list now.", withList.detailMessageProperty().get());
        withList.close();
    }

    @Test
    void aLiveCallCanBeStoppedAndTheDetailShowsItsTranscript() throws Exception {
        String id = dial("+14155550129");
        play(Duration.ofSeconds(30));
        vm.open();
        vm.selectedRowProperty().set(row(id));
        assertEquals("In progress", vm.selectedCallProperty().get().status().wireName());
        assertNotNull(vm.transcriptProperty().get());
        assertFalse(vm.transcriptProperty().get().messages().isEmpty());
        vm.stopSelected();
        assertEquals("Completed", row(id).status());

        vm.dialAgainSelected();
        assertEquals(id, dialAgain.get(0).id(), "Dial again hands the call to the dial form");
    }

    @Test
    void revealSelectsACallEvenBeforeItWasSynced() {
        vm.open();
        String id = dial("+14155550127");
        vm.reveal(id);
        assertEquals(id, vm.selectedRowProperty().get().id());
    }

    @Test
    void mergeKeepsTheRowObjectForUnchangedCalls() throws Exception {
        sandbox.addDemoCalls(50, 3);
        vm.open();
        HistoryRow first = vm.rows().get(0);
        vm.syncNow();
        assertSame(first, vm.rows().get(0), "an unchanged call is not replaced");
    }

    @Test
    void exportWritesTheFilteredRowsForSpreadsheets() throws Exception {
        sandbox.addDemoCalls(200, 5);
        vm.open();
        vm.statusFilter().setAll("Completed");
        Path file = dir.resolve("calls.csv");
        vm.exportCsv(file);
        runner.runDelayed();
        List<String> lines = Files.readAllLines(file);
        assertEquals("\uFEFFid,created,created_local,status,callee,caller,use_case,agent,outcome,duration_seconds,campaign,"
                + "scheduled_for,scheduled_for_local,language,type", lines.get(0));
        assertEquals(vm.rows().size() + 1, lines.size());
        assertEquals(shown().stream().map(HistoryRow::id).toList(),
                lines.stream().skip(1).map(line -> line.substring(0, 24)).toList(), "the rows as shown, in order");
        assertTrue(lines.get(1).matches("[0-9a-f]{24},\\d{4}-\\d\\d-\\d\\dT[^,]+Z,\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\",Completed,"
                + "\"=\"\"\\+\\d+\"\"\",.*"), lines.get(1));
        assertEquals(-1, vm.exportProgressProperty().get());
        assertTrue(vm.exportMessageProperty().get().startsWith("Exported"));
        assertTrue(lines.stream().skip(1).allMatch(line -> line.contains(",Successful,")),
                "a completed call's outcome is the service's classification");
    }

    @Test
    void theNextExportStartsInTheFolderTheLastOneWentTo() throws Exception {
        sandbox.addDemoCalls(5, 5);
        vm.open();
        assertEquals(Optional.empty(), vm.lastExportFolder(), "none yet: the dialog starts in the documents folder");
        Path folder = Files.createDirectories(dir.resolve("exports"));
        vm.exportCsv(folder.resolve("calls.csv"));
        runner.runDelayed();
        assertEquals(Optional.of(folder.toAbsolutePath()), vm.lastExportFolder());
        vm.saveLayout(new TableLayout(List.of(new TableLayout.Column("calleeColumn", 200)), List.of()));
        assertEquals(folder.toAbsolutePath().toString(), vm.savedLayout().exportFolder(), "a column resized keeps it");
        Files.delete(folder.resolve("calls.csv"));
        Files.delete(folder);
        assertEquals(Optional.empty(), vm.lastExportFolder(), "a folder since removed is not offered");
    }

    @Test
    void olderCallsComeOnRequestBelowTheOnesShown() throws Exception {
        sandbox.addDemoCalls(300, 8);
        new HistorySync(client, cache, clock).syncNewest(10, 100, 100, page -> { }); // an earlier session brought the newest 100
        vm.open();
        assertEquals(100, vm.rows().size());
        assertEquals(200, vm.olderOnServiceProperty().get());
        HistoryRow lastShown = shown().get(99);
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<HistoryRow>) change -> {
            while (change.next()) {
                changes.add(change.wasAdded() && !change.wasRemoved() ? "added at " + change.getFrom() : "other");
            }
        });

        vm.loadOlder();

        assertEquals(300, vm.rows().size());
        assertEquals(0, vm.olderOnServiceProperty().get());
        assertSame(lastShown, vm.rows().get(99), "the rows above stay where they were");
        assertEquals("added at 100", changes.get(0), "appended below: the table keeps its scroll position");
        assertTrue(vm.summaryProperty().get().startsWith("300 of 300 calls"), vm.summaryProperty().get());
    }

    @Test
    void dashboardFollowsTheFilterWhileItIsShown() throws Exception {
        sandbox.addDemoCalls(300, 9);
        vm.open();
        runner.runDelayed();
        assertEquals(Dashboard.EMPTY, vm.dashboardProperty().get(), "nobody looks at it: not worked out");

        vm.dashboardShownProperty().set(true);
        assertEquals(300, callsIn(vm.dashboardProperty().get()), "worked out as soon as it is shown");
        vm.statusFilter().setAll("Completed");
        assertEquals(300, callsIn(vm.dashboardProperty().get()), "recomputed once changes pause, not per keystroke");
        runner.runDelayed();
        assertEquals(List.of("Completed"), List.copyOf(vm.dashboardProperty().get().statusMix().keySet()));
        assertFalse(vm.dashboardProperty().get().perDay().isEmpty());
        assertFalse(vm.dashboardProperty().get().outcomesPerCampaign().isEmpty());

        vm.dashboardShownProperty().set(false);
        vm.statusFilter().clear();
        runner.runDelayed();
        assertEquals(List.of("Completed"), List.copyOf(vm.dashboardProperty().get().statusMix().keySet()), "hidden: left alone");
        vm.dashboardShownProperty().set(true);
        assertEquals(300, callsIn(vm.dashboardProperty().get()), "shown again: brought up to date at once");
    }

    private static long callsIn(Dashboard dashboard) {
        return dashboard.statusMix().values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void theStatusFilterSaysWhatItLetsThrough() {
        assertEquals("All statuses", HistoryViewModel.statusFilterTitle(List.of()));
        assertEquals("Status: Busy, Failed", HistoryViewModel.statusFilterTitle(List.of("Busy", "Failed")));
        vm.statusFilter().setAll("Busy", "Failed", "Completed");
        assertTrue(vm.statusFilterTitleProperty().get().matches("Status: 3 of \\d+"), vm.statusFilterTitleProperty().get());
    }
}
