package org.dialdesk.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.time.DateTimeException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonLocation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The dial-service contract, request in, answer out, with no HTTP in sight: routing, validation
 * of every request on its own terms (a client can be wrong), and the JSON the service answers.
 */
final class SandboxService {
    static final int MAX_BATCH = 500;
    static final int MAX_DURATION_MINS = 240;
    /** Metadata keys the service fills in on every call. */
    static final List<String> SERVICE_METADATA = List.of("call_sid", "from", "to");
    private static final Map<String, String> SERVICE_METADATA_MEANING = Map.of("call_sid", "the carrier's call ID",
            "from", "the caller number", "to", "the callee's number");
    static final int MAX_LIMIT = 2000;
    static final int DEFAULT_DURATION_MINS = 10;
    private static final String UNKNOWN_ID = "there is no ";

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern CALL = Pattern.compile("/calls/([^/]+)");
    private static final Pattern CALL_ACTION = Pattern.compile("/calls/([^/]+)/(transcript|cancel|stop|notes)");
    private static final Pattern NOTE = Pattern.compile("/calls/([^/]+)/notes/([^/]+)");
    private static final Pattern NUMBER = Pattern.compile("/numbers/([^/]+)");
    private static final Pattern USE_CASE = Pattern.compile("/use-cases/([^/]+)");
    private static final Set<String> LANGUAGES = Set.of("en-US", "en-GB", "es-MX", "es-ES", "pt-PT", "de-DE",
            "fr-FR", "pl-PL", "ro-RO", "it-IT");
    private static final Set<String> STRING_FIELDS = Set.of("number_id", "phone_number", "assistant_id", "voice_id",
            "model", "prompt_id", "use_case_id", "agent_id", "model_id", "language", "campaign_id", "scheduled_for");

    record Request(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    }

    record Response(int status, JsonNode body) {
    }

    private final SandboxStore store;
    private final CallSimulator simulator;
    private final SandboxOrganisation org;
    private final Transcripts transcripts;
    private final ObjectMapper mapper;
    private final Ids ids = new Ids();

    SandboxService(SandboxStore store, CallSimulator simulator, SandboxOrganisation org, ObjectMapper mapper) {
        this.store = store;
        this.simulator = simulator;
        this.org = org;
        this.mapper = mapper;
        this.transcripts = new Transcripts(org, simulator, mapper);
    }

    Response handle(Request request) throws SQLException {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        String method = request.method();
        Matcher m;
        switch (path) {
            case "/dial/outbound":
                requireMethod(method, "POST");
                return ok(dial(readJson(request)));
            case "/dial/outbound-batched":
                requireMethod(method, "POST");
                return ok(dialBatched(readJson(request)));
            case "/calls":
                requireMethod(method, "GET");
                return ok(listCalls(request.query()));
            case "/numbers":
                requireMethod(method, "GET");
                return ok(array(org.numbers.stream().map(n -> org.numberJson(mapper, n)).toList()));
            case "/use-cases":
                requireMethod(method, "GET");
                return ok(array(org.useCases.stream().map(u -> org.useCaseJson(mapper, u)).toList()));
            case "/agents":
                requireMethod(method, "GET");
                return ok(array(org.agents.stream().map(a -> org.agentJson(mapper, a)).toList()));
            case "/models":
                requireMethod(method, "GET");
                return ok(listModels(request.query()));
            default:
                break;
        }
        if ((m = NOTE.matcher(path)).matches()) {
            return switch (method) {
                case "PATCH" -> ok(updateNote(m.group(1), m.group(2), readJson(request)));
                case "DELETE" -> ok(deleteNote(m.group(1), m.group(2)));
                default -> throw methodNotAllowed(method, "PATCH, DELETE");
            };
        }
        if ((m = CALL_ACTION.matcher(path)).matches()) {
            String action = m.group(2);
            requireMethod(method, action.equals("transcript") ? "GET" : "POST");
            CallRecord call = call(m.group(1));
            return switch (action) {
                case "transcript" -> ok(transcripts.of(call));
                case "cancel" -> ok(save(simulator.cancel(call)));
                case "stop" -> ok(save(simulator.stop(call)));
                default -> ok(addNote(call, readJson(request)));
            };
        }
        if ((m = CALL.matcher(path)).matches()) {
            requireMethod(method, "GET");
            return ok(callJson(call(m.group(1))));
        }
        if ((m = NUMBER.matcher(path)).matches()) {
            requireMethod(method, "GET");
            String id = m.group(1);
            return ok(org.numberJson(mapper, org.number(id)
                    .orElseThrow(() -> ApiError.notFound("No number with id " + id))));
        }
        if ((m = USE_CASE.matcher(path)).matches()) {
            requireMethod(method, "GET");
            String id = m.group(1);
            return ok(org.useCaseJson(mapper, org.useCase(id)
                    .orElseThrow(() -> ApiError.notFound("No use case with id " + id))));
        }
        throw ApiError.notFound("No such endpoint: " + method + " " + path);
    }

