package org.dialdesk.ui.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.TemplateVariables;
import org.dialdesk.ui.dial.DialViewModel;
import org.dialdesk.testing.TestClocks;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dial form as an operator uses it: keyboard and mouse, against a real service. */
class DialViewTest {
    static final DialViewModel.Rules RULES = new DialViewModel.Rules("US", LocalTime.of(8, 0), LocalTime.of(21, 0));

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    Sandbox sandbox;
    DialClient client;
    FxTaskRunner runner;
    DialMemoryStore memory;

    void show(DialClient using) throws Exception {
        runner = new FxTaskRunner(2);
        memory = new DialMemoryStore(dir, "test");
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            DialViewModel vm = new DialViewModel(using, runner, Clock.system(ZoneId.of("America/Chicago")), RULES,
                    CalleeZones.load(), memory);
            Scene scene = new Scene(new DialView(vm), 1280, 800);
            scene.getStylesheets().add(DialView.class.getResource("/org/dialdesk/ui/dialdesk.css").toExternalForm());
            s.setScene(scene);
            s.show();
            vm.refreshPickers();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing());
        // The form puts its parts in place over a few frames; the action bar comes last.
        waitUntil(() -> robot.lookup("#dialButton").tryQuery().isPresent());
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

    <T extends Node> T byId(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    void type(String id, String text) {
        robot.clickOn("#" + id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    @SuppressWarnings("unchecked")
    void choose(String pickerId, int index) throws Exception {
        ComboBox<Object> picker = byId(pickerId, ComboBox.class);
        waitUntil(() -> picker.getItems().size() > index);
        robot.interact(() -> picker.getSelectionModel().select(index));
    }

    @Test
    void fillEveryFieldDialAndFindTheCallInTheService() throws Exception {
        withSandbox();
        choose("numberPicker", 0);
        type("phoneField", "(415) 555-0129");
        choose("useCasePicker", 0);
        choose("agentPicker", 0);
        choose("modelPicker", 0);
        choose("languagePicker", 1);
        type("paramsEditor", "{\"patient_name\": \"Ada\", \"clinic\": \"Mercy\", \"appointment_time\": \"Mon 9:00\"}");
        robot.clickOn("#addMetadataButton");
        robot.write("crm_id").press(KeyCode.TAB).release(KeyCode.TAB).write("A-1042");
        type("campaignField", "q4-reminders");
        type("promptField", "default-outbound");
        type("maxDurationField", "5");

        try {
            waitUntil(() -> !byId("dialButton", Button.class).isDisabled());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("form still invalid: " + byId("requestPreview", TextArea.class).getText());
        }
        assertTrue(byId("requestPreview", TextArea.class).getText().contains("\"phone_number\" : \"+14155550129\""));
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> byId("dialResult", Label.class).getText().startsWith("Call created: "));
        String id = byId("dialResult", Label.class).getText().substring("Call created: ".length()).split(" ")[0];
        Call call = client.getCall(id);
        assertEquals("+14155550129", call.to());
        assertEquals("en-US", call.language());
        assertEquals("q4-reminders", call.campaignId());
        assertEquals("A-1042", call.metadata().get("crm_id").asText());
        assertEquals("Ada", call.params().get("patient_name").asText());
        assertEquals(5, call.maxDurationMins());
        assertEquals("+1 415-555-0129 · United States", byId("phoneSummary", Label.class).getText());
    }

    @Test
    void badInputShowsErrorsAndSendsNothing() throws Exception {
        withSandbox();
        choose("numberPicker", 0);
        type("phoneField", "12");
        type("paramsEditor", "{\"a\": ");
        robot.clickOn("#promptField");
        waitUntil(() -> byId("phonenumberError", Label.class).isVisible());
        assertTrue(byId("phonenumberError", Label.class).getText().length() > 10);
        assertTrue(byId("paramsError", Label.class).getText().contains("Line 1, column"));
        assertTrue(byId("dialButton", Button.class).isDisabled());
        assertEquals("2 fields need attention", byId("formProblems", Label.class).getText());

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, sandbox.callCount(), "nothing was sent");
        assertEquals("12", byId("phoneField", javafx.scene.control.TextField.class).getText(), "the form keeps its contents");
    }

    /**
     * The error labels listen to the view model's read-only errors map; a wrapper that nothing
     * holds would be collected and take the labels' listener with it.
     */
    @Test
    void fieldErrorsStillShowAndClearAfterAGarbageCollection() throws Exception {
        withSandbox();
        type("phoneField", "12");
        robot.clickOn("#promptField");
        waitUntil(() -> byId("phonenumberError", Label.class).isVisible());

        collectGarbage();
        type("phoneField", "+14155550129");
        waitUntil(() -> !byId("phonenumberError", Label.class).isVisible());
        type("phoneField", "12");
        waitUntil(() -> byId("phonenumberError", Label.class).isVisible());
    }

    /** Until a throwaway object is provably collected: a real collection has run. */
    static void collectGarbage() throws Exception {
        java.lang.ref.WeakReference<Object> throwaway = new java.lang.ref.WeakReference<>(new Object());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            System.gc();
            return throwaway.get() == null;
        });
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
            waitUntil(() -> byId("numberIdField", javafx.scene.control.TextField.class).isVisible());
            type("numberIdField", "640000000000000000000001");
            type("phoneField", "+14155550129");
            waitUntil(() -> !byId("dialButton", Button.class).isDisabled());
            robot.clickOn("#dialButton");
            waitUntil(() -> byId("dialResult", Label.class).getText().startsWith("Call created: 65a0aa00bb11cc22dd33ee44"));
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
