package org.dialdesk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The dial service's HTTP API. Thread-safe; one instance per profile.
 *
 * <p>Reads are retried on 429, 5xx and failed connections. A dial is repeated only when the
 * request provably never left this machine: the service does not dedupe, so a resent dial can ring
 * a person twice. When a dial was sent and no clear answer came back, the caller gets
 * {@link DialServiceException.OutcomeUncertain}.
 */
public final class DialClient implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MESSAGE_LIMIT = 300;

    private final ClientConfig config;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final DialRequestValidator validator;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();
    private final String userAgent = "DialDesk/" + DialDeskVersion.get();

    /** Waits between retries; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A client that really waits between retries; {@code clock} tells "now" for its checks and Retry-After dates. */
    public DialClient(ClientConfig config, Clock clock) {
        this(config, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    /** What a whole call may take beyond its connect, write and read timeouts together. */
    static final Duration CALL_MARGIN = Duration.ofSeconds(2);

    public DialClient(ClientConfig config, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.baseUrl = HttpUrl.get(config.baseUrl());
        this.validator = new DialRequestValidator(clock);
        this.sleeper = sleeper;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // The read timeout is per read: an answer trickled in byte by byte would keep a request out
                // for ever (and a bulk run waiting on it). The whole call gets the three and a little more.
                .callTimeout(callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // OkHttp would otherwise silently resend a POST on a stale pooled connection.
                .retryOnConnectionFailure(false)
                // A redirected POST may be replayed elsewhere; the contract has none.
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListenerFactory(call -> {
                    SendTracker tracker = call.request().tag(SendTracker.class);
                    return tracker != null ? tracker : EventListener.NONE;
                })
                .build();
    }

    /** The longest a request is waited on, from its start to its answer, before it is given up. */
    public Duration callTimeout() {
        return config.connectTimeout().plus(config.writeTimeout()).plus(config.readTimeout()).plus(CALL_MARGIN);
    }

    public ClientConfig config() {
        return config;
    }

    // ---- dials ----

    /** {@code POST /dial/outbound}, after checking every rule of the contract. */
    public DialResponse dialOutbound(DialRequest request) {
        validator.requireValid(request);
        return send(post("dial/outbound", request), Kind.DIAL, new TypeReference<DialResponse>() { });
    }

    /** {@code POST /dial/outbound-batched}: all rows are checked first; one bad row sends nothing. */
    public List<DialResponse> dialBatched(List<DialRequest> requests) {
        if (requests.isEmpty()) {
            throw new DialServiceException.InvalidRequest(List.of(new FieldError("", "A batch needs at least one call.")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int row = 0; row < requests.size(); row++) {
            for (FieldError error : validator.validate(requests.get(row))) {
                errors.add(new FieldError("[" + row + "]." + error.field(), error.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new DialServiceException.InvalidRequest(errors);
        }
        return send(post("dial/outbound-batched", requests), Kind.DIAL, new TypeReference<List<DialResponse>>() { });
    }

    // ---- calls ----

    public CallPage listCalls(CallQuery query) {
        HttpUrl.Builder url = url("calls");
        for (Map.Entry<String, String> parameter : query.toParameters().entrySet()) {
            url.addQueryParameter(parameter.getKey(), parameter.getValue());
        }
        return send(get(url.build()), Kind.READ, new TypeReference<CallPage>() { });
    }

    public Call getCall(String callId) {
        return send(get(url("calls", id(callId)).build()), Kind.READ, new TypeReference<Call>() { });
    }

    public Transcript getTranscript(String callId) {
        return send(get(url("calls", id(callId), "transcript").build()), Kind.READ, new TypeReference<Transcript>() { });
    }

    /** Cancels a Scheduled or Queued call; the service answers 409 (as {@code Rejected}) otherwise. */
    public void cancelCall(String callId) {
        send(post(url("calls", id(callId), "cancel").build(), null), Kind.WRITE, null);
    }

    /** Hangs up a call in progress. */
    public void stopCall(String callId) {
        send(post(url("calls", id(callId), "stop").build(), null), Kind.WRITE, null);
    }

    public Call addNote(String callId, NoteRequest note) {
        return send(post(url("calls", id(callId), "notes").build(), note), Kind.WRITE, new TypeReference<Call>() { });
    }

    public Call updateNote(String callId, String noteId, NoteRequest note) {
        Request request = builder(url("calls", id(callId), "notes", id(noteId)).build())
                .patch(jsonBody(note)).build();
        return send(request, Kind.WRITE, new TypeReference<Call>() { });
    }

    public Call deleteNote(String callId, String noteId) {
        Request request = builder(url("calls", id(callId), "notes", id(noteId)).build()).delete().build();
        return send(request, Kind.WRITE, new TypeReference<Call>() { });
    }

    // ---- pickers ----

    public List<CallerNumber> listNumbers() {
        return send(get(url("numbers").build()), Kind.READ, new TypeReference<List<CallerNumber>>() { });
    }

    /** All use cases, hidden ones included; pickers leave those out. */
    public List<UseCase> listUseCases() {
        return send(get(url("use-cases").build()), Kind.READ, new TypeReference<List<UseCase>>() { });
    }

    public List<Agent> listAgents() {
        return send(get(url("agents").build()), Kind.READ, new TypeReference<List<Agent>>() { });
    }

    /** Models of a use case; {@code status} null for all, e.g. {@link CallModel#STATUS_ACTIVE}. */
    public List<CallModel> listModels(String useCaseId, String status) {
        HttpUrl.Builder url = url("models");
        if (useCaseId != null) {
            url.addQueryParameter("use_case_id", useCaseId);
        }
        if (status != null) {
            url.addQueryParameter("status", status);
        }
        return send(get(url.build()), Kind.READ, new TypeReference<List<CallModel>>() { });
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- plumbing ----

    /** What may be repeated: reads always, writes and dials only when nothing was sent. */
    private enum Kind { READ, WRITE, DIAL }

    /** Notes whether OkHttp began writing the request, i.e. whether it may have reached the service. */
    private static final class SendTracker extends EventListener {
        private volatile boolean requestStarted;

        @Override
        public void requestHeadersStart(okhttp3.Call call) {
            requestStarted = true;
        }
    }

    private static String id(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An ID is required");
        }
        return value.strip();
    }

    private HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        for (String segment : segments) {
            if (segment.contains("/")) {
                url.addPathSegments(segment);
            } else {
                url.addPathSegment(segment);
            }
        }
        return url;
    }

    private Request.Builder builder(HttpUrl url) {
        return new Request.Builder().url(url)
                .header("authorization", "Bearer " + config.apiKey().reveal())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json");
    }

    private Request get(HttpUrl url) {
        return builder(url).get().build();
    }

    private Request post(String path, Object body) {
        return post(url(path).build(), body);
    }

    private Request post(HttpUrl url, Object body) {
        return builder(url).post(body == null ? RequestBody.create(new byte[0], null) : jsonBody(body)).build();
    }

    private RequestBody jsonBody(Object body) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Could not write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T send(Request template, Kind kind, TypeReference<T> answerType) {
        int maxAttempts = config.retryPolicy().maxAttempts();
        for (int attempt = 1; ; attempt++) {
            SendTracker tracker = new SendTracker();
            Request request = template.newBuilder().tag(SendTracker.class, tracker).build();
            DialServiceException failure;
            try (Response response = http.newCall(request).execute()) {
                if (response.isSuccessful()) {
                    return read(response, kind, answerType);
                }
                failure = statusFailure(response, kind);
            } catch (IOException e) {
                failure = ioFailure(e, tracker.requestStarted, kind, request);
            }
            Duration wait = retryDelay(failure, kind, attempt, maxAttempts);
            if (wait == null) {
                throw failure;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /** How long to wait before the next attempt, or null when this failure is final. */
    private Duration retryDelay(DialServiceException failure, Kind kind, int attempt, int maxAttempts) {
        if (attempt >= maxAttempts || !failure.isRetryable()) {
            return null;
        }
        boolean neverSent = failure instanceof DialServiceException.NetworkFailure;
        if (kind != Kind.READ && !neverSent) {
            return null;
        }
        ClientConfig.RetryPolicy policy = config.retryPolicy();
        if (failure instanceof DialServiceException.RateLimited limited && limited.retryAfter().isPresent()) {
            Duration retryAfter = limited.retryAfter().get();
            return retryAfter.compareTo(policy.maxRetryAfter()) <= 0 ? retryAfter : null;
        }
        long base = policy.baseDelay().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, policy.maxDelay().toMillis());
        // "Equal jitter": at least half the backoff, so retries from many consoles spread out.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private <T> T read(Response response, Kind kind, TypeReference<T> answerType) throws IOException {
        ResponseBody body = response.body();
        if (answerType == null) {
            return null;
        }
        String text = body == null ? "" : body.string();
        try {
            return mapper.readValue(text, answerType);
        } catch (JsonProcessingException e) {
            String problem = "the service answered " + response.code() + " but its answer could not be read ("
                    + e.getOriginalMessage() + ")";
            if (kind == Kind.READ) {
                throw new DialServiceException.ReadFailure("Unexpected answer: " + problem, null);
            }
            throw new DialServiceException.OutcomeUncertain("The request reached the service but "
                    + problem + ". Check call history before sending it again.", null);
        }
    }

    private DialServiceException ioFailure(IOException e, boolean requestStarted, Kind kind, Request request) {
        String what = request.method() + " " + request.url().encodedPath();
        String reason = describe(e);
        if (!requestStarted) {
            return new DialServiceException.NetworkFailure("Could not reach the dial service at " + baseUrl.host()
                    + ":" + baseUrl.port() + " (" + reason + "). Nothing was sent.", e);
        }
        if (kind == Kind.READ) {
            return new DialServiceException.ReadFailure("The answer to " + what + " did not arrive (" + reason + ").", e);
        }
        return new DialServiceException.OutcomeUncertain("The request " + what + " was sent but no answer came back ("
                + reason + "). It may have been carried out: check call history before sending it again.", null);
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "timed out";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private DialServiceException statusFailure(Response response, Kind kind) {
        int status = response.code();
        String bodyText = bodyText(response);
        ServerMessage server = parseServerMessage(bodyText);
        String message = server.message == null ? "HTTP " + status : server.message;
        DialServiceException failure;
        if (status == 401) {
            failure = new DialServiceException.Unauthorized(status,
                    "The service did not accept the API key (401): check the key of this profile. " + message);
        } else if (status == 403) {
            failure = new DialServiceException.Unauthorized(status,
                    "The API key has no access to this (403): " + message);
        } else if (status == 404) {
            failure = new DialServiceException.NotFound("Not found (404): " + message, server.fieldErrors);
        } else if (status == 429) {
            failure = new DialServiceException.RateLimited(retryAfter(response),
                    "The service is busy and asked to slow down (429). " + message);
        } else if (status >= 500) {
            DialServiceException.ServerError serverError =
                    new DialServiceException.ServerError(status, "The service failed (" + status + "): " + message);
            // A 5xx after the service read a dial does not prove the call was not created.
            failure = kind == Kind.READ ? serverError : new DialServiceException.OutcomeUncertain(
                    "The service answered " + status + " after receiving the request; it may have been carried out. "
                            + "Check call history before sending it again. (" + message + ")", serverError);
        } else if (status >= 300 && status < 400) {
            failure = new DialServiceException.Rejected(status, "Unexpected redirect to "
                    + response.header("Location", "nowhere") + "; check the profile's base URL.", List.of());
        } else {
            failure = new DialServiceException.Rejected(status, message, server.fieldErrors);
        }
        return failure;
    }

    private String bodyText(Response response) {
        try {
            ResponseBody body = response.body();
            return body == null ? "" : config.apiKey().redactIn(body.string());
        } catch (IOException e) {
            return "";
        }
    }

    private record ServerMessage(String message, List<FieldError> fieldErrors) {
    }

    /** No error body is documented: try {@code message}, then {@code error}, then the raw text. */
    private ServerMessage parseServerMessage(String bodyText) {
        String trimmed = bodyText.strip();
        if (trimmed.isEmpty()) {
            return new ServerMessage(null, List.of());
        }
        try {
            JsonNode json = mapper.readTree(trimmed);
            List<FieldError> fieldErrors = new ArrayList<>();
            JsonNode errors = json.path("errors");
            if (errors.isArray()) {
                for (JsonNode error : errors) {
                    if (error.hasNonNull("message")) {
                        fieldErrors.add(new FieldError(error.path("field").asText(""), shorten(error.get("message").asText())));
                    }
                }
            }
            for (String field : List.of("message", "error", "detail")) {
                JsonNode value = json.path(field);
                if (value.isTextual() && !value.asText().isBlank()) {
                    return new ServerMessage(shorten(value.asText()), fieldErrors);
                }
                if (value.isObject() && value.path("message").isTextual()) {
                    return new ServerMessage(shorten(value.path("message").asText()), fieldErrors);
                }
            }
            return new ServerMessage(shorten(trimmed), fieldErrors);
        } catch (IOException e) {
            return new ServerMessage(shorten(trimmed), List.of());
        }
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MESSAGE_LIMIT ? oneLine : oneLine.substring(0, MESSAGE_LIMIT) + "…";
    }

    /** {@code Retry-After} as seconds or an HTTP date; absent or unreadable gives null. */
    private Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
