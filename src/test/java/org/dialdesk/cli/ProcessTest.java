package org.dialdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.CallStatus;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.locks.LockSupport;

/** DialDesk as separate processes: what only a real JVM start and a real kill can show. */
class ProcessTest {
    static final Pattern BASE_URL = Pattern.compile("Sandbox dial service at (http://127\\.0\\.0\\.1:\\d+/api/v1)");
    static final Pattern KEY = Pattern.compile("API key: (sbx_\\S+)");

    @TempDir
    Path dir;

    static ProcessBuilder dialdesk(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.dialdesk.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DIALDESK_API_KEY");
        return builder;
    }

    record Started(Process process, String baseUrl, String key) {
    }

    /** Starts `sandbox` and reads its banner; the key line appears only when it was generated. */
    static Started startSandbox(Path data, String knownKey, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("sandbox", "--data", data.toString(), "--speed", "100"));
        args.addAll(List.of(options));
        Process process = dialdesk(args.toArray(String[]::new)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String baseUrl = null;
        String key = knownKey;
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("Press Ctrl+C")) {
            Matcher url = BASE_URL.matcher(line);
            if (url.find()) {
                baseUrl = url.group(1);
            }
            Matcher k = KEY.matcher(line);
            if (k.find()) {
                key = k.group(1);
            }
        }
        assertTrue(baseUrl != null && key != null, "sandbox banner incomplete; last line: " + line);
        // Keep draining so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return new Started(process, baseUrl, key);
    }

    @Test
    void callsSurviveKillMinus9() throws Exception {
        Path data = dir.resolve("sandbox");
        Started first = startSandbox(data, null);
        String id;
        try (DialClient client = client(first)) {
            DialResponse created = client.dialOutbound(DialRequest.builder().numberId("640000000000000000000001")
                    .phoneNumber("+14155550129").build());
            id = created.id();
        } finally {
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            first.process().waitFor(10, TimeUnit.SECONDS);
        }

        Started second = startSandbox(data, first.key());
        try (DialClient client = client(second)) {
            assertEquals(id, client.getCall(id).id(), "the call outlived the kill");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (client.getCall(id).status() != CallStatus.COMPLETED && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertEquals(CallStatus.COMPLETED, client.getCall(id).status(), "and went on to its end");
        } finally {
            second.process().destroy();
            second.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static DialClient client(Started sandbox) {
        return new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(sandbox.key())), TestClocks.ticking());
    }

    @Test
    void theCommandLineNeverLoadsTheUiToolkit() throws Exception {
        Path classLog = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                "org.dialdesk.Launcher", "dial", "--base-url", "https://app.happyrobot.ai/api/v1",
                "--number-id", "640000000000000000000001", "--phone", "+14155550125", "--dry-run"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("\"phone_number\" : \"+14155550125\""), output);
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("org.dialdesk.cli.DialCommand"), "the log is real");
        assertFalse(loaded.contains("javafx."), "JavaFX classes were loaded by a CLI command");
    }
}
