package org.dialdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class OnceTest {
    final SimpleBooleanProperty first = new SimpleBooleanProperty();
    final SimpleBooleanProperty second = new SimpleBooleanProperty();
    final AtomicInteger runs = new AtomicInteger();

    @Test
    void runsTheFirstTimeTheConditionHoldsAndNeverAgain() {
        Once.when(() -> first.get() && second.get(), runs::incrementAndGet, first, second);
        first.set(true);
        assertEquals(0, runs.get());
        second.set(true);
        assertEquals(1, runs.get());
        second.set(false);
        second.set(true);
        assertEquals(1, runs.get());
    }

    @Test
    void runsAtOnceWhenTheConditionAlreadyHolds() {
        first.set(true);
        Once.when(first::get, runs::incrementAndGet, first);
        assertEquals(1, runs.get());
        first.set(false);
        first.set(true);
        assertEquals(1, runs.get());
    }
}
