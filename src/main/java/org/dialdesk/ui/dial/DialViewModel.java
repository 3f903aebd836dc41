package org.dialdesk.ui.dial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.dialdesk.api.Agent;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallModel;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialRequestValidator;
import org.dialdesk.api.DialResponse;
import org.dialdesk.api.FieldError;
import org.dialdesk.api.Json;
import org.dialdesk.api.Language;
import org.dialdesk.api.LegacyModel;
import org.dialdesk.api.ScheduleTimes;
import org.dialdesk.api.UseCase;
import org.dialdesk.api.RequestRendering;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.DialField;
import org.dialdesk.domain.JsonText;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.TemplateVariables;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.service.DialService;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.domain.DialDraft;
import org.dialdesk.domain.DialMemory;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The dial form: every field of {@code POST /dial/outbound}, checked as the operator types, the
 * exact request it will send, and the dial itself. A dial whose outcome is unknown is never
 * sent again without the operator saying so; the form keeps its contents whatever happens.
 */
public final class DialViewModel {

    public enum Outcome { NONE, CREATED, REJECTED, NOT_SENT, UNCERTAIN, FOUND_AFTER_ALL }

    /** Calling-hours rule and default country, from settings. */
    public record Rules(String defaultCountry, LocalTime callingHoursStart, LocalTime callingHoursEnd) {
        public CallingHours callingHours() {
            return new CallingHours(callingHoursStart, callingHoursEnd);
        }
    }

    static final String NUMBER = "number_id";
    static final String PHONE = "phone_number";
    static final String USE_CASE = "use_case_id";
    static final String AGENT = "agent_id";
    static final String MODEL = "model_id";
    static final String PARAMS = "params";
    static final String METADATA = "metadata";
    static final String MAX_DURATION = "max_duration_mins";
    static final String SCHEDULE = "scheduled_for";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");
    private static final ObjectMapper MAPPER = Json.mapper();

    private final OrgDirectory directory;
    private final DialService dialService;
    private final TaskRunner runner;
    private final Clock clock;
    private final Rules rules;
    private final CalleeZones calleeZones;
    private final Consumer<DialMemory> keeper;
    private final DialRequestValidator validator;
    private DialMemory memory;

    // ---- inputs ----
    private final StringProperty numberId = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty useCaseId = new SimpleStringProperty("");
    private final StringProperty agentId = new SimpleStringProperty("");
    private final StringProperty modelId = new SimpleStringProperty("");
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final StringProperty params = new SimpleStringProperty("");
    private final ObservableList<MetadataRow> metadataRows = FXCollections.observableArrayList(
            row -> new Observable[] {row.keyProperty(), row.valueProperty()});
    private final BooleanProperty metadataJsonMode = new SimpleBooleanProperty(false);
    private final StringProperty metadataJson = new SimpleStringProperty("");
    private final StringProperty campaign = new SimpleStringProperty("");
    private final StringProperty promptId = new SimpleStringProperty("");
    private final StringProperty maxDuration = new SimpleStringProperty("");
    private final BooleanProperty scheduleLater = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalDate> scheduleDate = new SimpleObjectProperty<>();
    private final StringProperty scheduleTime = new SimpleStringProperty("");
    private final ObjectProperty<ZoneId> scheduleZone = new SimpleObjectProperty<>();
    private final ObjectProperty<ZoneId> calleeZone = new SimpleObjectProperty<>();
    private final StringProperty assistantId = new SimpleStringProperty("");
    private final StringProperty voiceId = new SimpleStringProperty("");
    private final ObjectProperty<LegacyModel> legacyModel = new SimpleObjectProperty<>();

    // ---- picker lists ----
    private final ObservableList<CallerNumber> numbers = FXCollections.observableArrayList();
    private final ObservableList<UseCase> useCases = FXCollections.observableArrayList();
    private final ObservableList<Agent> agents = FXCollections.observableArrayList();
    private final ObservableList<CallModel> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper numbersProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper useCasesProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper agentsProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper modelsProblem = new ReadOnlyStringWrapper();
    private final ObservableList<String> recentCampaigns = FXCollections.observableArrayList();

