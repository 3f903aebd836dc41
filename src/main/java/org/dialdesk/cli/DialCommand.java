package org.dialdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.BaseUrls;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.api.DialRequestValidator;
import org.dialdesk.api.FieldError;
import org.dialdesk.api.RequestRendering;
import org.dialdesk.api.ScheduleTimes;
import org.dialdesk.domain.DialField;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.SettingsStore;
import org.dialdesk.domain.JsonText;
import org.dialdesk.service.DialOutcome;
import org.dialdesk.service.DialService;
import org.dialdesk.service.AuditTrail;
import org.dialdesk.profile.Profiles;
import org.dialdesk.store.AuditLog;
import org.dialdesk.store.DoNotCallList;
import org.dialdesk.service.DoNotCall;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "dial",
        mixinStandardHelpOptions = true,
        description = {
            "Place (or schedule) one outbound call on a profile's account (--profile), or at a base URL"
                    + " (--base-url) with the API key in the environment variable " + DialCommand.API_KEY_VARIABLE + ".",
            "",
            "Exit codes:",
            "  0  created",
            "  2  invalid input (nothing sent)",
            "  3  rejected by the service",
            "  4  outcome uncertain: check call history before running it again",
            "  1  anything else"})
public final class DialCommand implements Callable<Integer> {
    static final String API_KEY_VARIABLE = "DIALDESK_API_KEY";

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile to dial on (see dialdesk profiles list).")
    String profile;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Or the service base URL, e.g. https://app.happyrobot.ai/api/v1 (http only for loopback).")
    String baseUrl;

    @Option(names = "--number-id", required = true, paramLabel = "ID", description = "Caller number ID (24 characters).")
    String numberId;

    @Option(names = "--phone", required = true, paramLabel = "PHONE",
            description = "Number to call: +14155550123, or a national number read in --country, e.g. (415) 555-0123.")
    String phone;

    @Option(names = "--country", paramLabel = "CC",
            description = "Country national numbers are read in, e.g. US or GB (default: the console's default country"
                    + " from its settings, as the dial form reads them).")
    String country;

    @Option(names = "--use-case", paramLabel = "ID", description = "Use case ID.")
    String useCaseId;

    @Option(names = "--agent", paramLabel = "ID", description = "Agent ID.")
    String agentId;

    @Option(names = "--model", paramLabel = "ID", description = "Model ID.")
    String modelId;

    @Option(names = "--prompt", paramLabel = "ID", description = "Prompt ID (default outbound prompt when left out).")
    String promptId;

    @Option(names = "--language", paramLabel = "TAG", description = "One of en-US, en-GB, es-MX, es-ES, pt-PT, de-DE, fr-FR, pl-PL, ro-RO, it-IT.")
    String language;

    @Option(names = "--params", paramLabel = "JSON|@file", description = "Prompt parameters: any JSON value, or @file to read it.")
    String params;

    @Option(names = "--metadata", paramLabel = "JSON|@file", description = "Metadata: a JSON object, or @file to read it.")
    String metadata;

    @Option(names = "--campaign", paramLabel = "ID", description = "Campaign ID.")
    String campaignId;

    @Option(names = "--at", paramLabel = "DATETIME",
            description = "Schedule for this time, ISO with offset or zone, e.g. 2026-12-01T09:30[America/Chicago]; sent as UTC.")
    String at;

    @Option(names = "--max-minutes", paramLabel = "N", description = "Maximum call duration in minutes (1-"
            + DialRequestValidator.MAX_DURATION_CAP_MINS + ").")
    Integer maxMinutes;

    @Option(names = "--dry-run", description = "Print the JSON body and send nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the whole response as JSON instead of the call ID.")
    boolean json;

    private final Map<String, String> environment;
    private final Clock clock;
    private final Supplier<Profiles> profiles;
    private final Supplier<AuditLog> audit;
    private final Terminal terminal;
    /** Every dial is recorded, as the profile's name or, for a bare base URL, its host. */
    private AuditTrail auditTrail = AuditTrail.NONE;

