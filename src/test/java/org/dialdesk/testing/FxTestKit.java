package org.dialdesk.testing;

import java.lang.ref.WeakReference;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the UI tests share: controls found by their stable ids, waits on a condition (never a
 * sleep; generous, since a busy 2-core CI renders in software), typing as an operator does.
 */
public final class FxTestKit {
    /** Long enough for a cold first screen on a loaded machine; a wait that passes returns at once. */
    static final int WAIT_SECONDS = 30;

    private final FxRobot robot;

    public FxTestKit(FxRobot robot) {
        this.robot = robot;
    }

    public FxRobot robot() {
        return robot;
    }

    /** The node with this id in any open window; fails if there is none. */
    public <T extends Node> T byId(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    /** Whether a node with this id is in an open window yet. */
    public boolean exists(String id) {
        return robot.lookup("#" + id).tryQuery().isPresent();
    }

    /** Waits until the condition holds; one that throws (a node not there yet) counts as not yet. */
    public void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    /**
     * Reads the screen on the UI thread: a lookup from the test's thread can meet the scene graph
     * half changed (a chart redrawing as the filter changes) and fail for no fault of the screen.
     */
    public <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Clicks into the field and replaces its text by typing, as an operator would. */
    public void type(String id, String text) {
        robot.clickOn("#" + id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    /** Until a throwaway object is provably collected: a real garbage collection has run. */
    public static void collectGarbage() throws TimeoutException {
        WeakReference<Object> throwaway = new WeakReference<>(new Object());
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
            System.gc();
            return throwaway.get() == null;
        });
    }
}
