package org.dialdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.testing.TestSecrets;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.TableRow;

/** The whole console, started as a person starts it, on an empty data folder. */
class AppTest {
    @TempDir
    Path dataDir;
    Application app;
    final FxRobot robot = new FxRobot();

    Stage launch() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(() -> new App(App.Environment.of(dataDir, TestClocks.ticking(), false, TestSecrets.withoutKeyring(dataDir))));
        return stage;
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    <T extends Node> T byId(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    /** The table's rows that show an item (a table also fills its height with empty rows). */
    long filledRows(String tableId) {
        return robot.lookup("#" + tableId).lookup(".table-row-cell").queryAllAs(TableRow.class)
                .stream().filter(row -> row.isVisible() && row.getItem() != null).count();
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

    @Test
    void firstRunComesUpOnTheSandboxWithItsNumbersAndUseCases() throws Exception {
        launch();
        waitUntil(() -> robot.lookup("#nav-organisation").tryQuery().isPresent());
        assertTrue(robot.lookup("#nav-dnc").tryQuery().isPresent(), "the do-not-call list has its screen");
        assertEquals("SANDBOX — calls are simulated", byId("statusProfile", Label.class).getText());
        robot.clickOn("#nav-organisation");
        waitUntil(() -> byId("numbersTable", TableView.class).getItems().size() == 4);
        waitUntil(() -> byId("statusConnection", Label.class).getText().startsWith("Connected · http://127.0.0.1:"));
        assertTrue(Files.exists(dataDir.resolve("sandbox").resolve("sandbox.db")), "the sandbox keeps its data on disk");

        waitUntil(() -> filledRows("numbersTable") == 4);
        // A tab's rows are made only once it is first shown.
        assertEquals(0, filledRows("useCasesTable"));

        TabPane tabs = byId("organisationTabs", TabPane.class);
        robot.clickOn("Use cases (5)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex());
        assertEquals(5, byId("useCasesTable", TableView.class).getItems().size());
        waitUntil(() -> filledRows("useCasesTable") == 5);
        assertTrue(byId("refreshOrganisationButton", Button.class).isVisible());
    }

    @Test
    void themeAndWindowSizeAreRemembered() throws Exception {
        Stage stage = launch();
        waitUntil(() -> byId("themeToggle", Button.class).getText().equals("Dark theme"));
        robot.clickOn("#themeToggle");
        waitUntil(() -> byId("themeToggle", Button.class).getText().equals("Light theme"));
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(640);
        });
        FxToolkit.cleanupApplication(app);
        app = null;
        String saved = Files.readString(dataDir.resolve("settings.json"));
        assertTrue(saved.contains("\"DARK\""), saved);
        assertTrue(saved.contains("\"width\" : 1000.0"), saved);

        Stage again = launch();
        waitUntil(() -> byId("themeToggle", Button.class).getText().equals("Light theme"));
        assertEquals(1000, again.getWidth(), 0.5);
        assertEquals(640, again.getHeight(), 0.5);
    }
}
