package org.dialdesk.bench;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dialdesk.ui.common.Frames;

/**
 * The start-up benchmark's floor: an empty AtlantaFX window, packaged like the console
 * (packaging/startup-benchmark.sh). It prints {@code ready} once its first frame is painted, as
 * the console does with {@code --exit-when-ready} once its dial form is, and exits. A plain main class that launches the window, as the console's launcher does.
 */
public final class EmptyWindow {
    private EmptyWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(new StackPane(new Label("Empty window")), 1280, 800));
            stage.setTitle("Empty window");
            stage.show();
            // The console's own test of "painted", so both are ready by the same measure.
            Frames.afterNextPaint(() -> {
                System.out.println("ready");
                Platform.exit();
            });
        }
    }
}
