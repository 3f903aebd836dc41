package org.dialdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class BusyRingTest {
    final FxRobot robot = new FxRobot();

    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void turnsOnlyWhileVisibleInAWindowThatShows() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        VBox root = new VBox();
        BusyRing ring = onFx(() -> BusyRing.of(20));
        robot.interact(() -> {
            stage.setScene(new Scene(root, 200, 100));
            stage.show();
        });
        assertFalse(onFx(ring::turning), "not turning before it is in a window");

        robot.interact(() -> root.getChildren().add(ring));
        assertTrue(onFx(ring::turning), "turns once in a window that shows");
        double angle = onFx(() -> ring.getChildren().get(0).getRotate());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> ring.getChildren().get(0).getRotate()) != angle);

        robot.interact(() -> ring.setVisible(false));
        assertFalse(onFx(ring::turning), "hidden, it stops");
        robot.interact(() -> ring.setVisible(true));
        assertTrue(onFx(ring::turning));

        robot.interact(stage::hide);
        assertFalse(onFx(ring::turning), "its window hidden, it stops");
        robot.interact(stage::show);
        assertTrue(onFx(ring::turning));

        // As the start-up cover is taken away once the first screen is ready.
        robot.interact(() -> root.getChildren().remove(ring));
        assertFalse(onFx(ring::turning), "taken out of the window, it stops for good");
        assertEquals(null, ring.getScene());
    }

    @Test
    void followsTheWindowOfASceneThatGetsOneLater() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        BusyRing ring = onFx(() -> BusyRing.of(20));
        Scene scene = onFx(() -> new Scene(new VBox(ring), 200, 100));
        assertFalse(onFx(ring::turning), "in a scene with no window");
        robot.interact(() -> {
            stage.setScene(scene);
            stage.show();
        });
        assertTrue(onFx(ring::turning), "the scene shown in a window");
    }
}
