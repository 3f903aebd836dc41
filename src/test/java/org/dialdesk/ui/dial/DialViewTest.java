package org.dialdesk.ui.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.ui.dial.DialViewModel;
import org.dialdesk.testing.TestClocks;

import java.nio.file.Path;
import org.fxmisc.richtext.CodeArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.GridPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.DatePicker;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.Call;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.DialMemoryStore;
import org.dialdesk.ui.common.FxTaskRunner;
import org.dialdesk.service.DialService;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.testing.FxTestKit;
import org.dialdesk.testing.NoNavigation;
import org.dialdesk.testing.RecordingDialService;
import org.dialdesk.ui.common.OnePerFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.TextField;

/** The dial form as an operator uses it: keyboard and mouse, against a real service. */
class DialViewTest {
    /** Every variable of the Support line's default use case, the appointment reminder: no question before dialing. */
    static final String REMINDER_PARAMS = "{\"patient_name\": \"Ada\", \"clinic\": \"Mercy\", \"appointment_time\": \"9:00\"}";

    static final DialViewModel.Rules RULES = new DialViewModel.Rules("US", LocalTime.of(8, 0), LocalTime.of(21, 0), Locale.US);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final FxTestKit kit = new FxTestKit(robot);
    final NoNavigation navigation = new NoNavigation();
    RecordingDialService dials;
    Sandbox sandbox;
    DialClient client;
    FxTaskRunner runner;
    DialMemoryStore memory;

    void show(DialClient using) throws Exception {
        show(using, 1280, 800);
    }

