package org.dialdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.dialdesk.BenchLaunch;

/**
 * What the benchmarks that run the whole console share: starting it headless (Monocle, software
 * rendering) on a data folder, reading and waiting on the UI thread, the UI thread's longest wait
 * of each phase, percentiles and the process's resident memory.
 */
final class FxBench {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private FxBench() {
    }

    /** Monocle's headless platform and software rendering: no display needed, the same on every machine. */
    static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
    }

    /** Starts the console on {@code home}, as the launcher does, and returns once its UI thread runs. */
    static Thread launchConsole(Path home) throws Exception {
        Thread console = new Thread(() -> BenchLaunch.launchGui(home), "console");
        console.setDaemon(true);
        console.start();
        awaitToolkit();
        return console;
    }

    /** The console window's scene, once the window shows. */
    static Scene consoleScene() throws Exception {
        waitFor("the console window", () -> Window.getWindows().stream().anyMatch(Window::isShowing));
        return fx(() -> Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow().getScene());
    }

    /** Prints and returns (in nanoseconds) the longest wait of the phase that just ended. */
    static long report(FxStallWatch watch, String phase) {
        long longest = watch.maxSinceReset();
        System.out.printf("  UI thread, longest wait during %s: %.0f ms%n", phase, longest / 1e6);
        List<String> longWaits = watch.longWaits();
        if (!longWaits.isEmpty()) {
            System.out.println("    waits over 50 ms: " + String.join(", ", longWaits));
        }
        watch.printExplanations();
        watch.reset();
        return longest;
    }

    static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    /** Lets time pass with the console left alone (a pause between actions, not a wait for a result). */
    static void idle(long millis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis);
    }

    static <T> T fx(Callable<T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(read.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    static void awaitToolkit() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            try {
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(ran::countDown);
                ran.await();
                return;
            } catch (IllegalStateException notStartedYet) {
                if (System.nanoTime() > deadline) {
                    throw notStartedYet;
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
    }

    /** The {@code p} percentile of a sorted list. */
    static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** What the live heap is made of, largest first (a class histogram, which collects first). */
    static void printLiveHeap() throws java.io.IOException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid()), "GC.class_histogram").redirectErrorStream(true).start();
        new String(jcmd.getInputStream().readAllBytes()).lines().skip(1).limit(22)
                .forEach(l -> System.out.println("  heap " + l.strip()));
        printNativeMemory();
    }

    /**
     * Prints the JVM's own account of its native memory by kind (committed), when the JVM runs with
     * {@code -XX:NativeMemoryTracking=summary}: where the RSS beyond the heap goes.
     */
    static void printNativeMemory() throws java.io.IOException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid()), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        new String(jcmd.getInputStream().readAllBytes()).lines()
                .filter(l -> l.startsWith("Total") || l.matches("^-\\s+\\S.*\\(reserved=.*"))
                .forEach(l -> System.out.println("  native " + l.replaceFirst("^-\\s+", "").strip()));
    }

    static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
