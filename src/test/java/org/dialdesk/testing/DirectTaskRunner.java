package org.dialdesk.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.dialdesk.ui.common.TaskRunner;

/**
 * Runs work and its callback at once on the calling thread, so view-model tests need no toolkit.
 * Delayed actions wait until the test runs them with {@link #runDelayed()}. After
 * {@link #holdWork()}, work waits until the test releases it, in any order, as on busy workers.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final List<Delayed> delayed = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;
    /** Delays not waited for: their actions run as they are asked for. */
    private final List<Duration> atOnce = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (holding) {
            held.add(() -> runNow(work, onSuccess, onFailure));
        } else {
            runNow(work, onSuccess, onFailure);
        }
    }

    /** From now on work waits until {@link #release(int)} or {@link #releaseAll()}. */
    public void holdWork() {
        holding = true;
    }

    /** How much work waits. */
    public int heldCount() {
        return held.size();
    }

    /** Runs the held work at {@code index} (0: the oldest) and its callback. */
    public void release(int index) {
        held.remove(index).run();
    }

    /** Stops holding and runs all held work, oldest first. */
    public void releaseAll() {
        holding = false;
        List<Runnable> due = new ArrayList<>(held);
        held.clear();
        due.forEach(Runnable::run);
    }

    private static <T> void runNow(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }

    private record Delayed(Duration delay, Runnable action) {
    }

    /**
     * From now on, actions asked for with exactly this delay run at once, as if it had passed: for
     * tests that are not about that delay.
     */
    public DirectTaskRunner runAtOnce(Duration delay) {
        atOnce.add(delay);
        return this;
    }

    @Override
    public Runnable later(Duration delay, Runnable action) {
        if (atOnce.contains(delay)) {
            delays.add(delay);
            action.run();
            return () -> { };
        }
        Delayed entry = new Delayed(delay, action);
        delayed.add(entry);
        delays.add(delay);
        return () -> delayed.remove(entry);
    }

    /** Runs the delayed actions queued so far (not the ones they queue); returns how many ran. */
    public int runDelayed() {
        List<Delayed> due = new ArrayList<>(delayed);
        delayed.clear();
        due.forEach(d -> d.action().run());
        return due.size();
    }

    /** Runs the delayed actions queued so far with exactly this delay, and no others; returns how many ran. */
    public int runDelayed(Duration delay) {
        List<Delayed> due = delayed.stream().filter(d -> d.delay().equals(delay)).toList();
        delayed.removeAll(due);
        due.forEach(d -> d.action().run());
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
