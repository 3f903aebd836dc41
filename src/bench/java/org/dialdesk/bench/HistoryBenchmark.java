package org.dialdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.ui.common.FxTaskRunner;
import org.dialdesk.ui.history.HistorySync;
import org.dialdesk.ui.history.HistoryView;
import org.dialdesk.ui.history.HistoryViewModel;

/**
 * The history screen with 100,000 calls in the cache: time to show data, cost of a filter
 * keystroke, the longest the UI thread is blocked, and the process's resident memory.
 * Runs on Monocle's headless platform; talks to 127.0.0.1 only; bounded in time.
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.dialdesk.bench.HistoryBenchmark</pre>
 */
public final class HistoryBenchmark {
    private static final int CALLS = 100_000;

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Path dir = Files.createTempDirectory("dialdesk-history-bench");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")))) {
            long t = System.nanoTime();
            sandbox.addDemoCalls(CALLS, 42);
            System.out.printf("demo calls: %,d in %.1f s%n", CALLS, (System.nanoTime() - t) / 1e9);
            try (DialClient client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.apiKey())))) {
                Path cacheFile = dir.resolve("history.db");
                try (HistoryCache cache = new HistoryCache(cacheFile)) {
                    t = System.nanoTime();
                    new HistorySync(client, cache).syncNewest(2000, java.util.Set.of());
                    System.out.printf("first full sync into the cache: %,d calls in %.1f s%n", cache.count(),
                            (System.nanoTime() - t) / 1e9);
                }
                System.gc();
                measureScreen(client, cacheFile);
            }
        }
        Platform.exit();
        System.exit(0);
    }

    private static void measureScreen(DialClient client, Path cacheFile) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // The app's shell window is up before History is built: warm the toolkit the same way.
        CountDownLatch warm = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage shell = new Stage();
            shell.setScene(new Scene(new javafx.scene.control.Label("shell"), 1280, 800));
            shell.show();
            warm.countDown();
        });
        warm.await();
        waitForFx();
        Watchdog watchdog = new Watchdog();
        watchdog.start();

        HistoryCache cache = new HistoryCache(cacheFile);
        FxTaskRunner runner = new FxTaskRunner(4);
        HistoryViewModel[] vm = new HistoryViewModel[1];
        @SuppressWarnings("unchecked")
        TableView<?>[] table = new TableView[1];
        long[] openedAt = new long[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm[0] = new HistoryViewModel(new HistorySync(client, cache), cache, runner, Clock.systemUTC(), call -> { });
            HistoryView view = new HistoryView(vm[0], ZoneId.of("UTC"));
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
            table[0] = (TableView<?>) view.lookup("#historyTable");
            openedAt[0] = System.nanoTime();
            vm[0].rows().addListener((javafx.collections.ListChangeListener<Object>) c -> {
                if (!vm[0].rows().isEmpty() && shown.getCount() > 0) {
                    // Rendered: lay the table out with its rows before calling it shown.
                    table[0].applyCss();
                    table[0].layout();
                    shown.countDown();
                }
            });
            vm[0].open();
        });
        if (!shown.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the history never showed data");
        }
        System.out.printf("screen shows data: %.0f ms after opening (%,d rows)%n",
                (System.nanoTime() - openedAt[0]) / 1e6, CALLS);
        System.out.printf("  UI thread, longest wait until then (building the screen included): %.0f ms%n",
                watchdog.maxSinceReset() / 1e6);
        watchdog.reset();
        waitForFx();
        // Let the open-time sync and dashboard settle, then measure typing.
        TimeUnit.SECONDS.sleep(2);
        System.out.printf("  UI thread, longest wait while all %,d rows load and sync: %.0f ms%n", CALLS,
                watchdog.maxSinceReset() / 1e6);
        watchdog.reset();

        List<Double> keystrokes = new ArrayList<>();
        modelOnly.clear();
        String[] words = {"ada lovelace", "+1 415 555", "win-back", "grace"};
        for (int round = 0; round < 3; round++) {
            for (String word : words) {
                for (int i = 1; i <= word.length(); i++) {
                    keystrokes.add(keystroke(vm[0], table[0], word.substring(0, i)));
                }
                for (int i = word.length() - 1; i >= 0; i--) {
                    keystrokes.add(keystroke(vm[0], table[0], word.substring(0, i)));
                }
            }
        }
        Collections.sort(keystrokes);
        System.out.printf("filter keystroke, filter + table layout (%d keystrokes): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                keystrokes.size(), pct(keystrokes, 0.5), pct(keystrokes, 0.95), keystrokes.get(keystrokes.size() - 1));
        List<Double> model = new ArrayList<>(modelOnly);
        Collections.sort(model);
        System.out.printf("  of which filtering in the view model: p50 %.1f ms, p95 %.1f ms%n", pct(model, 0.5), pct(model, 0.95));
        TimeUnit.SECONDS.sleep(1);
        System.out.printf("UI thread, longest wait for a 5 ms ping while typing: %.0f ms; since the screen opened: %.0f ms%n",
                watchdog.maxSinceReset() / 1e6, watchdog.maxEver() / 1e6);
        System.gc();
        TimeUnit.MILLISECONDS.sleep(500);
        System.out.printf("process RSS: %d MB (heap used %d MB)%n", rssKb() / 1024,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        if (Boolean.getBoolean("dialdesk.bench.nmt")) {
            // With -XX:NativeMemoryTracking=summary: where the memory outside the heap goes.
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(ProcessHandle.current().pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
            String report = new String(jcmd.getInputStream().readAllBytes());
            report.lines().filter(l -> l.contains("committed=") && l.startsWith("-") || l.startsWith("Total"))
                    .forEach(l -> System.out.println("  nmt " + l.strip()));
        }
        Platform.runLater(vm[0]::close);
        runner.shutdown();
        cache.close();
    }

    private static final List<Double> modelOnly = java.util.Collections.synchronizedList(new ArrayList<>());

    private static double keystroke(HistoryViewModel vm, TableView<?> table, String text) throws Exception {
        double[] took = new double[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            long start = System.nanoTime();
            vm.searchProperty().set(text);
            modelOnly.add((System.nanoTime() - start) / 1e6);
            table.applyCss();
            table.layout();
            took[0] = (System.nanoTime() - start) / 1e6;
            done.countDown();
        });
        done.await();
        // A person types about 8 characters a second.
        TimeUnit.MILLISECONDS.sleep(120);
        return took[0];
    }

    private static void waitForFx() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        Platform.runLater(latch::countDown);
        latch.await();
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    /** Posts a ping to the UI thread every 5 ms and records how long each waited to run. */
    private static final class Watchdog extends Thread {
        private final AtomicLong maxEver = new AtomicLong();
        private final AtomicLong maxSinceReset = new AtomicLong();

        Watchdog() {
            super("fx-watchdog");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    long waited = System.nanoTime() - posted;
                    maxEver.accumulateAndGet(waited, Math::max);
                    maxSinceReset.accumulateAndGet(waited, Math::max);
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

        void reset() {
            maxSinceReset.set(0);
        }

        long maxSinceReset() {
            return maxSinceReset.get();
        }

        long maxEver() {
            return maxEver.get();
        }
    }
}