    void show(DialClient using, double width, double height) throws Exception {
        runner = new FxTaskRunner(2);
        memory = new DialMemoryStore(dir, "test");
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            // A fixed day in Chicago, ticking: what the form shows does not change with the day it runs.
            Clock chicago = TestClocks.ticking().withZone(ZoneId.of("America/Chicago"));
            dials = new RecordingDialService(DialService.over(using, chicago));
            DialViewModel vm = new DialViewModel(dials, new OrgDirectory(using, chicago), runner,
                    chicago, RULES, CalleeZones.load(), memory.load(), memory::saveLater, Optional.empty());
            Scene scene = new Scene(new DialView(vm, new OnePerFrame(), navigation), width, height);
            scene.getStylesheets().add(DialView.class.getResource("/org/dialdesk/ui/dialdesk.css").toExternalForm());
            s.setScene(scene);
            s.show();
            vm.loadPickers();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing());
        // The form puts its parts in place over a few frames; the action bar comes last.
        kit.waitUntil(() -> robot.lookup("#dialButton").tryQuery().isPresent());
    }

    void withSandbox() throws Exception {
        withSandbox(1280, 800);
    }

    void withSandbox(double width, double height) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), TestClocks.ticking()).withSpeed(50));
        client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.apiKey())), TestClocks.ticking());
        show(client, width, height);
    }

    void tab() {
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
    }

    /** What the UI thread threw and nobody caught: a refused date used to be one. */
    List<Throwable> uncaughtOnFx() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)));
        return uncaught;
    }

    @Test
    void aTypedDateIsReadInIsoOrTheLocalesFormAndAnythingElseStaysAndIsExplained() throws Exception {
        withSandbox();
        List<Throwable> uncaught = uncaughtOnFx();
        robot.clickOn("#scheduleLaterToggle");
        DatePicker date = kit.byId("scheduleDate", DatePicker.class);
        robot.clickOn(date.getEditor()).write("2026-12-24");
        tab();
        kit.waitUntil(() -> LocalDate.of(2026, 12, 24).equals(date.getValue()));

        robot.interact(() -> date.getEditor().clear());
        robot.clickOn(date.getEditor()).write("12/25/2026");
        tab();
        kit.waitUntil(() -> LocalDate.of(2026, 12, 25).equals(date.getValue()));
        assertEquals("2026-12-25", date.getEditor().getText(), "shown back as it was understood");

        robot.interact(() -> date.getEditor().clear());
        robot.clickOn(date.getEditor()).write("24.12.2026");
        tab();
        kit.waitUntil(() -> kit.byId("scheduledforError", Label.class).isVisible());
        assertEquals("\u201c24.12.2026\u201d is not a date: type it as 2026-12-24 or 12/24/2026, or pick it from the calendar.",
                kit.byId("scheduledforError", Label.class).getText());
        assertEquals("24.12.2026", date.getEditor().getText(), "what was typed stays, to be corrected");
        assertEquals(List.of(), uncaught);
    }

    @Test
    void theFocusedControlHasAPlainRingAndEveryActionItsShortcutInItsTooltip() throws Exception {
        withSandbox();
        Button format = kit.byId("formatParamsButton", Button.class);
        robot.interact(format::requestFocus);
        kit.waitUntil(() -> format.getBorder() != null && !format.getBorder().getStrokes().isEmpty()
                && format.getBorder().getStrokes().get(0).getWidths().getTop() >= 2);
        robot.interact(() -> kit.byId("clearButton", Button.class).requestFocus());
        kit.waitUntil(() -> format.getBorder() == null || format.getBorder().getStrokes().stream()
                .allMatch(stroke -> stroke.getWidths().getTop() < 2));

        Map<String, String> shortcuts = Map.of("dialButton", "Ctrl+Enter", "copyCurlButton", "Alt+Y",
                "clearButton", "Alt+C", "formatParamsButton", "Alt+F", "refreshPickersButton", "F5",
                "undoButton", "Alt+O", "showInHistoryButton", "Alt+H", "dialAgainButton", "Alt+G");
        shortcuts.forEach((id, keys) -> {
            Button button = kit.byId(id, Button.class);
            assertTrue(button.getTooltip() != null && button.getTooltip().getText().contains(keys),
                    id + " says " + keys + ": " + (button.getTooltip() == null ? "no tooltip" : button.getTooltip().getText()));
        });
    }

    @Test
    void numbersWhoseZonesDifferAndChoicesTakenBackLeaveNoBrokenPicker() throws Exception {
        withSandbox();
        List<Throwable> uncaught = uncaughtOnFx();
        choose("numberPicker", 0);
        choose("useCasePicker", 0);
        choose("agentPicker", 0);
        robot.clickOn("#scheduleLaterToggle");
        kit.type("phoneField", "+19075550100"); // Alaska: two zones to choose from
        kit.waitUntil(() -> kit.byId("calleeZonePicker", ComboBox.class).getItems().size() == 2);
        kit.type("phoneField", "+14155550125"); // one zone: the choice goes
        kit.type("phoneField", "+19075550100");
        kit.waitUntil(() -> kit.byId("calleeZonePicker", ComboBox.class).getItems().size() == 2);
        robot.clickOn("#clearButton");
        kit.waitUntil(() -> kit.byId("calleeZonePicker", ComboBox.class).getItems().isEmpty());
        ListCell<?> agentButton = (ListCell<?>) kit.byId("agentPicker", ComboBox.class).getButtonCell();
        assertEquals("The use case's agent", agentButton.getText(), "a choice taken back shows the prompt again");
        robot.clickOn("#undoButton");
        kit.waitUntil(() -> !"The use case's agent".equals(agentButton.getText()));

        ComboBox<?> useCase = kit.byId("useCasePicker", ComboBox.class);
        robot.interact(useCase::requestFocus);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE); // the keyboard's way to the default
        kit.waitUntil(() -> kit.onFx(() -> useCase.getPromptText().equals(((ListCell<?>) useCase.getButtonCell()).getText())));
        String prompt = kit.onFx(useCase::getPromptText);
        assertTrue(prompt.startsWith("Default: "), () -> "the default use case named: " + prompt);
        assertEquals(List.of(), uncaught);
    }

    @Test
    void afterADialTheFocusGoesToWhatComesNext() throws Exception {
        withSandbox();
        choose("numberPicker", 0);
        kit.type("phoneField", "+14155550129");
        kit.type("paramsEditor", REMINDER_PARAMS); // the Support line's default use case fills these in its prompt
        kit.waitUntil(() -> !kit.byId("dialButton", Button.class).isDisabled());
        robot.clickOn("#dialButton");
        kit.waitUntil(() -> kit.byId("dialAgainButton", Button.class).isFocused());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        kit.waitUntil(() -> kit.byId("dialButton", Button.class).isFocused() && !kit.byId("dialButton", Button.class).isDisabled());
    }

    @Test
    void tabAndShiftTabLeaveTheJsonEditors() throws Exception {
        withSandbox();
        robot.clickOn("#paramsEditor").write("{}");
        tab();
        kit.waitUntil(() -> kit.byId("formatParamsButton", Button.class).isFocused());
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        kit.waitUntil(() -> kit.byId("paramsEditor", CodeArea.class).isFocused());
        assertEquals("{}", kit.byId("paramsEditor", CodeArea.class).getText(), "no tab characters typed");

        robot.clickOn("#metadataJsonToggle");
        robot.clickOn("#metadataJsonField").write("{}");
        tab();
        kit.waitUntil(() -> !kit.byId("metadataJsonField", TextArea.class).isFocused());
        assertEquals("{}", kit.byId("metadataJsonField", TextArea.class).getText());
    }

    @Test
    void aMetadataProblemShowsAtTheMetadataField() throws Exception {
        withSandbox();
        robot.clickOn("#addMetadataButton");
        tab(); // from the new row's key to its value
        robot.write("A-1042");
        robot.clickOn("#promptField");
        kit.waitUntil(() -> kit.byId("metadataError", Label.class).isVisible());
        assertTrue(kit.byId("metadataError", Label.class).getText().contains("key"), kit.byId("metadataError", Label.class).getText());
        assertTrue(kit.byId("formProblems", Labeled.class).getText().contains("Metadata"));
    }

    @Test
    void inASmallWindowTheFormIsOneScrollingColumnAndTheResultAOneLineBanner() throws Exception {
        withSandbox(560, 420); // the smallest window, less the navigation
        GridPane columns = kit.byId("dialColumns", GridPane.class);
        kit.waitUntil(() -> columns.getColumnConstraints().size() == 1);
        assertTrue(kit.byId("phoneField", TextField.class).getWidth() >= 280, "fields keep a usable width");
        choose("numberPicker", 0);
        kit.type("phoneField", "+14155550129");
        // Below the fold in this window: the Support line's default use case fills these in its prompt.
        robot.interact(() -> kit.byId("paramsEditor", CodeArea.class).replaceText(REMINDER_PARAMS));
        kit.waitUntil(() -> !kit.byId("dialButton", Button.class).isDisabled());
        robot.clickOn("#dialButton");
        kit.waitUntil(() -> kit.byId("dialResult", Label.class).getText().startsWith("Call created to "));
        Label result = kit.byId("dialResult", Label.class);
        kit.waitUntil(() -> kit.byId("resultDetailsLink", Hyperlink.class).isVisible());
        assertTrue(kit.byId("resultBanner", HBox.class).getHeight() < 50, "one line, however long the message");
        assertTrue(kit.byId("dialForm", ScrollPane.class).getHeight() > 150, "the form keeps its room");
        robot.clickOn("#resultDetailsLink");
        kit.waitUntil(() -> result.isWrapText() && kit.byId("resultBanner", HBox.class).getHeight() > 50);

        robot.interact(() -> robot.targetWindow().setWidth(1280));
        kit.waitUntil(() -> columns.getColumnConstraints().size() == 2);
    }

    @Test
    void clearCanBeUndoneFromTheBannerAndCurlSaysItCopied() throws Exception {
        withSandbox();
        choose("numberPicker", 0);
        kit.type("phoneField", "+14155550129");
        kit.type("paramsEditor", "{\"clinic\": \"Mercy\"}");
        kit.waitUntil(() -> !kit.byId("copyCurlButton", Button.class).isDisabled());
        robot.clickOn("#copyCurlButton");
        kit.waitUntil(() -> kit.byId("dialResult", Label.class).getText().startsWith("Copied the curl command."));

        robot.clickOn("#clearButton");
        kit.waitUntil(() -> "Form cleared.".equals(kit.byId("dialResult", Label.class).getText()));
        assertEquals("", kit.byId("paramsEditor", CodeArea.class).getText());
        robot.clickOn("#undoButton");
        kit.waitUntil(() -> "+14155550129".equals(kit.byId("phoneField", TextField.class).getText()));
        assertEquals("{\"clinic\": \"Mercy\"}", kit.byId("paramsEditor", CodeArea.class).getText());
        kit.waitUntil(() -> !kit.byId("resultBanner", HBox.class).isVisible());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (runner != null) {
            runner.shutdown();
        }
        if (memory != null) {
            memory.close();
        }
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @SuppressWarnings("unchecked")
    void choose(String pickerId, int index) throws Exception {
        ComboBox<Object> picker = kit.byId(pickerId, ComboBox.class);
        kit.waitUntil(() -> picker.getItems().size() > index);
        robot.interact(() -> picker.getSelectionModel().select(index));
    }

    @Test
    void fillEveryFieldDialAndFindTheCallInTheService() throws Exception {
        withSandbox();
        choose("numberPicker", 0);
        kit.type("phoneField", "(415) 555-0129");
        choose("useCasePicker", 0);
        choose("agentPicker", 0);
        choose("modelPicker", 0);
        choose("languagePicker", 1);
        kit.type("paramsEditor", "{\"patient_name\": \"Ada\", \"clinic\": \"Mercy\", \"appointment_time\": \"Mon 9:00\"}");
        robot.clickOn("#addMetadataButton");
        robot.write("crm_id").press(KeyCode.TAB).release(KeyCode.TAB).write("A-1042");
        kit.type("campaignField", "q4-reminders");
        kit.type("promptField", "default-outbound");
        kit.type("maxDurationField", "5");

        try {
            kit.waitUntil(() -> !kit.byId("dialButton", Button.class).isDisabled());
        } catch (TimeoutException e) {
            throw new AssertionError("form still invalid: " + kit.byId("requestPreview", TextArea.class).getText());
        }
        assertTrue(kit.byId("requestPreview", TextArea.class).getText().contains("\"phone_number\" : \"+14155550129\""));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        kit.waitUntil(() -> kit.byId("dialResult", Label.class).getText().startsWith("Call created to "));
        String text = kit.byId("dialResult", Label.class).getText();
        String id = text.substring(text.lastIndexOf(" ID ") + " ID ".length());
        Call call = client.getCall(id);
        assertEquals("+14155550129", call.to());
        assertEquals("en-US", call.language());
        assertEquals("q4-reminders", call.campaignId());
        assertEquals("A-1042", call.metadata().get("crm_id").asText());
        assertEquals("Ada", call.params().get("patient_name").asText());
        assertEquals(5, call.maxDurationMins());
        assertEquals("+1 415-555-0129 · United States", kit.byId("phoneSummary", Label.class).getText());
    }

    @Test
    void badInputShowsErrorsAndSendsNothing() throws Exception {
        withSandbox();
        choose("numberPicker", 0);
        kit.type("phoneField", "12");
        kit.type("paramsEditor", "{\"a\": ");
        robot.clickOn("#promptField");
        kit.waitUntil(() -> kit.byId("phonenumberError", Label.class).isVisible());
        assertTrue(kit.byId("phonenumberError", Label.class).getText().length() > 10);
        assertTrue(kit.byId("paramsError", Label.class).getText().contains("Line 1, column"));
        assertTrue(kit.byId("dialButton", Button.class).isDisabled());
        assertEquals("2 fields need attention: Callee phone, Params", kit.byId("formProblems", Labeled.class).getText());
        robot.clickOn("#formProblems");
        kit.waitUntil(() -> kit.byId("phoneField", TextField.class).isFocused()); // the first of them, to fix

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        assertEquals("12", kit.byId("phoneField", TextField.class).getText(), "the form keeps its contents");

        // Fixed and sent: once it has gone, one that Ctrl+Enter had asked for before would have too.
        kit.type("phoneField", "+14155550129");
        kit.type("paramsEditor", REMINDER_PARAMS);
        kit.waitUntil(() -> !kit.byId("dialButton", Button.class).isDisabled());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        kit.waitUntil(() -> kit.byId("dialResult", Label.class).getText().startsWith("Call created to "));
        assertEquals(1, dials.sent().size(), "the invalid form asked for no dial");
        assertEquals("+14155550129", dials.sent().get(0).phoneNumber());
        assertEquals(1, sandbox.callCount());
    }

    @Test
    void aDialWithEmptyTemplateVariablesAsksFirst() throws Exception {
        withSandbox();
        choose("numberPicker", 0);
        kit.type("phoneField", "+14155550129");
        choose("useCasePicker", 0);
        kit.type("paramsEditor", "{\"patient_name\": \"Ada\"}");
        kit.waitUntil(() -> !kit.byId("dialButton", Button.class).isDisabled());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        kit.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String asked = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
        assertEquals("The agent will see {{clinic}}, {{appointment_time}} empty. Dial anyway?", asked);
        robot.clickOn("Cancel");
        assertEquals(List.of(), dials.sent(), "nothing went");

        robot.clickOn("#dialButton");
        kit.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn("Dial anyway");
        kit.waitUntil(() -> kit.byId("dialResult", Label.class).getText().startsWith("Call created to "));
        assertEquals(1, dials.sent().size());
    }

    /**
     * The error labels listen to the view model's read-only errors map through the form's
     * FormFields; after a collection they still follow the field (the view model's own side is
     * DialViewModelTest's, and the architecture test's).
     */
    @Test
    void fieldErrorsStillShowAndClearAfterAGarbageCollection() throws Exception {
        withSandbox();
        kit.type("phoneField", "12");
        robot.clickOn("#promptField");
        kit.waitUntil(() -> kit.byId("phonenumberError", Label.class).isVisible());

        FxTestKit.collectGarbage();
        kit.type("phoneField", "+14155550129");
        kit.waitUntil(() -> !kit.byId("phonenumberError", Label.class).isVisible());
        kit.type("phoneField", "12");
        kit.waitUntil(() -> kit.byId("phonenumberError", Label.class).isVisible());
    }


    @Test
    void aFailedListFallsBackToTypingTheId() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getPath();
                    if (path.startsWith("/api/v1/numbers")) {
                        return new MockResponse().setResponseCode(403).setBody("{\"message\":\"numbers: no access\"}");
                    }
                    if (path.startsWith("/api/v1/dial/outbound")) {
                        return new MockResponse().setBody("{\"id\":\"65a0aa00bb11cc22dd33ee44\",\"created\":\"2026-11-23T15:00:00Z\"}");
                    }
                    return new MockResponse().setBody("[]");
                }
            });
            server.start();
            client = new DialClient(ClientConfig.of(server.url("/api/v1").toString(), ApiKey.of("k"))
                    .withRetryPolicy(ClientConfig.RetryPolicy.NONE), TestClocks.ticking());
            show(client);
            kit.waitUntil(() -> kit.byId("numberIdField", TextField.class).isVisible());
            kit.type("numberIdField", "640000000000000000000001");
            kit.type("phoneField", "+14155550129");
            kit.waitUntil(() -> !kit.byId("dialButton", Button.class).isDisabled());
            robot.clickOn("#dialButton");
            kit.waitUntil(() -> kit.byId("dialResult", Label.class).getText().endsWith("ID 65a0aa00bb11cc22dd33ee44"));
            RecordedRequest dial = null;
            for (int i = 0; i < server.getRequestCount() && dial == null; i++) {
                RecordedRequest next = server.takeRequest(1, TimeUnit.SECONDS);
                if (next != null && next.getPath().equals("/api/v1/dial/outbound")) {
                    dial = next;
                }
            }
            assertTrue(dial != null && dial.getBody().readUtf8().contains("\"number_id\":\"640000000000000000000001\""));
        }
    }
}
