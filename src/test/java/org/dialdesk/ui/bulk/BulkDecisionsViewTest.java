package org.dialdesk.ui.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.dialdesk.api.Call;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.bulk.BulkDesk;
import org.dialdesk.bulk.BulkEngine;
import org.dialdesk.bulk.BulkPlanner;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.service.BatchOutcome;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.store.BulkMappingStore;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.testing.BatchOnlyDials;
import org.dialdesk.testing.FxTestKit;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.ui.common.FxTaskRunner;
import org.dialdesk.ui.common.OnePerFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A row whose request may have rung and that the look-up cannot settle: the screen lists it with
 * why it waits, sends nothing by itself, and does what the operator says.
 */
class BulkDecisionsViewTest {
    static final String NUMBER = BulkViewModelTest.NUMBER;
    static final OrgDirectory.Snapshot LISTS = BulkViewModelTest.LISTS;

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final FxTestKit kit = new FxTestKit(robot);
    final Clock clock = TestClocks.ticking();
    final UncertainFirstBatch dials = new UncertainFirstBatch(clock.instant());
    FxTaskRunner runner;
    BulkView view;
    OutboxJournal journal;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (runner != null) {
            runner.shutdown();
        }
        if (journal != null) {
            journal.close();
        }
    }

    /** A two-row run launched from the screen whose request timed out; its look-up leaves row 2 to the operator. */
    BulkViewModel launchedWithARowWaiting() throws Exception {
        journal = new OutboxJournal(dir.resolve("outbox.db"));
        BulkPlanner planner = new BulkPlanner(new CallingRule(new CallingHours(LocalTime.MIN, LocalTime.of(23, 59)),
                CalleeZones.load()), numbers -> Set.of(), clock);
        BulkDesk desk = new BulkDesk(new BulkDesk.Account("Sandbox", dials.baseUrl(), false, "k1"), dials, () -> LISTS,
                planner, journal, new BulkMappingStore(dir), clock, BulkPlanner.Defaults.none(ZoneId.of("America/Chicago"), "US"),
                10, 50, org.dialdesk.service.AuditTrail.NONE, BulkEngine.SendCheck.NONE);
        runner = new FxTaskRunner(2);
        BulkViewModel vm = new BulkViewModel(desk, runner);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            view = new BulkView(vm, new OnePerFrame());
            stage.setScene(new Scene(view, 1240, 760));
            stage.show();
        });
        kit.waitUntil(() -> kit.onFx(() -> view.builtProperty().get())); // its parts go in a frame each
        assertFalse(shown("bulkWaitingTable"), "no list of rows waiting while none waits");

        Path file = dir.resolve("list.csv");
        Files.writeString(file, "phone,ref\n(312) 555-0100,A\n(312) 555-0101,B\n", StandardCharsets.UTF_8);
        kit.onFx(() -> {
            vm.loadLists();
            return null;
        });
        kit.waitUntil(() -> kit.onFx(() -> !vm.choices().numbers().isEmpty()));
        kit.onFx(() -> {
            vm.choices().numberIdProperty().set(NUMBER);
            vm.importFile(file);
            return null;
        });
        kit.waitUntil(() -> kit.onFx(() -> vm.canLaunchProperty().get()));
        robot.clickOn("#bulkLaunchButton");
        kit.waitUntil(() -> robot.lookup("#bulkConfirmButton").tryQuery().isPresent());
        robot.clickOn("#bulkConfirmButton");

        kit.waitUntil(() -> shown("bulkWaitingTable")
                && kit.onFx(() -> kit.byId("bulkWaitingTable", TableView.class).getItems().size()) == 1);
        return vm;
    }

    @Test
    void aRowThatMayHaveRungWaitsForTheOperatorAndIsLeftUnsentWhenTheyPickThat() throws Exception {
        launchedWithARowWaiting();
        // The request carrying both rows timed out; history shows a call to row 2's callee that the run did not tag.
        TableView<?> waiting = kit.byId("bulkWaitingTable", TableView.class);
        BulkRow row = (BulkRow) kit.onFx(() -> waiting.getItems().get(0));
        assertEquals(2, row.number());
        assertTrue(row.reason().contains("other-1"), row.reason());
        assertEquals(List.of(2, 1), dials.batchSizes, "row 2 is not sent again by itself; row 3, never placed, is");
        Button leave = kit.byId("bulkLeaveButton", Button.class);
        assertTrue(kit.onFx(leave::isDisabled), "nothing is decided before a row is chosen");

        if (System.getProperty("dialdesk.test.snapshots") != null) {
            new BulkViewTest().snapshot(robot.window(0).getScene(),
                    Path.of(System.getProperty("dialdesk.test.snapshots")).resolve("bulk-waiting.png"));
        }
        kit.waitUntil(() -> waitingRow().isPresent()); // its cells come with the next layout
        robot.clickOn(waitingRow().orElseThrow());
        kit.waitUntil(() -> !kit.onFx(leave::isDisabled));
        robot.clickOn(leave);

        kit.waitUntil(() -> kit.onFx(() -> waiting.getItems().isEmpty()) && !shown("bulkWaitingTable"));
        assertEquals(List.of(2, 1), dials.batchSizes, "left unsent: nothing more went out");
        String said = kit.onFx(() -> kit.byId("bulkSummary", Label.class).getText());
        assertTrue(said.endsWith(" Row 2 is left unsent."), said);
    }

    @Test
    void cancellingThePausedRunAsksFirstAndEnterKeepsIt() throws Exception {
        BulkViewModel vm = launchedWithARowWaiting();
        assertEquals(BulkViewModel.Stage.STOPPED, kit.onFx(() -> vm.stageProperty().get()));

        robot.clickOn("#bulkCancelButton");
        kit.waitUntil(() -> robot.lookup("#bulkCancelConfirmButton").tryQuery().isPresent());
        if (System.getProperty("dialdesk.test.snapshots") != null) {
            new BulkViewTest().snapshot(robot.window("Cancel run").getScene(),
                    Path.of(System.getProperty("dialdesk.test.snapshots")).resolve("bulk-cancel.png"));
        }
        robot.type(javafx.scene.input.KeyCode.ENTER); // the default: keep the run
        kit.waitUntil(() -> robot.lookup("#bulkCancelConfirmButton").tryQuery().isEmpty());
        assertEquals(BulkViewModel.Stage.STOPPED, kit.onFx(() -> vm.stageProperty().get()), "Enter kept the run");

        robot.clickOn("#bulkCancelButton");
        kit.waitUntil(() -> robot.lookup("#bulkCancelConfirmButton").tryQuery().isPresent());
        robot.clickOn("#bulkCancelConfirmButton");
        kit.waitUntil(() -> kit.onFx(() -> vm.stageProperty().get()) == BulkViewModel.Stage.ENDED);
        assertEquals(List.of(2, 1), dials.batchSizes, "cancelled: nothing more went out");
    }

    /** The waiting list's first row as shown, once it is. */
    java.util.Optional<javafx.scene.Node> waitingRow() throws Exception {
        return kit.onFx(() -> robot.lookup("#bulkWaitingTable .table-row-cell").queryAll().stream()
                .filter(cell -> ((javafx.scene.control.TableRow<?>) cell).getItem() != null).findFirst());
    }

    /** Whether the node is in the window and it and every pane around it are visible. */
    boolean shown(String id) throws Exception {
        return kit.onFx(() -> {
            javafx.scene.Node node = robot.lookup("#" + id).tryQuery().orElse(null);
            if (node == null || node.getScene() == null) {
                return false;
            }
            for (javafx.scene.Node at = node; at != null; at = at.getParent()) {
                if (!at.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The first batch times out after it may have been placed; history then shows another's call to row 2's callee. */
    static final class UncertainFirstBatch extends BatchOnlyDials {
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final AtomicBoolean first = new AtomicBoolean(true);
        final Instant attemptedAt;
        int created;

        UncertainFirstBatch(Instant attemptedAt) {
            this.attemptedAt = attemptedAt;
        }

        @Override
        public BatchOutcome sendBatch(List<DialRequest> requests) {
            batchSizes.add(requests.size());
            if (first.getAndSet(false)) {
                return new BatchOutcome.Uncertain("timeout", attemptedAt);
            }
            List<DialResponse> responses = new ArrayList<>();
            for (DialRequest ignored : requests) {
                responses.add(new DialResponse("call-" + (++created), null, null, null, null, null));
            }
            return new BatchOutcome.Created(responses);
        }

        @Override
        public List<Call> callsCreatedSince(Instant since, int max) {
            ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("to", "+13125550100");
            return List.of(new Call("other-1", null, "Outbound", null, null, metadata, null, null, null, since.toString(),
                    null, null, null, null, null, null, null, null, null, null, null));
        }
    }
}
