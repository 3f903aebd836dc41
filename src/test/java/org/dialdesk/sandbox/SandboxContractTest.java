package org.dialdesk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallPage;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.CallStatus;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialResponse;
import org.dialdesk.api.DialServiceException;
import org.dialdesk.api.Json;
import org.dialdesk.api.NoteRequest;
import org.dialdesk.api.Transcript;
import org.dialdesk.api.UseCase;
import org.dialdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.stream.StreamSupport;

/** The real client against the real sandbox: the contract both sides keep. */
class SandboxContractTest {
    static final String KEY = "sbx_contract_test_key";
    static final String SUPPORT_LINE = "640000000000000000000001";
    static final String COLLECTIONS = "640000000000000000000002";
    static final Instant START = Instant.parse("2026-11-23T15:00:00Z");

    @TempDir
    Path dataDir;
    final MutableClock clock = new MutableClock(START);
    Sandbox sandbox;
    DialClient client;

    @BeforeEach
    void start() throws Exception {
        startWith(FaultPlan.NONE);
    }

    void startWith(FaultPlan faults) throws IOException, SQLException {
        sandbox = Sandbox.start(SandboxOptions.defaults(dataDir, clock).withApiKey(KEY).withFaults(faults)
                .withClock(clock, false));
        client = clientFor(sandbox, KEY, Duration.ofSeconds(5));
    }

