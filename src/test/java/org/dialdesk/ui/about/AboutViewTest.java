package org.dialdesk.ui.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.dialdesk.testing.DirectTaskRunner;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

class AboutViewTest {
    final FxRobot robot = new FxRobot();
    final List<Path> opened = new ArrayList<>();
    boolean openingFails;

    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        AboutViewModel vm = new AboutViewModel("0.1.0", "17.0.15 (Debian, Linux amd64)", Path.of("/home/ops/.local/share/dialdesk"),
                Path.of("/home/ops/.local/share/dialdesk/logs"), AboutViewModel.bundled("17.0.15"), folder -> {
                    if (openingFails) {
                        throw new IllegalStateException("xdg-open not found");
                    }
                    opened.add(folder);
                }, new DirectTaskRunner());
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(new AboutView(vm), 720, 560));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheVersionTheFoldersAndWhatItBundles() throws Exception {
        show();
        assertEquals("0.1.0", robot.lookup("#aboutVersion").queryAs(TextField.class).getText());
        TextField data = robot.lookup("#aboutDataFolder").queryAs(TextField.class);
        assertEquals("/home/ops/.local/share/dialdesk", data.getText());
        assertFalse(data.isEditable(), "a path to copy, not to change");
        TableView<?> components = robot.lookup("#aboutComponents").queryAs(TableView.class);
        assertTrue(components.getItems().size() > 20, "the runtime and every library: " + components.getItems().size());
    }

    @Test
    void openFolderOpensItOrSaysWhatToDoInstead() throws Exception {
        show();
        robot.clickOn("#openLogFolderButton");
        assertEquals(List.of(Path.of("/home/ops/.local/share/dialdesk/logs")), opened);
        Label problem = robot.lookup("#aboutProblem").queryAs(Label.class);
        assertFalse(problem.isVisible());

        openingFails = true;
        robot.clickOn("#openDataFolderButton");
        assertTrue(problem.isVisible());
        assertTrue(problem.getText().startsWith("Could not open the data folder (xdg-open not found)."), problem.getText());
    }
}
