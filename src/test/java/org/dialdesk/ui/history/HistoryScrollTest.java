package org.dialdesk.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.HistorySync;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.testing.FxTestKit;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.ui.common.FxTaskRunner;
import org.dialdesk.ui.common.OnePerFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A history larger than the rows the table keeps: scrolled to its end and back with the keyboard,
 * the rows in view are read from the cache as they come, and only those are held.
 */
class HistoryScrollTest {
    static final int CALLS = 6_000;
    static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final FxTestKit kit = new FxTestKit(robot);
    final Clock clock = TestClocks.ticking();
    Sandbox sandbox;
    DialClient client;
    HistoryCache cache;
    FxTaskRunner runner;
    HistoryViewModel vm;

    @BeforeEach
    void show() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock));
        client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.apiKey())), clock);
        cache = new HistoryCache(dir.resolve("history.db"));
        // Cached by an earlier session (the service has since let them go): only the cache holds them.
        List<HistoryRow> rows = new ArrayList<>();
        long start = clock.millis() - CALLS * 60_000L;
        for (int i = 0; i < CALLS; i++) {
            String callee = String.format(Locale.ROOT, "+1415555%04d", i % 10_000);
            rows.add(new HistoryRow(String.format(Locale.ROOT, "%024x", i), start + i * 60_000L, "Completed", callee,
                    "+14155550100", "uc1", "Reminders", "Ava", "Successful", 60, null, null, "en-US", "Outbound",
                    callee + " reminders ava successful call " + i + " "));
        }
        cache.upsert(rows, rows.stream().map(r -> "{}").toList());
        runner = new FxTaskRunner(2);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            vm = new HistoryViewModel(new HistorySync(client, cache, clock), runner, clock, call -> { });
            HistoryView view = new HistoryView(vm, new OnePerFrame(), UTC, number -> number);
            Scene scene = new Scene(view, 1100, 700);
            scene.getStylesheets().add(HistoryView.class.getResource("/org/dialdesk/ui/dialdesk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            vm.open();
        });
        kit.waitUntil(() -> table().getItems().size() == CALLS);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        robot.interact(() -> vm.close());
        runner.shutdown();
        cache.close();
        client.close();
        sandbox.close();
    }

    @SuppressWarnings("unchecked")
    TableView<HistoryRow> table() {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    /** The rows in the viewport, once none of them is a stand-in any more; else null. */
    List<HistoryRow> rowsInView() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table().lookup(".virtual-flow");
        if (flow.getFirstVisibleCell() == null) {
            return null;
        }
        List<HistoryRow> shown = new ArrayList<>();
        for (int i = flow.getFirstVisibleCell().getIndex(); i <= flow.getLastVisibleCell().getIndex(); i++) {
            HistoryRow row = table().getItems().get(i);
            if (HistoryViewModel.isPending(row)) {
                return null;
            }
            shown.add(row);
        }
        return shown;
    }

    long rowsHeld() {
        return table().getItems().stream().filter(r -> !HistoryViewModel.isPending(r)).count();
    }

    @Test
    void scrollingToTheEndAndBackReadsTheRowsInViewAndHoldsOnlyAFew() throws Exception {
        HistoryRow newest = cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, UTC, 0, 1).get(0);
        HistoryRow oldest = cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, UTC, CALLS - 1, 1).get(0);
        kit.waitUntil(() -> rowsInView() != null && rowsInView().get(0).equals(newest));
        assertTrue(kit.byId("historySummary", Label.class).getText().startsWith("6,000 of 6,000 calls"),
                kit.byId("historySummary", Label.class).getText());

        robot.clickOn(table()); // a row in the middle of the view: selected, and the table has the keys
        kit.waitUntil(() -> table().isFocused() && vm.selectedRowProperty().get() != null);
        robot.push(KeyCode.END); // the last row: the oldest call, selected and in view
        kit.waitUntil(() -> rowsInView() != null && rowsInView().contains(oldest));
        kit.waitUntil(() -> oldest.equals(vm.selectedRowProperty().get()));
        assertEquals(CALLS - 1, table().getSelectionModel().getSelectedIndex());
        assertTrue(kit.onFx(this::rowsHeld) <= HistoryTableModel.KEPT_PAGES * HistoryTableModel.PAGE,
                "only the pages in and near view are held: " + kit.onFx(this::rowsHeld));

        // Page by page up from the end: every row in view is read as it comes.
        for (int i = 0; i < 5; i++) {
            robot.push(KeyCode.PAGE_UP);
            kit.waitUntil(() -> rowsInView() != null);
        }
        robot.push(KeyCode.HOME);
        kit.waitUntil(() -> rowsInView() != null && rowsInView().get(0).equals(newest));
        kit.waitUntil(() -> newest.equals(vm.selectedRowProperty().get()));
        assertTrue(kit.onFx(this::rowsHeld) <= HistoryTableModel.KEPT_PAGES * HistoryTableModel.PAGE);
    }
}
