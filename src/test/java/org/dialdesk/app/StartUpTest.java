package org.dialdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import org.dialdesk.domain.Theme;
import org.dialdesk.domain.Settings;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.testing.TestSecrets;
import org.dialdesk.ui.common.FxTaskRunner;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.TaskRunner;
import org.dialdesk.ui.shell.ShellView;
import org.dialdesk.ui.shell.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window's start-up, on the Sandbox profile, as --exit-when-ready and the start-up benchmark see it. */
class StartUpTest {
    @TempDir
    Path dataDir;
    final FxRobot robot = new FxRobot();
    StartUp startUp;
    TaskRunner runner;

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> {
            if (startUp != null) {
                startUp.close();
            }
        });
        if (runner != null) {
            runner.shutdown();
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void readyMeansTheDialFormIsWholeWithThePickersDataInItAndPainted() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> seenWhenReady = new ArrayList<>();
        FxToolkit.setupStage(stage -> {
            ShellViewModel shell = new ShellViewModel(Theme.LIGHT, theme -> { });
            ShellView shellView = new ShellView(shell);
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(shellView, 1280, 800));
            stage.show();
            runner = new FxTaskRunner(4);
            StartUp.Window window = new StartUp.Window(runner, shell, shellView, new OnePerFrame(), ZoneId.of("UTC"));
            startUp = new StartUp(dataDir, TestClocks.ticking(), Settings.defaults(),
                    ConsoleParts.open(dataDir, TestSecrets.withoutKeyring(dataDir), TestClocks.ticking()), null, window, new StartUp.FirstData() {
                @Override
                public void arrived() {
                    ComboBox<?> numbers = robot.lookup("#numberPicker").queryAs(ComboBox.class);
                    seenWhenReady.add("form shown " + shellView.firstScreenShownProperty().get());
                    seenWhenReady.add("numbers " + numbers.getItems().size());
                    seenWhenReady.add("action bar " + robot.lookup("#dialButton").tryQuery().isPresent());
                }

                @Override
                public void failed(String why) {
                    seenWhenReady.add("failed: " + why);
                }
            });
            startUp.begin();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !seenWhenReady.isEmpty());
        assertEquals(List.of("form shown true", "numbers 4", "action bar true"), seenWhenReady,
                "the sandbox's four caller numbers are in the picker of a whole form");
        assertTrue(robot.lookup("#numberPicker").query().isVisible());
    }
}
