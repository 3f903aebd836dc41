package org.dialdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.dialdesk.api.DialClient;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.store.AuditLog;
import org.dialdesk.store.OutboxJournal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * `dialdesk batch` stopped in the middle of a run, by kill -9 or by the signal Ctrl+C sends a
 * process (a stop it can answer), and started again with --resume.
 */
class BatchProcessTest {
    static final int ROWS = 150;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed with -9: {0}")
    @ValueSource(booleans = {true, false})
    void aRunStoppedMidwayResumesWithNoRowSentTwiceAndNoneForgotten(boolean killed) throws Exception {
        // Slow answers on half the requests, so the kill is likely to land while one is in flight; slower than the
        // command takes to start again, so the resumed run starts while the service is still at work on it.
        ProcessTest.Started sandbox = ProcessTest.startSandbox(dir.resolve("sandbox"), null,
                "--faults", "slow=0.5,slow-ms=2000,drop=0.1");
        try (DialClient client = ProcessTest.client(sandbox)) {
            Path home = dir.resolve("home");
            Files.createDirectories(home);
            // Hours that hold at any time of day, so the test does not depend on when it runs.
            // Time limits short enough that a resumed run does not wait long for the requests the stopped one left out.
            Files.writeString(home.resolve("settings.json"), "{\"calling_hours_start\":\"00:00\",\"calling_hours_end\":\"23:59\","
                    + "\"connect_timeout_seconds\":1,\"read_timeout_seconds\":3}");
            Path sheet = dir.resolve("campaign.csv");
            // The number's default use case, the payment follow-up, fills four variables in its prompt and
            // calls 09:00-19:00 in New York: each row fills them and is scheduled for noon there tomorrow,
            // inside those hours whenever the test runs.
            String noon = java.time.ZonedDateTime.now(java.time.ZoneId.of("America/New_York")).plusDays(1)
                    .withHour(12).withMinute(0).withSecond(0).withNano(0).toOffsetDateTime().toString();
            List<String> lines = new ArrayList<>(List.of("phone,first_name,customer_name,invoice_number,amount,due_date,scheduled_for"));
            for (int i = 0; i < ROWS; i++) {
                lines.add("+1312555" + String.format("%04d", 2000 + i) + ",Ada " + i + ",Acme,INV-" + i + ",120.00,2026-12-01," + noon);
            }
            Files.write(sheet, lines, StandardCharsets.UTF_8);

            Process first = batch(home, sandbox, sheet, "--chunk", "5", "--rate", "40");
            waitForCreated(home, 20);
            if (killed) {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
                assertTrue(first.waitFor(20, TimeUnit.SECONDS));
            } else {
                // SIGTERM, as a stop from the terminal: the run pauses between requests. (Its output is not
                // read: destroying a Process closes this side's streams.)
                first.destroy();
                assertTrue(first.waitFor(60, TimeUnit.SECONDS));
                assertEquals(ExitCodes.OTHER, first.exitValue(), "1: stopped before the end");
                assertTrue(audited(home, AuditEntry.Action.BULK_PAUSE), "the pause is in the audit log");
            }

            Process second = batch(home, sandbox, sheet, "--resume", "--chunk", "25", "--rate", "50");
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), output);
            assertEquals(0, second.exitValue(), output);
            assertTrue(output.contains("Resuming run"), output);
            assertTrue(audited(home, AuditEntry.Action.BULK_RESUME), "the resume is in the audit log");

            Map<String, Integer> perCallee = org.dialdesk.testing.SandboxCalls.perCallee(client);
            assertEquals(ROWS, perCallee.size(), "every row was called: " + output);
            assertTrue(perCallee.values().stream().allMatch(n -> n == 1), "nobody was called twice: " + perCallee);
        } finally {
            sandbox.process().destroy();
            sandbox.process().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process batch(Path home, ProcessTest.Started sandbox, Path sheet, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("batch", sheet.toString(), "--base-url", sandbox.baseUrl(),
                "--number-id", "640000000000000000000002"));
        args.addAll(List.of(options));
        ProcessBuilder builder = ProcessTest.dialdesk(args.toArray(String[]::new)).redirectErrorStream(true);
        builder.environment().put("DIALDESK_API_KEY", sandbox.key());
        builder.environment().put("DIALDESK_HOME", home.toString());
        return builder.start();
    }

    private static boolean audited(Path home, AuditEntry.Action action) throws Exception {
        try (AuditLog audit = new AuditLog(AuditLog.fileIn(home))) {
            return audit.read(AuditLog.Query.all()).stream().anyMatch(e -> e.action() == action);
        }
    }

    /** Until the journal, read beside the running command, shows this many calls created. */
    private static void waitForCreated(Path home, int created) throws Exception {
        Path file = OutboxJournal.fileIn(home);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                try (OutboxJournal journal = new OutboxJournal(file)) {
                    List<OutboxJournal.Run> runs = journal.runs();
                    if (!runs.isEmpty() && journal.counts(runs.get(0).id()).get(OutboxJournal.State.CREATED) >= created) {
                        return;
                    }
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("the run never got to " + created + " calls");
    }
}
