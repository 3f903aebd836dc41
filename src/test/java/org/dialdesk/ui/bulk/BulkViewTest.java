package org.dialdesk.ui.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.bulk.BulkDesk;
import org.dialdesk.bulk.BulkPlanner;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.domain.Settings;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.DialService;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.store.BulkMappingStore;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.testing.FxTestKit;
import org.dialdesk.testing.SandboxCalls;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.ui.common.FxTaskRunner;
import org.dialdesk.ui.common.OnePerFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The Bulk screen as a supervisor uses it: import, preview, choose the caller, launch, watch it end, export. */
class BulkViewTest {
    static final String KEY = "sbx_bulk_view_key_1234";

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final FxTestKit kit = new FxTestKit(robot);
    final Clock clock = TestClocks.ticking(); // a Monday 10:00 in Chicago: inside every window
    final List<AutoCloseable> open = new ArrayList<>();
    FxTaskRunner runner;
    BulkView view;
    BulkViewModel vm;
    Sandbox sandbox;
    DialClient client;

    void show() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock).withApiKey(KEY));
        client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(KEY)), clock);
        OutboxJournal journal = new OutboxJournal(dir.resolve("outbox.db"));
        open.add(journal);
        OrgDirectory directory = new OrgDirectory(client, clock);
        BulkPlanner planner = new BulkPlanner(new CallingRule(Settings.defaults().callingHours(), CalleeZones.load()),
                numbers -> Set.of(), org.dialdesk.bulk.EarlierCalls.of(journal, sandbox.baseUrl(), "k1", null), clock);
        BulkDesk desk = new BulkDesk(new BulkDesk.Account("Sandbox", sandbox.baseUrl(), false, "k1"), DialService.over(client, clock),
                directory::lists, planner, journal, new BulkMappingStore(dir), clock,
                BulkPlanner.Defaults.none(java.time.ZoneId.of("America/Chicago"), "US"), 10, 50, org.dialdesk.service.AuditTrail.NONE,
                org.dialdesk.bulk.BulkEngine.SendCheck.NONE);
        runner = new FxTaskRunner(2);
        vm = new BulkViewModel(desk, runner);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            view = new BulkView(vm, new OnePerFrame());
            stage.setScene(new Scene(view, 1240, 760));
            stage.show();
        });
        kit.waitUntil(() -> kit.onFx(() -> view.builtProperty().get())); // its parts go in a frame each
        kit.onFx(() -> {
            vm.loadLists();
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (runner != null) {
            runner.shutdown();
        }
        for (AutoCloseable resource : open) {
            resource.close();
        }
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    Path campaign() throws Exception {
        List<String> lines = new ArrayList<>(List.of("phone,patient_name,clinic,appointment_time"));
        for (int i = 0; i < 30; i++) {
            lines.add(String.format("(312) 555-%04d,Patient %d,Northside,10:30", 1000 + i, i));
        }
        lines.add("call me maybe,Bad,Northside,10:30");
        lines.add("(312) 555-1000,Again,Northside,10:30");
        Path file = dir.resolve("campaign.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    String text(String id) throws Exception {
        return kit.onFx(() -> kit.byId(id, Label.class).getText());
    }

    @Test
    void importPreviewChooseTheCallerLaunchAndExportTheResults() throws Exception {
        show();
        Path file = campaign();
        kit.onFx(() -> {
            vm.importFile(file); // what the file chooser or a dropped file hands over
            return null;
        });
        kit.waitUntil(() -> text("bulkSummary").startsWith("32 of 32 rows will be skipped"));
        TableView<?> table = kit.byId("bulkPreviewTable", TableView.class);
        assertTrue(kit.onFx(() -> table.getItems().get(0).toString()).contains("No caller number"),
                "until a caller is chosen, every row says what is missing");
        assertTrue(kit.onFx(() -> kit.byId("bulkLaunchButton", Button.class).isDisabled()));

        ComboBox<?> number = kit.byId("bulkNumberPicker", ComboBox.class);
        kit.waitUntil(() -> kit.onFx(() -> number.getItems().size()) > 1);
        robot.clickOn(number);
        robot.clickOn("Support line · +14155550100"); // its default use case, the reminder, is what the file fills
        kit.waitUntil(() -> text("bulkSummary").equals("2 of 32 rows will be skipped; 30 ready to send."));
        ComboBox<?> useCase = kit.byId("bulkUseCasePicker", ComboBox.class);
        assertEquals("Default: Appointment reminder", kit.onFx(useCase::getPromptText), "which use case the default is");
        assertFalse(kit.onFx(() -> kit.byId("bulkUseCasePickerClear", Button.class).isVisible()), "the default is the run's");
        kit.onFx(() -> {
            vm.choices().useCaseIdProperty().set("650000000000000000000002"); // another use case, chosen
            return null;
        });
        kit.waitUntil(() -> kit.onFx(() -> kit.byId("bulkUseCasePickerClear", Button.class).isVisible()));
        robot.clickOn("#bulkUseCasePickerClear"); // and back to the number's default
        kit.waitUntil(() -> kit.onFx(() -> vm.choices().useCaseIdProperty().get() == null && useCase.getValue() == null));
        kit.waitUntil(() -> text("bulkSummary").equals("2 of 32 rows will be skipped; 30 ready to send."));
        assertTrue(kit.onFx(() -> table.getItems().toString()).contains("Same callee as row 2"));
        assertEquals(0, sandbox.callCount(), "nothing is sent before launch");

        if (System.getProperty("dialdesk.test.snapshots") != null) {
            snapshot(Path.of(System.getProperty("dialdesk.test.snapshots")).resolve("bulk-preview.png"));
        }
        robot.clickOn("#bulkLaunchButton");
        kit.waitUntil(() -> robot.lookup("#bulkConfirmButton").tryQuery().isPresent());
        Label question = robot.lookup(".dialog-pane .content").queryAs(Label.class);
        assertTrue(question.getText().startsWith("Send 30 calls on Sandbox (calls are simulated)?"), question.getText());
        robot.clickOn("#bulkConfirmButton");

        kit.waitUntil(() -> text("bulkSummary").startsWith("30 of 32 rows created."));
        assertTrue(text("bulkProgressLine").startsWith("32 of 32 · 30 created · 2 skipped"), text("bulkProgressLine"));
        assertEquals(30, SandboxCalls.perCallee(client).size());
        assertTrue(SandboxCalls.perCallee(client).values().stream().allMatch(n -> n == 1));
        if (System.getProperty("dialdesk.test.snapshots") != null) {
            snapshot(Path.of(System.getProperty("dialdesk.test.snapshots")).resolve("bulk-results.png"));
        }

        Path results = dir.resolve("results.csv");
        kit.onFx(() -> {
            vm.exportResults(results);
            return null;
        });
        kit.waitUntil(() -> Files.exists(results));
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertEquals(33, lines.size());
        assertTrue(lines.get(1).contains(",created,"), lines.get(1));

        // A second file with someone the run just called: held back until the operator means a follow-up run.
        Path followUp = dir.resolve("follow-up.csv");
        Files.write(followUp, List.of("phone,patient_name,clinic,appointment_time", "(312) 555-1000,Patient 0,Northside,11:30",
                "(312) 555-1999,New,Northside,11:30"), StandardCharsets.UTF_8);
        kit.onFx(() -> {
            vm.importFile(followUp);
            return null;
        });
        kit.waitUntil(() -> text("bulkSummary").equals("1 of 2 rows will be skipped; 1 ready to send."));
        assertEquals("Skipped: 1 called in the last 24 hours", text("bulkSkippedBy"));
        CheckBox ringAgain = kit.byId("bulkRingAgain", CheckBox.class);
        String offered = kit.onFx(() -> ringAgain.isVisible() + " " + ringAgain.getText());
        assertTrue(offered.startsWith("true Ring again the 1 person called in the last 24 hours"), offered);
        robot.clickOn(ringAgain);
        kit.waitUntil(() -> text("bulkSummary").equals("0 of 2 rows will be skipped; 2 ready to send."));
        robot.clickOn("#bulkLaunchButton");
        kit.waitUntil(() -> robot.lookup("#bulkConfirmButton").tryQuery().isPresent());
        assertTrue(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText()
                .contains("1 of these people was called in the last 24 hours"), "the question says so");
        robot.clickOn("#bulkConfirmButton");
        kit.waitUntil(() -> text("bulkSummary").startsWith("2 of 2 rows created."));
        assertEquals(2, SandboxCalls.perCallee(client).get("+13125551000"), "rung again, as the operator chose");
    }

    @Test
    void aColumnIsToldWhichPromptVariableItFills() throws Exception {
        show();
        Path file = dir.resolve("renamed.csv");
        Files.write(file, List.of("phone,Patient,clinic,appointment_time", "(312) 555-1000,Ada,Northside,10:30",
                "(312) 555-1001,Bo,Northside,10:30"), StandardCharsets.UTF_8);
        kit.onFx(() -> {
            vm.importFile(file);
            return null;
        });
        ComboBox<?> number = kit.byId("bulkNumberPicker", ComboBox.class);
        kit.waitUntil(() -> kit.onFx(() -> number.getItems().size()) > 1);
        robot.clickOn(number);
        robot.clickOn("Support line · +14155550100");
        kit.waitUntil(() -> text("bulkSummary").equals("2 of 2 rows will be skipped; 0 ready to send."));
        assertTrue(kit.onFx(() -> vm.rows().get(0).reason()).contains("patient_name"), "the reminder's prompt needs it");

        robot.clickOn("#bulkMap-Patient");
        robot.clickOn("{{patient_name}}");
        kit.waitUntil(() -> text("bulkSummary").equals("0 of 2 rows will be skipped; 2 ready to send."));
        ComboBox<?> clinic = kit.byId("bulkMap-clinic", ComboBox.class);
        assertEquals("{{clinic}}", kit.onFx(() -> clinic.getConverter().toString(cast(clinic.getValue()))),
                "a column named like a variable shows the variable it fills");

        // An arrow key on a closed picker opens its list; it does not make the next role the column's.
        ComboBox<?> patient = kit.byId("bulkMap-Patient", ComboBox.class);
        Object chosen = kit.onFx(patient::getValue);
        double width = kit.onFx(patient::getWidth);
        kit.onFx(() -> {
            patient.requestFocus();
            return null;
        });
        robot.type(javafx.scene.input.KeyCode.DOWN);
        kit.waitUntil(() -> kit.onFx(patient::isShowing));
        assertEquals(chosen, kit.onFx(patient::getValue));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        kit.waitUntil(() -> !kit.onFx(patient::isShowing));
        assertEquals(chosen, kit.onFx(patient::getValue), "closed without a choice: the column is as it was");
        assertEquals(width, kit.onFx(patient::getWidth), "as wide as before its list was opened");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** While a run goes the rows in view are read from the outbox: the view says which rows those are. */
    @Test
    void theViewSaysWhichRowsAreInView() throws Exception {
        show();
        Path file = campaign();
        kit.onFx(() -> {
            vm.importFile(file);
            return null;
        });
        kit.waitUntil(() -> kit.onFx(() -> vm.rows().size()) == 32);
        TableView<?> table = kit.byId("bulkPreviewTable", TableView.class);
        kit.waitUntil(() -> kit.onFx(() -> vm.tableRows().rowsInView()[0] == 0 && vm.tableRows().rowsInView()[1] > 5));
        // Scrolled (again until laid out: the table may still be taking in its rows), the rows in view follow.
        kit.waitUntil(() -> kit.onFx(() -> {
            table.scrollTo(20);
            return vm.tableRows().rowsInView()[0] >= 10; // 20 at the top, or the last rows when fewer are left
        }));
        int[] inView = kit.onFx(() -> vm.tableRows().rowsInView());
        assertTrue(inView[0] <= 20 && inView[1] >= 20 && inView[1] <= 31, java.util.Arrays.toString(inView));
    }

    @Test
    void aSkippedRowIsFixedInPlaceAndStaysSelectedWithItsNewStatus() throws Exception {
        show();
        Path file = campaign();
        ComboBox<?> number = kit.byId("bulkNumberPicker", ComboBox.class);
        kit.waitUntil(() -> kit.onFx(() -> number.getItems().size()) > 1);
        robot.clickOn(number);
        robot.clickOn("Support line · +14155550100"); // its default use case, the reminder, is what the file fills
        kit.onFx(() -> {
            vm.importFile(file);
            return null;
        });
        kit.waitUntil(() -> text("bulkSummary").equals("2 of 32 rows will be skipped; 30 ready to send."));
        @SuppressWarnings("unchecked")
        TableView<BulkRow> table = kit.byId("bulkPreviewTable", TableView.class);
        assertTrue(kit.onFx(() -> kit.byId("bulkFixButton", Button.class).isDisabled()), "nothing selected, nothing to fix");
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> badRow = () -> robot
                .lookup("#bulkPreviewTable .table-row-cell")
                .match(node -> ((javafx.scene.control.TableRow<?>) node).getIndex() == 30).tryQuery();
        // Row 32 of the file ("call me maybe") selected and scrolled to, again until it is laid out in view:
        // the table may still be taking in its rows and put its scroll back to the top.
        kit.waitUntil(() -> {
            kit.onFx(() -> {
                table.getSelectionModel().select(30);
                table.scrollTo(27);
                return null;
            });
            return badRow.get().isPresent();
        });
        robot.doubleClickOn(badRow.get().orElseThrow());
        kit.waitUntil(() -> robot.lookup("#bulkFixOkButton").tryQuery().isPresent());
        javafx.scene.control.TextField phone = robot.lookup("#bulkFix-phone").queryAs(javafx.scene.control.TextField.class);
        assertEquals("call me maybe", kit.onFx(phone::getText));
        kit.waitUntil(() -> kit.onFx(phone::isFocused));
        if (System.getProperty("dialdesk.test.snapshots") != null) {
            snapshot(phone.getScene(), Path.of(System.getProperty("dialdesk.test.snapshots")).resolve("bulk-fix-row.png"));
        }
        robot.clickOn(phone);
        kit.onFx(() -> {
            phone.selectAll();
            return null;
        });
        robot.write("(312) 555-2000");
        assertEquals("(312) 555-2000", kit.onFx(phone::getText));
        robot.clickOn("#bulkFixOkButton");

        kit.waitUntil(() -> text("bulkSummary").equals("1 of 32 rows will be skipped; 31 ready to send."));
        kit.waitUntil(() -> kit.onFx(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().number() == 32));
        BulkRow fixed = kit.onFx(() -> table.getSelectionModel().getSelectedItem());
        assertEquals("Ready · fixed here", fixed.status());
        assertEquals("+13125552000", fixed.callee());
        assertEquals(0, sandbox.callCount(), "fixing sends nothing");
    }

    /** For looking at the screen: a PNG of the window as it is. */
    void snapshot(Path png) throws Exception {
        snapshot(robot.window(0).getScene(), png);
    }

    void snapshot(Scene scene, Path png) throws Exception {
        WritableImage image = kit.onFx(() -> scene.snapshot(null));
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Files.createDirectories(png.getParent());
        javax.imageio.ImageIO.write(out, "png", png.toFile());
    }
}
