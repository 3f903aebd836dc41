package org.dialdesk.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs steps one per frame, on the UI thread, in the order they were given. A step that adds nodes
 * to a showing scene gets their first styling and layout done in a frame of its own: the first
 * styling of a large screen (hundreds of controls, each looked up in the style sheets and given its
 * skin) takes far longer than a frame, and spread out this way the window keeps repainting and
 * answering input meanwhile. One per window (the window owns it and hands it to its screens), so
 * that two screens being put in place at the same time do not share frames.
 */
public final class OnePerFrame {
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final List<Runnable> whenDone = new ArrayList<>();
    /** Made on first use: a timer needs the toolkit running, and the window's queue is made before it shows. */
    private AnimationTimer timer;

    private AnimationTimer newTimer() {
        return new AnimationTimer() {
            // An animation timer runs at the start of each frame, before that frame's styling and
            // layout, so what a step adds is styled and laid out within the same frame.
            @Override
            public void handle(long now) {
                Runnable step = pending.pollFirst();
                if (step == null) {
                    stop();
                    List<Runnable> done = List.copyOf(whenDone);
                    whenDone.clear();
                    done.forEach(Runnable::run);
                    return;
                }
                step.run();
            }
        };
    }

    /**
     * Queues the steps once the node is first in a scene (at once if it is already).
     *
     * @return true once the last step has run
     */
    public ReadOnlyBooleanProperty onceInWindow(Node node, Supplier<List<Runnable>> steps) {
        ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
        Runnable queue = () -> {
            List<Runnable> all = new ArrayList<>(steps.get());
            all.add(() -> done.set(true));
            run(all);
        };
        if (node.getScene() != null) {
            queue.run();
        } else {
            node.sceneProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Scene> observable, Scene old, Scene scene) {
                    if (scene != null) {
                        node.sceneProperty().removeListener(this);
                        queue.run();
                    }
                }
            });
        }
        return done.getReadOnlyProperty();
    }

    /**
     * Runs {@code action} once every step queued so far, and every step those queue in turn, has
     * run (at once if none is queued); call on the UI thread.
     */
    public void whenAllDone(Runnable action) {
        if (pending.isEmpty()) {
            action.run();
            return;
        }
        whenDone.add(action);
    }

    /** Queues the steps, to run one per frame after those already queued; call on the UI thread. */
    public void run(List<Runnable> steps) {
        pending.addAll(steps);
        if (timer == null) {
            timer = newTimer();
        }
        timer.start();
    }

    /** Drops what is still queued: the screens it would build are going away. */
    public void cancel() {
        pending.clear();
        whenDone.clear();
        if (timer != null) {
            timer.stop();
        }
    }
}
