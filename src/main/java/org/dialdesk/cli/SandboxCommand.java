package org.dialdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dialdesk.sandbox.FaultPlan;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.AppPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the sandbox dial service on 127.0.0.1 until interrupted (Ctrl+C).",
            "Calls are simulated; the callee number's last digit picks the outcome:",
            "0 Busy, 1 No answer, 2 AMD Terminated, 3 Failed, 4 Transferred, 5-9 Completed.",
            "The API key is " + DialCommand.API_KEY_VARIABLE + " when set, else one generated on first run",
            "and kept in the data folder."})
public final class SandboxCommand implements Callable<Integer> {

    /** Blocks until the sandbox should stop; the real one waits for Ctrl+C. */
    @FunctionalInterface
    public interface Lifetime {
        void serve(Sandbox sandbox) throws InterruptedException;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: any free port).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: the sandbox folder in DialDesk's data folder).")
    Path dataDir;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", description = "Call progress speed-up (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--demo-calls", paramLabel = "N", description = "First add N past calls with varied statuses, use cases and dates.")
    int demoCalls;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = {"Fail a share of requests on purpose, for example:",
                "500=0.05,429=0.05,reset=0.02,slow=0.1,drop=0.02,slow-ms=3000,retry-after=2"})
    String faults;

    @Option(names = "--show-key", description = "Print the API key even if it was generated on an earlier run.")
    boolean showKey;

    private final Map<String, String> environment;
    private final Clock clock;
    private final Lifetime lifetime;

    public SandboxCommand(Map<String, String> environment, Clock clock, Lifetime lifetime) {
        this.environment = environment;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SandboxOptions options;
        try {
            Path data = dataDir != null ? dataDir : AppPaths.sandboxDir(AppPaths.dataDir(environment));
            String envKey = environment.get(DialCommand.API_KEY_VARIABLE);
            options = new SandboxOptions(port, data, speed, envKey == null || envKey.isBlank() ? null : envKey,
                    FaultPlan.parse(faults), clock, true, false);
            if (demoCalls < 0) {
                throw new IllegalArgumentException("--demo-calls cannot be negative");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        try (Sandbox sandbox = Sandbox.start(options)) {
            if (demoCalls > 0) {
                long millis = sandbox.addDemoCalls(demoCalls, System.nanoTime());
                out.printf("Added %,d demo calls in %.1f s (%,d calls in all)%n", demoCalls, millis / 1000.0,
                        sandbox.callCount());
            }
            out.println("Sandbox dial service at " + sandbox.baseUrl());
            out.println("Data folder: " + options.dataDir());
            if (options.apiKey() != null) {
                out.println("API key: the value of " + DialCommand.API_KEY_VARIABLE);
            } else if (sandbox.keyGenerated() || showKey) {
                out.println("API key: " + sandbox.apiKey() + (sandbox.keyGenerated()
                        ? "   (generated now and kept in the data folder; shown once, --show-key shows it again)" : ""));
            } else {
                out.println("API key: the one generated on first run (--show-key prints it)");
            }
            if (!options.faults().isNone()) {
                out.println("Fault injection: " + faults);
            }
            out.println("Press Ctrl+C to stop.");
            out.flush();
            lifetime.serve(sandbox);
        } catch (IOException e) {
            err.println("Could not start the sandbox: " + e.getMessage()
                    + (port != 0 ? " (is port " + port + " already in use? Leave --port out to take a free one)" : ""));
            return ExitCodes.OTHER;
        }
        return ExitCodes.OK;
    }

    /** Waits for Ctrl+C (the JVM's shutdown) and lets the try-with-resources close the sandbox. */
    public static void untilInterrupted(Sandbox sandbox) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}
