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
    /** Every wait over the explain threshold since the last reset: "82 ms at +0.51 s" (GC pauses marked). */
    private final List<String> longWaits = new ArrayList<>();
    private final boolean explain;
    private final long explainAboveNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Deque<Pause> pauses = new ArrayDeque<>();
    private final List<String> explanations = new ArrayList<>();
    private volatile Thread fxThread;
    private volatile Thread rendererThread;
    private final long startedAt = System.nanoTime();
    /** While set, samples of the UI thread at work are added to a profile of this phase. */
    private volatile String profiledPhase;
    private final Map<String, Integer> profileInclusive = new HashMap<>();
    private final Map<String, Integer> profileOwnCode = new HashMap<>();
    private int profileSamples;

    private record Sample(long at, StackTraceElement[] stack, StackTraceElement[] rendererStack) {
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
                    noteLongWait(TimeUnit.MILLISECONDS.toNanos(millis), System.nanoTime(), " (GC)");
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
                noteLongWait(waited, posted, "");
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
        // The thread that paints frames: the UI thread waits for it before it starts the next one.
        rendererThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
        while (true) {
            StackTraceElement[] stack = fxThread.getStackTrace();
            StackTraceElement[] rendererStack = rendererThread == null ? new StackTraceElement[0] : rendererThread.getStackTrace();
            addToProfile(stack);
            synchronized (samples) {
                samples.addLast(new Sample(System.nanoTime(), stack, rendererStack));
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
        List<StackTraceElement[]> rendererInside = new ArrayList<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.at() >= from && s.at() <= to) {
                    inside.add(s.stack());
                    rendererInside.add(s.rendererStack());
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
        inside.forEach(stack -> countFrames(stack, inclusive));
        StringBuilder text = new StringBuilder(String.format("  stall %.0f ms at +%.0f ms: %d samples; GC %d ms %s%n",
                (to - from) / 1e6, (from - startedAt) / 1e6, inside.size(), gcMillis, gcs));
        inclusive.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("Thread.") && e.getValue() * 4 >= inside.size() / 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(40)
                .forEach(e -> text.append(String.format("      %3d%% %s%n", 100 * e.getValue() / Math.max(1, inside.size()), e.getKey())));
        // Which of the console's own code each sample was under (innermost), to tell whose work it was.
        Map<String, Integer> ownCode = new HashMap<>();
        inside.forEach(stack -> ownCode.merge(ownCode(stack, "(none: styling, layout or rendering of what is already there)"),
                1, Integer::sum));
        // Which containers were being laid out (outermost to innermost), to tell which screen's part it was.
        Map<String, Integer> layoutPaths = new HashMap<>();
        for (StackTraceElement[] stack : inside) {
            List<String> path = new ArrayList<>();
            for (int i = stack.length - 1; i >= 0; i--) {
                if (stack[i].getMethodName().equals("layoutChildren") || stack[i].getMethodName().equals("updateItem")
                        || stack[i].getMethodName().equals("<init>") && stack[i].getClassName().endsWith("Skin")) {
                    String name = simpleClassName(stack[i]) + (stack[i].getMethodName().equals("<init>") ? ".new" : "");
                    if (path.isEmpty() || !path.get(path.size() - 1).equals(name)) {
                        path.add(name);
                    }
                }
            }
            if (!path.isEmpty()) {
                layoutPaths.merge(String.join(" > ", path), 1, Integer::sum);
            }
        }
        layoutPaths.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(5)
                .forEach(e -> text.append(String.format("    laying out %2d× %s%n", e.getValue(), e.getKey())));
        ownCode.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6)
                .forEach(e -> text.append(String.format("    under %2d× %s%n", e.getValue(), e.getKey())));
        if (inclusive.getOrDefault("PaintCollector.waitForRenderingToComplete", 0) * 4 >= inside.size()) {
            // Much of it waiting for the renderer: what the renderer was busy with meanwhile.
            Map<String, Integer> painting = new HashMap<>();
            rendererInside.forEach(stack -> countFrames(stack, painting));
            text.append("    the renderer meanwhile:\n");
            painting.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("Thread.") && e.getValue() * 5 >= rendererInside.size())
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(45)
                    .forEach(e -> text.append(String.format("      %3d%% %s%n", 100 * e.getValue() / Math.max(1, rendererInside.size()), e.getKey())));
        }
        synchronized (explanations) {
            explanations.add(text.toString());
        }
    }

    /**
     * From now on, samples of the UI thread at work go into a profile of {@code phase}; see
     * {@link #printProfile}. (Work, not only inside one method: a keystroke's result reaches the
     * table in a later event, and its layout is done in a pulse.)
     */
    void profile(String phase) {
        profiledPhase = phase;
    }

    private void addToProfile(StackTraceElement[] stack) {
        if (profiledPhase == null || stack.length == 0 || isIdle(stack[0])) {
            return;
        }
        synchronized (profileInclusive) {
            profileSamples++;
            countFrames(stack, profileInclusive);
            profileOwnCode.merge(ownCode(stack, "(none of the console's own code)"), 1, Integer::sum);
        }
    }

    /** Whether the UI thread, with this innermost frame, is waiting for something to do. */
    private static boolean isIdle(StackTraceElement top) {
        String method = top.getMethodName();
        return method.equals("_runLoop") || method.equals("park") || method.equals("wait") || method.equals("wait0");
    }

    /** Adds one to each distinct "Class.method" on the stack (a method recursing counts once). */
    private static void countFrames(StackTraceElement[] stack, Map<String, Integer> counts) {
        Set<String> seen = new LinkedHashSet<>();
        for (StackTraceElement frame : stack) {
            seen.add(simpleClassName(frame) + "." + frame.getMethodName());
        }
        seen.forEach(f -> counts.merge(f, 1, Integer::sum));
    }

    /** The innermost frame of the console's own code ("Class.method:line"), or {@code none}. */
    private static String ownCode(StackTraceElement[] stack, String none) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("org.dialdesk.") && !frame.getClassName().startsWith("org.dialdesk.bench.")) {
                return simpleClassName(frame) + "." + frame.getMethodName() + ":" + frame.getLineNumber();
            }
        }
        return none;
    }

    private static String simpleClassName(StackTraceElement frame) {
        return frame.getClassName().replaceAll("^.*\\.", "");
    }

    /** Where the UI thread's working time went in the profiled phase: frames by share of samples. */
    void printProfile() {
        synchronized (profileInclusive) {
            System.out.printf("  profile of %s, UI thread at work: %d samples (every 5 ms)%n", profiledPhase, profileSamples);
            profileInclusive.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(60)
                    .forEach(e -> System.out.printf("      %3d%% %s%n", 100 * e.getValue() / Math.max(1, profileSamples), e.getKey()));
            profileOwnCode.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .forEach(e -> System.out.printf("    under %3d%% %s%n", 100 * e.getValue() / Math.max(1, profileSamples), e.getKey()));
        }
    }

    /** Prints (and forgets) the explanations gathered so far. */
    void printExplanations() {
        synchronized (explanations) {
            explanations.forEach(System.out::print);
            explanations.clear();
        }
    }

    private void noteLongWait(long nanos, long at, String what) {
        if (nanos > explainAboveNanos) {
            synchronized (longWaits) {
                longWaits.add(String.format("%.0f ms at +%.2f s%s", nanos / 1e6, (at - startedAt) / 1e9, what));
            }
        }
    }

    /** Seconds from when the watch was made to {@code nanoTime}, on the same scale as the waits' times. */
    double secondsSinceStart(long nanoTime) {
        return (nanoTime - startedAt) / 1e9;
    }

    /** The waits over the threshold since the last reset, in the order they happened. */
    List<String> longWaits() {
        synchronized (longWaits) {
            return List.copyOf(longWaits);
        }
    }

    void reset() {
        maxSinceReset.set(0);
        synchronized (longWaits) {
            longWaits.clear();
        }
    }

    long maxSinceReset() {
        return maxSinceReset.get();
    }
}