    DialCommand(Map<String, String> environment, Clock clock, Supplier<Profiles> profiles, Supplier<AuditLog> audit,
                Terminal terminal) {
        this.environment = environment;
        this.clock = clock;
        this.profiles = profiles;
        this.audit = audit;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();

        if (profile == null && baseUrl == null) {
            problems.add("Say which account: --profile NAME (see dialdesk profiles list), or --base-url URL with "
                    + API_KEY_VARIABLE + " set to its key.");
        } else if (profile != null && baseUrl != null) {
            problems.add("Give --profile or --base-url, not both.");
        } else if (baseUrl != null) {
            try {
                BaseUrls.check(baseUrl);
            } catch (IllegalArgumentException e) {
                problems.add("--base-url: " + e.getMessage());
            }
        }
        JsonNode paramsJson = readJson("--params", params, problems);
        JsonNode metadataJson = readJson("--metadata", metadata, problems);
        Instant scheduledFor = null;
        if (at != null) {
            try {
                scheduledFor = ScheduleTimes.parse(at);
            } catch (IllegalArgumentException e) {
                problems.add("--at: " + e.getMessage());
            }
        }
        // The same reading of the number as the dial form's, so the same input means the same number in both.
        String region = country != null ? country : new SettingsStore(AppPaths.dataDir(environment)).load().defaultCountry();
        String callee = phone;
        boolean phoneRead = false;
        if (!PhoneCheck.isKnownCountry(region)) {
            problems.add("--country: \"" + region + "\" is not a country code; use two letters, e.g. US or GB.");
        } else {
            PhoneCheck.Result checked = PhoneCheck.check(phone, region);
            if (checked.ok()) {
                callee = checked.e164();
            } else {
                problems.add("--phone: " + checked.problem());
            }
            phoneRead = true;
        }
        DialRequest request = DialRequest.builder()
                .numberId(numberId).phoneNumber(callee).useCaseId(useCaseId).agentId(agentId)
                .modelId(modelId).promptId(promptId).language(language).params(paramsJson)
                .metadata(metadataJson).campaignId(campaignId).scheduledFor(scheduledFor)
                .maxDurationMins(maxMinutes).build();
        for (FieldError error : new DialRequestValidator(clock).validate(request)) {
            if (phoneRead && DialField.PHONE.json().equals(error.field())) {
                continue; // the number was read above, with a message of its own
            }
            problems.add(DialField.optionOf(error.field()) + ": " + error.message());
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println(problem));
            err.println("Nothing was sent.");
            return ExitCodes.INVALID_INPUT;
        }
        if (dryRun) {
            out.println(RequestRendering.prettyJson(request));
            return ExitCodes.OK;
        }
        Account account;
        try {
            account = Account.resolve(profile, baseUrl, environment, profiles.get(), terminal);
        } catch (Account.Problem e) {
            err.println(e.getMessage() + " Nothing was sent.");
            return ExitCodes.INVALID_INPUT;
        }
        if (audit.get() != null) {
            auditTrail = AuditTrail.into(audit.get(), account.name(), clock);
        }
        Path dataDir = AppPaths.dataDir(environment);
        try (DialClient client = new DialClient(account.clientConfig(new SettingsStore(dataDir).load()), clock);
             DoNotCallList doNotCall = new DoNotCallList(DoNotCallList.fileIn(dataDir))) {
            // The shared do-not-call list holds here as in the window: a listed number is never dialled.
            return report(DialService.over(client, clock, auditTrail,
                    DoNotCall.over(doNotCall, new SettingsStore(dataDir).load().zone(clock.getZone()))).send(request), out, err);
        } catch (java.sql.SQLException e) {
            err.println("The do-not-call list (" + DoNotCallList.fileIn(dataDir) + ") cannot be opened (" + e.getMessage()
                    + "), so nothing is dialled until it can. Nothing was sent.");
            return ExitCodes.OTHER;
        }
    }

    private int report(DialOutcome outcome, PrintWriter out, PrintWriter err) {
        if (outcome instanceof DialOutcome.Created created) {
            out.println(json ? RequestRendering.prettyJson(created.response()) : created.response().id());
            return ExitCodes.OK;
        }
        if (outcome instanceof DialOutcome.Uncertain uncertain) {
            err.println("Outcome uncertain: " + uncertain.message());
            err.println("Do not run this command again until call history shows whether a call to "
                    + uncertain.request().phoneNumber() + " was created.");
            return ExitCodes.UNCERTAIN;
        }
        if (outcome instanceof DialOutcome.Rejected rejected) {
            err.println(rejected.reason() == DialOutcome.Rejected.Reason.REFUSED
                    ? "The service rejected the dial: " + rejected.message() : rejected.message());
            rejected.fieldErrors().forEach(e -> err.println("  " + DialField.optionOf(e.field()) + ": " + e.message()));
            return ExitCodes.REJECTED;
        }
        DialOutcome.NeverSent neverSent = (DialOutcome.NeverSent) outcome;
        if (neverSent.invalid()) {
            neverSent.fieldErrors().forEach(e -> err.println(DialField.optionOf(e.field()) + ": " + e.message()));
            return ExitCodes.INVALID_INPUT;
        }
        err.println(neverSent.message());
        return ExitCodes.OTHER;
    }

    private JsonNode readJson(String option, String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        String text = value;
        if (value.startsWith("@")) {
            Path file = Path.of(value.substring(1));
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                problems.add(option + ": file not found: " + file);
                return null;
            } catch (IOException e) {
                problems.add(option + ": cannot read " + file + ": " + e.getMessage());
                return null;
            }
        }
        JsonText.Read read = JsonText.read(text);
        if (read.blank()) {
            problems.add(option + ": empty; give a JSON value such as {\"name\": \"Ada\"}.");
        } else if (!read.ok()) {
            problems.add(option + ": not valid JSON at " + read.problem().where() + ": " + read.problem().message());
        }
        return read.value();
    }
}
