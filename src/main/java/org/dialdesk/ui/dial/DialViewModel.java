package org.dialdesk.ui.dial;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.dialdesk.api.Agent;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallModel;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialRequestValidator;
import org.dialdesk.api.FieldError;
import org.dialdesk.api.Language;
import org.dialdesk.api.LegacyModel;
import org.dialdesk.api.UseCase;
import org.dialdesk.api.RequestRendering;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.domain.DialField;
import org.dialdesk.domain.DialDraft;
import org.dialdesk.domain.DialInputs;
import org.dialdesk.domain.JsonText;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.TemplateVariables;
import org.dialdesk.service.DialService;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.domain.DialMemory;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The dial form: every field of {@code POST /dial/outbound}, checked as the operator types, the
 * exact request it will send, and the dial itself. A dial whose outcome is unknown is never
 * sent again without the operator saying so; the form keeps its contents whatever happens.
 */
public final class DialViewModel {

    public enum Outcome { NONE, CREATED, REJECTED, NOT_SENT, UNCERTAIN, FOUND_AFTER_ALL }

    /**
     * From settings: the country national numbers are read in and the legal calling hours; from the
     * system: the locale whose short date form the schedule date may be typed in.
     */
    public record Rules(String defaultCountry, CallingHours callingHours, Locale dateLocale) {
        public Rules(String defaultCountry, LocalTime callingHoursStart, LocalTime callingHoursEnd, Locale dateLocale) {
            this(defaultCountry, new CallingHours(callingHoursStart, callingHoursEnd), dateLocale);
        }
    }

    // The fields' JSON names, from the one table the form's labels and the CLI's options come from too.
    static final String NUMBER = DialField.NUMBER.json();
    static final String PHONE = DialField.PHONE.json();
    static final String USE_CASE = DialField.USE_CASE.json();
    static final String AGENT = DialField.AGENT.json();
    static final String MODEL = DialField.MODEL.json();
    static final String PARAMS = DialField.PARAMS.json();
    static final String METADATA = DialField.METADATA.json();
    static final String MAX_DURATION = DialField.MAX_DURATION.json();
    static final String SCHEDULE = DialField.SCHEDULE.json();

    private final DialService dialService;
    private final Clock clock;
    private final Rules rules;
    private final ScheduleFields schedule;
    private final Consumer<DialMemory> keeper;
    private final Optional<ApiKey> sandboxKey;
    private final Optional<String> liveAccount;
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
    private final MetadataFields metadata = new MetadataFields();
    private final StringProperty campaign = new SimpleStringProperty("");
    private final StringProperty promptId = new SimpleStringProperty("");
    private final StringProperty maxDuration = new SimpleStringProperty("");
    private final StringProperty assistantId = new SimpleStringProperty("");
    private final StringProperty voiceId = new SimpleStringProperty("");
    private final ObjectProperty<LegacyModel> legacyModel = new SimpleObjectProperty<>();

    // ---- picker lists ----
    private final DialPickers pickers;
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
    private final ReadOnlyStringWrapper requestPreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper curl = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problemsSummary = new ReadOnlyStringWrapper("");
    /** The fields with problems, in the form's order; the summary's first is where "fix it" goes. */
    private final ObservableList<String> problemFields = FXCollections.observableArrayList();
    private final ObservableList<String> problemFieldsView = FXCollections.unmodifiableObservableList(problemFields);
    private final DialAttempt attempt;
    private final BooleanBinding canDial;

    private DialRequest request;
    /** The use case's {{variables}} the params give no value for: worth a question before dialing. */
    private List<String> leftEmpty = List.of();
    private boolean restoring;
    /** The form as it was before Clear or "Dial again" replaced it, while that can be undone. */
    private DialDraft replacedDraft;
    /** The form just after that replacement: once the operator types over it, Undo would lose their typing. */
    private DialDraft replacingDraft;
    private final ReadOnlyStringWrapper undoMessage = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper copyNotice = new ReadOnlyStringWrapper();

    /**
     * @param clock  "now", in the zone the operator types schedules in by default
     * @param stored the draft, recent campaigns and last choices as last kept (read off the UI thread)
     * @param keeper keeps them as they change (saved off the UI thread, the newest wins)
     * @param sandboxKey the sandbox's key, offered for copying beside a copied curl command; empty
     *                   for a real account, whose key is never shown
     */
    public DialViewModel(DialService dialService, OrgDirectory directory, TaskRunner runner, Clock clock, Rules rules,
                         CalleeZones calleeZones, DialMemory stored, Consumer<DialMemory> keeper,
                         Optional<ApiKey> sandboxKey) {
        this(dialService, directory, runner, clock, rules, calleeZones, stored, keeper, sandboxKey, Optional.empty());
    }

