package org.dialdesk.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.dialdesk.ui.common.TaskRunner;

/**
 * Runs work and its callback at once on the calling thread, so view-model tests need no toolkit.
 * Delayed actions wait until the test runs them with {@link #runDelayed()}.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final List<Runnable> delayed = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public Runnable later(Duration delay, Runnable action) {
        delayed.add(action);
        delays.add(delay);
        return () -> delayed.remove(action);
    }

    /** Runs the delayed actions queued so far (not the ones they queue); returns how many ran. */
    public int runDelayed() {
        List<Runnable> due = new ArrayList<>(delayed);
        delayed.clear();
        due.forEach(Runnable::run);
        return due.size();
    }

    /** The delays asked for, in order: how a poller backs off. */
    public List<Duration> delays() {
        return delays;
    }

    @Override
    public void shutdown() {
    }
}
