package org.dialdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

class DialCommandTest {
    static final String NUMBER_ID = "64b7f0c2a1b2c3d4e5f60718";
    static final String KEY = "sk_test_cli_key_123";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    MockWebServer server;
    @TempDir
    Path home;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** The command's settings (its default country) come from the test's own data folder, never the machine's. */
    int run(Map<String, String> env, String... args) {
        Map<String, String> withHome = new HashMap<>(env);
        withHome.putIfAbsent("DIALDESK_HOME", home.toString());
        return Cli.run(args, withHome, CLOCK, new PrintWriter(out), new PrintWriter(err));
    }

    int dial(String... extra) {
        String[] base = {"dial", "--base-url", server.url("/api/v1").toString(), "--number-id", NUMBER_ID,
            "--phone", "+14155550123"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(Map.of("DIALDESK_API_KEY", KEY), args);
    }

    @Test
    void createdPrintsTheCallId() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"id\":\"65a0aa00bb11cc22dd33ee44\",\"created\":\"x\"}"));
        assertEquals(0, dial("--at", "2026-12-01T09:30[America/Chicago]", "--params", "{\"name\":\"Ada\"}",
                "--language", "en-US", "--max-minutes", "5", "--campaign", "spring"));
        assertEquals("65a0aa00bb11cc22dd33ee44", out.toString().strip());
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("Bearer " + KEY, request.getHeader("authorization"));
        String body = request.getBody().readUtf8();
        assertTrue(body.contains("\"scheduled_for\":\"2026-12-01T15:30:00Z\""), body);
        assertTrue(body.contains("\"params\":{\"name\":\"Ada\"}"), body);
    }

    @Test
    void jsonPrintsTheWholeResponse() {
        server.enqueue(new MockResponse().setBody("{\"id\":\"abc\",\"organization_id\":\"org\"}"));
        assertEquals(0, dial("--json"));
        assertTrue(out.toString().contains("\"organization_id\" : \"org\""), out.toString());
    }

    @Test
    void dryRunPrintsTheBodyAndSendsNothing(@TempDir Path dir) throws IOException {
        Path metadata = dir.resolve("meta.json");
        Files.writeString(metadata, "{\"crm_id\": \"42\"}");
        int code = run(Map.of(), "dial", "--base-url", "https://app.happyrobot.ai/api/v1", "--number-id", NUMBER_ID,
                "--phone", "+14155550123", "--metadata", "@" + metadata, "--params", "null", "--dry-run");
        assertEquals(0, code, err.toString());
        assertEquals("""
                {
                  "number_id" : "64b7f0c2a1b2c3d4e5f60718",
                  "phone_number" : "+14155550123",
                  "params" : null,
                  "metadata" : {
                    "crm_id" : "42"
                  }
                }""", out.toString().strip().replace("\r", ""));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void invalidInputListsEveryProblemAndSendsNothing() {
        int code = run(Map.of("DIALDESK_API_KEY", KEY), "dial", "--base-url", server.url("/").toString(),
                "--number-id", "123", "--phone", "12", "--metadata", "[1]",
                "--at", "2026-03-08T02:30[America/Chicago]", "--max-minutes", "500");
        assertEquals(2, code);
        String text = err.toString();
        for (String expected : new String[] {"--number-id:", "--phone:", "--metadata:", "--at:", "--max-minutes:",
            "Nothing was sent."}) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertEquals(0, server.getRequestCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30T10:00Z", "2027-04-31T10:00Z", "2027-06-31T10:00[Europe/Berlin]"})
    void anImpossibleDateIsRefusedNotMoved(String at) {
        assertEquals(2, dial("--at", at));
        assertTrue(err.toString().contains("--at: \"" + at + "\" is not a date and time that exists (Invalid date"),
                err.toString());
        assertEquals(0, server.getRequestCount(), "not sent as the last day of the month");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}}", "{\"a\":1}garbage", "{\"a\":1} {\"b\":2}"})
    void textAfterTheJsonIsRefusedNotDropped(String params) {
        assertEquals(2, dial("--params", params));
        assertTrue(err.toString().contains("--params: not valid JSON"), err.toString());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void jsonPastTheLimitsSaysWhichAndEveryOtherProblemToo() {
        String deep = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
        String long_ = "{\"a\":" + "9".repeat(1500) + "}";
        assertEquals(2, dial("--params", deep, "--metadata", long_, "--max-minutes", "500"));
        String text = err.toString();
        assertTrue(text.contains("--params: not valid JSON at line 1, column 1: Nested more than 32 levels deep"), text);
        assertTrue(text.contains("--metadata: not valid JSON at line 1, column 1: A number of more than 100 digits"), text);
        assertTrue(text.contains("--max-minutes:"), "the other problems are listed too: " + text);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void badJsonSaysWhere() {
        assertEquals(2, dial("--params", "{\"a\": }"));
        assertTrue(err.toString().contains("--params: not valid JSON at line 1, column"), err.toString());
    }

    @Test
    void missingKeyIsInvalidInput() {
        int code = run(Map.of(), "dial", "--base-url", server.url("/").toString(), "--number-id", NUMBER_ID,
                "--phone", "+14155550123");
        assertEquals(2, code);
        assertTrue(err.toString().contains("DIALDESK_API_KEY"));
    }

    @Test
    void plainHttpToARemoteHostIsRefused() {
        int code = run(Map.of("DIALDESK_API_KEY", KEY), "dial", "--base-url", "http://dial.example.com/api/v1",
                "--number-id", NUMBER_ID, "--phone", "+14155550123");
        assertEquals(2, code);
        assertTrue(err.toString().contains("Refusing http://"), err.toString());
    }

    @Test
    void missingRequiredOptionIsInvalidInput() {
        assertEquals(2, run(Map.of(), "dial", "--base-url", "https://x.example"));
    }

    @Test
    void rejectedPrintsTheServersMessage() {
        server.enqueue(new MockResponse().setResponseCode(422).setBody("{\"message\":\"Number is on the do-not-call list\"}"));
        assertEquals(3, dial());
        assertTrue(err.toString().contains("do-not-call"), err.toString());
    }

    @Test
    void unauthorizedIsRejected() {
        server.enqueue(new MockResponse().setResponseCode(401));
        assertEquals(3, dial());
        assertFalse(err.toString().contains(KEY));
    }

    @Test
    void noAnswerIsUncertainAndSaysNotToRerun() {
        server.enqueue(new MockResponse().setResponseCode(504).setBody("gateway timeout"));
        assertEquals(4, dial());
        assertTrue(err.toString().contains("Do not run this command again"), err.toString());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void unreachableServiceIsOther() throws IOException {
        String url = server.url("/api/v1").toString();
        server.shutdown();
        int code = run(Map.of("DIALDESK_API_KEY", KEY), "dial", "--base-url", url, "--number-id", NUMBER_ID,
                "--phone", "+14155550123");
        assertEquals(1, code);
        assertTrue(err.toString().contains("Nothing was sent"), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString().contains("dial"), out.toString());
    }

    /** The form reads national numbers in the default country; the command reads the same input the same way. */
    @Test
    void aNationalNumberIsReadInTheDefaultCountryAsTheFormReadsIt() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"id\":\"65a0aa00bb11cc22dd33ee44\"}"));
        assertEquals(0, run(Map.of("DIALDESK_API_KEY", KEY), "dial", "--base-url", server.url("/api/v1").toString(),
                "--number-id", NUMBER_ID, "--phone", "(415) 555-0125"), err.toString());
        assertTrue(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8().contains("\"phone_number\":\"+14155550125\""));
    }

    @Test
    void theDefaultCountryComesFromTheSettingsAndCountryOverridesIt() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"default_country\": \"GB\"}");
        assertEquals(0, run(Map.of(), "dial", "--base-url", server.url("/api/v1").toString(), "--number-id", NUMBER_ID,
                "--phone", "020 7946 0018", "--dry-run"), err.toString());
        assertTrue(out.toString().contains("\"phone_number\" : \"+442079460018\""), out.toString());
        assertEquals(2, run(Map.of(), "dial", "--base-url", server.url("/api/v1").toString(), "--number-id", NUMBER_ID,
                "--phone", "020 7946 0018", "--country", "US", "--dry-run"));
        assertTrue(err.toString().contains("--phone: Not a valid United States number"), err.toString());
        assertEquals(2, run(Map.of(), "dial", "--base-url", server.url("/api/v1").toString(), "--number-id", NUMBER_ID,
                "--phone", "020 7946 0018", "--country", "Britain", "--dry-run"));
        assertTrue(err.toString().contains("--country: \"Britain\" is not a country code"), err.toString());
        assertEquals(0, server.getRequestCount(), "nothing was sent");
    }
}