    // ---- outputs ----
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    // Read-only views made once: JavaFX ties a wrapper to its source with a weak listener, so a
    // wrapper made afresh per call, with nothing else holding it, goes silent after a collection.
    private final ObservableMap<String, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
    private final Map<String, String> serverErrors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper phoneSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper languageDefault = new ReadOnlyStringWrapper("Use case default");
    private final ReadOnlyStringWrapper paramsStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<String> templateVariables = FXCollections.observableArrayList();
    private final ObservableList<String> templateVariablesView = FXCollections.unmodifiableObservableList(templateVariables);
    private final ReadOnlyStringWrapper missingVariables = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper templatePreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scheduleSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper callingHoursWarning = new ReadOnlyStringWrapper();
    private final ObservableList<ZoneId> calleeZoneChoices = FXCollections.observableArrayList();
    private final ObservableList<ZoneId> calleeZoneChoicesView = FXCollections.unmodifiableObservableList(calleeZoneChoices);
    private final ReadOnlyStringWrapper requestPreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper curl = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper inFlight = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.NONE);
    private final ReadOnlyStringWrapper outcomeMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper createdCallId = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper checkingHistory = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canDial;

    /** The lists the pickers show: the directory's listeners and this form's own request both bring them. */
    private OrgDirectory.Snapshot shownLists;
    private DialRequest request;
    /** The last dial sent: the same request again needs "Dial again", so a double click cannot ring twice. */
    private DialRequest lastSent;
    /** The dial whose outcome is unknown: the same request cannot be sent by the plain Dial command. */
    private DialOutcome.Uncertain uncertain;
    private boolean restoring;

    /**
     * @param clock  "now", in the zone the operator types schedules in by default
     * @param stored the draft, recent campaigns and last choices as last kept (read off the UI thread)
     * @param keeper keeps them as they change (saved off the UI thread, the newest wins)
     */
    public DialViewModel(DialService dialService, OrgDirectory directory, TaskRunner runner, Clock clock, Rules rules,
                         CalleeZones calleeZones, DialMemory stored, Consumer<DialMemory> keeper) {
        this.directory = directory;
        this.dialService = dialService;
        // Another screen's reload shows here too; the directory calls back on a worker thread.
        directory.onReload(lists -> runner.later(Duration.ZERO, () -> showLists(lists)));
        this.runner = runner;
        this.clock = clock;
        this.rules = rules;
        this.calleeZones = calleeZones;
        this.keeper = keeper;
        this.validator = new DialRequestValidator(clock);
        this.canDial = Bindings.createBooleanBinding(() -> valid.get() && !inFlight.get() && !isRepeatOfLastDial(),
                valid, inFlight, outcome);
        scheduleZone.set(clock.getZone());
        restore(stored);

        Observable[] inputs = {numberId, phone, useCaseId, agentId, modelId, language, params, metadataRows,
            metadataJsonMode, metadataJson, campaign, promptId, maxDuration, scheduleLater, scheduleDate,
            scheduleTime, scheduleZone, calleeZone, assistantId, voiceId, legacyModel, useCases};
        for (Observable input : inputs) {
            input.addListener(changed -> onInput());
        }
        useCaseId.addListener((obs, old, now) -> loadModels());
        recompute();
    }

    private boolean isRepeatOfLastDial() {
        if (request == null) {
            return false;
        }
        return switch (outcome.get()) {
            case UNCERTAIN -> uncertain != null && request.equals(uncertain.request());
            case CREATED, FOUND_AFTER_ALL -> request.equals(lastSent);
            default -> false;
        };
    }

    // ================= commands =================

    /** Fills the four pickers from the profile's lists, loading them if no screen has yet. */
    public void loadPickers() {
        runner.run(directory::lists, this::showLists, this::listsFailed);
    }

    /** Loads the pickers' lists again (every screen showing them hears of it). */
    public void refreshPickers() {
        runner.run(directory::reload, this::showLists, this::listsFailed);
    }

    /** A list that failed leaves its picker open to a typed ID. */
    private void showLists(OrgDirectory.Snapshot lists) {
        if (lists == shownLists) {
            return;
        }
        shownLists = lists;
        show(lists.numbers(), numbers, numbersProblem, "caller numbers");
        show(new OrgDirectory.Listing<>(lists.useCases().items().stream().filter(u -> !u.isHidden()).toList(),
                lists.useCases().problem()), useCases, useCasesProblem, "use cases");
        show(lists.agents(), agents, agentsProblem, "agents");
        loadModels();
    }

    private void listsFailed(Throwable failure) {
        String problem = ErrorMessages.describe(failure);
        for (ReadOnlyStringWrapper each : List.of(numbersProblem, useCasesProblem, agentsProblem)) {
            each.set(typeTheId("lists", problem));
        }
    }

    private static <T> void show(OrgDirectory.Listing<T> listing, ObservableList<T> target,
                                 ReadOnlyStringWrapper problem, String what) {
        if (!target.equals(listing.items())) {
            target.setAll(listing.items());
        }
        problem.set(listing.ok() ? null : typeTheId(what, listing.problem()));
    }

    private static String typeTheId(String what, String problem) {
        return "The " + what + " could not be loaded (" + problem + "). Type or paste the 24-character ID instead.";
    }

    private void loadModels() {
        String useCase = clean(useCaseId.get());
        if (useCase == null || useCase.length() != DialRequestValidator.ID_LENGTH) {
            models.clear();
            modelsProblem.set(null);
            return;
        }
        runner.run(() -> directory.activeModelsOf(useCase), items -> {
            if (useCase.equals(clean(useCaseId.get()))) { // not an answer for a use case since left
                models.setAll(items);
                modelsProblem.set(null);
            }
        }, failure -> modelsProblem.set(typeTheId("models", ErrorMessages.describe(failure))));
    }

    /** Places the call. Does nothing unless the form is valid and no dial is under way. */
    public void dial() {
        if (!canDial.get()) {
            return;
        }
        send(request);
    }

    /** The operator's explicit choice to send a dial whose earlier attempt is uncertain. */
    public void dialAgainAnyway() {
        if (outcome.get() != Outcome.UNCERTAIN || request == null || inFlight.get() || !valid.get()) {
            return;
        }
        uncertain = null;
        send(request);
    }

    private void send(DialRequest toSend) {
        lastSent = toSend;
        inFlight.set(true);
        outcome.set(Outcome.NONE);
        outcomeMessage.set("Dialling " + toSend.phoneNumber() + "…");
        createdCallId.set(null);
        runner.run(() -> dialService.send(toSend), this::sent, failure -> {
            // DialService turns every failure into an outcome; this is a bug, and the dial may have gone.
            sent(new DialOutcome.Uncertain(toSend, ErrorMessages.describe(failure), clock.instant()));
        });
    }

    private void sent(DialOutcome result) {
        inFlight.set(false);
        serverErrors.clear();
        if (result instanceof DialOutcome.Created created) {
            created(created.request(), created.response());
        } else if (result instanceof DialOutcome.Uncertain unknown) {
            uncertain = unknown;
            outcomeMessage.set("Outcome unknown: " + unknown.message() + " Checking call history…");
            outcome.set(Outcome.UNCERTAIN);
            checkHistory();
            return;
        } else if (result instanceof DialOutcome.Rejected rejected) {
            rejected.fieldErrors().forEach(e -> serverErrors.put(fieldKey(e.field()), e.message()));
            outcomeMessage.set("The service refused the call: " + rejected.message()
                    + (rejected.fieldErrors().isEmpty() ? "" : " See the marked fields."));
            outcome.set(Outcome.REJECTED);
        } else if (result instanceof DialOutcome.NeverSent neverSent) {
            neverSent.fieldErrors().forEach(e -> serverErrors.put(fieldKey(e.field()), e.message()));
            outcomeMessage.set(neverSent.invalid() ? "Nothing was sent: fix the marked fields."
                    : "Not placed: " + neverSent.message());
            outcome.set(Outcome.NOT_SENT);
        }
        recompute();
    }

    private void created(DialRequest sent, DialResponse response) {
        uncertain = null;
        createdCallId.set(response.id());
        String useCase = response.useCase() == null ? "" : " · use case " + response.useCase().name();
        outcomeMessage.set("Call created: " + response.id() + " · " + describeCreated(response.created()) + useCase
                + (sent.scheduledFor() != null ? " · scheduled for " + sent.scheduledFor() : ""));
        outcome.set(Outcome.CREATED);
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put(NUMBER, sent.numberId());
        choices.put(USE_CASE, sent.useCaseId());
        choices.put(AGENT, sent.agentId());
        choices.put(MODEL, sent.modelId());
        memory = memory.afterDial(sent.campaignId(), choices);
        recentCampaigns.setAll(memory.recentCampaigns());
        keeper.accept(memory);
    }

    private static String describeCreated(String created) {
        return created == null ? "created" : "created " + created;
    }

    private static String fieldKey(String field) {
        return field == null ? "" : field;
    }

    /** Looks in call history for the uncertain dial: a call to the same number made since the attempt. */
    public void checkHistory() {
        if (uncertain == null || checkingHistory.get()) {
            return;
        }
        DialOutcome.Uncertain sought = uncertain;
        checkingHistory.set(true);
        runner.run(() -> dialService.lookUp(sought), lookUp -> {
            checkingHistory.set(false);
            if (uncertain != sought) {
                return; // the operator moved on meanwhile
            }
            if (lookUp.found().isPresent()) {
                Call found = lookUp.found().get();
                uncertain = null;
                createdCallId.set(found.id());
                outcomeMessage.set("The call went through after all: " + found.id() + " (" + found.status()
                        .wireName() + "). It was not sent again.");
                outcome.set(Outcome.FOUND_AFTER_ALL);
            } else {
                outcomeMessage.set("No call to " + sought.request().phoneNumber() + " shows in call history since "
                        + LocalTime.ofInstant(lookUp.since(), clock.getZone()).format(TIME)
                        + ". It may not have been placed, or may not show yet. Check again, or dial again "
                        + "anyway if you are sure it was not placed.");
            }
        }, failure -> {
            checkingHistory.set(false);
            outcomeMessage.set("Outcome unknown, and call history could not be checked: "
                    + ErrorMessages.describe(failure) + " Do not dial again until you know.");
        });
    }

    /** Empties the form; pickers go back to the last choices that placed a call. */
    public void clear() {
        restoring = true;
        try {
            numberId.set(memory.lastChoices().getOrDefault(NUMBER, ""));
            useCaseId.set(memory.lastChoices().getOrDefault(USE_CASE, ""));
            agentId.set(memory.lastChoices().getOrDefault(AGENT, ""));
            modelId.set(memory.lastChoices().getOrDefault(MODEL, ""));
            phone.set("");
            language.set(null);
            params.set("");
            metadataRows.clear();
            metadataJsonMode.set(false);
            metadataJson.set("");
            campaign.set("");
            promptId.set("");
            maxDuration.set("");
            scheduleLater.set(false);
            scheduleDate.set(null);
            scheduleTime.set("");
            scheduleZone.set(clock.getZone());
            calleeZone.set(null);
            assistantId.set("");
            voiceId.set("");
            legacyModel.set(null);
        } finally {
            restoring = false;
        }
        resetOutcome();
        onInput();
    }

    /** Fills the form from an earlier call ("Dial again" in history); nothing is sent. */
    public void prefill(Call call) {
        restoring = true;
        try {
            numbers.stream().filter(n -> n.number() != null && n.number().equals(call.from())).findFirst()
                    .ifPresent(n -> numberId.set(n.id()));
            phone.set(call.to() == null ? "" : call.to());
            useCaseId.set(call.useCase() == null ? "" : call.useCase().id());
            agentId.set(call.agent() == null ? "" : call.agent().id());
            modelId.set("");
            language.set(Language.fromTag(call.language()).orElse(null));
            params.set(call.params() == null || call.params().isMissingNode() ? "" : call.params().toPrettyString());
            List<MetadataRow> rows = new ArrayList<>();
            if (call.metadata() != null) {
                call.metadata().fields().forEachRemaining(e -> {
                    // The service adds these itself; they are not the operator's metadata.
                    if (!Set.of("call_sid", "from", "to", "tags").contains(e.getKey()) && e.getValue().isValueNode()) {
                        rows.add(new MetadataRow(e.getKey(), e.getValue().asText()));
                    }
                });
            }
            metadataRows.setAll(rows);
            metadataJsonMode.set(false);
            metadataJson.set("");
            campaign.set(call.campaignId() == null ? "" : call.campaignId());
            promptId.set(call.promptId() == null ? "" : call.promptId());
            maxDuration.set(call.maxDurationMins() == null ? "" : call.maxDurationMins().toString());
            scheduleLater.set(false);
            calleeZone.set(null);
        } finally {
            restoring = false;
        }
        resetOutcome();
        onInput();
    }

    /** After a call was placed: ready to place another with the same details. */
    public void dialAgain() {
        resetOutcome();
    }

    private void resetOutcome() {
        uncertain = null;
        lastSent = null;
        serverErrors.clear();
        createdCallId.set(null);
        outcomeMessage.set("");
        outcome.set(Outcome.NONE);
    }

    /** Rewrites the params text as indented JSON; leaves it alone if it is not valid JSON. */
    public void formatParams() {
        String text = params.get();
        if (text == null || text.isBlank()) {
            return;
        }
        // Text that is not JSON stays as it is: the status line already says where it breaks.
        params.set(JsonText.indent(text));
    }

    /** Switches metadata between key/value rows and raw JSON, carrying the content across. */
    public void setMetadataJsonMode(boolean json) {
        if (json == metadataJsonMode.get()) {
            return;
        }
        if (json) {
            ObjectNode object = MAPPER.createObjectNode();
            metadataRows.forEach(row -> {
                if (!row.key().isBlank()) {
                    object.put(row.key().strip(), row.value());
                }
            });
            metadataJson.set(object.isEmpty() ? "" : object.toPrettyString());
            metadataJsonMode.set(true);
            return;
        }
        JsonNode parsed = parseMetadataJson();
        if (parsed == null && !metadataJson.get().isBlank()) {
            return; // the error stays shown; switching would lose the text
        }
        List<MetadataRow> rows = new ArrayList<>();
        if (parsed != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = parsed.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isContainerNode()) {
                    errors.put(METADATA, "\"" + entry.getKey() + "\" holds nested JSON, which rows cannot show; "
                            + "stay in JSON mode to keep it.");
                    return;
                }
                rows.add(new MetadataRow(entry.getKey(), entry.getValue().asText()));
            }
        }
        metadataRows.setAll(rows);
        metadataJsonMode.set(false);
    }

    public void addMetadataRow() {
        metadataRows.add(new MetadataRow("", ""));
    }

    public void removeMetadataRow(MetadataRow row) {
        metadataRows.remove(row);
    }

    // ================= derived state =================

    private void onInput() {
        if (restoring) {
            return;
        }
        if (!serverErrors.isEmpty() && outcome.get() != Outcome.NONE) {
            serverErrors.clear();
        }
        recompute();
        memory = memory.withDraft(toDraft());
        keeper.accept(memory);
    }

    private void recompute() {
        Map<String, String> found = new LinkedHashMap<>();
        UseCase chosenUseCase = useCases.stream().filter(u -> u.id().equals(clean(useCaseId.get()))).findFirst().orElse(null);

        languageDefault.set(chosenUseCase != null && chosenUseCase.language() != null
                ? "Use case default (" + chosenUseCase.language() + ")" : "Use case default");

        PhoneCheck.Result phoneResult = PhoneCheck.check(phone.get(), rules.defaultCountry());
        phoneSummary.set(phoneResult.summary());
        if (!phoneResult.ok()) {
            found.put(PHONE, phoneResult.problem());
        }

        JsonNode paramsJson = parseParams(found);
        templateVariables.setAll(chosenUseCase == null ? List.of() : TemplateVariables.of(chosenUseCase.prompt()));
        List<String> missing = TemplateVariables.missing(templateVariables, paramsJson);
        missingVariables.set(missing.isEmpty() || templateVariables.isEmpty() ? null
                : "The template also uses " + String.join(", ", missing.stream().map(v -> "{{" + v + "}}").toList())
                        + "; the agent will see them empty.");
        templatePreview.set(chosenUseCase == null ? "" : TemplateVariables.fill(chosenUseCase.prompt(), paramsJson));

        JsonNode metadata = metadataJsonMode.get() ? parseMetadataJsonInto(found) : metadataFromRows(found);
        Integer maxMinutes = parseMaxDuration(found);
        Instant scheduledFor = scheduleLater.get() ? parseSchedule(found) : null;
        describeSchedule(phoneResult, scheduledFor);

        DialRequest built = DialRequest.builder()
                .numberId(numberId.get()).phoneNumber(phoneResult.ok() ? phoneResult.e164() : phone.get())
                .useCaseId(useCaseId.get()).agentId(agentId.get()).modelId(modelId.get())
                .language(language.get() == null ? null : language.get().tag())
                .params(paramsJson).metadata(metadata).campaignId(campaign.get()).promptId(promptId.get())
                .scheduledFor(scheduledFor).maxDurationMins(maxMinutes)
                .assistantId(assistantId.get()).voiceId(voiceId.get())
                .model(legacyModel.get() == null ? null : legacyModel.get().name())
                .build();
        for (FieldError error : validator.validate(built)) {
            found.putIfAbsent(error.field(), error.message());
        }
        serverErrors.forEach(found::putIfAbsent);

        errors.keySet().retainAll(found.keySet());
        errors.putAll(found);
        boolean ok = found.isEmpty();
        request = ok ? built : null;
        valid.set(ok);
        requestPreview.set(ok ? RequestRendering.prettyJson(built) : "Fix the marked fields to see the request that will be sent.\n\n"
                + String.join("\n", found.entrySet().stream().map(e -> "• " + label(e.getKey()) + ": " + e.getValue())
                .toList()));
        curl.set(ok ? RequestRendering.curl(dialService.baseUrl(), built) : "");
        canDial.invalidate();
    }

    private JsonNode parseParams(Map<String, String> found) {
        JsonText.Read read = JsonText.read(params.get());
        if (read.blank()) {
            paramsStatus.set("Empty: no params are sent.");
            return null;
        }
        if (!read.ok()) {
            String where = capitalised(read.problem().where());
            paramsStatus.set(where + ": " + read.problem().message());
            found.put(PARAMS, "Params are not valid JSON (" + where + "): " + read.problem().message());
            return null;
        }
        paramsStatus.set(read.value().isNull() ? "null: sent as an explicit null." : "Valid JSON.");
        return read.value();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private JsonNode metadataFromRows(Map<String, String> found) {
        ObjectNode object = MAPPER.createObjectNode();
        Set<String> seen = new LinkedHashSet<>();
        for (MetadataRow row : metadataRows) {
            String key = row.key().strip();
            if (key.isEmpty()) {
                if (!row.value().isBlank()) {
                    found.put(METADATA, "A metadata value has no key; give it a name or remove the row.");
                }
                continue;
            }
            if (!seen.add(key)) {
                found.put(METADATA, "The metadata key \"" + key + "\" is used twice.");
            }
            object.put(key, row.value());
        }
        return object.isEmpty() ? null : object;
    }

    private JsonNode parseMetadataJson() {
        JsonNode node = JsonText.read(metadataJson.get()).value();
        return node != null && node.isObject() ? node : null;
    }

    private JsonNode parseMetadataJsonInto(Map<String, String> found) {
        JsonText.Read read = JsonText.read(metadataJson.get());
        if (!read.ok()) {
            found.put(METADATA, "Metadata is not valid JSON (" + read.problem().where() + "): " + read.problem().message());
        }
        return read.value(); // the validator explains a non-object
    }

    private Integer parseMaxDuration(Map<String, String> found) {
        String text = clean(maxDuration.get());
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            found.put(MAX_DURATION, "Maximum duration is a whole number of minutes, e.g. 5; leave it empty for the "
                    + "use case's limit (or 10 minutes).");
            return null;
        }
    }

    private Instant parseSchedule(Map<String, String> found) {
        if (scheduleDate.get() == null) {
            found.put(SCHEDULE, "Choose the date to call on.");
            return null;
        }
        LocalTime time;
        try {
            time = LocalTime.parse(clean(scheduleTime.get()) == null ? "" : scheduleTime.get().strip(), TIME);
        } catch (DateTimeParseException e) {
            found.put(SCHEDULE, "Write the time as hours and minutes, e.g. 9:30 or 14:05.");
            return null;
        }
        ZoneId zone = scheduleZone.get() == null ? clock.getZone() : scheduleZone.get();
        try {
            return ScheduleTimes.toInstant(scheduleDate.get().atTime(time), zone);
        } catch (IllegalArgumentException e) {
            found.put(SCHEDULE, e.getMessage().replaceFirst("Say which by adding the offset, e\\.g\\..*$",
                    "Pick a time outside the change, e.g. an hour later."));
            return null;
        }
    }

    /** What will be sent as UTC, and what time it will be for the callee, against calling hours. */
    private void describeSchedule(PhoneCheck.Result phoneResult, Instant scheduledFor) {
        Instant when = scheduledFor != null ? scheduledFor : clock.instant();
        String utc = scheduledFor != null ? "Sends scheduled_for " + scheduledFor + " (UTC)" : "Dials now";
        CallingHours.Check check = rules.callingHours().check(phoneResult, when, calleeZone.get(), calleeZones);
        List<ZoneId> choices = List.of();
        if (check instanceof CallingHours.Check.ZoneNeeded needed) {
            choices = needed.choices();
            scheduleSummary.set(utc);
            callingHoursWarning.set(needed.warning());
        } else if (check instanceof CallingHours.Check.CalleeTime time) {
            choices = time.choices();
            scheduleSummary.set(utc + " · callee's time " + time.local().format(LOCAL) + " ("
                    + time.local().getZone().getId() + ")");
            callingHoursWarning.set(time.warning().orElse(null));
        } else {
            scheduleSummary.set(utc);
            callingHoursWarning.set(null);
        }
        if (!calleeZoneChoices.equals(choices)) {
            calleeZoneChoices.setAll(choices);
        }
    }

    /** Names the operator sees for fields, in messages listing several problems. */
    public static String label(String field) {
        return DialField.labelOf(field);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ================= draft =================

    private DialDraft toDraft() {
        return new DialDraft(numberId.get(), phone.get(), useCaseId.get(), agentId.get(), modelId.get(),
                language.get() == null ? null : language.get().tag(), params.get(),
                metadataRows.stream().map(r -> new DialDraft.MetadataEntry(r.key(), r.value())).toList(),
                metadataJsonMode.get(), metadataJson.get(), campaign.get(), promptId.get(), maxDuration.get(),
                scheduleLater.get(), scheduleDate.get() == null ? null : scheduleDate.get().toString(),
                scheduleTime.get(), scheduleZone.get() == null ? null : scheduleZone.get().getId(),
                calleeZone.get() == null ? null : calleeZone.get().getId(), assistantId.get(), voiceId.get(),
                legacyModel.get() == null ? null : legacyModel.get().name());
    }

    private void restore(DialMemory loaded) {
        memory = loaded;
        recentCampaigns.setAll(loaded.recentCampaigns());
        DialDraft d = loaded.draft();
        restoring = true;
        try {
            if (d == null) {
                numberId.set(loaded.lastChoices().getOrDefault(NUMBER, ""));
                useCaseId.set(loaded.lastChoices().getOrDefault(USE_CASE, ""));
                agentId.set(loaded.lastChoices().getOrDefault(AGENT, ""));
                modelId.set(loaded.lastChoices().getOrDefault(MODEL, ""));
                return;
            }
            numberId.set(nonNull(d.numberId()));
            phone.set(nonNull(d.phone()));
            useCaseId.set(nonNull(d.useCaseId()));
            agentId.set(nonNull(d.agentId()));
            modelId.set(nonNull(d.modelId()));
            language.set(Language.fromTag(d.language()).orElse(null));
            params.set(nonNull(d.params()));
            metadataRows.setAll(d.metadata().stream().map(e -> new MetadataRow(e.key(), e.value())).toList());
            metadataJsonMode.set(d.metadataJsonMode());
            metadataJson.set(nonNull(d.metadataJson()));
            campaign.set(nonNull(d.campaign()));
            promptId.set(nonNull(d.promptId()));
            maxDuration.set(nonNull(d.maxDuration()));
            scheduleLater.set(d.scheduleLater());
            scheduleDate.set(d.scheduleDate() == null ? null : LocalDate.parse(d.scheduleDate()));
            scheduleTime.set(nonNull(d.scheduleTime()));
            scheduleZone.set(zoneOrNull(d.scheduleZone(), clock.getZone()));
            calleeZone.set(zoneOrNull(d.calleeZone(), null));
            assistantId.set(nonNull(d.assistantId()));
            voiceId.set(nonNull(d.voiceId()));
            legacyModel.set(d.legacyModel() == null ? null : LegacyModel.parse(d.legacyModel()).orElse(null));
        } catch (DateTimeParseException e) {
            scheduleDate.set(null);
        } finally {
            restoring = false;
        }
    }

    private static ZoneId zoneOrNull(String id, ZoneId fallback) {
        try {
            return id == null ? fallback : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    // ================= properties =================

    public StringProperty numberIdProperty() { return numberId; }
    public StringProperty phoneProperty() { return phone; }
    public StringProperty useCaseIdProperty() { return useCaseId; }
    public StringProperty agentIdProperty() { return agentId; }
    public StringProperty modelIdProperty() { return modelId; }
    public ObjectProperty<Language> languageProperty() { return language; }
    public StringProperty paramsProperty() { return params; }
    public ObservableList<MetadataRow> metadataRows() { return metadataRows; }
    public ReadOnlyBooleanProperty metadataJsonModeProperty() { return metadataJsonMode; }
    public StringProperty metadataJsonProperty() { return metadataJson; }
    public StringProperty campaignProperty() { return campaign; }
    public StringProperty promptIdProperty() { return promptId; }
    public StringProperty maxDurationProperty() { return maxDuration; }
    public BooleanProperty scheduleLaterProperty() { return scheduleLater; }
    public ObjectProperty<LocalDate> scheduleDateProperty() { return scheduleDate; }
    public StringProperty scheduleTimeProperty() { return scheduleTime; }
    public ObjectProperty<ZoneId> scheduleZoneProperty() { return scheduleZone; }
    public ObjectProperty<ZoneId> calleeZoneProperty() { return calleeZone; }
    public StringProperty assistantIdProperty() { return assistantId; }
    public StringProperty voiceIdProperty() { return voiceId; }
    public ObjectProperty<LegacyModel> legacyModelProperty() { return legacyModel; }

    public ObservableList<CallerNumber> numbers() { return numbers; }
    public ObservableList<UseCase> useCases() { return useCases; }
    public ObservableList<Agent> agents() { return agents; }
    public ObservableList<CallModel> models() { return models; }
    public ObservableList<String> recentCampaigns() { return recentCampaigns; }
    public ReadOnlyStringProperty numbersProblemProperty() { return numbersProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty useCasesProblemProperty() { return useCasesProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty agentsProblemProperty() { return agentsProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelsProblemProperty() { return modelsProblem.getReadOnlyProperty(); }

    /** Field (its JSON name) to the problem with it; empty when the form is valid. */
    public ObservableMap<String, String> errors() { return errorsView; }
    public ReadOnlyStringProperty phoneSummaryProperty() { return phoneSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty languageDefaultProperty() { return languageDefault.getReadOnlyProperty(); }
    public ReadOnlyStringProperty paramsStatusProperty() { return paramsStatus.getReadOnlyProperty(); }
    public ObservableList<String> templateVariables() { return templateVariablesView; }
    public ReadOnlyStringProperty missingVariablesProperty() { return missingVariables.getReadOnlyProperty(); }
    public ReadOnlyStringProperty templatePreviewProperty() { return templatePreview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scheduleSummaryProperty() { return scheduleSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty callingHoursWarningProperty() { return callingHoursWarning.getReadOnlyProperty(); }
    public ObservableList<ZoneId> calleeZoneChoices() { return calleeZoneChoicesView; }
    public ReadOnlyStringProperty requestPreviewProperty() { return requestPreview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty curlProperty() { return curl.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty inFlightProperty() { return inFlight.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }
    public ReadOnlyStringProperty outcomeMessageProperty() { return outcomeMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty createdCallIdProperty() { return createdCallId.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty checkingHistoryProperty() { return checkingHistory.getReadOnlyProperty(); }
    public BooleanBinding canDialProperty() { return canDial; }

    /** The request as it stands, if the form is valid. */
    public Optional<DialRequest> request() { return Optional.ofNullable(request); }
}
