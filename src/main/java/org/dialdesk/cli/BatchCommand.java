package org.dialdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dialdesk.api.BaseUrls;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.UseCase;
import org.dialdesk.bulk.BulkEngine;
import org.dialdesk.bulk.BulkExports;
import org.dialdesk.bulk.BulkField;
import org.dialdesk.bulk.BulkInputException;
import org.dialdesk.bulk.BulkPlan;
import org.dialdesk.bulk.BulkPlanner;
import org.dialdesk.bulk.BulkProgress;
import org.dialdesk.bulk.ColumnMapping;
import org.dialdesk.bulk.EarlierCalls;
import org.dialdesk.bulk.RunControl;
import org.dialdesk.bulk.Sheet;
import org.dialdesk.bulk.SheetReader;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.Settings;
import org.dialdesk.domain.TemplateVariables;
import org.dialdesk.profile.Profile;
import org.dialdesk.profile.Profiles;
import org.dialdesk.service.AuditTrail;
import org.dialdesk.service.DialService;
import org.dialdesk.service.DoNotCall;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.AuditLog;
import org.dialdesk.store.BulkMappingStore;
import org.dialdesk.store.DoNotCallList;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.store.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Dial every row of a spreadsheet (CSV, TSV or .xlsx) on a profile's account, through the outbox:"
                    + " no row is sent twice, none is forgotten, and a run stopped in any way resumes with --resume.",
            "",
            "Exit codes:",
            "  0  every row was created or skipped with its reason",
            "  2  invalid input (nothing sent)",
            "  3  the service refused some rows (listed)",
            "  4  some rows' outcome could not be settled: listed; check them in call history",
            "  1  stopped before the end (the service unreachable, the key refused, Ctrl+C): run again with --resume",
            "  (2 also when no row is ready to send: every row skipped, see the reasons)",
            "  --dry-run exits as the run would: 0, or 2 when the run would be refused (it says why)."})
