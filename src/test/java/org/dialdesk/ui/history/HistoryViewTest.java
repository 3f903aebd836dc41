package org.dialdesk.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.dialdesk.domain.Dashboard;
import org.dialdesk.service.HistorySync;
import org.dialdesk.testing.TestClocks;

import java.nio.file.Path;
import java.util.List;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryColumn;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.ui.common.FxTaskRunner;
import org.controlsfx.control.CheckComboBox;
import org.dialdesk.testing.FxTestKit;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.store.TableLayoutStore;
import org.dialdesk.domain.TableLayout;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.api.FxToolkit;
import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.chart.PieChart;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.VirtualFlow;

/** The history screen against a running sandbox, as a supervisor watches it. */
class HistoryViewTest {
    static final String SUPPORT_LINE = "640000000000000000000001";

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final FxTestKit kit = new FxTestKit(robot);
    /** A fixed day, ticking: the sandbox plays calls forward on it, and what the test sees does not depend on today. */
    final Clock clock = TestClocks.ticking();
    Sandbox sandbox;
    DialClient client;
    HistoryCache cache;
    FxTaskRunner runner;
    HistoryViewModel vm;
    HistoryView view;
    TableLayoutStore layout;

    @BeforeEach
    void show() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock).withSpeed(40));
        sandbox.addDemoCalls(200, 11);
        client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.apiKey())), clock);
        cache = new HistoryCache(dir.resolve("history.db"));
        runner = new FxTaskRunner(2);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            layout = new TableLayoutStore(dir.resolve("layout.json"));
            vm = new HistoryViewModel(new HistorySync(client, cache, clock), runner, clock, call -> { }, layout.load(),
                    layout::saveLater);
            view = new HistoryView(vm, new OnePerFrame(), ZoneId.of("UTC"),
                    number -> number.equals("+14155550100") ? "Support line" : number);
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(HistoryView.class.getResource("/org/dialdesk/ui/dialdesk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            vm.open();
        });
        // The screen puts its parts in place over a few frames.
        kit.waitUntil(() -> view.builtProperty().get() && table().getItems().size() == 200);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        robot.interact(() -> vm.close());
        runner.shutdown();
        layout.close();
        cache.close();
        client.close();
        sandbox.close();
    }

    @SuppressWarnings("unchecked")
    TableView<HistoryRow> table() {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    /** Selects the call's row in the table, as a click on it does. */
    void select(String id) {
        robot.interact(() -> table().getSelectionModel().select(rowOf(id)));
    }

    HistoryRow rowOf(String id) {
        return table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void aDialedCallAppearsAndWalksToItsEndStatusAndShowsItsTranscript() throws Exception {
        String id = client.dialOutbound(DialRequest.builder().numberId(SUPPORT_LINE).phoneNumber("+14155550129").build()).id();
        kit.waitUntil(() -> rowOf(id) != null);
        assertEquals(0, table().getItems().indexOf(rowOf(id)), "the newest call is on top");
        kit.waitUntil(() -> "Completed".equals(rowOf(id).status()));

        select(id);
        kit.waitUntil(() -> kit.byId("transcriptView", VBox.class).getChildren().size() > 2);
        assertTrue(kit.byId("transcriptView", VBox.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().matches("\\d+:\\d\\d  Agent: Hi \\[patient_name].*")),
                () -> kit.byId("transcriptView", VBox.class).getChildren().stream()
                        .map(n -> n instanceof Label l ? l.getText() : n.toString()).toList().toString());
        assertTrue(kit.byId("cancelCallButton", Button.class).isDisabled(), "a finished call cannot be cancelled");
        assertTrue(kit.byId("stopCallButton", Button.class).isDisabled());

        // A whole sync, from its start to its end, passes over the selected call.
        kit.waitUntil(() -> !vm.syncingProperty().get());
        AtomicInteger syncsEnded = new AtomicInteger();
        robot.interact(() -> {
            vm.syncingProperty().addListener((obs, was, syncing) -> {
                if (!syncing) {
                    syncsEnded.incrementAndGet();
                }
            });
            vm.syncNow();
        });
        kit.waitUntil(() -> syncsEnded.get() > 0);
        assertEquals(id, table().getSelectionModel().getSelectedItem().id(), "updates keep the selection");
    }

    @Test
    void anEmptyHistoryShowsItsPlaceholderNotAHeaderStrip() throws Exception {
        try (Sandbox empty = Sandbox.start(SandboxOptions.defaults(dir.resolve("empty-sandbox"), clock));
             DialClient emptyClient = new DialClient(ClientConfig.of(empty.baseUrl(), ApiKey.of(empty.apiKey())), clock);
             HistoryCache emptyCache = new HistoryCache(dir.resolve("empty-history.db"))) {
            HistoryViewModel emptyVm = new HistoryViewModel(new HistorySync(emptyClient, emptyCache, clock), runner,
                    clock, call -> { });
            HistoryView[] emptyView = new HistoryView[1];
            robot.interact(() -> {
                emptyView[0] = new HistoryView(emptyVm, new OnePerFrame(), ZoneId.of("UTC"));
                view.getScene().setRoot(emptyView[0]);
                emptyVm.open();
            });
            kit.waitUntil(() -> emptyVm.loadedProperty().get() && emptyView[0].builtProperty().get());
            TableView<?> emptyTable = (TableView<?>) emptyView[0].lookup("#historyTable");
            kit.waitUntil(() -> emptyTable.getHeight() > 300);
            assertTrue(emptyTable.lookup(".placeholder").isVisible(), "the table says it has no calls");
            robot.interact(emptyVm::close);
        }
    }

    @Test
    void searchAndStatusFilterNarrowTheTable() throws Exception {
        robot.clickOn("#historySearch").write("win-back");
        kit.waitUntil(() -> table().getItems().stream().allMatch(r -> "win-back".equals(r.campaign())));
        int campaignRows = table().getItems().size();
        assertTrue(campaignRows > 0 && campaignRows < 200);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).press(KeyCode.BACK_SPACE)
                .release(KeyCode.BACK_SPACE);
        kit.waitUntil(() -> table().getItems().size() >= 200);
        robot.interact(() -> vm.statusFilter().setAll("Busy"));
        kit.waitUntil(() -> table().getItems().stream().allMatch(r -> r.status().equals("Busy")));
        assertTrue(kit.byId("historySummary", Label.class).getText().matches("\\d+ of \\d+ calls.*"));
        assertEquals("Status: Busy", kit.byId("statusFilter", CheckComboBox.class).getTitle(),
                "the box says a status filter is on");
        assertTrue(table().getColumns().stream().anyMatch(c -> "outcomeColumn".equals(c.getId())), "an Outcome column");
        assertTrue(table().getItems().stream().allMatch(r -> "No contact".equals(r.outcome())),
                "a busy line is no contact, as the service classified it");
        double width = kit.byId("statusFilter", CheckComboBox.class).getWidth();
        assertTrue(!kit.byId("clearFiltersButton", Button.class).isDisabled(), "a filter is on: it can be cleared");
        robot.interact(() -> vm.statusFilter().setAll("Busy", "No answer", "AMD Terminated", "Failed"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, kit.byId("statusFilter", CheckComboBox.class).getWidth(),
                "a longer title does not widen the box and push the filters onto another line");
        robot.interact(() -> vm.statusFilter().clear());
        assertEquals("All statuses", kit.byId("statusFilter", CheckComboBox.class).getTitle());
        kit.waitUntil(() -> kit.byId("clearFiltersButton", Button.class).isDisabled());
    }

    @Test
    void theSelectedCallStaysInSightWhenTheOperatorWidensTheSearchOrSorts() throws Exception {
        // Far down the list: a row the table has not read yet, since it is out of sight.
        HistoryRow far = cache.page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, ZoneId.of("UTC"), 150, 1).get(0);
        assertTrue(HistoryViewModel.isPending(table().getItems().get(150)), "out of sight: not read");
        robot.clickOn("#historySearch").write(far.callee());
        kit.waitUntil(() -> table().getItems().size() < 200 && rowOf(far.id()) != null);
        select(far.id());
        kit.waitUntil(() -> inSight(far.id()));

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).press(KeyCode.BACK_SPACE)
                .release(KeyCode.BACK_SPACE);
        kit.waitUntil(() -> table().getItems().size() >= 200);
        kit.waitUntil(() -> inSight(far.id()));
        assertEquals(far.id(), table().getSelectionModel().getSelectedItem().id());

        robot.interact(() -> {
            table().getSortOrder().setAll(List.of(table().getColumns().stream()
                    .filter(c -> "calleeColumn".equals(c.getId())).findFirst().orElseThrow()));
        });
        String lowest = cache.page(CallFilter.NONE, HistoryOrder.by(HistoryColumn.CALLEE, false), ZoneId.of("UTC"), 0, 1)
                .get(0).callee();
        kit.waitUntil(() -> lowest.equals(table().getItems().get(0).callee()));
        kit.waitUntil(() -> inSight(far.id()));
        assertEquals(far.id(), table().getSelectionModel().getSelectedItem().id());
    }

    /** Whether the call's row is whole in the table's viewport. */
    boolean inSight(String id) {
        VirtualFlow<?> flow =
                (VirtualFlow<?>) table().lookup(".virtual-flow");
        int index = table().getItems().indexOf(rowOf(id));
        return index >= 0 && flow.getFirstVisibleCell() != null
                && flow.getFirstVisibleCell().getIndex() <= index && index <= flow.getLastVisibleCell().getIndex();
    }

    @Test
    void aScheduledCallIsCancelledFromTheDetail() throws Exception {
        String id = client.dialOutbound(DialRequest.builder().numberId(SUPPORT_LINE).phoneNumber("+14155550125")
                .scheduledFor(clock.instant().plusSeconds(3600)).build()).id();
        kit.waitUntil(() -> rowOf(id) != null);
        select(id);
        kit.waitUntil(() -> !kit.byId("cancelCallButton", Button.class).isDisabled());
        assertEquals(List.of("status-scheduled"), statusPseudoClasses(kit.byId("detailStatus", Label.class)));
        String carried = kit.byId("detailJson", TextArea.class).getText();
        assertTrue(carried.contains("\"metadata\"") && !carried.contains("null"),
                "a call placed without params shows none, not \"params\" : null: " + carried);
        // Times as the operator reads them (this test's zone is UTC), the exact instant on demand.
        Label scheduled = kit.byId("detailScheduledFor", Label.class);
        assertTrue(scheduled.getText().matches("2026-06-15 17:\\d\\d"), scheduled.getText());
        assertTrue(scheduled.getTooltip().getText().matches("2026-06-15T17:\\d\\d:.*Z \\(UTC\\)"),
                scheduled.getTooltip().getText());
        robot.clickOn("#cancelCallButton");
        String asked = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText();
        assertTrue(asked.matches("Cancel the call to \\+14155550125 scheduled for Mon 15 Jun 17:\\d\\d\\?"), asked);
        robot.clickOn("Yes");
        kit.waitUntil(() -> "Canceled".equals(rowOf(id).status()));
        assertTrue(kit.byId("detailMessage", Label.class).getText().startsWith("Cancelled"));
        kit.waitUntil(() -> kit.byId("cancelCallButton", Button.class).isDisabled());
        kit.waitUntil(() -> "Canceled".equals(kit.byId("detailStatus", Label.class).getText()));
        assertEquals(List.of("status-canceled"), statusPseudoClasses(kit.byId("detailStatus", Label.class)),
                "the badge's colour follows its status, and only the current one");
        kit.waitUntil(() -> statusCellOf(id) != null && statusPseudoClasses(statusCellOf(id)).equals(List.of("status-canceled")));
    }

    /** The table's status cell showing this call, if its row is on screen. */
    private Node statusCellOf(String id) {
        return table().lookupAll(".status-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> cell && cell.getTableRow() != null
                        && cell.getTableRow().getItem() instanceof HistoryRow row && row.id().equals(id))
                .findFirst().orElse(null);
    }

    private static List<String> statusPseudoClasses(Node node) {
        return node.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName)
                .filter(name -> name.startsWith("status-")).toList();
    }

    @Test
    void callerTitlesFormattedNumbersAndTheRememberedLayout() throws Exception {
        String id = client.dialOutbound(DialRequest.builder().numberId(SUPPORT_LINE).phoneNumber("+14155550129").build()).id();
        kit.waitUntil(() -> rowOf(id) != null);
        kit.waitUntil(() -> robot.lookup((Node n) -> n instanceof TableCell<?, ?> c
                && "+1 415-555-0129".equals(c.getText())).tryQuery().isPresent());
        // The caller numbers' titles come with the account's lists, which may arrive after the row.
        kit.waitUntil(() -> robot.lookup((Node n) -> n instanceof TableCell<?, ?> c
                && "Support line".equals(c.getText())).tryQuery().isPresent());

        robot.interact(() -> {
            TableColumn<HistoryRow, ?> duration = table().getColumns().stream()
                    .filter(c -> c.getText().equals("Duration")).findFirst().orElseThrow();
            table().getColumns().remove(duration);
            table().getColumns().add(0, duration);
            duration.setSortType(TableColumn.SortType.ASCENDING);
            table().getSortOrder().setAll(List.of(duration));
        });
        layout.close();
        TableLayout saved = new TableLayoutStore(dir.resolve("layout.json")).load();
        assertEquals("durationColumn", saved.columns().get(0).id());
        assertEquals(List.of(new TableLayout.Sort("durationColumn", false)), saved.sort());
        layout = new TableLayoutStore(dir.resolve("layout.json"));

        // The next time the screen opens, with the layout as saved.
        HistoryViewModel next = new HistoryViewModel(new HistorySync(client, cache, clock), runner, clock, call -> { },
                saved, layout::saveLater);
        HistoryView[] again = new HistoryView[1];
        robot.interact(() -> {
            again[0] = new HistoryView(next, new OnePerFrame(), ZoneId.of("UTC"));
            new Scene(again[0], 1000, 600);
        });
        // The screen puts its parts in place over a few frames; the split pane shows its table once styled.
        kit.waitUntil(() -> {
            robot.interact(() -> again[0].applyCss());
            return again[0].lookup("#historyTable") != null;
        });
        @SuppressWarnings("unchecked")
        TableView<HistoryRow> restored = (TableView<HistoryRow>) again[0].lookup("#historyTable");
        assertEquals("Duration", restored.getColumns().get(0).getText(), "column order restored");
        assertEquals("Duration", restored.getSortOrder().get(0).getText(), "sort restored");
    }

    @Test
    void theDashboardIsBuiltWhenOpenedAndFollowsTheFilter() throws Exception {
        robot.clickOn("Dashboard");
        kit.waitUntil(() -> kit.onFx(() -> statusMix().getData().size() > 3));
        robot.interact(() -> vm.statusFilter().setAll("Busy"));
        kit.waitUntil(() -> kit.onFx(() -> statusMix().getData().size() == 1
                && statusMix().getData().get(0).getName().startsWith("Busy")));
    }

    /** The dashboard's status mix; read it on the UI thread, where the chart changes. */
    private PieChart statusMix() {
        return (PieChart) view.lookup("#statusMixChart");
    }
}
