package org.dialdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.AuditLog;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.TestClocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialdesk profiles} and {@code dialdesk calls} against a real sandbox, with keys in the encrypted file. */
class ProfilesAndCallsCommandTest {
    static final String KEY = "sk-live-cli-MARKER-5150";

    @TempDir
    Path home;
    @TempDir
    Path sandboxDir;
    Sandbox sandbox;
    final MutableClock clock = new MutableClock(TestClocks.START);
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(sandboxDir, clock).withClock(clock, false).withApiKey(KEY));
        sandbox.addDemoCalls(1234, 7);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Runs a command; {@code input} is what standard input holds (a key, a passphrase), one per line. */
    int run(String input, String... args) {
        CommandRun run = CommandRun.of(home, clock, Map.of("DIALDESK_KEY_PASSPHRASE", CommandRun.PASSPHRASE), input, args);
        out = run.out();
        err = run.err();
        return run.status();
    }

    void addAcme() {
        assertEquals(0, run(KEY + "\n", "profiles", "add", "--name", "Acme staging", "--base-url", sandbox.baseUrl(),
                "--key-in", "file"), err::toString);
    }

    @Test
    void aProfileIsAddedWithItsKeyFromStandardInputListedTestedAndRemoved() throws Exception {
        addAcme();
        assertEquals("Added Acme staging (" + sandbox.baseUrl() + "); key in the encrypted key file.", out.toString().strip());

        assertEquals(0, run("", "profiles", "list"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out::toString);
        assertTrue(lines.get(0).startsWith("* Sandbox"), lines.get(0));
        assertTrue(lines.get(1).matches("  Acme staging +http://127\\.0\\.0\\.1:\\d+/api/v1 +key in the encrypted key file"),
                lines.get(1));

        assertEquals(0, run("", "profiles", "test", "acme STAGING"), err::toString);
        assertTrue(out.toString().matches("(?s)Acme staging: Connected in \\d+ ms; the key is accepted and the account holds"
                + " 1,234 calls\\.\\s*"), out.toString());

        assertEquals(0, run("", "profiles", "edit", "Acme staging", "--name", "Acme production"), err::toString);
        assertEquals(0, run("", "profiles", "remove", "Acme production"), err::toString);
        assertEquals(0, run("", "profiles", "list"));
        assertEquals(1, out.toString().lines().count());

        try (AuditLog audit = new AuditLog(AuditLog.fileIn(home))) {
            assertEquals(List.of(AuditEntry.Action.PROFILE_REMOVED, AuditEntry.Action.PROFILE_CHANGED,
                    AuditEntry.Action.PROFILE_ADDED), audit.read(AuditLog.Query.all()).stream().map(AuditEntry::action).toList());
        }
    }

    @Test
    void theKeyIsNeverAnArgumentAndMistakesSayWhatToDo() {
        assertEquals(2, run("", "profiles", "add", "--name", "Acme", "--base-url", sandbox.baseUrl(), "--key-in", "file"));
        assertTrue(err.toString().contains("No key was given: pipe it in"), err::toString);
        assertEquals(2, run(KEY + "\n", "profiles", "add", "--name", "Acme", "--base-url", "http://acme.example/api"));
        assertTrue(err.toString().contains("unencrypted"), err::toString);
        assertEquals(2, run(KEY + "\n", "profiles", "add", "--name", "Acme", "--base-url", sandbox.baseUrl()));
        assertTrue(err.toString().contains("No system keyring answers"), err::toString);
        assertEquals(2, run("", "calls", "--profile", "Nobody"));
        assertTrue(err.toString().contains("There is no profile \"Nobody\". Profiles: Sandbox."), err::toString);
        assertEquals(2, run("", "calls", "--profile", "Sandbox"));
        assertTrue(err.toString().contains("dialdesk sandbox"), err::toString);
    }

    @Test
    void callsPagesThroughEveryMatchingCallInEachFormat() throws Exception {
        addAcme();
        assertEquals(0, run("", "calls", "--profile", "Acme staging", "--format", "csv"), err::toString);
        List<String> csv = out.toString().lines().toList();
        assertEquals("id,created,status,callee,caller,use_case,outcome,duration_seconds,campaign,type", csv.get(0));
        assertEquals(1 + 1234, csv.size(), "every call, over three pages of 500");
        assertEquals(1234, csv.stream().skip(1).map(line -> line.substring(0, 24)).distinct().count(), "none twice");

        assertEquals(0, run("", "calls", "--profile", "Acme staging", "--status", "completed,no-answer", "--limit", "7",
                "--format", "json"), err::toString);
        JsonNode calls = new ObjectMapper().readTree(out.toString());
        assertEquals(7, calls.size());
        for (JsonNode call : calls) {
            assertTrue(List.of("Completed", "No answer").contains(call.get("status").asText()), call.toString());
        }

        assertEquals(0, run("", "calls", "--profile", "Acme staging", "--limit", "3"), err::toString);
        List<String> table = out.toString().lines().toList();
        assertEquals(4, table.size());
        assertTrue(table.get(0).startsWith("CREATED"), table.get(0));

        assertEquals(2, run("", "calls", "--profile", "Acme staging", "--status", "answered", "--from", "yesterday"));
        assertTrue(err.toString().contains("--status: \"answered\" is not a status"), err::toString);
        assertTrue(err.toString().contains("--from: \"yesterday\" is not a date"), err::toString);
        assertFalse(out.toString().contains(KEY) || err.toString().contains(KEY));
    }
}