    DialClient clientFor(Sandbox s, String key, Duration readTimeout) {
        return new DialClient(ClientConfig.of(s.baseUrl(), ApiKey.of(key))
                .withTimeouts(Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(2)), clock, d -> { });
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    void restart() throws Exception {
        client.close();
        sandbox.close();
        start();
    }

    /** Moves simulated time on in small steps, as the ticker would. */
    void play(Duration total) throws SQLException {
        for (long s = 0; s < total.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            sandbox.advance();
        }
    }

    static DialRequest.Builder dialTo(String phone) {
        return DialRequest.builder().numberId(SUPPORT_LINE).phoneNumber(phone);
    }

    Response raw(String method, String path, String contentType, String body, String key) throws IOException {
        Request.Builder request = new Request.Builder().url(sandbox.baseUrl() + path);
        if (key != null) {
            request.header("authorization", "Bearer " + key);
        }
        RequestBody requestBody = body == null ? null
                : RequestBody.create(body.getBytes(), contentType == null ? null : MediaType.get(contentType));
        request.method(method, requestBody);
        return new OkHttpClient().newCall(request.build()).execute();
    }

    JsonNode rawJson(Response response) throws IOException {
        try (response) {
            return Json.mapper().readTree(response.body().string());
        }
    }

    @Test
    void pickersListTheSeededOrganisation() {
        assertEquals(4, client.listNumbers().size());
        assertTrue(client.listNumbers().stream().allMatch(n -> n.number().startsWith("+") && n.title() != null));
        List<UseCase> useCases = client.listUseCases();
        assertEquals(1, useCases.stream().filter(UseCase::isHidden).count());
        assertTrue(useCases.stream().allMatch(u -> u.id().length() == 24 && u.prompt() != null));
        assertEquals(4, client.listAgents().size());
        String reminder = SandboxOrganisation.REMINDER;
        assertEquals(2, client.listModels(reminder, null).size());
        assertEquals(1, client.listModels(reminder, "active").size());
    }

    /** Optional fields without a value are left out, never null, in calls and use cases alike. */
    @Test
    void absentOptionalFieldsAreLeftOutNotNull() throws Exception {
        String id = client.dialOutbound(dialTo("+14155550127").build()).id();
        JsonNode call;
        try (Response answer = raw("GET", "/calls/" + id, null, null, KEY)) {
            call = Json.mapper().readTree(answer.body().string());
        }
        for (String field : List.of("campaign_id", "scheduled_for", "params", "prompt_id")) {
            assertFalse(call.has(field), field + " is left out, not " + call.get(field));
        }
        assertEquals("Ava", call.path("agent").path("name").asText(), "a dial naming no agent gets its use case's");
        List<String> nullFields = new ArrayList<>();
        call.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                nullFields.add(f.getKey());
            }
        });
        assertEquals(List.of(), nullFields);
        try (Response answer = raw("GET", "/use-cases", null, null, KEY)) {
            JsonNode useCases = Json.mapper().readTree(answer.body().string());
            useCases.forEach(u -> u.fields().forEachRemaining(f ->
                    assertFalse(f.getValue().isNull(), "use case " + u.path("id").asText() + " has " + f.getKey() + ": null")));
        }
    }

    @Test
    void everyCallKnowsItsAgentAndEndedOnesTheirOutcome() throws Exception {
        String spanish = client.dialOutbound(dialTo("+14155550127").useCaseId(SandboxOrganisation.RECORDATORIO).build()).id();
        assertEquals("Mateo", client.getCall(spanish).agent().name(), "es-MX: the Spanish-speaking agent");
        String chosen = client.dialOutbound(dialTo("+14155550128").agentId("660000000000000000000003").build()).id();
        assertEquals("Lena", client.getCall(chosen).agent().name(), "one the dial names is kept");
    }

    @Test
    void anExplicitNullParamsComesBackAsSent() throws Exception {
        String id = client.dialOutbound(dialTo("+14155550127")
                .params(NullNode.getInstance()).build()).id();
        try (Response answer = raw("GET", "/calls/" + id, null, null, KEY)) {
            JsonNode call = Json.mapper().readTree(answer.body().string());
            assertTrue(call.has("params") && call.get("params").isNull(), call.toString());
        }
    }

    @Test
    void everyRequestNeedsTheKey() throws IOException {
        try (DialClient wrong = clientFor(sandbox, "not-the-key", Duration.ofSeconds(2))) {
            assertEquals(401, assertThrows(DialServiceException.Unauthorized.class, wrong::listNumbers).status());
            assertThrows(DialServiceException.Unauthorized.class, () -> wrong.dialOutbound(dialTo("+14155550125").build()));
        }
        try (Response response = raw("GET", "/calls", null, null, null)) {
            assertEquals(401, response.code());
            assertTrue(response.body().string().contains("authorization"));
        }
    }

    @Test
    void dialWithoutUseCaseUsesTheNumbersDefaultAndWalksToCompleted() throws Exception {
        DialResponse answer = client.dialOutbound(dialTo("+14155550125")
                .params(Json.mapper().readTree("{\"patient_name\":\"Ada\",\"clinic\":\"Mercy\"}")).build());
        assertEquals("Appointment reminder", answer.useCase().name());
        assertEquals(START.toString(), answer.created());
        assertEquals(CallStatus.QUEUED, client.getCall(answer.id()).status());

        play(Duration.ofSeconds(3));
        assertEquals(CallStatus.RINGING, client.getCall(answer.id()).status());
        play(Duration.ofSeconds(6));
        Call live = client.getCall(answer.id());
        assertEquals(CallStatus.IN_PROGRESS, live.status());

        play(Duration.ofMinutes(4));
        Call done = client.getCall(answer.id());
        assertEquals(CallStatus.COMPLETED, done.status());
        assertEquals(CallSimulator.talkSecondsFor("+14155550125"), done.duration());
        assertEquals("+14155550125", done.to());
        assertEquals("+14155550100", done.from());
        assertEquals("Successful", done.classification().tag());

        Transcript transcript = client.getTranscript(answer.id());
        assertTrue(transcript.messages().size() >= 4);
        assertTrue(transcript.messages().get(0).content().contains("calling Ada on behalf of Mercy"),
                transcript.messages().get(0).content());
        assertTrue(transcript.messages().get(1).content().contains("Hi Ada"));
    }

    @Test
    void maxDurationCapsTheCall() throws SQLException {
        DialResponse answer = client.dialOutbound(dialTo("+14155550125").maxDurationMins(1).build());
        play(Duration.ofMinutes(5));
        Call done = client.getCall(answer.id());
        assertEquals(1, done.maxDurationMins());
        assertTrue(done.duration() <= 60, "duration " + done.duration());
    }

    @Test
    void durationLimitFallsBackFromDialToUseCaseToTenMinutes() {
        String berlin = "640000000000000000000004"; // its default use case sets no limit
        assertEquals(10, client.getCall(client.dialOutbound(dialTo("+4915112345675").numberId(berlin).build()).id())
                .maxDurationMins());
        assertEquals(5, client.getCall(client.dialOutbound(dialTo("+14155550125").build()).id()).maxDurationMins());
        assertEquals(2, client.getCall(client.dialOutbound(dialTo("+14155550125").maxDurationMins(2).build()).id())
                .maxDurationMins());
    }

    @ParameterizedTest
    @CsvSource({"+14155550120, Busy", "+14155550121, No answer", "+14155550122, AMD Terminated",
        "+14155550123, Failed", "+14155550124, Transferred", "+14155550129, Completed"})
    void outcomeFollowsTheCalleesLastDigit(String phone, String status) throws SQLException {
        DialResponse answer = client.dialOutbound(dialTo(phone).build());
        play(Duration.ofMinutes(5));
        assertEquals(status, client.getCall(answer.id()).status().wireName());
    }

    @Test
    void scheduledCallWaitsForItsTimeAcrossARestart() throws Exception {
        Instant at = START.plus(Duration.ofHours(2));
        DialResponse answer = client.dialOutbound(dialTo("+14155550125").scheduledFor(at).build());
        play(Duration.ofMinutes(5));
        Call waiting = client.getCall(answer.id());
        assertEquals(CallStatus.SCHEDULED, waiting.status());
        assertEquals(at.toString(), waiting.scheduledFor());

        restart();
        assertEquals(CallStatus.SCHEDULED, client.getCall(answer.id()).status());
        clock.set(at);
        sandbox.advance();
        assertEquals(CallStatus.QUEUED, client.getCall(answer.id()).status());
    }

    @Test
    void callsMadeWhileDownCatchUpOnStart() throws Exception {
        DialResponse answer = client.dialOutbound(dialTo("+14155550125").build());
        client.close();
        sandbox.close();
        clock.advance(Duration.ofHours(1));
        start();
        assertEquals(CallStatus.COMPLETED, client.getCall(answer.id()).status());
    }

    @Test
    void cancelOnlyBeforeDialling() throws SQLException {
        DialResponse scheduled = client.dialOutbound(dialTo("+14155550125").scheduledFor(START.plusSeconds(600)).build());
        client.cancelCall(scheduled.id());
        assertEquals(CallStatus.CANCELED, client.getCall(scheduled.id()).status());
        play(Duration.ofMinutes(15));
        assertEquals(CallStatus.CANCELED, client.getCall(scheduled.id()).status(), "a cancelled call never fires");

        DialResponse done = client.dialOutbound(dialTo("+14155550125").build());
        play(Duration.ofMinutes(5));
        DialServiceException.Rejected e = assertThrows(DialServiceException.Rejected.class,
                () -> client.cancelCall(done.id()));
        assertEquals(409, e.status());
        assertTrue(e.serverMessage().contains("only Scheduled or Queued"), e.serverMessage());
    }

    @Test
    void stopEndsALiveCallOnly() throws SQLException {
        DialResponse answer = client.dialOutbound(dialTo("+14155550125").build());
        assertEquals(409, assertThrows(DialServiceException.Rejected.class, () -> client.stopCall(answer.id())).status());
        play(Duration.ofSeconds(20));
        assertEquals(CallStatus.IN_PROGRESS, client.getCall(answer.id()).status());
        client.stopCall(answer.id());
        Call stopped = client.getCall(answer.id());
        assertEquals(CallStatus.COMPLETED, stopped.status());
        assertTrue(stopped.duration() > 0 && stopped.duration() < 20, "duration " + stopped.duration());
    }

    @Test
    void unknownCallIs404() {
        assertThrows(DialServiceException.NotFound.class, () -> client.getCall("650000000000000000000999"));
    }

    @Test
    void notesCanBeAddedChangedAndRemoved() {
        DialResponse answer = client.dialOutbound(dialTo("+14155550125").build());
        Call withNote = client.addNote(answer.id(), new NoteRequest("Call back after 5", true));
        assertEquals(1, withNote.notes().size());
        String noteId = withNote.notes().get(0).id();
        Call changed = client.updateNote(answer.id(), noteId, new NoteRequest("Called back", false));
        assertEquals("Called back", changed.notes().get(0).content());
        assertFalse(changed.notes().get(0).flagged());
        assertEquals(0, client.deleteNote(answer.id(), noteId).notes().size());
        assertThrows(DialServiceException.NotFound.class, () -> client.deleteNote(answer.id(), noteId));
        assertEquals(422, assertThrows(DialServiceException.Rejected.class,
                () -> client.addNote(answer.id(), new NoteRequest(" ", false))).status());
    }

    @Test
    void batchedDialCreatesEveryRowInOrder() {
        List<DialResponse> answers = client.dialBatched(List.of(dialTo("+14155550125").build(),
                dialTo("+14155550126").numberId(COLLECTIONS).build()));
        assertEquals(2, answers.size());
        assertEquals("Payment follow-up", answers.get(1).useCase().name());
        assertEquals(2, client.listCalls(CallQuery.all()).count());
    }

    // ---- the sandbox's own validation: requests a careless client could send ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"number_id\":\"640000000000000000000001\"}                                            | 422 | phone_number",
        "{\"number_id\":\"64000000000000000000001\",\"phone_number\":\"+14155550125\"}           | 422 | number_id",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"(415) 555-0125\"}        | 422 | phone_number",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"language\":\"en\"}  | 422 | language",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"metadata\":[1]}     | 422 | metadata",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"max_duration_mins\":0}   | 422 | max_duration_mins",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"max_duration_mins\":2.5} | 422 | max_duration_mins",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"scheduled_for\":\"2020-01-01T00:00:00Z\"} | 422 | scheduled_for",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"scheduled_for\":\"tomorrow\"}  | 422 | scheduled_for",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":14155550125}               | 422 | phone_number",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"model\":\"Turbo\"}  | 422 | model",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"model_id\":\"670000000000000000000002\"} | 422 | model_id",
        "{\"number_id\":\"640000000000000000000099\",\"phone_number\":\"+14155550125\"}          | 404 | number_id",
        "{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\",\"agent_id\":\"660000000000000000000099\"} | 404 | agent_id",
    })
    void dialRulesAreCheckedByTheServiceItself(String body, int status, String field) throws IOException {
        JsonNode answer;
        try (Response response = raw("POST", "/dial/outbound", "application/json", body, KEY)) {
            assertEquals(status, response.code());
            answer = Json.mapper().readTree(response.body().string());
        }
        assertNotNull(answer.get("message"));
        Set<String> fields = StreamSupport.stream(answer.path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).collect(Collectors.toSet());
        assertTrue(fields.contains(field), answer.toString());
    }

    @Test
    void malformedInputNeverGets500() throws IOException {
        assertEquals(400, raw("POST", "/dial/outbound", "application/json", "{\"number_id\": ", KEY).code());
        assertEquals(400, raw("POST", "/dial/outbound", "application/json", "[1,2]", KEY).code());
        assertEquals(400, raw("POST", "/dial/outbound", "application/json", "", KEY).code());
        assertEquals(415, raw("POST", "/dial/outbound", "text/plain", "{}", KEY).code());
        assertEquals(413, raw("POST", "/dial/outbound", "application/json", "{\"x\":\"" + "a".repeat(1_100_000) + "\"}", KEY).code());
        assertEquals(405, raw("GET", "/dial/outbound", null, null, KEY).code());
        assertEquals(404, raw("GET", "/nothing-here", null, null, KEY).code());
        assertEquals(400, raw("GET", "/calls?limit=2001", null, null, KEY).code());
        assertEquals(400, raw("GET", "/calls?limit=abc", null, null, KEY).code());
        assertEquals(400, raw("GET", "/calls?statuses=Done", null, null, KEY).code());
        assertEquals(400, raw("GET", "/calls?from=yesterday", null, null, KEY).code());
        assertEquals(400, raw("GET", "/calls?search=%E0%A4%A", null, null, KEY).code());
        assertEquals(413, raw("POST", "/dial/outbound-batched", "application/json",
                "[" + "{},".repeat(SandboxService.MAX_BATCH) + "{}]", KEY).code());
        JsonNode batch = rawJson(raw("POST", "/dial/outbound-batched", "application/json",
                "[{\"number_id\":\"640000000000000000000001\",\"phone_number\":\"+14155550125\"},{\"phone_number\":\"1\"}]", KEY));
        assertEquals("[1].number_id", batch.path("errors").get(0).path("field").asText());
        assertEquals(0, client.listCalls(CallQuery.all()).count(), "a batch with a bad row creates nothing");
    }

    // ---- history: paging and filters ----

    @Test
    void pagingAndFilters() throws Exception {
        sandbox.addDemoCalls(600, 42);
        client.dialOutbound(dialTo("+14155550125").campaignId("launch-day")
                .params(Json.mapper().readTree("{\"patient_name\":\"Zelda Quux\"}")).build());

        CallPage first = client.listCalls(CallQuery.builder().limit(50).build());
        assertEquals(601, first.count());
        assertEquals(50, first.calls().size());
        assertEquals("+14155550125", first.calls().get(0).to(), "newest first by default");

        CallPage later = client.listCalls(CallQuery.builder().limit(50).skip(50).build());
        assertEquals(50, later.offset());
        assertTrue(Instant.parse(later.calls().get(0).created())
                .compareTo(Instant.parse(first.calls().get(49).created())) <= 0);

        CallPage asc = client.listCalls(CallQuery.builder().limit(1).sort(CallQuery.Sort.asc).build());
        assertFalse(asc.calls().get(0).to().equals("+14155550125"));

        CallPage busyOrFailed = client.listCalls(CallQuery.builder().statuses(List.of("Busy", "Failed")).build());
        assertTrue(busyOrFailed.count() > 0);
        assertTrue(busyOrFailed.calls().stream().allMatch(c -> c.status() == CallStatus.BUSY || c.status() == CallStatus.FAILED));

        assertEquals(1, client.listCalls(CallQuery.builder().campaigns(List.of("launch-day")).build()).count());
        assertEquals(1, client.listCalls(CallQuery.builder().search("+1 415 555 0125").build()).count());
        assertEquals(1, client.listCalls(CallQuery.builder().search("zelda").build()).count());
        CallPage reminders = client.listCalls(CallQuery.builder().useCases(List.of(SandboxOrganisation.REMINDER)).build());
        assertTrue(reminders.calls().stream().allMatch(c -> c.useCase().id().equals(SandboxOrganisation.REMINDER)));

        LocalDate today = LocalDate.ofInstant(START, ZoneOffset.UTC);
        CallPage todayOnly = client.listCalls(CallQuery.builder().from(today).to(today).build());
        assertTrue(todayOnly.calls().stream().allMatch(c -> c.created().startsWith(today.toString())));
        assertEquals(0, client.listCalls(CallQuery.builder().type("Inbound").build()).count());
    }

    // ---- fault injection ----

    @Test
    void injected500IsRetriedForReadsAndFinallyReported() throws Exception {
        restartWith(new FaultPlan(1, 0, 0, 0, 0, 0, 1));
        assertEquals(500, assertThrows(DialServiceException.ServerError.class, client::listNumbers).status());
        assertThrows(DialServiceException.OutcomeUncertain.class, () -> client.dialOutbound(dialTo("+14155550125").build()));
    }

    @Test
    void injected429CarriesRetryAfter() throws Exception {
        restartWith(new FaultPlan(0, 1, 0, 0, 0, 0, 45));
        DialServiceException.RateLimited e = assertThrows(DialServiceException.RateLimited.class, client::listNumbers);
        assertEquals(Duration.ofSeconds(45), e.retryAfter().orElseThrow());
    }

    @Test
    void injectedResetLeavesNoCall() throws Exception {
        restartWith(new FaultPlan(0, 0, 1, 0, 0, 0, 1));
        assertThrows(DialServiceException.OutcomeUncertain.class, () -> client.dialOutbound(dialTo("+14155550125").build()));
        assertEquals(0, sandbox.callCount());
    }

    @Test
    void injectedDropAfterProcessingCreatesTheCallTheClientNeverHearsOf() throws Exception {
        restartWith(new FaultPlan(0, 0, 0, 0, 1, 0, 1));
        assertThrows(DialServiceException.OutcomeUncertain.class, () -> client.dialOutbound(dialTo("+14155550125").build()));
        assertEquals(1, sandbox.callCount(), "the call exists: resending it would ring twice");
    }

    @Test
    void injectedSlownessTimesOutAsUncertain() throws Exception {
        restartWith(new FaultPlan(0, 0, 0, 1, 0, 1500, 1));
        client.close();
        client = clientFor(sandbox, KEY, Duration.ofMillis(300));
        assertThrows(DialServiceException.OutcomeUncertain.class, () -> client.dialOutbound(dialTo("+14155550125").build()));
    }

    void restartWith(FaultPlan faults) throws Exception {
        client.close();
        sandbox.close();
        startWith(faults);
    }

    @Test
    void faultSpecsParse() {
        FaultPlan plan = FaultPlan.parse("500=0.1, 429=0.2,reset=0.05,slow=0.1,drop=0.05,slow-ms=300,retry-after=4");
        assertEquals(0.2, plan.rateLimited());
        assertEquals(300, plan.slowMillis());
        assertEquals(FaultPlan.Fault.SERVER_ERROR, plan.pick(0.05));
        assertEquals(FaultPlan.Fault.RATE_LIMITED, plan.pick(0.25));
        assertEquals(FaultPlan.Fault.NONE, plan.pick(0.99));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("500=0.9,429=0.2"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("teapot=1"));
    }
}
