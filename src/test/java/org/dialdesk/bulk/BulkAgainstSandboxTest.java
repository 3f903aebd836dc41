package org.dialdesk.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.sandbox.FaultPlan;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.DialService;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.store.OutboxJournal.RunState;
import org.dialdesk.store.OutboxJournal.State;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.SandboxCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against the sandbox's fault injection: resets, 500s, 429s and requests carried out
 * and then dropped, on a fifth of all requests, across a 1,000-row run.
 */
class BulkAgainstSandboxTest {
    static final String KEY = "sbx_bulk_test_key_0123456789";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T16:00:00Z"));

    @Test
    void aThousandRowsThroughFaultsEndWithOneCallPerRowAndNoneLost() throws Exception {
        FaultPlan faults = FaultPlan.parse("500=0.05,429=0.04,reset=0.05,drop=0.06,retry-after=1");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock).withApiKey(KEY)
                     .withFaults(faults).withClock(clock, false));
             DialClient client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of(KEY))
                     .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2)), clock, d -> { });
             OutboxJournal journal = new OutboxJournal(dir.resolve("outbox.db"))) {
            Sheet sheet = BulkFixtures.sheetOf(1000, 0);
            BulkPlan plan = BulkFixtures.planOf(sheet, clock);
            assertEquals(1000, plan.ready());
            String run = BulkEngine.launch(journal, plan, new OutboxJournal.RunSpec("test.csv", "h", "Sandbox",
                    sandbox.baseUrl(), false, 20, 1000, "k1"), clock).id();
            BulkEngine engine = new BulkEngine(DialService.over(client, clock), journal, clock,
                    (duration, control) -> clock.advance(duration), Duration.ZERO, BulkEngine.SendCheck.NONE);

            BulkEngine.Result result = engine.run(run, new RunControl(), progress -> { });

            assertEquals(RunState.FINISHED, result.state(), result.message());
            assertEquals(1000, journal.counts(run).get(State.CREATED));
            Map<String, Integer> callsPerCallee = SandboxCalls.perCallee(client);
            assertEquals(1000, callsPerCallee.size(), "one call for every row, none lost");
            assertTrue(callsPerCallee.values().stream().allMatch(n -> n == 1), "no callee rang twice");
            assertEquals(1000L, sandbox.callCount());
            List<OutboxJournal.Row> reconciled = journal.rowsIn(run, State.CREATED).stream()
                    .filter(OutboxJournal.Row::reconciled).toList();
            assertTrue(reconciled.size() > 0, "some rows went through an unclear answer and were looked up");
        }
    }
}
