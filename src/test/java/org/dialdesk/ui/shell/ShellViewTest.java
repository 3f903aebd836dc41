package org.dialdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.control.TextField;
import org.dialdesk.domain.Theme;
import org.dialdesk.ui.shell.ShellViewModel.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The window's frame: the start-up progress, and switching between screens. */
class ShellViewTest {
    final FxRobot robot = new FxRobot();
    ShellView shell;
    ShellViewModel viewModel;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            viewModel = new ShellViewModel(Theme.LIGHT, theme -> { });
            viewModel.startingSandbox();
            shell = new ShellView(viewModel);
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(shell, 1000, 700);
            scene.getStylesheets().add(ShellView.class.getResource("/org/dialdesk/ui/dialdesk.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    StackPane content() {
        return robot.lookup("#content").queryAs(StackPane.class);
    }

    /** The topmost thing in the content area: what a click there reaches. */
    Node onTop() {
        return content().getChildren().get(content().getChildren().size() - 1);
    }

    @Test
    void theStartUpProgressCoversTheFirstScreenUntilItIsComplete() {
        SimpleBooleanProperty complete = new SimpleBooleanProperty(false);
        Button firstScreen = new Button("dial form");
        Button secondScreen = new Button("history");
        robot.interact(() -> {
            shell.addArea("dial", "Dial", firstScreen, complete);
            shell.addArea("history", "History", secondScreen);
        });
        assertTrue(onTop().getStyleClass().contains("startup-cover"), "the progress is over the screens");
        assertTrue(firstScreen.isVisible(), "the first screen is shown (styled and laid out) beneath it");
        assertEquals("Starting the sandbox dial service…", robot.lookup("#startupText").queryAs(Label.class).getText());
        robot.interact(() -> viewModel.reportReachability(ConnectionState.ONLINE, "http://127.0.0.1:9999/api/v1", ""));
        assertEquals("Connected · opening Dial…", robot.lookup("#startupText").queryAs(Label.class).getText(),
                "connected, the cover says what it still waits for");

        // Switching screens meanwhile leaves the cover in place.
        robot.clickOn("#nav-history");
        assertTrue(secondScreen.isVisible());
        assertTrue(onTop().getStyleClass().contains("startup-cover"));
        robot.clickOn("#nav-dial");

        robot.interact(() -> complete.set(true));
        assertEquals(2, content().getChildren().size(), "the cover is gone once the screen is complete");
        assertFalse(content().getChildren().stream().anyMatch(n -> n.getStyleClass().contains("startup-cover")));
        robot.clickOn(firstScreen);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(firstScreen.isFocused(), "the screen takes clicks once uncovered");
    }

    @Test
    void onceUncoveredTheCaretIsInTheScreenNotOnTheThemeToggle() {
        SimpleBooleanProperty complete = new SimpleBooleanProperty(false);
        Button refresh = new Button("Refresh lists");
        TextField field = new TextField();
        robot.interact(() -> shell.addArea("dial", "Dial", new VBox(refresh, field), complete));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> complete.set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field.isFocused(), "focus owner: " + field.getScene().getFocusOwner());
    }

    @Test
    void aScreenCompleteFromTheStartIsNotCovered() {
        Button screen = new Button("organisation");
        robot.interact(() -> shell.addArea("organisation", "Organisation", screen));
        assertEquals(1, content().getChildren().size());
        assertTrue(screen.isVisible());
    }

    @Test
    void theStatusBarsAboutButtonOpensWhatTheWindowGivesIt() {
        Button about = robot.lookup("#aboutButton").queryAs(Button.class);
        assertTrue(about.isDisabled(), "nothing to open yet");
        assertTrue(about.getText().startsWith("About · v"), about.getText());
        int[] shown = {0};
        robot.interact(() -> shell.setOnAbout(() -> shown[0]++));
        robot.clickOn("#aboutButton");
        assertEquals(1, shown[0]);
    }
}
