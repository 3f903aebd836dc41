package org.dialdesk.bench;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;

/**
 * Loopback dial round trip through DialClient, and the rate the sandbox sustains.
 * Bounded in count and time; talks to 127.0.0.1 only.
 *
 * <pre>mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.dialdesk.bench.SandboxBenchmark</pre>
 */
public final class SandboxBenchmark {
    private static final int WARM_UP = 1_000;
    private static final int SEQUENTIAL = 3_000;
    private static final int TARGET_RATE = 500;
    private static final Duration PACED_FOR = Duration.ofSeconds(10);
    private static final int FLAT_OUT_THREADS = 8;
    private static final Duration FLAT_OUT_FOR = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("dialdesk-bench");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(data, Clock.systemUTC()).withSpeed(50));
             DialClient client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.apiKey())), Clock.systemUTC())) {
            System.out.printf("sandbox at %s, %d cores, java %s%n", sandbox.baseUrl(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            AtomicInteger serial = new AtomicInteger();
            for (int i = 0; i < WARM_UP; i++) {
                client.dialOutbound(dial(serial));
            }

            long[] latencies = new long[SEQUENTIAL];
            for (int i = 0; i < SEQUENTIAL; i++) {
                long start = System.nanoTime();
                client.dialOutbound(dial(serial));
                latencies[i] = System.nanoTime() - start;
            }
            print("sequential dial round trip (" + SEQUENTIAL + " dials)", latencies);

            paced(client, serial);
            flatOut(client, serial);
            System.out.printf("calls in the sandbox: %,d%n", sandbox.callCount());
        }
    }

    /** 500 dials/s, spread evenly, from several senders: can the sandbox keep up? */
    private static void paced(DialClient client, AtomicInteger serial) throws Exception {
        int total = (int) (TARGET_RATE * PACED_FOR.toSeconds());
        long intervalNanos = 1_000_000_000L / TARGET_RATE;
        long[] latencies = new long[total];
        AtomicLong lateness = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long begin = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            sent.add(senders.submit(() -> {
                long start = System.nanoTime();
                lateness.accumulateAndGet(start - due, Math::max);
                client.dialOutbound(dial(serial));
                latencies[index] = System.nanoTime() - start;
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        senders.shutdown();
        System.out.printf("paced at %d dials/s for %ds: %,d dials in %.2f s = %.0f dials/s achieved%n",
                TARGET_RATE, PACED_FOR.toSeconds(), total, seconds, total / seconds);
        print("round trip under that load", latencies);
    }

    /** As many dials as 8 senders can push: the ceiling. */
    private static void flatOut(DialClient client, AtomicInteger serial) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(FLAT_OUT_THREADS);
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + FLAT_OUT_FOR.toNanos();
        long begin = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < FLAT_OUT_THREADS; t++) {
            workers.add(senders.submit(() -> {
                while (System.nanoTime() < end) {
                    client.dialOutbound(dial(serial));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        senders.shutdown();
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("flat out, %d senders for %ds: %,d dials = %.0f dials/s%n", FLAT_OUT_THREADS,
                FLAT_OUT_FOR.toSeconds(), done.get(), done.get() / seconds);
    }

    private static DialRequest dial(AtomicInteger serial) {
        int n = serial.incrementAndGet();
        return DialRequest.builder().numberId("640000000000000000000001")
                .phoneNumber(String.format("+1415%07d", n % 10_000_000)).campaignId("bench").build();
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
