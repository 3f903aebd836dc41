package org.dialdesk.ui.common;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.scene.AccessibleRole;
import javafx.scene.CacheHint;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The app's "working on it" indicator: an arc that turns, drawn like the theme's indeterminate ring.
 * It turns a dozen steps a second, not at the toolkit's 60 frames: each frame repaints, and while the
 * Bulk screen checked a 100,000-row file on two cores a ring turning at 60 frames took time from the
 * check (the preview was laid out 1.9 s after the import, median of 5 runs, against 1.5 s with no
 * ring; the Bulk screen benchmark, README). The toolkit's dotted spinner was worse still: in software
 * rendering each of its dots is painted through an offscreen image. It turns only while it is visible
 * in a window that shows; hide the ring itself (not only what holds it) when the work is done.
 */
public final class BusyRing extends StackPane {
    /** Steps a second: enough to look alive, few enough that a busy machine does not feel them. */
    static final double STEPS_A_SECOND = 12;

    private final Timeline turning;
    private final InvalidationListener onWindow = change -> followWindow();
    private final InvalidationListener onShowing = change -> follow();
    private Scene scene;
    private Window window;

    private BusyRing(double size) {
        getStyleClass().add("busy-ring");
        setAccessibleRole(AccessibleRole.PROGRESS_INDICATOR);
        setAccessibleText("Working");
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        double stroke = 2;
        Arc arc = new Arc(size / 2, size / 2, size / 2 - stroke, size / 2 - stroke, 90, 270);
        arc.setType(ArcType.OPEN);
        arc.getStyleClass().add("ring");
        arc.setManaged(false);
        // Turned as one cached image: a step redraws a bitmap, not the arc's gradient stroke.
        arc.setCache(true);
        arc.setCacheHint(CacheHint.ROTATE);
        getChildren().add(arc);
        turning = new Timeline(STEPS_A_SECOND, new KeyFrame(Duration.seconds(1.5),
                new KeyValue(arc.rotateProperty(), 360, Interpolator.LINEAR)));
        turning.setCycleCount(Animation.INDEFINITE);
        visibleProperty().addListener(change -> follow());
        sceneProperty().addListener(change -> followScene());
    }

    /** An indeterminate ring of this diameter. */
    public static BusyRing of(double size) {
        return new BusyRing(size);
    }

    /** Whether it is turning now (it stops while hidden or out of a shown window). */
    boolean turning() {
        return turning.getStatus() == Animation.Status.RUNNING;
    }

    private void followScene() {
        if (scene != null) {
            scene.windowProperty().removeListener(onWindow);
        }
        scene = getScene();
        if (scene != null) {
            scene.windowProperty().addListener(onWindow);
        }
        followWindow();
    }

    private void followWindow() {
        if (window != null) {
            window.showingProperty().removeListener(onShowing);
        }
        window = scene == null ? null : scene.getWindow();
        if (window != null) {
            window.showingProperty().addListener(onShowing);
        }
        follow();
    }

    private void follow() {
        boolean seen = isVisible() && window != null && window.isShowing();
        if (seen && !turning()) {
            turning.play();
        } else if (!seen && turning()) {
            turning.pause();
        }
    }
}
