package org.dialdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialClientTest {
    static final String KEY = "sk_live_Zx81secretKEY";
    static final String NUMBER_ID = "64b7f0c2a1b2c3d4e5f60718";
    static final String USE_CASE_ID = "64b7f0c2a1b2c3d4e5f60719";
    static final String CALL_ID = "65a0aa00bb11cc22dd33ee44";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    MockWebServer server;
    DialClient client;
    final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = newClient(Duration.ofSeconds(5));
    }

    DialClient newClient(Duration readTimeout) {
        ClientConfig config = ClientConfig.of(server.url("/api/v1/").toString(), ApiKey.of(KEY))
                .withTimeouts(Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(2));
        return new DialClient(config, Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    static DialRequest minimalDial() {
        return DialRequest.builder().numberId(NUMBER_ID).phoneNumber("+14155550123").build();
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request reached the server");
        }
        return request;
    }

    @Test
    void dialSendsExactMethodPathHeadersAndBody() throws Exception {
        server.enqueue(json(200, """
                {"id":"%s","organization_id":"org1","metadata":{"crm":"7"},"created":"2026-11-23T12:00:01Z",
                 "use_case":{"id":"%s","name":"Reminders","language":"en-US","new_field":1},
                 "params":{"name":"Ada"},"something_new":true}""".formatted(CALL_ID, USE_CASE_ID)));
        JsonNode params = Json.mapper().readTree("{\"name\":\"Ada\"}");
        JsonNode metadata = Json.mapper().readTree("{\"crm\":\"7\"}");
        DialRequest request = DialRequest.builder().numberId(NUMBER_ID).phoneNumber(" +14155550123 ")
                .useCaseId(USE_CASE_ID).language("en-US").params(params).metadata(metadata)
                .campaignId("spring").promptId("").scheduledFor(Instant.parse("2026-12-01T15:30:00Z"))
                .maxDurationMins(5).build();

        DialResponse response = client.dialOutbound(request);

        RecordedRequest recorded = take();
        assertEquals("POST", recorded.getMethod());
        assertEquals("/api/v1/dial/outbound", recorded.getPath());
        assertEquals("Bearer " + KEY, recorded.getHeader("authorization"));
        assertEquals("DialDesk/" + DialDeskVersion.get(), recorded.getHeader("User-Agent"));
        assertEquals("application/json", recorded.getHeader("Content-Type"));
        assertEquals("{\"number_id\":\"" + NUMBER_ID + "\",\"phone_number\":\"+14155550123\",\"use_case_id\":\""
                + USE_CASE_ID + "\",\"language\":\"en-US\",\"params\":{\"name\":\"Ada\"},\"metadata\":{\"crm\":\"7\"},"
                + "\"campaign_id\":\"spring\",\"scheduled_for\":\"2026-12-01T15:30:00Z\",\"max_duration_mins\":5}",
                recorded.getBody().readUtf8());
        assertEquals(CALL_ID, response.id());
        assertEquals("Reminders", response.useCase().name());
        assertEquals("7", response.metadata().get("crm").asText());
    }

    @Test
    void explicitNullParamsAndDeprecatedFieldsAreSent() throws Exception {
        server.enqueue(json(200, "{\"id\":\"" + CALL_ID + "\"}"));
        @SuppressWarnings("deprecation")
        DialRequest request = minimalDial().toBuilder().params(NullNode.getInstance())
                .assistantId("a1").voiceId("v1").model("Robust").build();
        client.dialOutbound(request);
        assertEquals("{\"number_id\":\"" + NUMBER_ID + "\",\"phone_number\":\"+14155550123\",\"params\":null,"
                + "\"assistant_id\":\"a1\",\"voice_id\":\"v1\",\"model\":\"Robust\"}", take().getBody().readUtf8());
    }

    @Test
    void invalidDialIsNeverSent() {
        DialRequest bad = DialRequest.builder().numberId("short").phoneNumber("(415) 555-0123").build();
        DialServiceException.InvalidRequest e = assertThrows(DialServiceException.InvalidRequest.class,
                () -> client.dialOutbound(bad));
        assertEquals(List.of("number_id", "phone_number"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void batchedDialSendsAnArrayAndValidatesEveryRow() throws Exception {
        server.enqueue(json(200, "[{\"id\":\"a\"},{\"id\":\"b\"}]"));
        List<DialResponse> responses = client.dialBatched(List.of(minimalDial(),
                minimalDial().toBuilder().phoneNumber("+442071838750").build()));
        RecordedRequest recorded = take();
        assertEquals("/api/v1/dial/outbound-batched", recorded.getPath());
        assertTrue(recorded.getBody().readUtf8().startsWith("[{\"number_id\""));
        assertEquals(List.of("a", "b"), responses.stream().map(DialResponse::id).toList());

        DialServiceException.InvalidRequest e = assertThrows(DialServiceException.InvalidRequest.class,
                () -> client.dialBatched(List.of(minimalDial(), minimalDial().toBuilder().phoneNumber("12").build())));
        assertEquals("[1].phone_number", e.errors().get(0).field());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void listCallsSendsEveryQueryParameter() throws Exception {
        server.enqueue(json(200, """
                {"calls":[{"id":"%s","status":"In progress","type":"Outbound","metadata":{"to":"+14155550123"},
                  "agent":{"id":"x","name":"Ava"},"classification":{"tag":"ok","reasoning":"r"},
                  "notes":[{"id":"n1","content":"hi","flagged":false}]},
                 {"id":"other","status":"Teleported"}],
                 "count":1234,"limit":2,"offset":10}""".formatted(CALL_ID)));
        CallQuery query = CallQuery.builder().type("Outbound").limit(2).skip(10)
                .statuses(List.of("Completed", "No answer")).tags(List.of("vip")).models(List.of("m1"))
                .ratings(List.of("5")).useCases(List.of("u1", "u2")).campaigns(List.of("c1"))
                .from(LocalDate.of(2026, 11, 1)).to(LocalDate.of(2026, 11, 23)).sort(CallQuery.Sort.desc)
                .search("+1415").build();
        CallPage page = client.listCalls(query);
        RecordedRequest recorded = take();
        assertEquals("GET", recorded.getMethod());
        assertEquals("/api/v1/calls?type=Outbound&limit=2&skip=10&statuses=Completed%2CNo%20answer&tags=vip"
                + "&models=m1&ratings=5&use_cases=u1%2Cu2&campaigns=c1&from=2026-11-01&to=2026-11-23&sort=desc"
                + "&search=%2B1415", recorded.getPath());
        assertEquals(1234, page.count());
        assertEquals(CallStatus.IN_PROGRESS, page.calls().get(0).status());
        assertEquals("+14155550123", page.calls().get(0).to());
        assertEquals("Ava", page.calls().get(0).agent().name());
        assertEquals(CallStatus.UNKNOWN, page.calls().get(1).status());
    }

    @Test
    void callEndpointsUseTheirPathsAndMethods() throws Exception {
        String call = "{\"id\":\"" + CALL_ID + "\",\"status\":\"Completed\"}";
        server.enqueue(json(200, call));
        server.enqueue(json(200, "{\"id\":\"t\",\"call_id\":\"" + CALL_ID + "\",\"start_time\":1700000000,"
                + "\"messages\":[{\"role\":\"assistant\",\"content\":\"Hello\",\"start\":0.5,\"end\":1.2}]}"));
        server.enqueue(new MockResponse().setResponseCode(200));
        server.enqueue(new MockResponse().setResponseCode(200));
        server.enqueue(json(200, call));
        server.enqueue(json(200, call));
        server.enqueue(json(200, call));

        assertEquals(CallStatus.COMPLETED, client.getCall(CALL_ID).status());
        assertEquals("Hello", client.getTranscript(CALL_ID).messages().get(0).content());
        client.cancelCall(CALL_ID);
        client.stopCall(CALL_ID);
        client.addNote(CALL_ID, new NoteRequest("Call back", true));
        client.updateNote(CALL_ID, "n1", new NoteRequest("Called back", false));
        client.deleteNote(CALL_ID, "n1");

        String base = "/api/v1/calls/" + CALL_ID;
        assertRequest("GET", base, null);
        assertRequest("GET", base + "/transcript", null);
        assertRequest("POST", base + "/cancel", "");
        assertRequest("POST", base + "/stop", "");
        assertRequest("POST", base + "/notes", "{\"content\":\"Call back\",\"flagged\":true}");
        assertRequest("PATCH", base + "/notes/n1", "{\"content\":\"Called back\",\"flagged\":false}");
        assertRequest("DELETE", base + "/notes/n1", "");
    }

    @Test
    void pickerEndpoints() throws Exception {
        server.enqueue(json(200, "[{\"id\":\"" + NUMBER_ID + "\",\"number\":\"+14155550100\",\"title\":\"Support\",\"locality\":\"SF\"}]"));
        server.enqueue(json(200, "[{\"id\":\"" + USE_CASE_ID + "\",\"name\":\"Hidden\",\"hidden\":true}]"));
        server.enqueue(json(200, "[{\"id\":\"ag\",\"name\":\"Ava\",\"languages\":[\"english\",\"spanish\"]}]"));
        server.enqueue(json(200, "[{\"id\":\"md\",\"name\":\"v2\",\"use_case_id\":\"" + USE_CASE_ID + "\",\"status\":\"active\"}]"));

        assertEquals("Support", client.listNumbers().get(0).title());
        assertTrue(client.listUseCases().get(0).isHidden());
        assertEquals(List.of("english", "spanish"), client.listAgents().get(0).languages());
        assertTrue(client.listModels(USE_CASE_ID, CallModel.STATUS_ACTIVE).get(0).isActive());

        assertRequest("GET", "/api/v1/numbers", null);
        assertRequest("GET", "/api/v1/use-cases", null);
        assertRequest("GET", "/api/v1/agents", null);
        assertRequest("GET", "/api/v1/models?use_case_id=" + USE_CASE_ID + "&status=active", null);
    }

    private void assertRequest(String method, String path, String body) throws InterruptedException {
        RecordedRequest recorded = take();
        assertEquals(method + " " + path, recorded.getMethod() + " " + recorded.getPath());
        assertEquals("Bearer " + KEY, recorded.getHeader("authorization"));
        if (body != null) {
            assertEquals(body, recorded.getBody().readUtf8());
        }
    }

    @Test
    void rejectionCarriesTheServersMessageAndFieldErrors() {
        server.enqueue(json(422, "{\"message\":\"Invalid request\",\"errors\":[{\"field\":\"phone_number\","
                + "\"message\":\"not a mobile number\"}]}"));
        DialServiceException.Rejected e = assertThrows(DialServiceException.Rejected.class,
                () -> client.dialOutbound(minimalDial()));
        assertEquals(422, e.status());
        assertEquals("Invalid request", e.serverMessage());
        assertEquals(List.of(new FieldError("phone_number", "not a mobile number")), e.fieldErrors());
    }

    @Test
    void messageFallsBackToErrorThenRawText() {
        server.enqueue(json(400, "{\"error\":\"bad number_id\"}"));
        server.enqueue(new MockResponse().setResponseCode(409).setBody("Call is not cancellable\n"));
        assertEquals("bad number_id", assertThrows(DialServiceException.Rejected.class,
                () -> client.dialOutbound(minimalDial())).serverMessage());
        assertEquals("Call is not cancellable", assertThrows(DialServiceException.Rejected.class,
                () -> client.cancelCall(CALL_ID)).serverMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void authFailuresAreTyped(int status) {
        server.enqueue(json(status, "{\"message\":\"nope\"}"));
        DialServiceException.Unauthorized e = assertThrows(DialServiceException.Unauthorized.class, client::listNumbers);
        assertEquals(status, e.status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void notFoundIsTyped() {
        server.enqueue(json(404, "{\"message\":\"Call not found\"}"));
        assertTrue(assertThrows(DialServiceException.NotFound.class, () -> client.getCall(CALL_ID))
                .getMessage().contains("Call not found"));
    }

    @Test
    void readsAreRetriedOn5xxAnd429HonouringRetryAfter() {
        server.enqueue(json(503, "{}"));
        server.enqueue(json(429, "{}").setHeader("Retry-After", "7"));
        server.enqueue(json(200, "[]"));
        assertEquals(List.of(), client.listAgents());
        assertEquals(3, server.getRequestCount());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(0).toMillis() >= 150 && sleeps.get(0).toMillis() <= 300, "jittered backoff " + sleeps);
        assertEquals(Duration.ofSeconds(7), sleeps.get(1));
    }

    @Test
    void readsGiveUpAfterMaxAttempts() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(500, "{\"message\":\"db down\"}"));
        }
        DialServiceException.ServerError e = assertThrows(DialServiceException.ServerError.class, client::listNumbers);
        assertEquals(500, e.status());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void tooLongRetryAfterIsReportedNotWaited() {
        server.enqueue(json(429, "{}").setHeader("Retry-After", "3600"));
        DialServiceException.RateLimited e = assertThrows(DialServiceException.RateLimited.class, client::listNumbers);
        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void dialIsNotRetriedOn429() {
        server.enqueue(json(429, "{}").setHeader("Retry-After", "1"));
        server.enqueue(json(200, "{\"id\":\"x\"}"));
        assertThrows(DialServiceException.RateLimited.class, () -> client.dialOutbound(minimalDial()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void dialAnswered5xxIsUncertainAndNotRetried() {
        server.enqueue(json(502, "Bad gateway"));
        server.enqueue(json(200, "{\"id\":\"x\"}"));
        DialServiceException.OutcomeUncertain e = assertThrows(DialServiceException.OutcomeUncertain.class,
                () -> client.dialOutbound(minimalDial()));
        assertInstanceOf(DialServiceException.ServerError.class, e.getCause());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void dialWithNoAnswerIsUncertain() {
        client.close();
        client = newClient(Duration.ofMillis(300));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        DialServiceException.OutcomeUncertain e = assertThrows(DialServiceException.OutcomeUncertain.class,
                () -> client.dialOutbound(minimalDial()));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void dialWhoseAnswerTricklesInPastTheWholeCallsTimeIsUncertain() {
        client.close();
        client = newClient(Duration.ofSeconds(1)); // each read may wait 1 s; the whole call 2 + 2 + 1 + 2 = 7 s
        // A valid answer, sent a little at a time: no read waits a second, the whole takes about ten.
        server.enqueue(json(200, "{\"id\":\"x\"}" + " ".repeat(5000)).throttleBody(100, 200, TimeUnit.MILLISECONDS));
        DialServiceException.OutcomeUncertain e = assertThrows(DialServiceException.OutcomeUncertain.class,
                () -> client.dialOutbound(minimalDial()));
        assertEquals(1, server.getRequestCount());
        assertTrue(sleeps.isEmpty(), "not retried");
    }

    @Test
    void dialWhoseConnectionDropsAfterSendingIsUncertain() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, "{\"id\":\"x\"}"));
        assertThrows(DialServiceException.OutcomeUncertain.class, () -> client.dialOutbound(minimalDial()));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void dialWithUnreadableSuccessIsUncertain() {
        server.enqueue(json(200, "<html>ok</html>"));
        assertThrows(DialServiceException.OutcomeUncertain.class, () -> client.dialOutbound(minimalDial()));
    }

    @Test
    void readWhoseConnectionDropsIsRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, "[]"));
        assertEquals(List.of(), client.listNumbers());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void dialThatNeverLeftIsRetriedThenReportedAsNetworkFailure() throws IOException {
        int port = server.getPort();
        server.shutdown();
        client.close();
        ClientConfig config = ClientConfig.of("http://127.0.0.1:" + port + "/api/v1", ApiKey.of(KEY))
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1));
        client = new DialClient(config, Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add);
        DialServiceException.NetworkFailure e = assertThrows(DialServiceException.NetworkFailure.class,
                () -> client.dialOutbound(minimalDial()));
        assertTrue(e.getMessage().contains("Nothing was sent"), e.getMessage());
        assertEquals(3, sleeps.size(), "four attempts in all");
        assertTrue(e.isRetryable());
    }

    @Test
    void theKeyNeverAppearsInMessagesOrToString() {
        server.enqueue(json(400, "{\"message\":\"bad header: Bearer " + KEY + "\"}"));
        DialServiceException e = assertThrows(DialServiceException.class, () -> client.dialOutbound(minimalDial()));
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertFalse(client.config().toString().contains(KEY));
        assertFalse(ApiKey.of(KEY).toString().contains(KEY));
    }

    @Test
    void nullFieldsInAnswersAreTolerated() {
        server.enqueue(json(200, "{\"calls\":null,\"count\":0}"));
        CallPage page = client.listCalls(CallQuery.all());
        assertTrue(page.calls().isEmpty());
        assertNull(CallStatus.fromWireName("Unknown").orElse(null));
    }
}
