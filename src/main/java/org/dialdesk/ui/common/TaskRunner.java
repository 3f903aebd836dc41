package org.dialdesk.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.time.Duration;

/**
 * The one way screens do background work: {@code work} runs off the UI thread, and exactly one
 * of the callbacks runs afterwards on the UI thread. Tests use a runner that does it all inline.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread after {@code delay}; the returned handle cancels it. */
    Runnable later(Duration delay, Runnable action);

    /** Stops taking work; running tasks are interrupted. */
    void shutdown();
}
