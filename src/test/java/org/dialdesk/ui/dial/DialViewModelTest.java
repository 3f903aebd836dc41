package org.dialdesk.ui.dial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.DialDraft;
import org.dialdesk.ui.dial.DialViewModel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.Language;
import org.dialdesk.sandbox.FaultPlan;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.DialMemoryStore;
import org.dialdesk.testing.DirectTaskRunner;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.service.DialService;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.testing.FakeDialService;
import org.dialdesk.api.Json;
import org.dialdesk.api.Call;
import java.util.Optional;
import org.dialdesk.testing.FxTestKit;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import javafx.collections.MapChangeListener;
import org.dialdesk.api.LegacyModel;

class DialViewModelTest {
    static final String SUPPORT_LINE = "640000000000000000000001";
    static final String REMINDER = "650000000000000000000001";
    static final String AVA = "660000000000000000000001";
    static final String REMINDER_V3 = "670000000000000000000001";
    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    static final DialViewModel.Rules US_RULES = new DialViewModel.Rules("US", LocalTime.of(8, 0), LocalTime.of(21, 0), Locale.US);

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    Sandbox sandbox;
    DialClient client;
    DialMemoryStore memory;
    DialViewModel vm;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock).withApiKey("k").withClock(clock, false));
        client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of("k")), clock, d -> { });
        vm = newViewModel(client);
        vm.loadPickers();
    }

    /** The form over a real service: the sandbox's lists and dials. */
    DialViewModel newViewModel(DialClient using) {
        return newViewModel(DialService.over(using, clock), new OrgDirectory(using, clock));
    }

    DialViewModel newViewModel(DialService dials, OrgDirectory directory) {
        memory = new DialMemoryStore(dir, "sandbox");
        return new DialViewModel(dials, directory, new DirectTaskRunner(), clock.withZone(ZoneId.of("America/Chicago")),
                US_RULES, CalleeZones.load(), memory.load(), memory::saveLater, Optional.empty());
    }

    @AfterEach
    void stop() {
        memory.close();
        client.close();
        sandbox.close();
    }

    void fillMinimal() {
        vm.numberIdProperty().set(SUPPORT_LINE);
        vm.phoneProperty().set("+14155550125");
    }

    /** A minimal valid call, scheduled for the given local time. */
    void scheduleAt(LocalDate date, String time, String zone) {
        fillMinimal();
        vm.scheduleLaterProperty().set(true);
        vm.scheduleDateProperty().set(date);
        vm.scheduleTimeProperty().set(time);
        vm.scheduleZoneProperty().set(ZoneId.of(zone));
    }

    String requestJson() {
        return vm.requestPreviewProperty().get().replaceAll("\\s", "");
    }

    @Test
    void emptyTemplateVariablesAreAQuestionBeforeDialing() {
        fillMinimal();
        vm.phoneProperty().set("+12125550100"); // 10:00 in New York: inside calling hours
        // No use case chosen: the call gets the Support line's default, the reminder, whose template is checked.
        assertTrue(vm.questionBeforeDialing().orElseThrow().text().contains("{{patient_name}}"),
                vm.questionBeforeDialing().orElseThrow().text());
        vm.useCaseIdProperty().set(REMINDER);
        vm.paramsProperty().set("{\"patient_name\": \"Ada\", \"clinic\": \"Mercy\"}");
        assertEquals("The agent will see {{appointment_time}} empty. Dial anyway?",
                vm.questionBeforeDialing().orElseThrow().text());
        vm.paramsProperty().set("{\"patient_name\": \"Ada\", \"clinic\": \"Mercy\", \"appointment_time\": \"9:00\"}");
        assertTrue(vm.questionBeforeDialing().isEmpty());
    }

    @Test
    void theSummaryNamesTheFieldsInTheFormsOrder() {
        vm.paramsProperty().set("{");
        vm.phoneProperty().set("12");
        assertEquals("3 fields need attention: Caller number, Callee phone, Params", vm.problemsSummaryProperty().get());
        assertEquals(List.of("number_id", "phone_number", "params"), vm.problemFields());
        fillMinimal();
        vm.paramsProperty().set("");
        assertEquals("", vm.problemsSummaryProperty().get());
    }

    @Test
    void aFreshFormIsInvalidAndSaysWhy() {
        assertFalse(vm.validProperty().get());
        assertFalse(vm.canDialProperty().get());
        assertEquals(List.of("number_id", "phone_number").stream().sorted().toList(),
                vm.errors().keySet().stream().sorted().toList());
        assertTrue(vm.requestPreviewProperty().get().startsWith("Fix the marked fields"));
    }

    @Test
    void picksAreLoadedAndHiddenUseCasesLeftOut() {
        assertEquals(4, vm.numbers().size());
        assertEquals(4, vm.useCases().size());
        assertEquals(4, vm.agents().size());
        vm.useCaseIdProperty().set(REMINDER);
        assertEquals(List.of(REMINDER_V3), vm.models().stream().map(m -> m.id()).toList(), "active models only");
        assertEquals("Use case default (en-US)", vm.languageDefaultProperty().get());
    }

    @Test
    void everyFieldGoesIntoTheExactRequest() {
        fillMinimal();
        vm.phoneProperty().set("(415) 555-0125");
        vm.useCaseIdProperty().set(REMINDER);
        vm.agentIdProperty().set(AVA);
        vm.modelIdProperty().set(REMINDER_V3);
        vm.languageProperty().set(Language.ES_MX);
        vm.paramsProperty().set("{\"patient_name\": \"Ada\"}");
        vm.addMetadataRow();
        vm.metadataRows().get(0).keyProperty().set("crm_id");
        vm.metadataRows().get(0).valueProperty().set("42");
        vm.campaignProperty().set(" spring ");
        vm.promptIdProperty().set("p-1");
        vm.maxDurationProperty().set("7");
        vm.scheduleLaterProperty().set(true);
        vm.scheduleDateProperty().set(LocalDate.of(2026, 12, 1));
        vm.scheduleTimeProperty().set("9:30");
        vm.scheduleZoneProperty().set(ZoneId.of("America/Chicago"));
        vm.assistantIdProperty().set("legacy-assistant");
        vm.legacyModelProperty().set(LegacyModel.Fast);

        assertTrue(vm.validProperty().get(), vm.errors().toString());
        assertEquals("{\"number_id\":\"" + SUPPORT_LINE + "\",\"phone_number\":\"+14155550125\",\"prompt_id\":\"p-1\","
                + "\"use_case_id\":\"" + REMINDER + "\",\"agent_id\":\"" + AVA + "\",\"model_id\":\"" + REMINDER_V3 + "\","
                + "\"language\":\"es-MX\",\"params\":{\"patient_name\":\"Ada\"},\"metadata\":{\"crm_id\":\"42\"},"
                + "\"campaign_id\":\"spring\",\"scheduled_for\":\"2026-12-01T15:30:00Z\",\"max_duration_mins\":7,"
                + "\"assistant_id\":\"legacy-assistant\",\"model\":\"Fast\"}", requestJson());
        assertEquals("+1 415-555-0125 · United States", vm.phoneSummaryProperty().get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not a number        | phone_number      | Not a phone number",
        "+1 415 555          | phone_number      | ",
        "+999 1234567        | phone_number      | country code",
        "030 1234567         | phone_number      | For another country, start with +",
    })
    void phoneProblemsAreExplained(String phone, String field, String part) {
        fillMinimal();
        vm.phoneProperty().set(phone);
        assertTrue(vm.errors().containsKey(field), vm.errors().toString());
        if (part != null) {
            assertTrue(vm.errors().get(field).contains(part), vm.errors().get(field));
        }
        assertFalse(vm.canDialProperty().get());
    }

    @Test
    void nationalNumbersUseTheDefaultCountry() {
        fillMinimal();
        vm.phoneProperty().set("+49 30 901820");
        assertTrue(vm.validProperty().get());
        assertTrue(requestJson().contains("\"phone_number\":\"+4930901820\""));
        assertEquals("+49 30 901820 · Germany", vm.phoneSummaryProperty().get());
    }

    @Test
    void paramsErrorsGiveLineAndColumnAndNullIsAllowed() {
        fillMinimal();
        vm.paramsProperty().set("{\n  \"a\": 1,\n  \"b\": }");
        assertTrue(vm.paramsStatusProperty().get().startsWith("Line 3, column 8"), vm.paramsStatusProperty().get());
        assertTrue(vm.errors().get("params").contains("Line 3"));
        vm.paramsProperty().set("null");
        assertTrue(vm.validProperty().get());
        assertTrue(requestJson().contains("\"params\":null"));
        vm.paramsProperty().set("[1, 2]");
        assertTrue(vm.validProperty().get(), "params may be any JSON value");
        vm.paramsProperty().set("{\"b\":1,\"a\":[1,2]}");
        vm.formatParams();
        assertEquals("{\n  \"b\" : 1,\n  \"a\" : [ 1, 2 ]\n}", vm.paramsProperty().get().replace("\r", ""));
    }

    @Test
    void templateVariablesAreListedMissingOnesWarnedAndPreviewFilled() {
        fillMinimal();
        vm.useCaseIdProperty().set(REMINDER);
        assertEquals(List.of("patient_name", "clinic", "appointment_time"), vm.templateVariables());
        vm.paramsProperty().set("{\"patient_name\": \"Ada\", \"clinic\": \"Mercy\"}");
        assertEquals("The template also uses {{appointment_time}}; the agent will see them empty.",
                vm.missingVariablesProperty().get());
        assertTrue(vm.templatePreviewProperty().get().startsWith("You are calling Ada on behalf of Mercy to confirm the "
                + "appointment on [appointment_time]."), vm.templatePreviewProperty().get());
        vm.paramsProperty().set("{\"patient_name\": \"Ada\", \"clinic\": \"Mercy\", \"appointment_time\": \"Mon 9:00\"}");
        assertNull(vm.missingVariablesProperty().get());
        assertTrue(vm.validProperty().get(), "missing variables warn but do not block");
    }

    @Test
    void metadataRowsAndJsonRoundTrip() {
        fillMinimal();
        vm.addMetadataRow();
        vm.metadataRows().get(0).keyProperty().set("crm_id");
        vm.metadataRows().get(0).valueProperty().set("42");
        vm.addMetadataRow();
        vm.metadataRows().get(1).keyProperty().set("crm_id");
        assertTrue(vm.errors().get("metadata").contains("used twice"));
        vm.metadataRows().get(1).keyProperty().set("tier");
        vm.metadataRows().get(1).valueProperty().set("gold");
        assertTrue(vm.validProperty().get());

        vm.setMetadataJsonMode(true);
        assertTrue(vm.metadataJsonModeProperty().get());
        assertTrue(vm.metadataJsonProperty().get().contains("\"tier\" : \"gold\""));
        vm.metadataJsonProperty().set("[1]");
        assertTrue(vm.errors().get("metadata").contains("JSON object"), vm.errors().toString());
        vm.metadataJsonProperty().set("{\"nested\": {\"a\": 1}}");
        assertTrue(vm.validProperty().get());
        vm.setMetadataJsonMode(false);
        assertTrue(vm.metadataJsonModeProperty().get(), "nested JSON keeps the editor in JSON mode");
        vm.metadataJsonProperty().set("{\"a\": \"1\", \"b\": 2}");
        vm.setMetadataJsonMode(false);
        assertEquals(2, vm.metadataRows().size());
        assertEquals("2", vm.metadataRows().get(1).value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "abc | whole number",
        "0   | at least 1",
        "121 | capped at 120",
    })
    void maxDurationRules(String text, String part) {
        fillMinimal();
        vm.maxDurationProperty().set(text);
        assertTrue(vm.errors().get("max_duration_mins").contains(part), vm.errors().toString());
        vm.maxDurationProperty().set("");
        assertTrue(vm.validProperty().get(), "empty means the use case's limit");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "2026-12-01 | 9:30  | America/Chicago     | 2026-12-01T15:30:00Z",
        "2027-07-01 | 9:30  | Europe/Berlin       | 2027-07-01T07:30:00Z",
        "2027-03-14 | 3:30  | America/Chicago     | 2027-03-14T08:30:00Z",
        "2026-12-01 | 23:59 | Pacific/Kiritimati  | 2026-12-01T09:59:00Z",
    })
    void schedulesConvertToUtcAcrossZones(String date, String time, String zone, String utc) {
        scheduleAt(LocalDate.parse(date), time, zone);
        assertTrue(vm.validProperty().get(), vm.errors().toString());
        assertTrue(requestJson().contains("\"scheduled_for\":\"" + utc + "\""), requestJson());
        assertTrue(vm.scheduleSummaryProperty().get().contains("sends scheduled_for " + utc + " (UTC)"),
                vm.scheduleSummaryProperty().get());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "2027-03-14 | 2:30  | America/Chicago | does not exist",
        "2026-11-01 | 1:30  | America/Chicago | happens twice",
        "2026-11-23 | 8:59  | America/Chicago | not in the future",
        "2026-12-01 | 25:00 | America/Chicago | hours and minutes",
        "           | 9:30  | America/Chicago | Choose the date",
    })
    void impossibleOrPastTimesAreRefusedWithAReason(String date, String time, String zone, String part) {
        scheduleAt(date == null ? null : LocalDate.parse(date), time, zone);
        assertFalse(vm.validProperty().get());
        assertTrue(vm.errors().get("scheduled_for").contains(part), vm.errors().toString());
    }

    @Test
    void calleeLocalTimeAndCallingHours() {
        fillMinimal();
        vm.phoneProperty().set("+4930901820");
        vm.scheduleLaterProperty().set(true);
        vm.scheduleDateProperty().set(LocalDate.of(2026, 12, 1));
        vm.scheduleTimeProperty().set("16:30");
        vm.scheduleZoneProperty().set(ZoneId.of("America/Chicago"));
        assertTrue(vm.scheduleSummaryProperty().get().startsWith("Tue 1 Dec 2026, 16:30 Chicago, Central Time"),
                "what the typed date and time were read as: " + vm.scheduleSummaryProperty().get());
        assertTrue(vm.scheduleSummaryProperty().get().endsWith("callee's time Tue 1 Dec 23:30 (Berlin, Central European Time)"),
                vm.scheduleSummaryProperty().get());
        assertTrue(vm.callingHoursWarningProperty().get().contains("23:30 for the callee, outside the legal calling hours"),
                "outside 08:00–21:00");
        assertTrue(vm.validProperty().get(), "a warning, not a block");

        vm.scheduleTimeProperty().set("9:30");
        assertNull(vm.callingHoursWarningProperty().get());

        vm.scheduleTimeProperty().set("");
        assertEquals("", vm.scheduleSummaryProperty().get(), "scheduled, with no time yet: not \"Dials now\"");
        assertNull(vm.callingHoursWarningProperty().get(), "nor a warning about the time it is now");
    }

    @Test
    void aNumberWhosePrefixHasOneZoneGetsItWithoutAsking() {
        scheduleAt(LocalDate.of(2026, 12, 1), "9:30", "America/Chicago");
        vm.phoneProperty().set("+14155550125"); // San Francisco
        assertTrue(vm.calleeZoneChoices().isEmpty(), "415 is Pacific Time only: " + vm.calleeZoneChoices());
        assertTrue(vm.scheduleSummaryProperty().get().endsWith("callee's time Tue 1 Dec 07:30 (Los Angeles, Pacific Time)"),
                vm.scheduleSummaryProperty().get());
        assertTrue(vm.callingHoursWarningProperty().get().contains("7:30 for the callee"), "before 8 am for the callee");

        vm.phoneProperty().set("+19075550100"); // Alaska: Anchorage, and Adak on the Aleutians an hour behind
        assertEquals(List.of(ZoneId.of("America/Adak"), ZoneId.of("America/Anchorage")), vm.calleeZoneChoices());
        assertTrue(vm.callingHoursWarningProperty().get().startsWith("Calling hours not checked for the callee: "
                + "numbers like this one are used in 2 time zones of United States."), vm.callingHoursWarningProperty().get());
        vm.calleeZoneProperty().set(ZoneId.of("America/Anchorage"));
        assertTrue(vm.scheduleSummaryProperty().get().endsWith("06:30 (Anchorage, Alaska Time)"), vm.scheduleSummaryProperty().get());
        assertEquals("Alaska Time — Anchorage (UTC−09:00)", vm.zoneLabel(ZoneId.of("America/Anchorage")));
    }

    @Test
    void aTimeMustBeInsideBothTheLegalWindowAndTheUseCasesHours() {
        scheduleAt(LocalDate.of(2026, 12, 1), "20:30", "America/Chicago");
        vm.useCaseIdProperty().set(REMINDER); // 08:00–20:00 America/Chicago
        vm.phoneProperty().set("+14155550125"); // 18:30 in San Francisco: inside the legal window
        assertEquals("It will be 20:30 in Chicago, Central Time, outside Appointment reminder's hours (8:00–20:00 there).",
                vm.callingHoursWarningProperty().get());

        vm.phoneProperty().set("+12125550100"); // 21:30 in New York: outside both
        assertEquals("It will be 21:30 for the callee, outside the legal calling hours (8:00–21:00 callee time).\n"
                + "It will be 20:30 in Chicago, Central Time, outside Appointment reminder's hours (8:00–20:00 there).",
                vm.callingHoursWarningProperty().get());

        DialViewModel.Question asked = vm.questionBeforeDialing().orElseThrow();
        assertEquals("This call would ring outside calling hours", asked.header());
        assertTrue(asked.text().startsWith(vm.callingHoursWarningProperty().get() + "\nThe agent will see"),
                "ringing outside the hours takes a deliberate yes, and the empty variables are named too: " + asked.text());

        vm.scheduleTimeProperty().set("19:30");
        assertNull(vm.callingHoursWarningProperty().get(), "inside both");
        assertEquals("Some of the template's variables are empty", vm.questionBeforeDialing().orElseThrow().header(),
                "only the empty variables are left to ask about");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-12-24",
        "12/24/2026",
        "12/24/26",
        "Dec 24, 2026",
        "  dec 24, 2026 ",
    })
    void typedDatesInIsoOrTheLocalesFormsAreRead(String typed) {
        scheduleAt(null, "9:30", "America/Chicago");
        vm.scheduleDateTextProperty().set(typed);
        assertTrue(vm.validProperty().get(), vm.errors().toString());
        assertTrue(requestJson().contains("\"scheduled_for\":\"2026-12-24T15:30:00Z\""), requestJson());
        assertTrue(vm.scheduleSummaryProperty().get().startsWith("Thu 24 Dec 2026, 9:30"), vm.scheduleSummaryProperty().get());
    }

    @Test
    void aDateInNoKnownFormSaysWhichFormsWork() {
        scheduleAt(null, "9:30", "America/Chicago");
        for (String typed : List.of("24.12.2026", "2026-02-30", "tomorrow", "13/24/2026")) {
            vm.scheduleDateTextProperty().set(typed);
            assertFalse(vm.validProperty().get(), typed);
            assertEquals("\u201c" + typed + "\u201d is not a date: type it as 2026-12-24 or 12/24/2026, or pick it from the calendar.",
                    vm.errors().get("scheduled_for"));
        }
        vm.scheduleDateTextProperty().set("");
        assertEquals("Choose the date to call on.", vm.errors().get("scheduled_for"));
    }

    @Test
    void aGermanOperatorTypesDatesTheGermanWay() {
        DialViewModel german = new DialViewModel(DialService.over(client, clock), new OrgDirectory(client, clock),
                new DirectTaskRunner(), clock.withZone(ZoneId.of("Europe/Berlin")),
                new DialViewModel.Rules("DE", LocalTime.of(8, 0), LocalTime.of(21, 0), Locale.GERMANY), CalleeZones.load(),
                memory.load(), d -> { }, Optional.empty());
        german.scheduleLaterProperty().set(true);
        german.scheduleTimeProperty().set("9:30");
        german.scheduleDateTextProperty().set("24.12.2026");
        assertNull(german.errors().get("scheduled_for"), german.errors().toString());
        german.scheduleDateTextProperty().set("12/24/2026");
        assertTrue(german.errors().get("scheduled_for").contains("type it as 2026-12-24 or 24.12.2026"),
                german.errors().toString());
    }

    @Test
    void dialCreatesTheCallAndRemembersChoices() throws Exception {
        fillMinimal();
        vm.useCaseIdProperty().set(REMINDER);
        vm.campaignProperty().set("q4");
        vm.dial();
        assertEquals(DialViewModel.Outcome.CREATED, vm.outcomeProperty().get(), vm.outcomeMessageProperty().get());
        String id = vm.createdCallIdProperty().get();
        assertEquals("+14155550125", client.getCall(id).to());
        assertTrue(vm.outcomeMessageProperty().get().startsWith("Call created to +14155550125 · Appointment reminder · "
                + "created 2026-11-23 09:00 · ID "), "the operator's time, not raw UTC: " + vm.outcomeMessageProperty().get());
        assertEquals(List.of("q4"), vm.recentCampaigns());
        assertEquals("+14155550125", vm.phoneProperty().get(), "the form keeps its contents");
        assertFalse(vm.canDialProperty().get(), "the same call again needs Dial again: a double click rings once");
        vm.dial();
        assertEquals(1, sandbox.callCount());
        vm.campaignProperty().set("q4-b");
        assertTrue(vm.canDialProperty().get(), "a changed request is a new call");
        vm.campaignProperty().set("q4");
        vm.dialAgain();
        assertTrue(vm.canDialProperty().get());

        vm.clear();
        assertEquals("", vm.phoneProperty().get());
        assertEquals(SUPPORT_LINE, vm.numberIdProperty().get(), "pickers return to the last choices");
        assertEquals(REMINDER, vm.useCaseIdProperty().get());
    }

    @Test
    void aRejectionMarksTheFieldTheServiceNamedAndKeepsTheForm() {
        fillMinimal();
        vm.numberIdProperty().set("640000000000000000000999");
        vm.dial();
        assertEquals(DialViewModel.Outcome.REJECTED, vm.outcomeProperty().get());
        assertTrue(vm.errors().get("number_id").contains("there is no number"), vm.errors().toString());
        assertEquals("640000000000000000000999", vm.numberIdProperty().get());
        vm.numberIdProperty().set(SUPPORT_LINE);
        assertTrue(vm.validProperty().get(), "editing clears the service's complaint");
    }

    @Test
    void anUncertainDialIsFoundInHistoryAndNotResent() throws Exception {
        memory.close();
        client.close();
        sandbox.close();
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox2"), clock).withApiKey("k")
                .withFaults(FaultPlan.parse("drop=1")).withClock(clock, false));
        client = new DialClient(ClientConfig.of(sandbox.baseUrl(), ApiKey.of("k")), clock, d -> { });
        vm = newViewModel(client);
        fillMinimal();
        vm.dial();
        // Every request is dropped in this sandbox, so the history check cannot answer either.
        assertEquals(DialViewModel.Outcome.UNCERTAIN, vm.outcomeProperty().get());
        assertTrue(vm.outcomeMessageProperty().get().contains("Do not dial again"), vm.outcomeMessageProperty().get());
        assertFalse(vm.canDialProperty().get(), "the same dial cannot be sent by the plain command");
        vm.dial();
        assertEquals(1, sandbox.callCount(), "pressing Dial again sent nothing");
    }

    @Test
    void uncertainThenHistoryShowsNothingThenTheOperatorChoosesToResend() throws Exception {
        Call appeared = Json.mapper().readValue("{\"id\":\"abc\",\"status\":\"Queued\","
                + "\"metadata\":{\"to\":\"+14155550125\"},\"created\":\"2026-11-23T15:00:30Z\"}", Call.class);
        FakeDialService dials = new FakeDialService(clock).losesTheAnswer()
                .historyShows(Optional.empty()).historyShows(Optional.of(appeared)).createsCall("second");
        memory.close();
        vm = newViewModel(dials, new OrgDirectory(client, clock));
        fillMinimal();
        vm.dial();
        assertEquals(DialViewModel.Outcome.UNCERTAIN, vm.outcomeProperty().get());
        assertTrue(vm.outcomeMessageProperty().get().startsWith("No call to +14155550125 shows"),
                vm.outcomeMessageProperty().get());
        assertFalse(vm.canDialProperty().get());
        vm.dial();
        assertEquals(1, dials.sent().size(), "the plain Dial sends nothing while the outcome is unknown");

        vm.checkHistory();
        assertEquals(DialViewModel.Outcome.FOUND_AFTER_ALL, vm.outcomeProperty().get());
        assertEquals("abc", vm.createdCallIdProperty().get());
        assertEquals(2, dials.lookUpCount());

        vm.dialAgain();
        vm.dial();
        assertEquals("second", vm.createdCallIdProperty().get(), "a new dial only on the operator's word");
        assertEquals(2, dials.sent().size());
    }

    @Test
    void anUncertainDialIsSentAgainOnlyAfterTheOperatorSaysSo() {
        FakeDialService dials = new FakeDialService(clock).losesTheAnswer().historyShows(Optional.empty())
                .createsCall("on-purpose");
        memory.close();
        vm = newViewModel(dials, new OrgDirectory(client, clock));
        fillMinimal();
        vm.dial();
        assertEquals(DialViewModel.Outcome.UNCERTAIN, vm.outcomeProperty().get());
        vm.dialAgainAnyway();
        assertEquals(DialViewModel.Outcome.CREATED, vm.outcomeProperty().get());
        assertEquals("on-purpose", vm.createdCallIdProperty().get());
        assertEquals(2, dials.sent().size());
        assertEquals(dials.sent().get(0), dials.sent().get(1), "the same dial, sent twice only because asked");
    }

    @Test
    void aRefusalOfTheKeyOrTheRateSaysNothingWasPlaced() {
        FakeDialService dials = new FakeDialService(clock).answers(request -> new DialOutcome.Rejected(request,
                DialOutcome.Rejected.Reason.RATE_LIMITED, "Too many requests; try again in 2 s.", List.of()));
        memory.close();
        vm = newViewModel(dials, new OrgDirectory(client, clock));
        fillMinimal();
        vm.dial();
        assertEquals(DialViewModel.Outcome.NOT_SENT, vm.outcomeProperty().get());
        assertEquals("Not placed: Too many requests; try again in 2 s.", vm.outcomeMessageProperty().get());
        assertTrue(vm.canDialProperty().get(), "nothing rang: the same dial can be sent again");
    }

    @Test
    void whileTheOutcomeIsUnknownNoChangedDialToThatPersonGoesOut() {
        FakeDialService dials = new FakeDialService(clock).losesTheAnswer().historyShows(Optional.empty());
        memory.close();
        vm = newViewModel(dials, new OrgDirectory(client, clock));
        fillMinimal();
        vm.dial();
        assertEquals(DialViewModel.Outcome.UNCERTAIN, vm.outcomeProperty().get());
        vm.campaignProperty().set("another-campaign"); // a different request, the same person
        assertFalse(vm.canDialProperty().get(), "changing a detail does not make ringing them twice any better");
        vm.dial();
        assertEquals(1, dials.sent().size());
        vm.phoneProperty().set("+14155550199");
        assertTrue(vm.canDialProperty().get(), "someone else can be called meanwhile");
    }

    /**
     * A listener on the read-only errors map, with nothing else holding what errors() returned:
     * a wrapper made afresh per call would be collected with the listener on it.
     */
    @Test
    void theErrorsMapKeepsTellingItsListenersAfterAGarbageCollection() throws Exception {
        List<String> heard = new ArrayList<>();
        vm.errors().addListener((MapChangeListener<String, String>) change -> heard.add(change.getKey()));
        FxTestKit.collectGarbage();
        vm.phoneProperty().set("12");
        vm.phoneProperty().set("+14155550125");
        assertTrue(heard.contains("phone_number"), heard.toString());
        assertSame(vm.errors(), vm.errors());
        assertSame(vm.templateVariables(), vm.templateVariables());
        assertSame(vm.calleeZoneChoices(), vm.calleeZoneChoices());
    }

    @Test
    void aListThatCannotLoadFallsBackToATypedId() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getPath().startsWith("/api/v1/numbers")) {
                        return new MockResponse().setResponseCode(404).setBody("{\"message\":\"Cannot GET /numbers\"}");
                    }
                    if (request.getPath().startsWith("/api/v1/dial")) {
                        return new MockResponse().setBody("{\"id\":\"created-by-id\"}");
                    }
                    return new MockResponse().setBody("[]");
                }
            });
            server.start();
            try (DialClient mockClient = new DialClient(ClientConfig.of(server.url("/api/v1").toString(), ApiKey.of("k"))
                    .withRetryPolicy(ClientConfig.RetryPolicy.NONE), clock, d -> { })) {
                memory.close();
                vm = newViewModel(mockClient);
                vm.loadPickers();
                assertTrue(vm.numbersProblemProperty().get().contains("Type or paste the 24-character ID"));
                assertNull(vm.useCasesProblemProperty().get());
                vm.numberIdProperty().set("64000000000000000000001");
                vm.phoneProperty().set("+14155550125");
                assertTrue(vm.errors().get("number_id").contains("has 23"), "checked as typed");
                vm.numberIdProperty().set(SUPPORT_LINE);
                vm.dial();
                assertEquals("created-by-id", vm.createdCallIdProperty().get());
            }
        }
    }

    @Test
    void theDraftSurvivesARestart() {
        fillMinimal();
        vm.paramsProperty().set("{\"a\": 1}");
        vm.scheduleLaterProperty().set(true);
        vm.scheduleDateProperty().set(LocalDate.of(2026, 12, 1));
        vm.scheduleTimeProperty().set("9:30");
        vm.addMetadataRow();
        vm.metadataRows().get(0).keyProperty().set("k");
        memory.close();

        DialViewModel again = newViewModel(client);
        assertEquals("+14155550125", again.phoneProperty().get());
        assertEquals("{\"a\": 1}", again.paramsProperty().get());
        assertEquals(LocalDate.of(2026, 12, 1), again.scheduleDateProperty().get());
        assertEquals("k", again.metadataRows().get(0).key());
        assertEquals(ZoneId.of("America/Chicago"), again.scheduleZoneProperty().get());
    }

    /** A call as history lists it: placed without params (the service reads them back as null). */
    static Call callWithoutParams() throws IOException {
        return Json.mapper().readValue("""
                {"id": "6a0000000000000000000001", "status": "completed",
                 "metadata": {"from": "+13125550142", "to": "+14155550125", "call_sid": "CA1", "crm_id": "42"},
                 "use_case": {"id": "650000000000000000000001", "name": "Appointment reminder"},
                 "agent": {"id": "660000000000000000000001", "name": "Ava"},
                 "language": "en-US", "params": null, "campaign_id": "q4", "max_duration_mins": 7}
                """, Call.class);
    }

    void typeADraft() {
        vm.numberIdProperty().set(SUPPORT_LINE);
        vm.phoneProperty().set("+14155550199");
        vm.paramsProperty().set("{\"clinic\": \"North\"}");
        vm.promptIdProperty().set("draft-prompt");
        vm.scheduleLaterProperty().set(true);
        vm.scheduleTimeProperty().set("9:30");
        vm.modelIdProperty().set(REMINDER_V3);
    }

    @Test
    void dialAgainKeepsEveryFieldOfTheCallAndLeavesAbsentOnesEmpty() throws IOException {
        typeADraft();
        vm.prefill(callWithoutParams());
        assertEquals("", vm.paramsProperty().get(), "no params, not the text null");
        assertFalse(requestJson().contains("\"params\""), "and none are sent: " + requestJson());
        String collections = vm.numbers().stream().filter(n -> "+13125550142".equals(n.number())).findFirst().orElseThrow().id();
        assertEquals(collections, vm.numberIdProperty().get());
        assertEquals("+14155550125", vm.phoneProperty().get());
        assertEquals(REMINDER, vm.useCaseIdProperty().get());
        assertEquals(AVA, vm.agentIdProperty().get());
        assertEquals(Language.fromTag("en-US").orElseThrow(), vm.languageProperty().get());
        assertEquals("q4", vm.campaignProperty().get());
        assertEquals("7", vm.maxDurationProperty().get());
        assertEquals(List.of(new DialDraft.MetadataEntry("crm_id", "42")), vm.metadata().entries(),
                "the operator's metadata, not what the service adds");
        assertEquals("", vm.promptIdProperty().get(), "the call had none: the draft's does not mix in");
        assertEquals("", vm.modelIdProperty().get());
        assertFalse(vm.scheduleLaterProperty().get());
        assertTrue(vm.validProperty().get(), vm.errors().toString());
    }

    @Test
    void replacingADraftOrClearingItCanBeUndone() throws IOException {
        typeADraft();
        vm.prefill(callWithoutParams());
        assertTrue(vm.undoMessageProperty().get().startsWith("Form filled from the call to +14155550125"));
        vm.undoReplace();
        assertEquals("+14155550199", vm.phoneProperty().get());
        assertEquals("{\"clinic\": \"North\"}", vm.paramsProperty().get());
        assertEquals("draft-prompt", vm.promptIdProperty().get());
        assertTrue(vm.scheduleLaterProperty().get());
        assertEquals(REMINDER_V3, vm.modelIdProperty().get());
        assertNull(vm.undoMessageProperty().get(), "one undo per replacement");

        vm.clear();
        assertEquals("Form cleared.", vm.undoMessageProperty().get());
        assertEquals("", vm.paramsProperty().get());
        vm.undoReplace();
        assertEquals("{\"clinic\": \"North\"}", vm.paramsProperty().get());

        vm.clear();
        vm.clear();
        assertNull(vm.undoMessageProperty().get(), "clearing an empty form has nothing to undo");
    }

    @Test
    void typingAfterAClearEndsItsUndoSoNothingNewIsLost() {
        typeADraft();
        vm.clear();
        assertEquals("Form cleared.", vm.undoMessageProperty().get());
        vm.phoneProperty().set("+12125550100");
        assertNull(vm.undoMessageProperty().get(), "an Undo now would throw away what was just typed");
        assertEquals("+12125550100", vm.phoneProperty().get());
    }

    @Test
    void theCallingHoursQuestionIsJudgedAtTheMomentOfDialingNotOfTheLastEdit() {
        vm.numberIdProperty().set(SUPPORT_LINE);
        vm.paramsProperty().set("{\"patient_name\": \"Ada\", \"clinic\": \"Mercy\", \"appointment_time\": \"9:00\"}");
        // The Support line's default use case, the reminder, calls 08:00-20:00 in Chicago: 19:50 there.
        clock.set(Instant.parse("2026-11-24T01:50:00Z")); // 20:50 in New York
        vm.phoneProperty().set("+12125550100");
        assertTrue(vm.questionBeforeDialing().isEmpty(), "inside calling hours when typed");
        clock.set(Instant.parse("2026-11-24T02:10:00Z")); // 21:10: the form was left open
        DialViewModel.Question asked = vm.questionBeforeDialing().orElseThrow();
        assertEquals("This call would ring outside calling hours", asked.header());
        assertTrue(asked.text().startsWith("It will be 21:10 for the callee"), asked.text());
    }

    @Test
    void copyingSaysWhatWasCopiedAndOffersTheSandboxKeyOnlyOnTheSandbox() {
        fillMinimal();
        vm.curlCopied();
        assertEquals("Copied the curl command. It sends the key in $DIALDESK_API_KEY: set it to this account's key.",
                vm.copyNoticeProperty().get());
        vm.campaignProperty().set("q1");
        assertNull(vm.copyNoticeProperty().get(), "a change to the form makes the notice stale");

        DialViewModel onSandbox = new DialViewModel(DialService.over(client, clock), new OrgDirectory(client, clock),
                new DirectTaskRunner(), clock, US_RULES, CalleeZones.load(), memory.load(), d -> { }, Optional.of(ApiKey.of("k")));
        onSandbox.curlCopied();
        assertTrue(onSandbox.copyNoticeProperty().get().endsWith("set it to the sandbox's key (Copy sandbox key)."));
        assertEquals("k", onSandbox.sandboxKey().orElseThrow().reveal());
    }

    @Test
    void whileTheListsLoadATypedIdIsOfferedAndWorks() {
        DirectTaskRunner slow = new DirectTaskRunner();
        slow.holdWork();
        DialViewModel loading = new DialViewModel(DialService.over(client, clock), new OrgDirectory(client, clock), slow,
                clock, US_RULES, CalleeZones.load(), memory.load(), d -> { }, Optional.empty());
        loading.loadPickers();
        assertTrue(loading.useCasesProblemProperty().get().startsWith("Loading the use cases… Type or paste"),
                "the typed-ID field shows at once: " + loading.useCasesProblemProperty().get());
        assertTrue(loading.agentsProblemProperty().get().startsWith("Loading the agents…"));
        loading.numberIdProperty().set(SUPPORT_LINE);
        loading.phoneProperty().set("+14155550125");
        loading.useCaseIdProperty().set(REMINDER);
        assertTrue(loading.modelsProblemProperty().get().startsWith("Loading the models…"));
        assertTrue(loading.validProperty().get(), "a typed ID dials before any list arrives: " + loading.errors());

        slow.releaseAll();
        assertNull(loading.useCasesProblemProperty().get(), "loaded: the picker takes over");
        assertNull(loading.modelsProblemProperty().get());
        assertEquals(REMINDER, loading.useCaseIdProperty().get(), "what was typed stays chosen");
    }

    @Test
    void metadataRowsJsonCannotHoldStayRowsUntilFixed() {
        vm.addMetadataRow();
        vm.metadataRows().get(0).valueProperty().set("A-1042"); // a value without a key
        vm.setMetadataJsonMode(true);
        assertFalse(vm.metadataJsonModeProperty().get(), "switching would have dropped the row");
        assertTrue(vm.errors().get("metadata").endsWith("Fix the rows first: as JSON that row would be lost."),
                vm.errors().get("metadata"));
        assertEquals("A-1042", vm.metadataRows().get(0).valueProperty().get());
        vm.metadataRows().get(0).keyProperty().set("crm_id");
        vm.setMetadataJsonMode(true);
        assertTrue(vm.metadataJsonModeProperty().get());
        assertTrue(vm.metadataJsonProperty().get().contains("\"crm_id\""), vm.metadataJsonProperty().get());
    }

    @Test
    void aScheduledCallSaysScheduledAndWhenInTheOperatorsTime() {
        scheduleAt(LocalDate.of(2026, 12, 1), "9:30", "America/Los_Angeles");
        vm.phoneProperty().set("+12125550100");
        vm.dial();
        assertTrue(vm.outcomeMessageProperty().get().startsWith("Call scheduled to +12125550100 · Appointment reminder · for 2026-12-01 11:30 "
                + "Chicago, Central Time · ID "), vm.outcomeMessageProperty().get());
    }

    @Test
    void curlUsesTheEnvironmentVariableNotTheKey() {
        fillMinimal();
        vm.paramsProperty().set("{\"name\": \"O'Brien\"}");
        String curl = vm.curlProperty().get();
        assertTrue(curl.contains("\"authorization: Bearer $DIALDESK_API_KEY\""), curl);
        assertTrue(curl.contains(sandbox.baseUrl() + "/dial/outbound"));
        assertTrue(curl.contains("O'\\''Brien"), "single quotes survive the shell");
        assertFalse(curl.contains("Bearer k\""));
    }

    @Test
    void timeStepping() {
        assertEquals("9:35", TimeSteps.step("9:32", 5));
        assertEquals("9:30", TimeSteps.step("9:32", -5));
        assertEquals("0:00", TimeSteps.step("23:58", 5));
        assertEquals("23:55", TimeSteps.step("0:00", -5));
        assertEquals("9:00", TimeSteps.step("garbage", 5));
    }
}