    /**
     * @param liveAccount the live profile's name, which the Dial button names ("Dial on Acme
     *                    production"); empty for the Sandbox
     */
    public DialViewModel(DialService dialService, OrgDirectory directory, TaskRunner runner, Clock clock, Rules rules,
                         CalleeZones calleeZones, DialMemory stored, Consumer<DialMemory> keeper,
                         Optional<ApiKey> sandboxKey, Optional<String> liveAccount) {
        this.liveAccount = liveAccount;
        this.dialService = dialService;
        this.pickers = new DialPickers(directory, runner, () -> clean(useCaseId.get()));
        this.clock = clock;
        this.rules = rules;
        this.schedule = new ScheduleFields(clock, rules.dateLocale(), new CallingRule(rules.callingHours(), calleeZones));
        this.keeper = keeper;
        this.sandboxKey = sandboxKey;
        this.validator = new DialRequestValidator(clock);
        this.attempt = new DialAttempt(dialService, runner, clock, new DialAttempt.Ending() {
            @Override
            public void placed(DialRequest sent) {
                rememberChoices(sent);
            }

            @Override
            public void fieldsNamed(List<FieldError> fields) {
                serverErrors.clear();
                fields.forEach(e -> serverErrors.put(e.field() == null ? "" : e.field(), e.message()));
                recompute();
            }
        });
        this.canDial = Bindings.createBooleanBinding(
                () -> valid.get() && !attempt.inFlightProperty().get() && !attempt.wouldRepeat(request),
                valid, attempt.inFlightProperty(), attempt.outcomeProperty());
        restore(stored);

        List<Observable> inputs = new ArrayList<>(List.of(numberId, phone, useCaseId, agentId, modelId, language, params,
                campaign, promptId, maxDuration,
                assistantId, voiceId, legacyModel, pickers.useCases()));
        inputs.addAll(schedule.inputs());
        inputs.addAll(metadata.inputs());
        for (Observable input : inputs) {
            input.addListener(changed -> onInput());
        }
        useCaseId.addListener((obs, old, now) -> pickers.loadModels());
        recompute();
    }

    // ================= commands =================

    /** Fills the four pickers from the profile's lists, loading them if no screen has yet. */
    public void loadPickers() {
        pickers.load();
    }

    /** Loads the pickers' lists again (every screen showing them hears of it). */
    public void refreshPickers() {
        pickers.reload();
    }

    /** Places the call. Does nothing unless the form is valid and no dial is under way. */
    public void dial() {
        if (canDial.get()) {
            serverErrors.clear();
            forgetReplaced();
            copyNotice.set(null);
            attempt.send(request);
        }
    }

    /** A question before a dial goes: its heading, and what the operator is asked. */
    public record Question(String header, String text) {
    }

