package org.dialdesk.ui.common;

import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Scene;

/** Runs an action the first time a condition holds: checked at once, then whenever a watched value changes. */
public final class Once {
    private Once() {
    }

    /** The action runs at most once; after it, nothing is left listening to {@code watched}. */
    public static void when(BooleanSupplier condition, Runnable action, Observable... watched) {
        InvalidationListener[] check = new InvalidationListener[1];
        check[0] = changed -> {
            if (condition.getAsBoolean()) {
                for (Observable observable : watched) {
                    observable.removeListener(check[0]);
                }
                action.run();
            }
        };
        for (Observable observable : watched) {
            observable.addListener(check[0]);
        }
        check[0].invalidated(null);
    }

    /**
     * Runs {@code action} once, right after the scene's next layout pass and before that frame is
     * painted: what it changes (a scroll, a forced layout) shows in the same frame.
     */
    public static void afterNextLayout(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        });
    }
}
