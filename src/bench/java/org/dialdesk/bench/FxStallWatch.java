package org.dialdesk.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures how long the UI thread keeps others waiting: posts a ping every 5 ms and records how
 * long each waited to run, and counts every stop-the-world garbage-collection pause as a wait of
 * its length (a ping is only queued for microseconds while the UI thread is idle, so it would miss
 * most pauses; a key pressed during one waits all the same). With {@code explain} on, it also
 * samples the UI thread's stack every 5 ms, so each long wait can be told apart: the frames the
 * thread spent its time in, and the collector's pauses that fell inside it.
 */
final class FxStallWatch {
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private final AtomicLong maxSinceReset = new AtomicLong();
    private final boolean explain;
    private final long explainAboveNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Deque<Pause> pauses = new ArrayDeque<>();
    private final List<String> explanations = new ArrayList<>();
    private volatile Thread fxThread;

    private record Sample(long at, StackTraceElement[] stack) {
    }

    private record Pause(long endedAt, long durationMillis, String what) {
    }

    FxStallWatch(boolean explain, long explainAboveMillis) {
        this.explain = explain;
        this.explainAboveNanos = TimeUnit.MILLISECONDS.toNanos(explainAboveMillis);
    }

    void start() throws InterruptedException {
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            found.countDown();
        });
        found.await();
        daemon("fx-stall-ping", this::ping).start();
        if (explain) {
            daemon("fx-stall-sampler", this::sample).start();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Cycles") || gc.getName().contains("Concurrent")) {
                continue; // a concurrent collector's cycles run beside the application, not as pauses
            }
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long millis = info.getGcInfo().getDuration();
                    maxSinceReset.accumulateAndGet(TimeUnit.MILLISECONDS.toNanos(millis), Math::max);
                    synchronized (pauses) {
                        pauses.addLast(new Pause(System.nanoTime(), millis, info.getGcName() + " (" + info.getGcCause() + ")"));
                        while (pauses.size() > 2000) {
                            pauses.removeFirst();
                        }
                    }
                    if (explain && TimeUnit.MILLISECONDS.toNanos(millis) > explainAboveNanos) {
                        synchronized (explanations) {
                            explanations.add(String.format("  pause %d ms: %s%n", millis, info.getGcName() + " (" + info.getGcCause() + ")"));
                        }
                    }
                }
            }, null, null);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private void ping() {
        while (true) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                long waited = System.nanoTime() - posted;
                maxSinceReset.accumulateAndGet(waited, Math::max);
                if (explain && waited > explainAboveNanos) {
                    long ranAt = System.nanoTime();
                    daemon("fx-stall-explain", () -> explain(posted, ranAt)).start();
                }
                ran.countDown();
            });
            try {
                ran.await();
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        while (true) {
            StackTraceElement[] stack = fxThread.getStackTrace();
            synchronized (samples) {
                samples.addLast(new Sample(System.nanoTime(), stack));
                while (samples.size() > 4000) {
                    samples.removeFirst();
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(SAMPLE_NANOS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The frames most often on the UI thread's stack during one long wait, and the GC pauses in it. */
    private void explain(long from, long to) {
        List<StackTraceElement[]> inside = new ArrayList<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.at() >= from && s.at() <= to) {
                    inside.add(s.stack());
                }
            }
        }
        long gcMillis = 0;
        List<String> gcs = new ArrayList<>();
        synchronized (pauses) {
            for (Pause p : pauses) {
                if (p.endedAt() >= from && p.endedAt() - TimeUnit.MILLISECONDS.toNanos(p.durationMillis()) <= to) {
                    gcMillis += p.durationMillis();
                    gcs.add(p.durationMillis() + " ms " + p.what());
                }
            }
        }
        Map<String, Integer> inclusive = new HashMap<>();
        for (StackTraceElement[] stack : inside) {
            Set<String> seen = new LinkedHashSet<>();
            for (StackTraceElement frame : stack) {
                seen.add(frame.getClassName().replaceAll("^.*\\.", "") + "." + frame.getMethodName());
            }
            seen.forEach(f -> inclusive.merge(f, 1, Integer::sum));
        }
        StringBuilder text = new StringBuilder(String.format("  stall %.0f ms: %d samples; GC %d ms %s%n",
                (to - from) / 1e6, inside.size(), gcMillis, gcs));
        inclusive.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("Thread.") && e.getValue() * 4 >= inside.size() / 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(40)
                .forEach(e -> text.append(String.format("      %3d%% %s%n", 100 * e.getValue() / Math.max(1, inside.size()), e.getKey())));
        synchronized (explanations) {
            explanations.add(text.toString());
        }
    }

    /** Prints (and forgets) the explanations gathered so far. */
    void printExplanations() {
        synchronized (explanations) {
            explanations.forEach(System.out::print);
            explanations.clear();
        }
    }

    void reset() {
        maxSinceReset.set(0);
    }

    long maxSinceReset() {
        return maxSinceReset.get();
    }
}
