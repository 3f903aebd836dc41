package org.dialdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.dialdesk.profile.KeyHolder;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.testing.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An operator adds a profile for a second account (another sandbox, on its own port, with its own
 * key and calls), tests it, opens it, sees everything say LIVE and its calls, and goes back.
 */
class ProfileSwitchTest {
    static final String KEY = "sk-live-second-0001";

    @TempDir
    Path dataDir;
    @TempDir
    Path secondDir;
    Sandbox second;
    javafx.application.Application app;
    final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (second != null) {
            second.close();
        }
    }

    <T extends Node> T byId(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (RuntimeException notThereYet) {
                return false;
            }
        });
    }

    void typeInto(String id, String text) {
        robot.clickOn("#" + id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }

    /** Opens the switcher's list and clicks the profile's line in it (other nodes on screen show the name too). */
    void pickInSwitcher(String name) {
        robot.clickOn("#profileSwitcher");
        Node cell = robot.lookup(".combo-box-popup .list-cell").match(node -> node instanceof javafx.scene.control.Labeled
                && name.equals(((javafx.scene.control.Labeled) node).getText())).query();
        robot.clickOn(cell);
    }

    @Test
    void addTestOpenAndLeaveASecondAccount() throws Exception {
        second = Sandbox.start(SandboxOptions.defaults(secondDir, TestClocks.ticking()).withApiKey(KEY));
        second.addDemoCalls(37, 3);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new App(App.Environment.of(dataDir, TestClocks.ticking(), false,
                TestSecrets.withoutKeyring(dataDir))));
        waitUntil(() -> robot.lookup("#nav-profiles").tryQuery().isPresent()
                && byId("statusConnection", Label.class).getText().startsWith("Connected"));
        String sandboxUrl = byId("statusConnection", Label.class).getText();

        robot.clickOn("#nav-profiles");
        waitUntil(() -> robot.lookup("#profileName").tryQuery().isPresent()); // the form follows the list a frame later
        robot.clickOn("#addProfileButton");
        typeInto("profileName", "Acme staging");
        typeInto("profileBaseUrl", second.baseUrl());
        typeInto("profileApiKey", "sk-wrong");
        @SuppressWarnings("unchecked")
        ComboBox<KeyHolder> holder = byId("keyHolderChoice", ComboBox.class);
        robot.interact(() -> holder.setValue(KeyHolder.SESSION));
        robot.clickOn("#testConnectionButton");
        waitUntil(() -> byId("connectionResult", Label.class).getText().startsWith("The key was refused (401"));
        typeInto("profileApiKey", KEY);
        robot.clickOn("#testConnectionButton");
        waitUntil(() -> byId("connectionResult", Label.class).getText().startsWith("Connected in "));
        assertTrue(byId("connectionResult", Label.class).getText().endsWith("the account holds 37 calls."));
        robot.clickOn("#saveProfileButton");
        waitUntil(() -> byId("profilesList", ListView.class).getItems().size() == 2);
        assertFalse(byId("liveBanner", Label.class).isVisible(), "still on the Sandbox: nothing says LIVE");

        pickInSwitcher("Acme staging");
        waitUntil(() -> byId("statusProfile", Label.class).getText().equals("LIVE · Acme staging")
                && byId("statusConnection", Label.class).getText().equals("Connected · " + second.baseUrl()));
        assertTrue(byId("liveBanner", Label.class).isVisible());
        assertEquals("LIVE · Acme staging — calls ring real people and are billed", byId("liveBanner", Label.class).getText());
        robot.clickOn("#nav-dial");
        waitUntil(() -> byId("dialButton", Button.class).getText().equals("_Dial on Acme staging"));
        waitUntil(() -> !byId("numberPicker", ComboBox.class).getItems().isEmpty());
        waitUntil(() -> robot.lookup("#nav-history").tryQuery().isPresent());
        robot.clickOn("#nav-history");
        try {
            waitUntil(() -> byId("historySummary", Label.class).getText().startsWith("37 of 37 calls"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("History says: " + byId("historySummary", Label.class).getText(), e);
        }

        pickInSwitcher("Sandbox");
        waitUntil(() -> byId("statusProfile", Label.class).getText().equals("SANDBOX — calls are simulated")
                && byId("statusConnection", Label.class).getText().equals(sandboxUrl));
        assertFalse(byId("liveBanner", Label.class).isVisible());
        waitUntil(() -> robot.lookup("#nav-dial").tryQuery().isPresent());
        robot.clickOn("#nav-dial");
        waitUntil(() -> byId("dialButton", Button.class).getText().equals("_Dial"));
        assertEquals(1, robot.lookup("#dialButton").queryAll().size(), "the other profile's screens are gone");
        TextField phone = byId("phoneField", TextField.class);
        assertTrue(phone.isVisible());
    }
}
