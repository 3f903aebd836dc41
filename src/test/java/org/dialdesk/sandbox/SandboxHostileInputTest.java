package org.dialdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialdesk.bench.SandboxFuzz;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.TestClocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox as an outside tester finds it: every bad request a clear JSON 4xx, nothing dropped or poisoned. */
class SandboxHostileInputTest {
    static final String DIAL = "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\"";

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(TestClocks.START);
    Sandbox sandbox;
    SandboxFuzz http;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir, clock).withApiKey(SandboxFuzz.KEY).withClock(clock, false));
        http = new SandboxFuzz(1, sandbox.port());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    SandboxFuzz.Answer post(String path, String body) {
        return http.send(http.frame("POST", "/api/v1" + path, "application/json", true, body));
    }

    SandboxFuzz.Answer get(String target) {
        return http.send(http.frame("GET", "/api/v1" + target, null, true, null));
    }

    static void assertRefused(int status, String says, SandboxFuzz.Answer answer) {
        assertTrue(answer != null, "an answer, not a dropped connection");
        assertEquals(status, answer.status(), answer.text());
        assertTrue(answer.isJsonWithMessage(), "JSON with a message: " + answer.text());
        assertTrue(answer.text().contains(says), answer.text());
    }

    @Test
    void thousandsOfGeneratedBadRequestsAreEachAJsonAnswerAndTheServiceStillDials() throws Exception {
        SandboxFuzz.Result result = SandboxFuzz.run(sandbox, 20261201, 1500);
        assertTrue(result.clean(), result.toString());
        String framing = SandboxFuzz.framing(sandbox, 20261201, 300);
        assertEquals("300 requests: 0 dropped, 0 5xx, 0 errors not JSON", framing);
    }

    @Test
    void jsonPastTheLimitsIsRefusedAtTheDoorAndHistoryStillReads() {
        String deepParams = "{\"a\":".repeat(998) + "1" + "}".repeat(998);
        assertRefused(400, "over the service's limits", post("/dial/outbound", DIAL + ",\"params\":" + deepParams + "}"));
        assertRefused(400, "over the service's limits", post("/dial/outbound", "[".repeat(1200) + "]".repeat(1200)));
        assertRefused(400, "over the service's limits", post("/dial/outbound", DIAL + ",\"max_duration_mins\":"
                + "9".repeat(1001) + "}"));
        assertEquals(200, get("/calls").status(), "nothing poisoned: call history reads");
    }

    @Test
    void aCallStoredBeforeTheLimitsStillReadsBack() throws Exception {
        sandbox.addDemoCalls(1, 1);
        // As an earlier version could store it: a string past today's request limit.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sandbox.db"));
             Statement update = db.createStatement()) {
            update.execute("UPDATE calls SET params = '{\"note\": \"" + "x".repeat(70_000) + "\"}'");
        }
        SandboxFuzz.Answer page = get("/calls");
        assertEquals(200, page.status(), page.text().length() > 200 ? page.text().substring(0, 200) : page.text());
        assertTrue(page.text().contains("x".repeat(1000)));
    }

    @Test
    void datesBeyondAnyCalendarNameTheirField() {
        assertRefused(422, "scheduled_for", post("/dial/outbound", DIAL + ",\"scheduled_for\":\"+999999999-12-31T23:59:59Z\"}"));
        assertRefused(400, "from must be a date between", get("/calls?from=-999999999-01-01"));
        assertRefused(400, "to must be a date between", get("/calls?to=%2B999999999-12-31"));
    }

    @Test
    void metadataCannotPassForTheCallsOwnFields() {
        SandboxFuzz.Answer answer = post("/dial/outbound", DIAL + ",\"metadata\":{\"to\":\"+19999999999\",\"call_sid\":\"spoof\"}}");
        assertRefused(422, "metadata.to", answer);
        assertTrue(answer.text().contains("metadata.call_sid"), answer.text());
    }

    @Test
    void whatIsNotHttpGetsAJsonAnswerFromTheDoor() {
        assertRefused(400, "percent-encoded", http.send(http.frame("GET", "/api/v1/calls?search=a\\b", null, true, null)));
        assertRefused(400, "%25", http.send(http.frame("GET", "/api/v1/calls?search=100%", null, true, null)));
        assertRefused(400, "CR LF", http.send("GET /api/v1/numbers HTTP/1.1\nHost: x\n\n".getBytes(StandardCharsets.ISO_8859_1)));
        StringBuilder many = new StringBuilder("GET /api/v1/numbers HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 150; i++) {
            many.append("X-").append(i).append(": y\r\n");
        }
        assertRefused(431, "More than 100 headers", http.send(many.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void clientsThatSendHalfARequestDoNotStopOthersBeingServed() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
                OutputStream out = socket.getOutputStream();
                // Half of them stop inside the head; the others send the head and most of a 30 KB body.
                out.write(i % 2 == 0 ? "POST /api/v1/dial/outbound HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1)
                        : rawDial("", "30000", "{\"params\": \"" + "x".repeat(29_000)));
                out.flush();
                idle.add(socket);
            }
            long started = System.nanoTime();
            assertEquals(200, get("/numbers").status());
            assertTrue(System.nanoTime() - started < 2_000_000_000L, "answered at once, not after the idle ones time out");
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    byte[] rawDial(String extraHeaders, String lengthText, String body) {
        return ("POST /api/v1/dial/outbound HTTP/1.1\r\nHost: x\r\nauthorization: Bearer " + SandboxFuzz.KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + lengthText + "\r\n" + extraHeaders + "\r\n"
                + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aBodyIsPassedOnAsItsLengthSaysHoweverTheLengthIsWritten() {
        String body = DIAL + "}";
        assertEquals(200, http.send(rawDial("", "0" + body.length(), body)).status(), "a leading zero");
        assertEquals(200, http.send(rawDial("", "\t" + body.length(), body)).status(), "a tab before it");
        assertRefused(400, "Content-Length must be one number", http.send(rawDial("", "seventy", body)));
        assertRefused(400, "not both", http.send(rawDial("Transfer-Encoding: chunked\r\n", "" + body.length(), body)));
    }

    @Test
    void theMostHeadersAllowedAndChunkedBodiesReachTheServiceAndBadChunksAreRefused() {
        StringBuilder many = new StringBuilder("GET /api/v1/numbers HTTP/1.1\r\nHost: x\r\nauthorization: Bearer "
                + SandboxFuzz.KEY + "\r\n");
        for (int i = 0; i < RequestHead.MAX_HEADERS - 2; i++) {
            many.append("X-").append(i).append(": y\r\n");
        }
        assertEquals(200, http.send(many.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)).status(),
                "exactly " + RequestHead.MAX_HEADERS + " headers");
        String body = DIAL + "}";
        String chunked = Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\nX-Trailer: t\r\n\r\n";
        assertEquals(200, http.send(rawChunked(chunked)).status(), "chunks, a trailer: passed on as one body");
        assertRefused(400, "not a chunk size", http.send(rawChunked("zz\r\n" + body + "\r\n0\r\n\r\n")));
        assertRefused(400, "followed by CR LF", http.send(rawChunked(Integer.toHexString(body.length()) + "\r\n" + body
                + "XX0\r\n\r\n")));
        assertEquals(1, countCalls(), "only the well-framed dial was placed");
    }

    byte[] rawChunked(String chunks) {
        return ("POST /api/v1/dial/outbound HTTP/1.1\r\nHost: x\r\nauthorization: Bearer " + SandboxFuzz.KEY
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    long countCalls() {
        try {
            return sandbox.callCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void requestsSentAheadDoNotCutTheAnswerShort() {
        sandboxWithCalls(3000);
        byte[] first = http.frame("GET", "/api/v1/calls?limit=2000", null, true, null);
        byte[] ahead = http.frame("GET", "/api/v1/numbers", null, true, null);
        byte[] both = new byte[first.length + ahead.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(ahead, 0, both, first.length, ahead.length);
        SandboxFuzz.Answer answer = http.send(both);
        assertEquals(200, answer.status());
        assertTrue(answer.text().strip().endsWith("}"), "the whole page, " + answer.body().length + " bytes");
    }

    void sandboxWithCalls(int count) {
        try {
            sandbox.addDemoCalls(count, 3);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClientThatExpectsContinueGetsItAndAFinalAnswerThatClosesTheConnection() throws Exception {
        String body = DIAL + "}";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(rawDial("Expect: 100-continue\r\n", "" + body.length(), ""));
            out.flush();
            byte[] interim = new byte[25];
            socket.getInputStream().readNBytes(interim, 0, interim.length);
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertTrue(answer.contains("\r\nConnection: close\r\n"), "the final answer says the connection ends: " + answer);
        }
    }

    @Test
    void aHeadOrABodyTrickledInPastItsTimeGetsA408() throws Exception {
        try (Socket trickle = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
             Socket slowBody = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
            slowBody.getOutputStream().write(rawDial("", "200", "{\"number_id\":"));
            slowBody.getOutputStream().flush();
            long started = System.nanoTime();
            byte[] head = "GET /api/v1/numbers HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);
            trickle.setSoTimeout(500);
            String trickled = null;
            // A byte every 300 ms: each read is quick, the head as a whole is not.
            for (int i = 0; trickled == null && System.nanoTime() - started < 20_000_000_000L; i++) {
                try {
                    trickle.getOutputStream().write(head[Math.min(i, head.length - 1)]);
                    byte[] got = trickle.getInputStream().readAllBytes();
                    trickled = new String(got, StandardCharsets.ISO_8859_1);
                } catch (SocketTimeoutException stillWaiting) {
                    // nothing back yet: send the next byte
                } catch (IOException closed) {
                    break;
                }
            }
            assertTrue(trickled != null && trickled.startsWith("HTTP/1.1 408 ") && trickled.contains("\"message\""),
                    "a JSON 408 for a head that never ends: " + trickled);
            assertTrue(System.nanoTime() - started < 13_000_000_000L, "within the head's 10 s, not per byte");
            slowBody.setSoTimeout(15_000);
            String slow = new String(slowBody.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(slow.startsWith("HTTP/1.1 408 ") && slow.contains("body did not arrive"), slow);
        }
        assertEquals(200, get("/numbers").status());
        assertEquals(0, sandbox.callCount(), "the dial cut short was not placed");
    }

    @Test
    void aFailureOfTheSandboxItselfIsAJson500NotADroppedConnection() throws Exception {
        SandboxStore store = new SandboxStore(dir.resolve("broken"));
        SandboxService service = new SandboxService(store, new CallSimulator(store, clock, 1), new SandboxOrganisation(),
                SandboxLimits.mapper());
        store.close(); // every query fails from now on
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", new SandboxHttpHandler(service, SandboxFuzz.KEY, FaultPlan.NONE, () -> 1, SandboxLimits.mapper()));
        server.start();
        try {
            SandboxFuzz direct = new SandboxFuzz(1, server.getAddress().getPort());
            assertRefused(500, "Internal sandbox error", direct.send(direct.frame("GET", "/api/v1/calls", null, true, null)));
        } finally {
            server.stop(0);
        }
    }
}
