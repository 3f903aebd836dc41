package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.FieldError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each answer the service can give a dial, and what the one classification makes of it. */
class DialServiceTest {
    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final DialRequest DIAL = DialRequest.builder().numberId("640000000000000000000001")
            .phoneNumber("+14155550125").build();

    MockWebServer server;
    DialClient client;
    DialService service;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = clientFor(server.url("/api/v1").toString());
        service = DialService.over(client, CLOCK);
    }

    static DialClient clientFor(String baseUrl) {
        return new DialClient(ClientConfig.of(baseUrl, ApiKey.of("sk_test_key_123"))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), CLOCK, d -> { });
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    @Test
    void createdCarriesTheServicesAnswer() {
        server.enqueue(new MockResponse().setBody("{\"id\":\"65a0aa00bb11cc22dd33ee44\"}"));
        DialOutcome.Created created = assertInstanceOf(DialOutcome.Created.class, service.send(DIAL));
        assertEquals("65a0aa00bb11cc22dd33ee44", created.response().id());
    }

    @Test
    void aRefusalNamesTheFieldTheServiceNamed() {
        server.enqueue(new MockResponse().setResponseCode(422).setBody(
                "{\"message\":\"Invalid number\",\"errors\":[{\"field\":\"phone_number\",\"message\":\"is not reachable\"}]}"));
        DialOutcome.Rejected rejected = assertInstanceOf(DialOutcome.Rejected.class, service.send(DIAL));
        assertEquals(DialOutcome.Rejected.Reason.REFUSED, rejected.reason());
        assertEquals(List.of(new FieldError("phone_number", "is not reachable")), rejected.fieldErrors());
        assertEquals(1, server.getRequestCount(), "sent once");
    }

    @Test
    void aBadKeyIsARejectionThatNamesNoKey() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"message\":\"bad key\"}"));
        DialOutcome.Rejected rejected = assertInstanceOf(DialOutcome.Rejected.class, service.send(DIAL));
        assertEquals(DialOutcome.Rejected.Reason.UNAUTHORIZED, rejected.reason());
        assertFalse(rejected.message().contains("sk_test_key_123"));
    }

    @Test
    void noAnswerIsUncertainFromTheMomentOfTheAttemptAndIsNotResent() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        DialOutcome.Uncertain uncertain = assertInstanceOf(DialOutcome.Uncertain.class, service.send(DIAL));
        assertEquals(NOW, uncertain.attemptedAt());
        assertEquals(1, server.getRequestCount(), "never sent twice");
    }

    @Test
    void aGatewayTimeoutIsUncertain() {
        server.enqueue(new MockResponse().setResponseCode(504).setBody("gateway timeout"));
        assertInstanceOf(DialOutcome.Uncertain.class, service.send(DIAL));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void aRequestThatBreaksTheRulesIsNeverSent() {
        DialRequest noPhone = DialRequest.builder().numberId("640000000000000000000001").build();
        DialOutcome.NeverSent neverSent = assertInstanceOf(DialOutcome.NeverSent.class, service.send(noPhone));
        assertTrue(neverSent.invalid());
        assertEquals("phone_number", neverSent.fieldErrors().get(0).field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aServiceThatCannotBeReachedWasNeverSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (DialClient unreachable = clientFor("http://127.0.0.1:" + closedPort + "/api/v1")) {
            DialOutcome.NeverSent neverSent = assertInstanceOf(DialOutcome.NeverSent.class,
                    DialService.over(unreachable, CLOCK).send(DIAL));
            assertFalse(neverSent.invalid());
        }
    }

    @Test
    void lookUpFindsTheCallToTheSameNumberMadeSinceJustBeforeTheAttempt() throws Exception {
        DialOutcome.Uncertain uncertain = new DialOutcome.Uncertain(DIAL, "no answer", NOW);
        server.enqueue(new MockResponse().setBody("{\"calls\":["
                + "{\"id\":\"older\",\"status\":\"Completed\",\"metadata\":{\"to\":\"+14155550125\"},\"created\":\"2026-11-23T14:00:00Z\"},"
                + "{\"id\":\"other\",\"status\":\"Queued\",\"metadata\":{\"to\":\"+14155550999\"},\"created\":\"2026-11-23T15:00:01Z\"},"
                + "{\"id\":\"ours\",\"status\":\"Queued\",\"metadata\":{\"to\":\"+14155550125\"},\"created\":\"2026-11-23T14:59:30Z\"}"
                + "],\"count\":3}"));
        DialService.LookUp lookUp = service.lookUp(uncertain);
        assertEquals("ours", lookUp.found().orElseThrow().id());
        assertEquals(NOW.minus(ClientDialService.CLOCK_SLACK), lookUp.since());
        String query = server.takeRequest().getPath();
        assertTrue(query.contains("search=%2B14155550125"), query);
    }

    @Test
    void lookUpFindsNothingWhenNoCallShows() {
        server.enqueue(new MockResponse().setBody("{\"calls\":[],\"count\":0}"));
        assertTrue(service.lookUp(new DialOutcome.Uncertain(DIAL, "no answer", NOW)).found().isEmpty());
    }
}