public final class BatchCommand implements Callable<Integer> {
    private static final int SKIPPED_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The spreadsheet: .csv, .tsv or .xlsx.")
    Path file;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile to dial on (see dialdesk profiles list).")
    String profile;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Or the service base URL, with the API key in " + Account.API_KEY_VARIABLE + ".")
    String baseUrl;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD",
            description = "Say what a column is: one of phone, caller, use_case, agent, model, language, scheduled_for,"
                    + " zone, max_duration, campaign, param, metadata, ignore; or param:VARIABLE for the prompt"
                    + " variable the column fills (\"First Name=param:patient_name\"). Repeat for each column to change.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--number-id", paramLabel = "NUMBER",
            description = "The caller number for rows without one: its ID, its phone number or its name, as the"
                    + " account lists it (default: the profile's default caller number).")
    String numberId;

    @Option(names = "--use-case", paramLabel = "ID",
            description = "The use case for rows without one (default: the profile's default use case).")
    String useCaseId;

    @Option(names = "--campaign", paramLabel = "ID", description = "The campaign for rows without one.")
    String campaign;

    @Option(names = "--country", paramLabel = "CC",
            description = "Country national numbers are read in (default: the console's default country).")
    String country;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of scheduled times written without one (default: the console's display zone).")
    String zone;

    @Option(names = "--chunk", paramLabel = "N", description = "Rows per batched request (default from settings).")
    Integer chunk;

    @Option(names = "--rate", paramLabel = "N", description = "Dials a second at most (default from settings).")
    Double rate;

    @Option(names = "--ring-again", description = "Also dial callees this account called in the last 24 hours, or has a"
            + " call waiting for (a follow-up run). Without it they are skipped, each saying which call.")
    boolean ringAgain;

    @Option(names = "--when-hours-open", description = "Schedule rows to dial now that are outside calling hours for"
            + " when the hours open (callee time and the use case's hours), rather than skip them.")
    boolean whenHoursOpen;

    @Option(names = "--dry-run", description = "Print the preview (counts and every skipped row with its reason); send nothing.")
    boolean dryRun;

    @Option(names = "--resume", arity = "0..1", paramLabel = "RUN", fallbackValue = "",
            description = "Resume a run: the one named (r-…), or the latest unfinished run of this file on this account.")
    String resume;


    @Option(names = "--delimiter", paramLabel = "C", description = "The cell delimiter, when the detected one is wrong:"
            + " , ; | or tab.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "NAME", description = "The file's encoding, when the detected one is wrong:"
            + " UTF-8, UTF-16LE, UTF-16BE, windows-1252, ISO-8859-1…")
    String encoding;

    @Option(names = "--header", negatable = true, description = "Whether the first row names the columns (detected when"
            + " not given: a first row with a phone number in it is data).")
    Boolean header;

    @Option(names = "--again", description = "Send a file that was sent on this account before, ringing its callees again.")
    boolean again;

    @Option(names = "--results", paramLabel = "CSV", description = "Write every row's outcome to this CSV file at the end.")
    Path results;

    private final Map<String, String> environment;
    private final Clock clock;
    private final Supplier<Profiles> profiles;
    private final Supplier<AuditLog> audit;
    private final Terminal terminal;

    BatchCommand(Map<String, String> environment, Clock clock, Supplier<Profiles> profiles, Supplier<AuditLog> audit,
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
        Path dataDir = AppPaths.dataDir(environment);
        Settings settings = new SettingsStore(dataDir).load();
        List<String> problems = new ArrayList<>();
        // "--resume campaign.csv": the option took the file for a run ID. A run ID looks like r-<seconds>-<hex>.
        if (resume != null && !resume.isEmpty() && !resume.matches("r-\\d+-[0-9a-f]{8}")) {
            if (file == null) {
                file = Path.of(resume);
                resume = "";
            } else {
                problems.add("--resume: \"" + resume + "\" is not a run ID (they look like r-1796230270-7e84743e).");
            }
        }
        if (file == null) {
            problems.add("Give the spreadsheet to dial: dialdesk batch FILE …");
        } else if (!Files.isRegularFile(file)) {
            problems.add("There is no file " + file + ".");
        }
        int chunkSize = chunk != null ? chunk : settings.bulkChunk();
        double pace = rate != null ? rate : settings.bulkRate();
        org.dialdesk.domain.SettingsRules.bulkChunkProblem(Integer.toString(chunkSize)).ifPresent(p -> problems.add("--chunk: " + p));
        org.dialdesk.domain.SettingsRules.bulkRateProblem(Double.toString(pace)).ifPresent(p -> problems.add("--rate: " + p));
        String region = country != null ? country : settings.defaultCountry();
        if (!PhoneCheck.isKnownCountry(region)) {
            problems.add("--country: \"" + region + "\" is not a country code; use two letters, e.g. US or GB.");
        }
        ZoneId scheduleZone = settings.zone(clock.getZone());
        if (zone != null) {
            try {
                scheduleZone = ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                problems.add("--zone: \"" + zone + "\" is not a time zone; write e.g. America/Chicago.");
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println("Nothing was sent.");
            return ExitCodes.INVALID_INPUT;
        }
        Account account;
        Optional<Profile> chosen = Optional.empty();
        try {
            account = Account.resolve(profile, baseUrl, environment, profiles.get(), terminal);
            if (profile != null) {
                chosen = profiles.get().byName(profile);
            }
        } catch (Account.Problem e) {
            err.println(e.getMessage() + " Nothing was sent.");
            return ExitCodes.INVALID_INPUT;
        }
        boolean live = !isLoopback(account.baseUrl());
        CallingRule hours = new CallingRule(settings.callingHours(), CalleeZones.load());
        AuditTrail trail = audit.get() == null ? AuditTrail.NONE : AuditTrail.into(audit.get(), account.name(), clock);
        try (DialClient client = new DialClient(account.clientConfig(settings), clock);
             OutboxJournal journal = new OutboxJournal(OutboxJournal.fileIn(dataDir));
             DoNotCallList doNotCall = new DoNotCallList(DoNotCallList.fileIn(dataDir))) {
            DialService dials = DialService.over(client, clock, trail, DoNotCall.over(doNotCall, scheduleZone));
            String runId;
            if (resume != null) {
                Optional<OutboxJournal.Run> run = findRun(journal, account, err);
                if (run.isEmpty()) {
                    return ExitCodes.INVALID_INPUT;
                }
                runId = run.get().id();
                if (dryRun) {
                    // A dry run sends nothing, resumed or not: it says where the run stands.
                    out.println("Run " + runId + " of " + run.get().spec().source() + " on " + badge(account, live) + ": "
                            + new BulkProgress(runId, journal.counts(runId), run.get().spec().ratePerSecond(),
                                    Optional.empty(), null).line() + ".");
                    out.println("Dry run: nothing was sent.");
                    return ExitCodes.OK;
                }
                if (chunk != null || rate != null) { // a resumed run keeps its own pace unless told otherwise
                    journal.setPace(runId, chunk != null ? chunkSize : run.get().spec().chunk(),
                            rate != null ? pace : run.get().spec().ratePerSecond());
                }
                out.println("Resuming run " + runId + " of " + run.get().spec().source() + " on " + badge(account, live) + ".");
            } else {
                Sheet sheet = SheetReader.read(file, format());
                OrgDirectory.Snapshot directory = new OrgDirectory(client, clock).reload();
                String useCase = useCaseId != null ? useCaseId : chosen.map(Profile::defaultUseCaseId).orElse(null);
                String caller = chosen.map(Profile::defaultCallerNumberId).orElse(null);
                if (numberId != null) {
                    Optional<String> named = callerNamed(directory, numberId, region);
                    if (named.isEmpty()) {
                        err.println("--number-id " + numberId + ": the account has no caller number with that ID, phone"
                                + " number or name" + numbersListed(directory) + " Nothing was sent.");
                        return ExitCodes.INVALID_INPUT;
                    }
                    caller = named.get();
                }
                if (caller == null && directory.numbers().ok() && directory.numbers().items().size() == 1) {
                    caller = directory.numbers().items().get(0).id(); // the account's only number
                }
                // A profile's files are the console's, in the folder named by its id: its mappings and its call history.
                Optional<Path> profileDir = chosen.map(p -> AppPaths.profileDir(dataDir, p.id()));
                BulkMappingStore mappings = new BulkMappingStore(profileDir.orElse(dataDir));
                // Left to the caller number's default, the file is mapped for that use case when the lists name it.
                String mappedFor = org.dialdesk.bulk.BulkDesk.useCaseOf(directory, caller, useCase);
                Map<String, String> saved = mappings.load(mappedFor);
                if (saved.isEmpty() && profileDir.isPresent()) {
                    saved = new BulkMappingStore(dataDir).load(mappedFor); // where batch kept them before it used the profile's folder
                }
                ColumnMapping mapping = ColumnMapping.automatic(sheet, variablesOf(directory, mappedFor)).withKeys(saved);
                for (String map : maps) {
                    int eq = map.lastIndexOf('=');
                    String key = eq < 0 ? "" : map.substring(eq + 1).strip();
                    if (key.startsWith(ColumnMapping.VARIABLE_KEY) && key.length() > ColumnMapping.VARIABLE_KEY.length()) {
                        mapping = mapping.mapToVariable(map.substring(0, eq).strip(), key.substring(ColumnMapping.VARIABLE_KEY.length()));
                        continue;
                    }
                    Optional<BulkField> field = BulkField.ofKey(key);
                    if (field.isEmpty()) {
                        err.println("--map " + map + ": write COLUMN=FIELD, FIELD one of " + BulkField.keys()
                                + ", or COLUMN=param:VARIABLE for the prompt variable the column fills.");
                        return ExitCodes.INVALID_INPUT;
                    }
                    mapping = mapping.map(map.substring(0, eq).strip(), field.get());
                }
                BulkPlanner.Defaults defaults = new BulkPlanner.Defaults(caller, useCase, null, null, null, campaign, null,
                        scheduleZone, region);
                BulkPlan plan;
                // The profile's call history, when the console has one, besides the outbox's runs: calls from the
                // Dial form, and runs synced long ago, count as having rung their callees.
                Path historyFile = profileDir.map(dir -> dir.resolve("history.db")).orElse(null);
                try (HistoryCache history = historyFile != null && Files.isRegularFile(historyFile)
                        ? new HistoryCache(historyFile) : null) {
                    BulkPlanner planner = new BulkPlanner(hours, numbers -> Set.copyOf(doNotCall.listed(numbers)),
                            EarlierCalls.of(journal, account.baseUrl(), account.key().fingerprint(), history), clock);
                    // --again lets this file go again, not its callees past the hold: a paused run's or a scheduled
                    // call's people would be rung twice. Ringing people called lately again is --ring-again's, said.
                    plan = planner.plan(sheet, mapping, defaults, directory, Set.of(),
                            new BulkPlanner.Options(ringAgain, whenHoursOpen));
                }
                printPreview(out, sheet, mapping, plan, directory);
                // The same file again says so first: its rows are held back as called already, which says less.
                Optional<String> sentBefore = sentBefore(journal, account);
                if (dryRun) {
                    // Exits as the run would: a script checking a file learns the run would be refused, and why.
                    Optional<String> refusal = sentBefore.isPresent() ? sentBefore
                            : plan.ready() == 0 ? Optional.of("No row is ready to send (see the reasons above).") : Optional.empty();
                    refusal.ifPresent(why -> out.println("Sent for real, this would be refused: " + why));
                    out.println("Dry run: nothing was sent.");
                    return refusal.isPresent() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
                }
                if (sentBefore.isPresent()) {
                    err.println(sentBefore.get());
                    err.println("Nothing was sent.");
                    return ExitCodes.INVALID_INPUT;
                }
                if (plan.ready() == 0) {
                    err.println("No row is ready to send (see the reasons above); nothing was sent.");
                    return ExitCodes.INVALID_INPUT;
                }
                mappings.save(mappedFor, mapping.keys());
                OutboxJournal.Run run = BulkEngine.launch(journal, plan, new OutboxJournal.RunSpec(
                        file.toAbsolutePath().toString(), org.dialdesk.bulk.BulkDesk.fingerprint(file), account.name(),
                        account.baseUrl(), live, chunkSize, pace, account.key().fingerprint()), clock, trail);
                runId = run.id();
                out.printf(Locale.ROOT, "Sending %,d calls on %s as run %s (%d a request, at most %s a second).%n",
                        plan.ready(), badge(account, live), runId, chunkSize, trim(pace));
            }
            return send(journal, dials, trail, runId, out, err, BulkEngine.SendCheck.callingHours(hours));
        } catch (BulkInputException e) {
            err.println(e.getMessage());
            err.println("Nothing was sent.");
            return ExitCodes.INVALID_INPUT;
        } catch (SQLException | IOException e) {
            err.println("The bulk outbox could not be used: " + e.getMessage() + ". Nothing was sent.");
            return ExitCodes.OTHER;
        }
    }

    private int send(OutboxJournal journal, DialService dials, AuditTrail trail, String runId, PrintWriter out,
                     PrintWriter err, BulkEngine.SendCheck sendCheck)
            throws SQLException, IOException {
        // A real service may list a call a little after creating it; a sandbox on this machine lists it at once.
        Duration settle = isLoopback(journal.run(runId).orElseThrow().spec().baseUrl()) ? Duration.ZERO : Duration.ofSeconds(10);
        BulkEngine engine = new BulkEngine(dials, journal, clock, BulkEngine.Waiter.REAL, settle, sendCheck);
        RunControl control = new RunControl();
        CountDownLatch done = new CountDownLatch(1);
        int[] exit = {ExitCodes.OTHER};
        PrintWriter[] streams = {out, err};
        // Ctrl+C pauses between requests and lets the command finish what it prints and writes; it then
        // ends with the command's own exit code (1: stopped before the end), not the signal's.
        Thread onInterrupt = new Thread(() -> {
            control.pause();
            try {
                if (done.await(60, TimeUnit.SECONDS)) {
                    streams[0].flush();
                    streams[1].flush();
                    Runtime.getRuntime().halt(exit[0]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dialdesk-batch-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            exit[0] = sendAndReport(engine, control, journal, trail, runId, out, err);
            return exit[0];
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for this
            }
        }
    }

    private int sendAndReport(BulkEngine engine, RunControl control, OutboxJournal journal, AuditTrail trail, String runId,
                              PrintWriter out, PrintWriter err) throws SQLException {
        ProgressPrinter printer = new ProgressPrinter(out, System.console() != null, clock);
        // A resume, and a pause by Ctrl+C, go into the audit log as the screen's do.
        BulkEngine.Result result = org.dialdesk.bulk.BulkDesk.runAudited(engine, journal, trail, runId, control, printer::show);
        printer.end(result.progress());
        if (results != null) {
            try {
                long written = BulkExports.results(results, journal, runId);
                out.println("Results of " + rows(written) + " written to " + results + ".");
            } catch (IOException e) {
                err.println("The results could not be written to " + results + " (" + e.getMessage() + "); the calls were"
                        + " sent as above. Write them again with: dialdesk batch " + file + " --resume " + runId
                        + " --results FILE");
            }
        }
        List<OutboxJournal.Row> unsettled = journal.rowsIn(runId, OutboxJournal.State.NEEDS_DECISION);
        int toLookUp = journal.rowsIn(runId, OutboxJournal.State.UNCERTAIN).size();
        if (toLookUp > 0) {
            err.println(rows(toLookUp) + (toLookUp == 1 ? " was" : " were") + " sent without a clear answer; call history is checked for them when the run"
                    + " resumes, before anything about them is sent again.");
        }
        List<OutboxJournal.Row> refused = journal.rowsIn(runId, OutboxJournal.State.REJECTED);
        if (!refused.isEmpty()) {
            err.println(rows(refused.size()) + (refused.size() == 1 ? " was" : " were") + " refused (by the service, or by the do-not-call list at their turn):");
            refused.stream().limit(SKIPPED_SHOWN).forEach(row -> err.println("  row " + row.rowNo() + " " + row.callee()
                    + ": " + row.reason()));
            if (refused.size() > SKIPPED_SHOWN) {
                err.println("  … and " + (refused.size() - SKIPPED_SHOWN) + " more (see --results).");
            }
        }
        if (!unsettled.isEmpty()) {
            err.println(rows(unsettled.size()) + " may or may not have rung; they are not sent again by themselves:");
            unsettled.forEach(row -> err.println("  row " + row.rowNo() + " " + row.callee() + ": " + row.reason()));
            err.println("Check them in call history (dialdesk calls --search NUMBER); the console's Bulk screen sends one"
                    + " again or leaves it at your word.");
            return ExitCodes.UNCERTAIN;
        }
        if (result.state() == OutboxJournal.RunState.PAUSED) {
            err.println(result.message() + " To go on: dialdesk batch " + file + " --resume " + runId
                    + " (with the same account options).");
            return ExitCodes.OTHER;
        }
        return refused.isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    /**
     * The ID of the caller number the operator named by its ID, its phone number (any way it is
     * written) or its name; the text itself when the account's numbers could not be listed (the
     * plan then says whether it is an ID). Empty when the list has no such number.
     */
    static Optional<String> callerNamed(OrgDirectory.Snapshot directory, String named, String region) {
        if (!directory.numbers().ok()) {
            return Optional.of(named);
        }
        String wanted = named.strip();
        org.dialdesk.domain.PhoneCheck.Result asPhone = org.dialdesk.domain.PhoneCheck.check(wanted, region);
        return directory.numbers().items().stream().filter(number -> wanted.equals(number.id())
                        || wanted.equalsIgnoreCase(number.title())
                        || asPhone.ok() && asPhone.e164().equals(number.number())
                        || wanted.equals(number.number()))
                .map(org.dialdesk.api.CallerNumber::id).findFirst();
    }

    private static String numbersListed(OrgDirectory.Snapshot directory) {
        return "; its numbers: " + String.join(", ", directory.numbers().items().stream()
                .map(n -> (n.title() == null ? "" : n.title() + " ") + n.number() + " (" + n.id() + ")").toList()) + ".";
    }

    /** The detected format, with what the operator said instead. */
    private org.dialdesk.bulk.SheetFormat format() throws BulkInputException {
        org.dialdesk.bulk.SheetFormat format = SheetReader.detect(file);
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1) {
                throw new BulkInputException("--delimiter: give one character, e.g. ; or tab.");
            }
            format = format.withDelimiter(d.charAt(0));
        }
        if (encoding != null) {
            try {
                format = format.withCharset(java.nio.charset.Charset.forName(encoding));
            } catch (IllegalArgumentException e) {
                throw new BulkInputException("--encoding: \"" + encoding + "\" is not an encoding this Java knows;"
                        + " write e.g. UTF-8 or windows-1252.");
            }
        }
        if (header != null) {
            format = format.withHeader(header);
        }
        return format;
    }

    /**
     * Why this file must not simply be launched again on this account: a run of it is unfinished
     * (resume it), or it was sent already (launched again only with --again), said as it is.
     */
    private Optional<String> sentBefore(OutboxJournal journal, Account account) throws SQLException, BulkInputException {
        Optional<org.dialdesk.bulk.BulkDesk.Previous> before = org.dialdesk.bulk.BulkDesk.previous(journal,
                org.dialdesk.bulk.BulkDesk.fingerprint(file), account.baseUrl(), account.key().fingerprint());
        if (before.isEmpty() || !before.get().unfinished() && again) {
            return Optional.empty();
        }
        OutboxJournal.Run run = before.get().run();
        return Optional.of(before.get().unfinished()
                ? "Run " + run.id() + " of this file on " + account.name() + " is not finished"
                        + (run.message() == null ? "" : " (" + run.message() + ")") + ". Resume it with --resume; a new"
                        + " run would hold back the people it called in the last 24 hours or is still to call, and"
                        + " send the rest."
                : "This file was sent on " + account.name() + " already: run " + run.id() + " on " + run.created()
                        + " created " + before.get().created() + (before.get().created() == 1 ? " call" : " calls")
                        + ". Sent again, it holds back the people called in the last 24 hours and rings the rest;"
                        + " add --again if that is what you want (with --ring-again to ring those called lately too).");
    }

    private Optional<OutboxJournal.Run> findRun(OutboxJournal journal, Account account, PrintWriter err)
            throws SQLException, BulkInputException {
        if (!resume.isBlank()) {
            Optional<OutboxJournal.Run> run = journal.run(resume.strip());
            if (run.isEmpty()) {
                err.println("There is no bulk run " + resume.strip() + ".");
            } else if (!run.get().spec().sameAccount(account.baseUrl(), account.key().fingerprint())) {
                err.println("Run " + resume.strip() + " was started on " + run.get().spec().account() + " ("
                        + run.get().spec().baseUrl() + ") with another key, not on this account; resume it there: its"
                        + " calls are that account's, and this one's history cannot show them.");
                return Optional.empty();
            }
            return run;
        }
        Optional<OutboxJournal.Run> run = journal.latestUnfinished(org.dialdesk.bulk.BulkDesk.fingerprint(file),
                account.baseUrl(), account.key().fingerprint());
        if (run.isEmpty()) {
            err.println("No unfinished run of " + file.getFileName() + " on " + account.name()
                    + ". Run it without --resume to start one.");
        }
        return run;
    }

    /** "1 row", "2 rows". */
    static String rows(long count) {
        return String.format(java.util.Locale.ROOT, "%,d %s", count, count == 1 ? "row" : "rows");
    }

    private void printPreview(PrintWriter out, Sheet sheet, ColumnMapping mapping, BulkPlan plan,
                              OrgDirectory.Snapshot directory) {
        out.println(sheet.source() + ": " + sheet.format().describe() + ", " + rows(sheet.rows().size()) + ".");
        List<String> mapped = new ArrayList<>();
        mapping.keys().forEach((column, key) -> mapped.add(column + " → " + key));
        out.println("Columns: " + String.join(", ", mapped));
        if (directory.failures() > 0) {
            out.println("Some of the account's lists could not be read; their IDs are not checked here.");
        }
        out.println(plan.summary());
        plan.skippedBy().forEach((skip, count) -> out.printf(Locale.ROOT, "  %,6d  %s%s%n", count, skip.label(),
                skip == BulkPlan.Skip.OUTSIDE_HOURS ? " (--when-hours-open schedules them for when the hours open)"
                        : skip == BulkPlan.Skip.CALLED_RECENTLY ? " (--ring-again sends them for a follow-up run)" : ""));
        if (plan.ringingAgain() != 0) {
            out.println(plan.ringingAgain() > 0
                    ? String.format(Locale.ROOT, "  %,6d  ready, called in the last 24 hours or with a call waiting: rung again"
                            + " (--ring-again)", plan.ringingAgain())
                    : "  People called in the last 24 hours are rung again (--ring-again); their calls could not be read.");
        }
        if (plan.waitingForHours() > 0) {
            out.printf(Locale.ROOT, "  %,6d  ready, outside calling hours now: scheduled for when they open%n", plan.waitingForHours());
        }
        List<BulkPlan.Row> skipped = plan.rows().stream().filter(r -> !r.ready()).toList();
        int shown = dryRun ? skipped.size() : Math.min(SKIPPED_SHOWN, skipped.size());
        for (int i = 0; i < shown; i++) {
            BulkPlan.Row row = skipped.get(i);
            out.println("  row " + row.number() + " " + row.callee() + ": " + row.skip().label() + ". " + row.reason());
        }
        if (shown < skipped.size()) {
            out.println("  … and " + (skipped.size() - shown) + " more (--dry-run lists them all).");
        }
    }

    private static List<String> variablesOf(OrgDirectory.Snapshot directory, String useCaseId) {
        if (useCaseId == null || !directory.useCases().ok()) {
            return List.of();
        }
        return directory.useCases().items().stream().filter(u -> useCaseId.equals(u.id())).findFirst()
                .map(UseCase::prompt).map(TemplateVariables::of).orElse(List.of());
    }

    private static String badge(Account account, boolean live) {
        return live ? "LIVE · " + account.name() : account.name() + " (loopback: a sandbox)";
    }

    private static boolean isLoopback(String baseUrl) {
        return BaseUrls.isLoopback(java.net.URI.create(baseUrl).getHost());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
