package org.dialdesk.ui.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.ui.dial.DialViewModel;
import org.dialdesk.testing.TestClocks;

import java.nio.file.Path;
import java.util.List;
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
            Scene scene = new Scene(new DialView(vm, new OnePerFrame(), navigation), 1280, 800);
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
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), TestClocks.ticking()).withSpeed(50));
        client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.apiKey())), TestClocks.ticking());
        show(client);
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
        kit.type("paramsEditor", "{\"a\": 1}");
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
