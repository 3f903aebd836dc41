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

    @Test
    void aNumberOnTheDoNotCallListIsNeverSentAndTheOperatorIsToldWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (org.dialdesk.store.DoNotCallList list = new org.dialdesk.store.DoNotCallList(dir.resolve("dnc.db"))) {
            list.add(List.of(new org.dialdesk.store.DoNotCallList.Entry("+14155550125", NOW, "asked on 20 Nov")));
            DialService guarded = DialService.over(client, CLOCK, AuditTrail.NONE, DoNotCall.over(list, ZoneOffset.UTC));
            DialOutcome.NeverSent refused = assertInstanceOf(DialOutcome.NeverSent.class, guarded.send(DIAL));
            assertEquals("Nothing was sent: +14155550125 is on the do-not-call list (added 23 Nov 2026: asked on 20 Nov)."
                    + " Remove it from the list to call it.", refused.message());
            assertEquals("phone_number", refused.fieldErrors().get(0).field());
            BatchOutcome batch = guarded.sendBatch(List.of(DIAL.toBuilder().phoneNumber("+14155550126").build(), DIAL));
            BatchOutcome.NeverSent batchRefused = assertInstanceOf(BatchOutcome.NeverSent.class, batch);
            assertEquals("[1].phone_number", batchRefused.fieldErrors().get(0).field());
            assertEquals(0, server.getRequestCount(), "nothing reached the service");

            list.remove("+14155550125");
            server.enqueue(new MockResponse().setBody("{\"id\":\"65a0aa00bb11cc22dd33ee44\"}"));
            assertInstanceOf(DialOutcome.Created.class, guarded.send(DIAL), "read afresh: a removed number may be called");
        }
    }

    @Test
    void aBatchIsClassifiedLikeOneDial() {
        server.enqueue(new MockResponse().setBody("[{\"id\":\"65a0aa00bb11cc22dd33ee44\"},{\"id\":\"65a0aa00bb11cc22dd33ee45\"}]"));
        BatchOutcome.Created created = assertInstanceOf(BatchOutcome.Created.class, service.sendBatch(List.of(DIAL, DIAL)));
        assertEquals("65a0aa00bb11cc22dd33ee45", created.responses().get(1).id());
        server.enqueue(new MockResponse().setBody("[{\"id\":\"65a0aa00bb11cc22dd33ee44\"}]"));
        assertInstanceOf(BatchOutcome.Uncertain.class, service.sendBatch(List.of(DIAL, DIAL)),
                "an answer that does not match the rows one to one cannot say which rang");
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));
        BatchOutcome.Rejected limited = assertInstanceOf(BatchOutcome.Rejected.class, service.sendBatch(List.of(DIAL)));
        assertEquals(java.util.Optional.of(Duration.ofSeconds(3)), limited.retryAfter());
        server.enqueue(new MockResponse().setResponseCode(502));
        assertInstanceOf(BatchOutcome.Uncertain.class, service.sendBatch(List.of(DIAL)));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertInstanceOf(BatchOutcome.Uncertain.class, service.sendBatch(List.of(DIAL)));
    }

    @Test
    void callsCreatedSincePagesUntilTheWindowIsCovered() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"calls\":[{\"id\":\"a\",\"created\":\"2026-11-23T15:00:00Z\"},"
                + "{\"id\":\"b\",\"created\":\"2026-11-23T14:59:00Z\"},{\"id\":\"c\",\"created\":\"2026-11-23T14:00:00Z\"}],"
                + "\"count\":3}"));
        List<org.dialdesk.api.Call> calls = service.callsCreatedSince(Instant.parse("2026-11-23T14:58:00Z"), 100);
        assertEquals(List.of("a", "b", "c"), calls.stream().map(org.dialdesk.api.Call::id).toList(),
                "an older call on the last page is returned too: a tagged one is the run's whatever its date");
        String asked = server.takeRequest().getPath();
        assertTrue(asked.contains("from=2026-11-22") && asked.contains("sort=desc"), asked);
        assertEquals(1, server.getRequestCount(), "newest first and past the window: one page was enough");

        // A service that caps its pages at 2 and says it holds 3: the short page is not taken as the end.
        server.enqueue(new MockResponse().setBody("{\"calls\":[{\"id\":\"a\",\"created\":\"2026-11-23T15:00:00Z\"},"
                + "{\"id\":\"b\",\"created\":\"2026-11-23T14:59:30Z\"}],\"count\":3}"));
        server.enqueue(new MockResponse().setBody("{\"calls\":[{\"id\":\"d\",\"created\":\"2026-11-23T14:59:00Z\"}],"
                + "\"count\":3}"));
        assertEquals(List.of("a", "b", "d"), service.callsCreatedSince(Instant.parse("2026-11-23T14:58:00Z"), 100).stream()
                .map(org.dialdesk.api.Call::id).toList());
        server.takeRequest();
        assertTrue(server.takeRequest().getPath().contains("skip=2"), "the next page starts after what came");
        server.enqueue(new MockResponse().setBody("{\"calls\":[{\"id\":\"a\",\"created\":\"2026-11-23T15:00:00Z\"},"
                + "{\"id\":\"b\",\"created\":\"2026-11-23T14:59:00Z\"}],\"count\":2}"));
        DialService.TooManyCalls tooMany = org.junit.jupiter.api.Assertions.assertThrows(DialService.TooManyCalls.class,
                () -> service.callsCreatedSince(Instant.parse("2026-11-23T14:58:00Z"), 1));
        assertTrue(tooMany.getMessage().startsWith("More than 1 calls"), tooMany.getMessage());
    }
}