    // ---- dials ----

    private JsonNode dial(JsonNode body) throws SQLException {
        if (!body.isObject()) {
            throw ApiError.badRequest("The body of /dial/outbound must be a JSON object, not " + kind(body));
        }
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        CallRecord call = checkDial((ObjectNode) body, "", problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        CallRecord placed = simulator.place(call);
        store.insert(placed);
        return dialAnswer(placed);
    }

    private JsonNode dialBatched(JsonNode body) throws SQLException {
        if (!body.isArray()) {
            throw ApiError.badRequest("The body of /dial/outbound-batched must be a JSON array of dial objects");
        }
        if (body.isEmpty()) {
            throw new ApiError(422, "The batch is empty");
        }
        if (body.size() > MAX_BATCH) {
            throw new ApiError(413, "A batch holds at most " + MAX_BATCH + " calls; this one has " + body.size());
        }
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode row = body.get(i);
            if (!row.isObject()) {
                problems.add(new ApiError.FieldProblem("[" + i + "]", "must be a JSON object, not " + kind(row)));
                continue;
            }
            calls.add(checkDial((ObjectNode) row, "[" + i + "].", problems));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        List<CallRecord> placed = calls.stream().map(simulator::place).toList();
        store.insertAll(placed);
        return array(placed.stream().map(this::dialAnswer).toList());
    }

    /** Only IDs that name nothing: 404 saying which; any other problem: 422 with all of them. */
    private static ApiError invalid(List<ApiError.FieldProblem> problems) {
        if (problems.stream().allMatch(p -> p.message().startsWith(UNKNOWN_ID))) {
            return new ApiError(404, problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
        return new ApiError(422, problems.size() == 1 ? "Invalid request: " + problems.get(0).message()
                : "Invalid request: " + problems.size() + " problems", problems);
    }

    /** Checks one dial object; adds its problems and returns the call it describes (null if unusable). */
    private CallRecord checkDial(ObjectNode body, String prefix, List<ApiError.FieldProblem> problems) {
        int before = problems.size();
        for (String field : STRING_FIELDS) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                problems.add(new ApiError.FieldProblem(prefix + field, "must be a string, not " + kind(value)));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String numberId = text(body, "number_id");
        SandboxOrganisation.Number number = null;
        if (numberId == null) {
            problems.add(new ApiError.FieldProblem(prefix + "number_id", "is required"));
        } else if (numberId.length() != 24) {
            problems.add(new ApiError.FieldProblem(prefix + "number_id", "must be 24 characters long"));
        } else {
            number = org.number(numberId).orElse(null);
            if (number == null) {
                problems.add(new ApiError.FieldProblem(prefix + "number_id", UNKNOWN_ID + "number with id " + numberId
                        + " in this organisation"));
            }
        }
        String phone = text(body, "phone_number");
        if (phone == null) {
            problems.add(new ApiError.FieldProblem(prefix + "phone_number", "is required"));
        } else if (!E164.matcher(phone).matches()) {
            problems.add(new ApiError.FieldProblem(prefix + "phone_number",
                    "must be an E.164 number such as +14155550123"));
        }
        String useCaseId = text(body, "use_case_id");
        if (useCaseId == null) {
            useCaseId = text(body, "assistant_id");
        }
        SandboxOrganisation.UseCase useCase = null;
        if (useCaseId != null) {
            useCase = known(prefix, body.has("use_case_id") ? "use_case_id" : "assistant_id", useCaseId,
                    org.useCase(useCaseId).orElse(null), "use case", problems);
        } else if (number != null) {
            useCase = org.useCase(number.defaultUseCaseId()).orElseThrow();
        }
        String agentId = text(body, "agent_id");
        SandboxOrganisation.Agent agent = agentId == null ? null
                : known(prefix, "agent_id", agentId, org.agent(agentId).orElse(null), "agent", problems);
        String modelId = text(body, "model_id");
        if (modelId != null) {
            SandboxOrganisation.Model model = known(prefix, "model_id", modelId, org.model(modelId).orElse(null),
                    "model", problems);
            if (model != null && useCase != null && !model.useCaseId().equals(useCase.id())) {
                problems.add(new ApiError.FieldProblem(prefix + "model_id", "model " + model.name()
                        + " belongs to another use case than " + useCase.name()));
            } else if (model != null && !model.status().equals("active")) {
                problems.add(new ApiError.FieldProblem(prefix + "model_id", "model " + model.name() + " is "
                        + model.status() + "; only active models take calls"));
            }
        }
        String language = text(body, "language");
        if (language != null && !LANGUAGES.contains(language)) {
            problems.add(new ApiError.FieldProblem(prefix + "language", "must be one of " + String.join(", ",
                    LANGUAGES.stream().sorted().toList())));
        }
        String legacyModel = text(body, "model");
        if (legacyModel != null && !List.of("Fast", "Balanced", "Robust").contains(legacyModel)) {
            problems.add(new ApiError.FieldProblem(prefix + "model", "must be Fast, Balanced or Robust"));
        }
        JsonNode metadata = body.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            problems.add(new ApiError.FieldProblem(prefix + "metadata", "must be a JSON object, not " + kind(metadata)));
        } else if (metadata != null && metadata.isObject()) {
            // The service writes these itself; a caller's own would pass for the call's real numbers.
            for (String own : SERVICE_METADATA) {
                if (metadata.has(own)) {
                    problems.add(new ApiError.FieldProblem(prefix + "metadata." + own, "is set by the service ("
                            + SERVICE_METADATA_MEANING.get(own) + "); keep your own value under another key"));
                }
            }
        }
        Long scheduledMs = null;
        String scheduledFor = text(body, "scheduled_for");
        if (scheduledFor != null) {
            try {
                scheduledMs = OffsetDateTime.parse(scheduledFor).toInstant().toEpochMilli();
                if (scheduledMs <= simulator.now()) {
                    problems.add(new ApiError.FieldProblem(prefix + "scheduled_for", "is in the past"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new ApiError.FieldProblem(prefix + "scheduled_for",
                        "must be an ISO 8601 UTC date-time such as 2026-12-01T15:30:00Z"));
            } catch (ArithmeticException e) {
                // A valid ISO year like +999999999 is beyond any clock's milliseconds.
                problems.add(new ApiError.FieldProblem(prefix + "scheduled_for",
                        "is too far ahead for any calendar: give a date-time such as 2026-12-01T15:30:00Z"));
                scheduledMs = null;
            }
        }
        Integer maxDuration = null;
        JsonNode duration = body.get("max_duration_mins");
        if (duration != null && !duration.isNull()) {
            if (!duration.isIntegralNumber() || !duration.canConvertToInt()) {
                problems.add(new ApiError.FieldProblem(prefix + "max_duration_mins", "must be a whole number of minutes"));
            } else if (duration.intValue() < 1 || duration.intValue() > MAX_DURATION_MINS) {
                problems.add(new ApiError.FieldProblem(prefix + "max_duration_mins",
                        "must be between 1 and " + MAX_DURATION_MINS));
            } else {
                maxDuration = duration.intValue();
            }
        }
        if (problems.size() > before || number == null || useCase == null) {
            return null;
        }
        long now = simulator.now();
        // The contract's order: the dial's own limit, else the use case's, else 10 minutes.
        int effectiveMax = maxDuration != null ? maxDuration
                : useCase.maxDurationMins() != null ? useCase.maxDurationMins() : DEFAULT_DURATION_MINS;
        String paramsJson = body.has("params") ? body.get("params").toString() : null;
        String metadataJson = metadata != null && metadata.isObject() ? metadata.toString() : "{}";
        String campaign = text(body, "campaign_id");
        return new CallRecord(ids.next(now), now, CallSimulator.QUEUED, "Outbound", number.id(), number.number(),
                phone, useCase.id(), (agent != null ? agent : org.defaultAgent(useCase)).id(), modelId, language, campaign,
                text(body, "prompt_id"), scheduledMs, effectiveMax, paramsJson, metadataJson,
                CallSimulator.outcomeFor(phone), CallSimulator.talkSecondsFor(phone), null, null, null, 0, "[]",
                searchText(phone, number.number(), campaign, body.get("params"), metadata));
    }

    private static <T> T known(String prefix, String field, String id, T found, String what,
                               List<ApiError.FieldProblem> problems) {
        if (id.length() != 24) {
            problems.add(new ApiError.FieldProblem(prefix + field, "must be 24 characters long"));
            return null;
        }
        if (found == null) {
            problems.add(new ApiError.FieldProblem(prefix + field, UNKNOWN_ID + what + " with id " + id + " in this organisation"));
        }
        return found;
    }

    /** Lower-case text the search box looks in: phones, campaign, tags (#tag#) and parameter values. */
    static String searchText(String to, String from, String campaign, JsonNode params, JsonNode metadata) {
        StringBuilder text = new StringBuilder().append(to).append(' ').append(from).append(' ');
        if (campaign != null) {
            text.append(campaign).append(' ');
        }
        if (params != null) {
            params.forEach(value -> text.append(value.isTextual() ? value.asText() : value.toString()).append(' '));
            if (params.isTextual()) {
                text.append(params.asText());
            }
        }
        if (metadata != null && metadata.path("tags").isArray()) {
            metadata.get("tags").forEach(tag -> text.append('#').append(tag.asText()).append("# "));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private JsonNode dialAnswer(CallRecord call) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("id", call.id()).put("organization_id", SandboxOrganisation.ORGANIZATION_ID);
        answer.set("metadata", parse(call.metadataJson()));
        answer.set("use_case", org.useCaseJson(mapper, org.useCase(call.useCaseId()).orElseThrow()));
        answer.put("created", iso(call.createdMs()));
        if (call.paramsJson() != null) {
            answer.set("params", parse(call.paramsJson()));
        }
        return SandboxOrganisation.withoutAbsentFields(answer);
    }

    // ---- calls ----

    private CallRecord call(String id) throws SQLException {
        return store.find(id).orElseThrow(() -> ApiError.notFound("No call with id " + id));
    }

    private JsonNode save(CallRecord call) throws SQLException {
        store.update(call);
        return callJson(call);
    }

    JsonNode callJson(CallRecord c) {
        SandboxOrganisation.UseCase useCase = org.useCase(c.useCaseId()).orElseThrow();
        ObjectNode node = mapper.createObjectNode();
        node.put("id", c.id()).put("organization_id", SandboxOrganisation.ORGANIZATION_ID).put("type", c.type())
                .put("status", c.status()).put("provider", "Twilio");
        ObjectNode metadata = mapper.createObjectNode();
        JsonNode custom = parse(c.metadataJson());
        custom.fields().forEachRemaining(e -> metadata.set(e.getKey(), e.getValue()));
        // The service's own fields last, so they win over any stored before callers were refused them.
        metadata.put("call_sid", "CA" + c.id()).put("from", c.fromNumber()).put("to", c.toNumber());
        if (!custom.path("tags").isArray()) {
            metadata.putArray("tags");
        }
        node.set("metadata", metadata);
        node.set("use_case", org.useCaseJson(mapper, useCase));
        if (c.agentId() != null) {
            SandboxOrganisation.Agent agent = org.agent(c.agentId()).orElseThrow();
            node.set("agent", mapper.createObjectNode().put("id", agent.id()).put("name", agent.name()));
        }
        node.put("language", c.language() != null ? c.language() : useCase.language());
        node.put("created", iso(c.createdMs()));
        if (c.paramsJson() != null) {
            node.set("params", parse(c.paramsJson()));
        }
        node.put("campaign_id", c.campaignId());
        node.put("scheduled_for", c.scheduledMs() == null ? null : iso(c.scheduledMs()));
        node.put("max_duration_mins", c.maxDurationMins());
        node.put("duration", CallSimulator.isTerminal(c.status()) ? c.durationSeconds() : simulator.elapsedTalkSeconds(c));
        node.put("prompt_id", c.promptId());
        node.set("extraction", transcripts.extraction(c));
        node.set("classification", transcripts.classification(c));
        node.set("notes", parse(c.notesJson()));
        node.putArray("ratings");
        node.putArray("viewed_by");
        return SandboxOrganisation.withoutAbsentFields(node);
    }

    private JsonNode listCalls(Map<String, String> query) throws SQLException {
        int limit = intParam(query, "limit", MAX_LIMIT, 1, MAX_LIMIT);
        int skip = intParam(query, "skip", 0, 0, Integer.MAX_VALUE);
        List<String> statuses = list(query, "statuses");
        for (String status : statuses) {
            if (!CallSimulator.ALL_STATUSES.contains(status)) {
                throw ApiError.badRequest("Unknown status \"" + status + "\"; statuses are "
                        + String.join(", ", CallSimulator.ALL_STATUSES));
            }
        }
        String type = query.get("type");
        if (type != null && !type.equals("Outbound") && !type.equals("Inbound")) {
            throw ApiError.badRequest("type is Outbound or Inbound");
        }
        String sort = query.getOrDefault("sort", "desc");
        if (!sort.equals("asc") && !sort.equals("desc")) {
            throw ApiError.badRequest("sort is asc or desc");
        }
        Long from = time(query, "from", false);
        Long to = time(query, "to", true);
        String search = query.get("search");
        if (search != null) {
            search = search.strip().toLowerCase(Locale.ROOT);
            if (search.matches("[+\\d][\\d\\s().-]*")) {
                search = search.replaceAll("[\\s().-]", "");
            }
            if (search.isEmpty()) {
                search = null;
            }
        }
        CallFilter filter = new CallFilter(statuses, list(query, "use_cases"), list(query, "campaigns"),
                list(query, "models"), list(query, "tags"), list(query, "ratings"), type, from, to, search,
                sort.equals("asc"), limit, skip);
        SandboxStore.Page page = store.query(filter);
        ObjectNode answer = mapper.createObjectNode();
        answer.set("calls", array(page.calls().stream().map(this::callJson).toList()));
        answer.put("count", page.count()).put("limit", limit).put("offset", skip);
        return answer;
    }

    private JsonNode listModels(Map<String, String> query) {
        String useCaseId = query.get("use_case_id");
        String status = query.get("status");
        if (status != null && !List.of("pending", "training", "active", "failed").contains(status)) {
            throw ApiError.badRequest("status is pending, training, active or failed");
        }
        return array(org.models.stream()
                .filter(m -> useCaseId == null || m.useCaseId().equals(useCaseId))
                .filter(m -> status == null || m.status().equals(status))
                .map(m -> org.modelJson(mapper, m)).toList());
    }

    // ---- notes ----

    private JsonNode addNote(CallRecord call, JsonNode body) throws SQLException {
        ObjectNode note = mapper.createObjectNode();
        note.put("id", ids.next(simulator.now()));
        note.put("content", noteContent(body, true));
        note.put("flagged", body.path("flagged").asBoolean(false));
        note.put("created", iso(simulator.now()));
        ArrayNode notes = (ArrayNode) parse(call.notesJson());
        notes.add(note);
        return save(call.withNotes(notes.toString()));
    }

    private JsonNode updateNote(String callId, String noteId, JsonNode body) throws SQLException {
        CallRecord call = call(callId);
        ArrayNode notes = (ArrayNode) parse(call.notesJson());
        ObjectNode note = findNote(notes, noteId);
        String content = noteContent(body, false);
        if (content != null) {
            note.put("content", content);
        }
        if (body.has("flagged")) {
            if (!body.get("flagged").isBoolean()) {
                throw new ApiError(422, "flagged must be true or false",
                        List.of(new ApiError.FieldProblem("flagged", "must be true or false")));
            }
            note.put("flagged", body.get("flagged").asBoolean());
        }
        return save(call.withNotes(notes.toString()));
    }

    private JsonNode deleteNote(String callId, String noteId) throws SQLException {
        CallRecord call = call(callId);
        ArrayNode notes = (ArrayNode) parse(call.notesJson());
        findNote(notes, noteId);
        for (Iterator<JsonNode> it = notes.iterator(); it.hasNext(); ) {
            if (it.next().path("id").asText().equals(noteId)) {
                it.remove();
            }
        }
        return save(call.withNotes(notes.toString()));
    }

    private static ObjectNode findNote(ArrayNode notes, String noteId) {
        for (JsonNode note : notes) {
            if (note.path("id").asText().equals(noteId)) {
                return (ObjectNode) note;
            }
        }
        throw ApiError.notFound("No note with id " + noteId + " on this call");
    }

    private static String noteContent(JsonNode body, boolean required) {
        if (!body.isObject()) {
            throw ApiError.badRequest("The body must be a JSON object {\"content\": \"…\", \"flagged\": false}");
        }
        JsonNode content = body.get("content");
        if (content == null || content.isNull()) {
            if (required) {
                throw new ApiError(422, "content is required", List.of(new ApiError.FieldProblem("content", "is required")));
            }
            return null;
        }
        if (!content.isTextual() || content.asText().isBlank() || content.asText().length() > 5000) {
            throw new ApiError(422, "content must be text of 1 to 5000 characters",
                    List.of(new ApiError.FieldProblem("content", "must be text of 1 to 5000 characters")));
        }
        return content.asText();
    }

    // ---- helpers ----

    private JsonNode readJson(Request request) {
        String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiError(415, "Send the body as application/json (Content-Type was "
                    + (type.isEmpty() ? "missing" : type) + ")");
        }
        if (request.body().length == 0) {
            throw ApiError.badRequest("The body is empty; send a JSON document");
        }
        try {
            JsonNode node = SandboxLimits.REQUESTS.readTree(request.body());
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("The body is empty; send a JSON document");
            }
            return node;
        } catch (StreamConstraintsException e) {
            // Past a limit the parser stops where it is, with no location to give.
            throw ApiError.badRequest("The JSON is over the service's limits (" + SandboxLimits.describe() + "): "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw ApiError.badRequest("Malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("Unreadable body: " + e.getMessage());
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw methodNotAllowed(method, allowed);
        }
    }

    private static ApiError methodNotAllowed(String method, String allowed) {
        return new ApiError(405, method + " is not allowed here; use " + allowed);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        return value.asText();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is corrupt", e);
        }
    }

    private ArrayNode array(List<? extends JsonNode> nodes) {
        ArrayNode array = mapper.createArrayNode();
        array.addAll(nodes);
        return array;
    }

    private static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static int intParam(Map<String, String> query, String name, int fallback, int min, int max) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min || parsed > max) {
                throw ApiError.badRequest(name + " must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, was \"" + value + "\"");
        }
    }

    private static List<String> list(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A date (whole UTC day; {@code to} inclusive) or an ISO instant. */
    private static Long time(Map<String, String> query, String name, boolean endOfDay) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest(name + " must be a date (2026-11-23) or an ISO date-time, was \"" + value + "\"");
            } catch (ArithmeticException | DateTimeException e) {
                throw outOfRange(name, value);
            }
        } catch (ArithmeticException | DateTimeException e) {
            throw outOfRange(name, value); // -999999999-01-01 is a date, but no call's
        }
    }

    private static ApiError outOfRange(String name, String value) {
        return ApiError.badRequest(name + " must be a date between 1970 and 9999, was \"" + value + "\"");
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.put(key, value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Malformed query string");
        }
    }
}
