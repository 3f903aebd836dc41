package org.dialdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class OnePerFrameTest {
    final OnePerFrame frames = new OnePerFrame();
    final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void eachStepIsStyledInAFrameOfItsOwnBeforeTheNextRuns() throws Exception {
        FxToolkit.registerPrimaryStage();
        VBox root = new VBox();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(root, 300, 200));
            stage.show();
        });
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            List<Runnable> steps = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int step = i;
                steps.add(() -> {
                    // What the previous step added has been styled (given its skin) by the time this one runs.
                    seen.add(step + ":" + root.getChildren().stream().filter(n -> ((Label) n).getSkin() != null).count()
                            + "/" + root.getChildren().size());
                    root.getChildren().add(new Label("part " + step));
                });
            }
            frames.run(steps);
            seen.add("queued");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> root.getChildren().size() == 3);
        assertEquals(List.of("queued", "0:0/0", "1:1/1", "2:2/2"), seen);
    }

    @Test
    void stepsForANodeWaitUntilItIsInAWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        VBox root = new VBox();
        Label later = new Label("not in a window yet");
        List<String> ran = new ArrayList<>();
        robot.interact(() -> frames.onceInWindow(later, () -> List.of(() -> ran.add("built"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), ran);
        FxToolkit.setupStage(stage -> {
            root.getChildren().add(later);
            stage.setScene(new Scene(root, 300, 200));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ran.size() == 1);
    }

    @Test
    void whenAllDoneWaitsForStepsQueuedByStepsToo() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> ran = new ArrayList<>();
        robot.interact(() -> {
            frames.run(List.of(() -> {
                ran.add("screen added");
                frames.run(List.of(() -> ran.add("its first part"), () -> ran.add("its last part")));
            }));
            frames.whenAllDone(() -> ran.add("all done"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ran.contains("all done"));
        assertEquals(List.of("screen added", "its first part", "its last part", "all done"), ran);

        robot.interact(() -> frames.whenAllDone(() -> ran.add("nothing queued: at once")));
        assertEquals("nothing queued: at once", ran.get(ran.size() - 1));
    }
}
