package org.dialdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.AuditLog;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.testing.TestClocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dialdesk batch` and `dialdesk dnc` as a script runs them: their output, files and exit codes. */
class BatchCommandTest {
    static final String KEY = "sbx_batch_command_key_42";
    static final String NUMBER = "640000000000000000000002";

    @TempDir
    Path home;
    @TempDir
    Path sandboxDir;
    @TempDir
    Path files;
    final Clock clock = TestClocks.ticking(); // a Monday afternoon: inside calling hours in Chicago
    Sandbox sandbox;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(sandboxDir, clock).withApiKey(KEY));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    int run(String... args) {
        return ran(CommandRun.of(home, clock, Map.of("DIALDESK_API_KEY", KEY), "", args));
    }

    /** As the console's user does: the key typed in, kept in the encrypted key file under a passphrase. */
    int runAsProfileUser(String input, String... args) {
        return ran(CommandRun.of(home, clock, Map.of("DIALDESK_KEY_PASSPHRASE", CommandRun.PASSPHRASE), input, args));
    }

    private int ran(CommandRun run) {
        out = run.out();
        err = run.err();
        return run.status();
    }

    int batch(Path sheet, String... options) {
        List<String> args = new ArrayList<>(List.of("batch", sheet.toString(), "--base-url", sandbox.baseUrl(),
                "--number-id", NUMBER, "--rate", "50"));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    Path campaign() throws Exception {
        Path sheet = files.resolve("campaign.csv");
        // The number's default use case, the payment follow-up, fills these four in its prompt.
        String owed = ",Acme,INV-1,120.00,2026-12-01";
        Files.writeString(sheet, "phone,first_name,ref,customer_name,invoice_number,amount,due_date\n"
                + "(312) 555-0100,Ada,A1" + owed + "\n"
                + "(312) 555-0101,Bo,A2" + owed + "\n"
                + "312.555.0100,Ada again,A3" + owed + "\n"
                + "call me,Cy,A4" + owed + "\n"
                + "(312) 555-0102,Di,A5" + owed + "\n", StandardCharsets.UTF_8);
        return sheet;
    }

    @Test
    void aDryRunPrintsThePreviewWithEverySkippedRowAndSendsNothing() throws Exception {
        assertEquals(0, batch(campaign(), "--dry-run"), err::toString);
        String printed = out.toString();
        assertTrue(printed.contains("campaign.csv: UTF-8 · comma-separated · first row is the header, 5 rows."), printed);
        assertTrue(printed.contains("Columns: phone → phone, first_name → metadata, ref → metadata"), printed);
        assertTrue(printed.contains("2 of 5 rows will be skipped; 3 ready to send."), printed);
        assertTrue(printed.contains("row 4 +13125550100: Duplicate callee. Same callee as row 2; it is called once."), printed);
        assertTrue(printed.contains("row 5 call me: Unparseable phone."), printed);
        assertTrue(printed.contains("Dry run: nothing was sent."), printed);
        assertEquals(0, sandbox.callCount());
    }

    @Test
    void aRunSendsTheReadyRowsOnceWritesResultsAndIsAudited() throws Exception {
        Path results = files.resolve("results.csv");
        assertEquals(0, batch(campaign(), "--chunk", "2", "--results", results.toString()), err::toString);
        assertEquals(3, sandbox.callCount());
        String printed = out.toString();
        assertTrue(printed.contains("Sending 3 calls on 127.0.0.1 (loopback: a sandbox) as run r-"), printed);
        assertTrue(printed.contains("5 of 5 · 3 created · 2 skipped"), printed);
        List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertEquals("\uFEFFrow,callee,call_id,state,reason", lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.get(1).matches("2,\"=\"\"\\+13125550100\"\"\",[0-9a-f]{24},created,"), lines.get(1));
        assertTrue(lines.get(3).equals("4,\"=\"\"+13125550100\"\"\",,skipped,\"Duplicate callee: Same callee as row 2; it is called once.\""),
                lines.get(3));
        try (AuditLog audit = new AuditLog(AuditLog.fileIn(home))) {
            List<AuditEntry> entries = audit.read(AuditLog.Query.all());
            assertTrue(entries.stream().anyMatch(e -> e.action() == AuditEntry.Action.BULK_LAUNCH
                    && e.summary().contains("3 rows to send, 2 skipped")), entries::toString);
            assertEquals(2, entries.stream().filter(e -> e.summary().startsWith("Batch of")).count(), "one per request");
        }

        // The same file again: the finished run is not resumed, and a new one only at the operator's explicit word.
        assertEquals(ExitCodes.INVALID_INPUT, batch(campaign(), "--resume"));
        assertTrue(err.toString().contains("No unfinished run of campaign.csv on 127.0.0.1."), err::toString);
        assertEquals(ExitCodes.INVALID_INPUT, batch(campaign()));
        assertTrue(err.toString().contains("This file was sent on 127.0.0.1 already: run r-")
                && err.toString().contains("created 3 calls. Sent again, it holds back the people called in the last 24 hours and rings the rest; add --again"),
                err::toString);
        assertEquals(3, sandbox.callCount());
        assertEquals(ExitCodes.INVALID_INPUT, batch(campaign(), "--again"), "its people were called minutes ago (the row repeating one of them too)");
        assertTrue(out.toString().contains("4  Called in the last 24 hours (--ring-again sends them"), out::toString);
        assertEquals(3, sandbox.callCount());
        assertEquals(0, batch(campaign(), "--again", "--ring-again"), err::toString);
        assertTrue(out.toString().contains("3  ready, called in the last 24 hours or with a call waiting: rung again"),
                out::toString);
        assertEquals(6, sandbox.callCount());
    }

    @Test
    void peopleAnotherRunCalledLatelyAreHeldBackUnlessRungAgain() throws Exception {
        assertEquals(0, batch(campaign()), err::toString);
        assertEquals(3, sandbox.callCount());
        Path next = files.resolve("next.csv");
        String owed = ",Acme,INV-2,80.00,2026-12-01";
        Files.writeString(next, "phone,customer_name,invoice_number,amount,due_date\n"
                + "+1 312 555 0101" + owed + "\n" // called by the first run
                + "(312) 555-0177" + owed + "\n", StandardCharsets.UTF_8);

        assertEquals(0, batch(next, "--dry-run"), err::toString);
        String printed = out.toString();
        assertTrue(printed.contains("1 of 2 rows will be skipped; 1 ready to send."), printed);
        assertTrue(printed.matches("(?s).*row 2 \\+13125550101: Called in the last 24 hours\\. Called today at \\d\\d:\\d\\d"
                + " by run r-\\d+-[0-9a-f]{8} \\(row 3\\), call [0-9a-f]{24}\\..*"), printed);

        assertEquals(0, batch(next), err::toString);
        assertEquals(4, sandbox.callCount(), "only the one not called");
        Path third = files.resolve("third.csv");
        Files.writeString(third, "phone,customer_name,invoice_number,amount,due_date\n+1 312 555 0102" + owed + "\n",
                StandardCharsets.UTF_8);
        assertEquals(ExitCodes.INVALID_INPUT, batch(third));
        assertTrue(err.toString().contains("No row is ready to send"), err::toString);
        assertEquals(0, batch(third, "--ring-again"), err::toString);
        assertEquals(5, sandbox.callCount(), "a follow-up run the operator asked for");
    }

    @Test
    void aProfilesCallHistoryFromTheConsoleHoldsItsCalleesBackAndItsMappingsAreTheConsoles() throws Exception {
        assertEquals(0, runAsProfileUser(KEY + "\n", "profiles", "add", "--name", "Acme", "--base-url", sandbox.baseUrl(),
                "--key-in", "file"), err::toString);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(home.resolve("profiles.json").toFile())
                .findParents("name").stream().filter(p -> p.path("name").asText().equals("Acme")).findFirst().orElseThrow()
                .path("id").asText();
        // The console's files for the profile are in the folder named by its id, not its name.
        Path profileDir = home.resolve("profiles").resolve(id);
        Files.createDirectories(profileDir);
        long anHourAgo = clock.millis() - 3_600_000L;
        try (HistoryCache history = new HistoryCache(profileDir.resolve("history.db"))) {
            history.upsert(List.of(new HistoryRow("c".repeat(24), anHourAgo, "Completed", "+13125550101", "+14155550100",
                    "uc1", "Payment follow-up", "Ava", null, 60, null, null, "en-US", "Outbound", "+13125550101")),
                    List.of("{}"));
        }

        assertEquals(0, runAsProfileUser("", "batch", campaign().toString(), "--profile", "Acme", "--number-id", NUMBER,
                "--map", "ref=campaign", "--rate", "50"), err::toString);
        String printed = out.toString();
        assertTrue(printed.contains("row 3 +13125550101: Called in the last 24 hours."), printed);
        assertEquals(2, sandbox.callCount(), "the callee the console's history shows called an hour ago is not rung");
        assertTrue(Files.readString(profileDir.resolve("bulk-mappings.json")).contains("\"ref\""),
                "the mapping is kept where the console's Bulk screen offers it again");
    }

    @Test
    void theDoNotCallListHoldsRowsBackAndIsKeptAcrossCommands() throws Exception {
        assertEquals(0, run("dnc", "add", "(312) 555-0101", "--note", "asked us"), err::toString);
        assertEquals("Listed +13125550101.", out.toString().strip());
        assertEquals(ExitCodes.INVALID_INPUT, run("dnc", "add", "nope"));
        assertTrue(err.toString().startsWith("nope: Not a phone number"), err::toString);

        assertEquals(0, batch(campaign(), "--dry-run"), err::toString);
        assertTrue(out.toString().contains("row 3 +13125550101: On the do-not-call list."), out::toString);

        Path exported = files.resolve("dnc.csv");
        assertEquals(0, run("dnc", "export", exported.toString()), err::toString);
        List<String> lines = Files.readAllLines(exported, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("\"=\"\"+13125550101\"\"\",") && lines.get(1).endsWith(",\"asked us\""), lines.get(1));

        assertEquals(0, run("dnc", "remove", "+1 312 555 0101"), err::toString);
        Path list = files.resolve("more.csv");
        Files.writeString(list, "+13125550101\n+13125550109\nbad\n");
        assertEquals(ExitCodes.INVALID_INPUT, run("dnc", "import", list.toString()));
        assertTrue(out.toString().contains("Added 2 numbers; 0 were listed already."), out::toString);
        assertTrue(err.toString().contains("not added: row 3 \"bad\": "), err::toString);

        // Each change is in the audit log, made from the command line; listing and exporting change nothing.
        try (AuditLog audit = new AuditLog(AuditLog.fileIn(home))) {
            List<String> changes = audit.read(AuditLog.Query.all()).stream()
                    .filter(entry -> entry.action().name().startsWith("DO_NOT_CALL"))
                    .map(entry -> entry.profile() + ": " + entry.summary()).sorted().toList();
            assertEquals(List.of("(command line): Added +13125550101 to the do-not-call list (asked us)",
                    "(command line): Imported more.csv into the do-not-call list: 2 added, 0 listed already, 1 line not read",
                    "(command line): Removed +13125550101 from the do-not-call list"), changes);
        }
    }

    @Test
    void inputThatCannotBeUsedIsRefusedWithExitTwoAndNothingSent() throws Exception {
        assertEquals(ExitCodes.INVALID_INPUT, batch(campaign(), "--map", "first_name=nickname"));
        assertTrue(err.toString().contains("--map first_name=nickname: write COLUMN=FIELD, FIELD one of phone, caller,"),
                err::toString);
        assertEquals(ExitCodes.INVALID_INPUT, batch(campaign(), "--map", "surname=param"));
        assertTrue(err.toString().startsWith("There is no column \"surname\". Columns: phone, first_name, ref, customer_name,"), err::toString);

        Path binary = files.resolve("list.csv");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertEquals(ExitCodes.INVALID_INPUT, batch(binary));
        assertTrue(err.toString().startsWith("list.csv holds binary data, not text"), err::toString);

        assertEquals(ExitCodes.INVALID_INPUT, batch(campaign(), "--chunk", "0"));
        assertTrue(err.toString().startsWith("--chunk: A chunk is 1 to 100 rows."), err::toString);

        assertEquals(ExitCodes.INVALID_INPUT, run("batch", campaign().toString()));
        assertTrue(err.toString().startsWith("Say which account"), err::toString);
        assertEquals(0, sandbox.callCount());
    }

    @Test
    void whatAFirstUseTrialTrippedOn() throws Exception {
        // No such caller number: refused before the rows are read, nothing sent, and a script sees it.
        assertEquals(ExitCodes.INVALID_INPUT, run("batch", campaign().toString(), "--base-url", sandbox.baseUrl(),
                "--number-id", "640000000000000000000099", "--rate", "50"));
        assertTrue(err.toString().contains("the account has no caller number with that ID"), err::toString);

        // "--resume FILE" reads FILE as the file, and a dry run of a resumed run sends nothing.
        assertEquals(0, batch(campaign(), "--chunk", "2"), err::toString);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("as run (r-\\d+-[0-9a-f]{8})").matcher(out.toString());
        assertTrue(id.find(), out::toString);
        long calls = sandbox.callCount();
        assertEquals(ExitCodes.INVALID_INPUT, run("batch", "--resume", campaign().toString(), "--base-url", sandbox.baseUrl()));
        assertTrue(err.toString().contains("No unfinished run of campaign.csv"), "FILE after --resume is the file: " + err);
        assertEquals(0, run("batch", "--resume", id.group(1), campaign().toString(), "--base-url", sandbox.baseUrl(),
                "--dry-run"), err::toString);
        assertTrue(out.toString().contains("Run " + id.group(1) + " of ") && out.toString().contains("3 created"), out::toString);
        assertEquals(ExitCodes.INVALID_INPUT, run("batch", campaign().toString(), "--resume", "nonsense", "--base-url",
                sandbox.baseUrl()));
        assertTrue(err.toString().contains("\"nonsense\" is not a run ID"), err::toString);
        assertEquals(calls, sandbox.callCount());

        // A header spelled for people fills the template's variable.
        Path people = files.resolve("people.csv");
        Files.writeString(people, "Patient Name,CLINIC,Appointment Time,Phone Number\nAda,North,10:30,(312) 555-0150\n"
                + "Bo,North,10:30\n");
        assertEquals(0, batch(people, "--use-case", "650000000000000000000001", "--dry-run"), err::toString);
        assertTrue(out.toString().contains("Patient Name → param, CLINIC → param, Appointment Time → param, Phone Number → phone"),
                out::toString);
        assertTrue(out.toString().contains("1 of 2 rows will be skipped; 1 ready to send."), out::toString);
        assertTrue(out.toString().contains("row 3 : Unparseable phone. Has 3 cells where the header has 4, none of them in"
                + " the phone column"), out::toString);

        // Text saved as "Unicode" without its byte-order mark.
        Path utf16 = files.resolve("unicode.txt");
        Files.write(utf16, "phone\tname\r\n+13125550160\tJosé\r\n".getBytes(StandardCharsets.UTF_16LE));
        // No row is ready (the number's use case wants variables this file has not): exits as the run would.
        assertEquals(ExitCodes.INVALID_INPUT, batch(utf16, "--dry-run"), err::toString);
        assertTrue(out.toString().startsWith("unicode.txt: UTF-16LE · tab-separated"), out::toString);

        // The single dial command keeps the do-not-call list too.
        assertEquals(0, run("dnc", "add", "+13125550170"), err::toString);
        assertEquals(0, run("dnc", "add", "(312) 555-0170"), err::toString);
        assertEquals("+13125550170 was listed already.", out.toString().strip());
        assertEquals(ExitCodes.INVALID_INPUT, run("dial", "--base-url", sandbox.baseUrl(), "--number-id", NUMBER,
                "--phone", "+13125550170"));
        assertTrue(err.toString().contains("+13125550170 is on the do-not-call list"), err::toString);
        assertEquals(calls, sandbox.callCount());
    }

    @Test
    void theCallerNumberIsNamedByItsIdItsNumberOrItsNameAndAnUnknownOneIsRefusedUpFront() throws Exception {
        Path sheet = campaign();
        assertEquals(0, run("batch", sheet.toString(), "--base-url", sandbox.baseUrl(), "--number-id", "(312) 555-0142",
                "--dry-run"), err::toString);
        String byNumber = out.toString();
        assertEquals(0, run("batch", sheet.toString(), "--base-url", sandbox.baseUrl(), "--number-id", NUMBER, "--dry-run"),
                err::toString);
        assertEquals(out.toString(), byNumber, "the number as written names the same caller as its ID");

        assertEquals(ExitCodes.INVALID_INPUT, run("batch", sheet.toString(), "--base-url", sandbox.baseUrl(),
                "--number-id", "Night line", "--dry-run"));
        assertTrue(err.toString().startsWith("--number-id Night line: the account has no caller number with that ID,"
                + " phone number or name; its numbers: "), err::toString);
        assertTrue(err.toString().contains("Collections +13125550142 (" + NUMBER + ")"), err::toString);
        assertEquals(0, sandbox.callCount());
    }

    @Test
    void theDetectedFormatCanBeOverriddenAndTheOverrideIsShown() throws Exception {
        Path sheet = files.resolve("list.txt");
        Files.writeString(sheet, "phone|name\n(312) 555-0100|Zoë\n", java.nio.charset.Charset.forName("ISO-8859-1"));
        assertEquals(ExitCodes.INVALID_INPUT, batch(sheet, "--dry-run"), "no row ready, as the run would say");
        assertTrue(out.toString().contains("Sent for real, this would be refused: No row is ready to send"), out::toString);
        assertTrue(out.toString().startsWith("list.txt: windows-1252 · bar-separated · first row is the header, 1 row."),
                out::toString);
        assertEquals(ExitCodes.INVALID_INPUT, batch(sheet, "--dry-run", "--no-header", "--encoding", "ISO-8859-1"));
        assertTrue(out.toString().startsWith("list.txt: ISO-8859-1 · bar-separated · no header row, 2 rows."), out::toString);
        assertTrue(out.toString().contains("Columns: Column 1 → phone, Column 2 → metadata"), out::toString);
        assertTrue(out.toString().contains("row 1 phone: Unparseable phone."), "the header read as data: " + out);
        assertEquals(ExitCodes.INVALID_INPUT, batch(sheet, "--dry-run", "--encoding", "klingon"));
        assertTrue(err.toString().startsWith("--encoding: \"klingon\" is not an encoding this Java knows"), err::toString);
    }

    @Test
    void aColumnMappedOnTheCommandLineIsOfferedAgainForTheSameUseCase() throws Exception {
        assertEquals(0, batch(campaign(), "--map", "ref=campaign", "--dry-run"), err::toString);
        assertTrue(out.toString().contains("ref → campaign"), out::toString);
        assertEquals(0, batch(campaign(), "--map", "ref=campaign"), err::toString);
        assertEquals(ExitCodes.INVALID_INPUT, batch(campaign(), "--dry-run"), "as the run would: the file went already");
        assertTrue(out.toString().contains("ref → campaign"), "the launched run's mapping is kept: " + out);
        assertTrue(out.toString().contains("Sent for real, this would be refused: This file was sent on 127.0.0.1 already"),
                out::toString);
    }
}
