package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.dialdesk.api.ApiKey;
import org.dialdesk.testing.TestClocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionCheckTest {
    MockWebServer server;
    /** Each reading of the stopwatch is 42 ms after the one before. */
    final AtomicLong nanos = new AtomicLong();
    final ConnectionCheck check = new ConnectionCheck(TestClocks.ticking(), () -> nanos.getAndAdd(42_000_000L),
            Duration.ofSeconds(2));

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private String url() {
        return server.url("/api/v1").toString();
    }

    @Test
    void aWorkingKeyIsOneCheapReadWithItsTime() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"calls\": [], \"count\": 1234, \"limit\": 1, \"offset\": 0}"));
        ConnectionCheck.Result result = check.run(url(), ApiKey.of("sk-live-0001"));
        assertTrue(result.ok(), result.toString());
        assertEquals(42, result.millis());
        assertEquals("Connected in 42 ms; the key is accepted and the account holds 1,234 calls.", result.summary());
        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/api/v1/calls?limit=1", request.getPath());
        assertEquals(1, server.getRequestCount(), "no retries");
    }

    @Test
    void eachFailureSaysWhatIsWrongAndWhatToDo() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"message\": \"Invalid API key\"}"));
        ConnectionCheck.Result badKey = check.run(url(), ApiKey.of("sk-live-0001"));
        assertFalse(badKey.ok());
        assertEquals("The key was refused (401 Unauthorized).", badKey.summary());
        assertTrue(badKey.advice().contains("copy it again"), badKey.advice());

        server.enqueue(new MockResponse().setResponseCode(403).setBody("{}"));
        assertEquals("The key is recognised but may not read calls (403 Forbidden).",
                check.run(url(), ApiKey.of("sk-live-0001")).summary());

        server.enqueue(new MockResponse().setResponseCode(404).setBody("Not Found"));
        ConnectionCheck.Result wrongUrl = check.run(url(), ApiKey.of("sk-live-0001"));
        assertTrue(wrongUrl.summary().endsWith("/calls (404 Not Found): the base URL is wrong."), wrongUrl.summary());
        assertTrue(wrongUrl.advice().contains("https://app.happyrobot.ai/api/v1"));

        server.enqueue(new MockResponse().setBody("<html>a login page</html>"));
        ConnectionCheck.Result notTheApi = check.run(url(), ApiKey.of("sk-live-0001"));
        assertTrue(notTheApi.summary().contains("but not as the dial API does"), notTheApi.summary());
    }

    @Test
    void unreachableUnknownAndInsecureAddressesAreToldApart() throws Exception {
        int closedPort = server.getPort();
        server.shutdown();
        ConnectionCheck.Result refused = check.run("http://127.0.0.1:" + closedPort + "/api/v1", ApiKey.of("sk-live-0001"));
        assertTrue(refused.summary().startsWith("Nothing accepts connections at"), refused.summary());

        ConnectionCheck.Result unknown = check.run("https://no-such-host.invalid/api/v1", ApiKey.of("sk-live-0001"));
        assertEquals("The host no-such-host.invalid is not known (DNS).", unknown.summary());

        ConnectionCheck.Result plain = check.run("http://api.acme.example/v1", ApiKey.of("sk-live-0001"));
        assertEquals("The base URL is refused.", plain.summary());
        assertTrue(plain.advice().contains("Use https://"), plain.advice());
    }

    @Test
    void httpsToAServerThatAnswersInPlainTextIsATlsFailure() throws Exception {
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                    socket.getOutputStream().flush();
                    socket.getInputStream().read(new byte[512]);
                } catch (java.io.IOException ignored) {
                    // the client hung up: the test reads its answer
                }
            });
            answer.setDaemon(true);
            answer.start();
            ConnectionCheck.Result tls = check.run("https://127.0.0.1:" + plain.getLocalPort() + "/api/v1",
                    ApiKey.of("sk-live-0001"));
            assertEquals("The secure connection to 127.0.0.1 failed (TLS).", tls.summary());
            assertTrue(tls.advice().contains("proxy"), tls.advice());
        }
    }
}