    /**
     * What to ask the operator before this dial goes, if anything: it would ring outside calling
     * hours, or the agent would read the template with some of its variables empty. Empty when the
     * dial can go as it is.
     */
    public Optional<Question> questionBeforeDialing() {
        // Judged now, not when the form last changed: a form left open past 21:00 would otherwise
        // still count as inside calling hours.
        recompute();
        List<String> outsideHours = schedule.outsideHours();
        List<String> reasons = new ArrayList<>(outsideHours);
        if (!leftEmpty.isEmpty()) {
            reasons.add("The agent will see " + String.join(", ", leftEmpty.stream().map(v -> "{{" + v + "}}").toList())
                    + " empty.");
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        String header = !outsideHours.isEmpty() ? "This call would ring outside calling hours"
                : "Some of the template's variables are empty";
        return Optional.of(new Question(header, String.join("\n", reasons) + " Dial anyway?"));
    }

    /** The operator's explicit choice to send a dial whose earlier attempt is uncertain. */
    public void dialAgainAnyway() {
        if (attempt.uncertain() && request != null && !attempt.inFlightProperty().get() && valid.get()) {
            serverErrors.clear();
            attempt.send(request);
        }
    }

    /** After a call was placed: its campaign is offered first next time, its picks become the defaults. */
    private void rememberChoices(DialRequest sent) {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put(NUMBER, sent.numberId());
        choices.put(USE_CASE, sent.useCaseId());
        choices.put(AGENT, sent.agentId());
        choices.put(MODEL, sent.modelId());
        memory = memory.afterDial(sent.campaignId(), choices);
        recentCampaigns.setAll(memory.recentCampaigns());
        keeper.accept(memory);
    }

    /** Looks in call history again for the uncertain dial. */
    public void checkHistory() {
        attempt.checkHistory();
    }

    /** Empties the form; pickers go back to the last choices that placed a call. Undo brings the form back. */
    public void clear() {
        replaceForm("Form cleared.", () -> DialFormFill.empty(this, memory.lastChoices(), clock.getZone()));
    }

    /** Fills the form from an earlier call ("Dial again" in history); nothing is sent. Undo brings the draft back. */
    public void prefill(Call call) {
        replaceForm("Form filled from the call to " + (call.to() == null ? "an earlier callee" : call.to())
                + "; the draft it replaced can be brought back.", () -> DialFormFill.fromCall(this, call, clock.getZone()));
    }

    /** Puts back the form as it was before the last Clear or "Dial again" replaced it. */
    public void undoReplace() {
        DialDraft before = replacedDraft;
        if (before == null) {
            return;
        }
        restoring = true;
        try {
            DialFormFill.fromDraft(this, before, clock.getZone());
        } finally {
            restoring = false;
        }
        forgetReplaced();
        resetOutcome();
        onInput();
    }

    private void replaceForm(String what, Runnable fill) {
        DialDraft before = DialFormFill.toDraft(this);
        restoring = true;
        try {
            fill.run();
        } finally {
            restoring = false;
        }
        resetOutcome();
        onInput();
        // Only what the operator typed is worth an Undo: pickers alone come back from the last choices anyway.
        if (DialFormFill.hasTypedContent(before) && !before.equals(DialFormFill.toDraft(this))) {
            replacedDraft = before;
            replacingDraft = DialFormFill.toDraft(this);
            undoMessage.set(what);
        } else {
            forgetReplaced();
        }
    }

    private void forgetReplaced() {
        replacedDraft = null;
        replacingDraft = null;
        undoMessage.set(null);
    }

    /** After a call was placed: ready to place another with the same details. */
    public void dialAgain() {
        resetOutcome();
    }

    private void resetOutcome() {
        copyNotice.set(null);
        serverErrors.clear();
        attempt.reset();
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
        String cannot = metadata.setJsonMode(json);
        if (cannot != null) {
            errors.put(METADATA, cannot); // the text stays as it is: switching would lose it
        }
    }

    public void addMetadataRow() {
        metadata.addRow();
    }

    public void removeMetadataRow(MetadataRow row) {
        metadata.removeRow(row);
    }

    /** The form's metadata, for filling the form. */
    MetadataFields metadata() {
        return metadata;
    }

    // ================= derived state =================

    private void onInput() {
        if (restoring) {
            return;
        }
        copyNotice.set(null); // it spoke of the form before this change
        if (!serverErrors.isEmpty() && attempt.outcomeProperty().get() != Outcome.NONE) {
            serverErrors.clear();
        }
        recompute();
        DialDraft now = DialFormFill.toDraft(this);
        if (replacingDraft != null && !replacingDraft.equals(now)) {
            forgetReplaced(); // the operator has moved on from the replaced form: nothing of theirs is undone
        }
        memory = memory.withDraft(now);
        keeper.accept(memory);
    }

    private void recompute() {
        Map<String, String> found = new LinkedHashMap<>();
        UseCase chosenUseCase = useCaseFor(clean(useCaseId.get()), clean(numberId.get()));

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
        leftEmpty = templateVariables.isEmpty() ? List.of() : List.copyOf(missing);
        missingVariables.set(missing.isEmpty() || templateVariables.isEmpty() ? null
                : "The template also uses " + String.join(", ", missing.stream().map(v -> "{{" + v + "}}").toList())
                        + "; the agent will see them empty.");
        templatePreview.set(chosenUseCase == null ? "" : TemplateVariables.fill(chosenUseCase.prompt(), paramsJson));

        JsonNode metadataJson = valueOf(metadata.read(), METADATA, found);
        Integer maxMinutes = parseMaxDuration(found);
        Instant scheduledFor = schedule.read(found, SCHEDULE);
        schedule.describe(phoneResult, scheduledFor, chosenUseCase);

        DialRequest built = DialRequest.builder()
                .numberId(numberId.get()).phoneNumber(phoneResult.ok() ? phoneResult.e164() : phone.get())
                .useCaseId(useCaseId.get()).agentId(agentId.get()).modelId(modelId.get())
                .language(language.get() == null ? null : language.get().tag())
                .params(paramsJson).metadata(metadataJson).campaignId(campaign.get()).promptId(promptId.get())
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
        List<String> wrong = DialField.inFormOrder(found.keySet());
        problemFields.setAll(wrong);
        problemsSummary.set(wrong.isEmpty() ? "" : (wrong.size() == 1 ? "1 field needs attention: " : wrong.size()
                + " fields need attention: ") + String.join(", ", wrong.stream().map(DialViewModel::label).toList()));
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

    private Integer parseMaxDuration(Map<String, String> found) {
        return valueOf(DialInputs.maxDuration(maxDuration.get()), MAX_DURATION, found);
    }

    private static <T> T valueOf(DialInputs.Read<T> read, String field, Map<String, String> found) {
        if (read.problem() != null) {
            found.put(field, read.problem());
        }
        return read.value();
    }

    /** Names the operator sees for fields, in messages listing several problems. */
    public static String label(String field) {
        return DialField.labelOf(field);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ================= draft =================

    private void restore(DialMemory loaded) {
        memory = loaded;
        recentCampaigns.setAll(loaded.recentCampaigns());
        restoring = true;
        try {
            if (loaded.draft() == null) {
                DialFormFill.empty(this, loaded.lastChoices(), clock.getZone());
            } else {
                DialFormFill.fromDraft(this, loaded.draft(), clock.getZone());
            }
        } finally {
            restoring = false;
        }
    }

    /** For filling the form: whether metadata is edited as JSON is otherwise the view model's to switch. */


    // ================= properties =================

    /**
     * The use case the call will have: the one chosen, else the caller number's default when the
     * account's lists say which (its prompt's variables and hours are checked against it); else null.
     */
    private UseCase useCaseFor(String chosenId, String callerId) {
        String id = chosenId;
        if (id == null) {
            id = pickers.numbers().stream().filter(n -> n.id().equals(callerId)).map(CallerNumber::useCaseId)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        String wanted = id;
        return wanted == null ? null : pickers.useCases().stream().filter(u -> u.id().equals(wanted)).findFirst().orElse(null);
    }

    public StringProperty numberIdProperty() { return numberId; }
    public StringProperty phoneProperty() { return phone; }
    public StringProperty useCaseIdProperty() { return useCaseId; }
    public StringProperty agentIdProperty() { return agentId; }
    public StringProperty modelIdProperty() { return modelId; }
    public ObjectProperty<Language> languageProperty() { return language; }
    public StringProperty paramsProperty() { return params; }
    public ObservableList<MetadataRow> metadataRows() { return metadata.rows(); }
    public ReadOnlyBooleanProperty metadataJsonModeProperty() { return metadata.jsonModeProperty(); }
    public StringProperty metadataJsonProperty() { return metadata.jsonProperty(); }
    public StringProperty campaignProperty() { return campaign; }
    public StringProperty promptIdProperty() { return promptId; }
    public StringProperty maxDurationProperty() { return maxDuration; }
    public BooleanProperty scheduleLaterProperty() { return schedule.later(); }
    public ObjectProperty<LocalDate> scheduleDateProperty() { return schedule.date(); }
    public StringProperty scheduleTimeProperty() { return schedule.time(); }
    public ObjectProperty<ZoneId> scheduleZoneProperty() { return schedule.zone(); }
    public ObjectProperty<ZoneId> calleeZoneProperty() { return schedule.calleeZone(); }
    public StringProperty assistantIdProperty() { return assistantId; }
    public StringProperty voiceIdProperty() { return voiceId; }
    public ObjectProperty<LegacyModel> legacyModelProperty() { return legacyModel; }

    public ObservableList<CallerNumber> numbers() { return pickers.numbers(); }
    public ObservableList<UseCase> useCases() { return pickers.useCases(); }
    public ObservableList<Agent> agents() { return pickers.agents(); }
    public ObservableList<CallModel> models() { return pickers.models(); }
    public ObservableList<String> recentCampaigns() { return recentCampaigns; }
    public ReadOnlyStringProperty numbersProblemProperty() { return pickers.numbersProblem(); }
    public ReadOnlyStringProperty useCasesProblemProperty() { return pickers.useCasesProblem(); }
    public ReadOnlyStringProperty agentsProblemProperty() { return pickers.agentsProblem(); }
    public ReadOnlyStringProperty modelsProblemProperty() { return pickers.modelsProblem(); }

    /** Field (its JSON name) to the problem with it; empty when the form is valid. */
    public ObservableMap<String, String> errors() { return errorsView; }
    public ReadOnlyStringProperty phoneSummaryProperty() { return phoneSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty languageDefaultProperty() { return languageDefault.getReadOnlyProperty(); }
    public ReadOnlyStringProperty paramsStatusProperty() { return paramsStatus.getReadOnlyProperty(); }
    public ObservableList<String> templateVariables() { return templateVariablesView; }
    public ReadOnlyStringProperty missingVariablesProperty() { return missingVariables.getReadOnlyProperty(); }
    public ReadOnlyStringProperty templatePreviewProperty() { return templatePreview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scheduleSummaryProperty() { return schedule.summary(); }
    /** The zones a schedule can be typed in, west to east, the operator's own among them. */
    public List<ZoneId> scheduleZoneChoices() { return schedule.zoneChoices(); }

    /** The operator's own zone: schedules are typed in it unless another is picked. */
    ZoneId operatorZone() { return clock.getZone(); }

    /** "Pacific Time — Los Angeles (UTC−08:00)", with the offset in force now. */
    public String zoneLabel(ZoneId zone) { return schedule.zoneLabel(zone); }

    /** The schedule date's text as the operator types it; the picker's value follows when it is a date. */
    public StringProperty scheduleDateTextProperty() { return schedule.dateText(); }

    public Locale dateLocale() { return schedule.dateLocale(); }

    /** What a copy put on the clipboard, said back; null when nothing was copied since the last change. */
    public ReadOnlyStringProperty copyNoticeProperty() { return copyNotice.getReadOnlyProperty(); }

    /** The curl command went to the clipboard: say so, and where its key comes from. */
    public void curlCopied() {
        copyNotice.set("Copied the curl command. It sends the key in $DIALDESK_API_KEY"
                + (sandboxKey.isPresent() ? ": set it to the sandbox's key (Copy sandbox key)." : ": set it to this account's key."));
    }

    public void callIdCopied() {
        copyNotice.set("Copied the call ID " + createdCallIdProperty().get() + ".");
    }

    public void sandboxKeyCopied() {
        copyNotice.set("Copied the sandbox's key. In a shell: export DIALDESK_API_KEY='…' with it pasted in, then the curl command.");
    }

    /** The sandbox's key to copy beside a curl command; empty on a real account. */
    public Optional<ApiKey> sandboxKey() { return sandboxKey; }

    /** The live account dials go to, by its profile's name; empty on the Sandbox. */
    public Optional<String> liveAccount() { return liveAccount; }

    /** What Undo would take back ("Form cleared."), or null when there is nothing to undo. */
    public ReadOnlyStringProperty undoMessageProperty() { return undoMessage.getReadOnlyProperty(); }

    public ReadOnlyStringProperty callingHoursWarningProperty() { return schedule.warning(); }
    public ObservableList<ZoneId> calleeZoneChoices() { return schedule.calleeZoneChoices(); }
    /** "2 fields need attention: Callee phone, Params"; empty when the form is valid. */
    public ReadOnlyStringProperty problemsSummaryProperty() { return problemsSummary.getReadOnlyProperty(); }
    /** The fields with problems (their JSON names), in the order the form shows them. */
    public ObservableList<String> problemFields() { return problemFieldsView; }
    public ReadOnlyStringProperty requestPreviewProperty() { return requestPreview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty curlProperty() { return curl.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty inFlightProperty() { return attempt.inFlightProperty(); }

    /** The last dial may have rung and the form is the one place that says so (and looks it up). */
    public boolean lastDialUncertain() { return attempt.uncertain(); }
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return attempt.outcomeProperty(); }
    public ReadOnlyStringProperty outcomeMessageProperty() { return attempt.messageProperty(); }
    public ReadOnlyStringProperty createdCallIdProperty() { return attempt.createdCallIdProperty(); }
    public ReadOnlyBooleanProperty checkingHistoryProperty() { return attempt.checkingHistoryProperty(); }
    public BooleanBinding canDialProperty() { return canDial; }

    /** The request as it stands, if the form is valid. */
    public Optional<DialRequest> request() { return Optional.ofNullable(request); }
}
