package org.dialdesk.bulk;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dialdesk.api.UseCase;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.domain.TemplateVariables;
import org.dialdesk.service.DialService;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.store.BulkMappingStore;
import org.dialdesk.store.OutboxJournal;

/**
 * Bulk dialing for one open profile, as the Bulk screen uses it: read a file, plan it, launch it,
 * run it, settle what waits, export. Every method blocks; the screen calls them off the UI thread.
 */
public final class BulkDesk {
    /** The account the runs go to, as the launch question names it. */
    public record Account(String name, String baseUrl, boolean live, String keyFingerprint) {
    }

    private final Account account;
    private final DialService dials;
    private final Supplier<OrgDirectory.Snapshot> directory;
    private final BulkPlanner planner;
    private final OutboxJournal journal;
    private final BulkMappingStore mappings;
    private final Clock clock;
    private final BulkPlanner.Defaults defaults;
    private final int chunk;
    private final double rate;
    private final org.dialdesk.service.AuditTrail audit;
    private final BulkEngine.SendCheck sendCheck;

    public BulkDesk(Account account, DialService dials, Supplier<OrgDirectory.Snapshot> directory, BulkPlanner planner,
                    OutboxJournal journal, BulkMappingStore mappings, Clock clock, BulkPlanner.Defaults defaults, int chunk,
                    double rate, org.dialdesk.service.AuditTrail audit, BulkEngine.SendCheck sendCheck) {
        this.audit = audit;
        this.sendCheck = sendCheck;
        this.account = account;
        this.dials = dials;
        this.directory = directory;
        this.planner = planner;
        this.journal = journal;
        this.mappings = mappings;
        this.clock = clock;
        this.defaults = defaults;
        this.chunk = chunk;
        this.rate = rate;
    }

    public Account account() {
        return account;
    }

    public int chunk() {
        return chunk;
    }

    public double rate() {
        return rate;
    }

    /**
     * The one question asked before a launch: the count, the account (LIVE or simulated), the number
     * and use case the calls go with, how many ring people called lately again, the pace and how long
     * the run takes at it, and {@code sentBefore}'s warning when this file went to this account before.
     */
    public String launchQuestion(BulkPlan plan, Choice choice, Optional<String> sentBefore) {
        String where = account.live() ? "LIVE · " + account.name() : account.name() + " (calls are simulated)";
        String pace = rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
        String again = plan.ringingAgain() > 0 ? String.format(java.util.Locale.ROOT, "%n%,d of these people %s called in the"
                + " last 24 hours, or %s a call waiting: they are rung again.", plan.ringingAgain(),
                plan.ringingAgain() == 1 ? "was" : "were", plan.ringingAgain() == 1 ? "has" : "have")
                : plan.ringingAgain() < 0 ? String.format("%nPeople called in the last 24 hours are rung again (the account's"
                        + " recent calls could not be read to count them).") : "";
        String held = plan.waitingForHours() == 0 ? "" : String.format(java.util.Locale.ROOT, "%n%,d of them are outside calling"
                + " hours now and go when the hours open (scheduled).", plan.waitingForHours());
        return String.format(java.util.Locale.ROOT, "Send %,d %s on %s?%n%n%s%n%s%s%s%nThey go %d to a request, at most %s a"
                + " second: %s.", plan.ready(), plan.ready() == 1 ? "call" : "calls", where, from(choice), plan.summary(),
                again, held, chunk, pace,
                duration(plan.ready() / rate)) + sentBefore.map(warning -> "\n\n" + warning).orElse("");
    }

    /** "From Support line · +1 415 555 0100, use case Appointment reminder (the number's default)." */
    private String from(Choice choice) {
        OrgDirectory.Snapshot lists = directory.get();
        String number = choice.numberId() == null ? null : lists == null || !lists.numbers().ok() ? choice.numberId()
                : lists.numbers().items().stream().filter(n -> choice.numberId().equals(n.id())).findFirst()
                        .map(n -> (n.title() == null ? "" : n.title() + " · ") + n.number()).orElse(choice.numberId());
        String useCaseId = useCaseOf(lists, choice.numberId(), choice.useCaseId());
        String useCase = useCaseId == null ? null : lists == null || !lists.useCases().ok() ? useCaseId
                : lists.useCases().items().stream().filter(u -> useCaseId.equals(u.id())).findFirst()
                        .map(u -> u.name() == null ? u.id() : u.name()).orElse(useCaseId);
        return (number == null ? "From each row's own caller number" : "From " + number)
                + (useCase == null ? (choice.numberId() == null ? ", each row's use case" : ", the number's default use case")
                        : ", use case " + useCase + (choice.useCaseId() == null ? " (the number's default)" : ""))
                + (choice.campaignId() == null ? "" : ", campaign " + choice.campaignId()) + ".";
    }

    /** How long sending takes at the run's pace, roughly: "under a minute", "about 14 min", "about 2 h 5 min". */
    static String duration(double seconds) {
        if (seconds < 60) {
            return "under a minute";
        }
        long minutes = Math.round(seconds / 60);
        return minutes < 60 ? "about " + minutes + " min"
                : "about " + minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /** A file read. */
    public record Imported(Path file, Sheet sheet) {
    }

    /**
     * What the operator chose for the rows that do not say: the number that calls, the use case, the
     * campaign; and what becomes of rows called lately or outside calling hours.
     */
    public record Choice(String numberId, String useCaseId, String campaignId, BulkPlanner.Options options) {
        public Choice(String numberId, String useCaseId, String campaignId) {
            this(numberId, useCaseId, campaignId, BulkPlanner.Options.NONE);
        }

        public Choice withOptions(BulkPlanner.Options chosen) {
            return new Choice(numberId, useCaseId, campaignId, chosen);
        }
    }

    /** The choice the profile starts with: its default caller number and use case. */
    public Choice defaultChoice() {
        return new Choice(defaults.numberId(), defaults.useCaseId(), defaults.campaignId());
    }

    /** The account's caller numbers and visible use cases, for the screen's pickers. */
    public record Lists(List<org.dialdesk.api.CallerNumber> numbers, List<UseCase> useCases) {
    }

    public Lists lists() {
        OrgDirectory.Snapshot lists = directory.get();
        return new Lists(lists.numbers().items(), lists.useCases().items().stream().filter(u -> !u.isHidden()).toList());
    }

    public Imported read(Path file) throws BulkInputException {
        return new Imported(file, SheetReader.read(file));
    }

    /** Reads the file as the operator says it is written. */
    public Imported read(Path file, SheetFormat format) throws BulkInputException {
        return new Imported(file, SheetReader.read(file, format));
    }

    /**
     * The mapping a sheet gets for the run's use case (the one chosen, else the caller number's
     * default when the account's lists say which): automatic, then what was saved for that use case.
     */
    public ColumnMapping mappingFor(Sheet sheet, Choice choice) {
        String useCaseId = useCaseOf(directory.get(), choice.numberId(), choice.useCaseId());
        return ColumnMapping.automatic(sheet, variables(useCaseId)).withKeys(mappings.load(useCaseId));
    }

    /** As {@link #useCaseOf}, by the account's lists as loaded now. */
    public String useCaseOf(String numberId, String chosenUseCaseId) {
        return useCaseOf(directory.get(), numberId, chosenUseCaseId);
    }

    /** The use case a run's calls get: the one chosen, else the caller number's default if the lists name it; else null. */
    public static String useCaseOf(OrgDirectory.Snapshot lists, String numberId, String chosenUseCaseId) {
        if (chosenUseCaseId != null || numberId == null || lists == null || !lists.numbers().ok()) {
            return chosenUseCaseId;
        }
        return lists.numbers().items().stream().filter(n -> numberId.equals(n.id())).findFirst()
                .map(org.dialdesk.api.CallerNumber::useCaseId).orElse(null);
    }

    public BulkPlan plan(Sheet sheet, ColumnMapping mapping, Set<Integer> excluded, Choice choice) throws BulkInputException {
        BulkPlanner.Defaults chosen = defaults.withNumber(choice.numberId()).withUseCase(choice.useCaseId())
                .withCampaign(choice.campaignId());
        return planner.plan(sheet, mapping, chosen, directory.get(), excluded, choice.options());
    }

    /** The {{variables}} of the use case a run with this choice gets (empty when the lists do not name it). */
    public List<String> variablesFor(Choice choice) {
        return variables(useCaseOf(directory.get(), choice.numberId(), choice.useCaseId()));
    }

    private List<String> variables(String useCaseId) {
        OrgDirectory.Snapshot lists = directory.get();
        if (useCaseId == null || lists == null || !lists.useCases().ok()) {
            return List.of();
        }
        return lists.useCases().items().stream().filter(u -> useCaseId.equals(u.id())).findFirst()
                .map(UseCase::prompt).map(TemplateVariables::of).orElse(List.of());
    }


    /**
     * Writes the run to the outbox (nothing is sent yet) and keeps its mapping for next time.
     *
     * @param fixedRows rows the operator fixed in the preview, for the audit log
     */
    public String launch(Imported imported, BulkPlan plan, Choice choice, int fixedRows)
            throws SQLException, IOException, BulkInputException {
        if (!choice.options().ringAgain()) {
            List<BulkPlan.Row> called = planner.calledSincePlanned(plan);
            if (!called.isEmpty()) {
                throw new BulkInputException(String.format(java.util.Locale.ROOT, "Since the preview was made, %,d of its"
                        + " people were called or given a call (row %d, %s first). The rows were checked again: look at them"
                        + " and launch again. Nothing was sent.", called.size(), called.get(0).number(), called.get(0).callee()));
            }
        }
        keepMapping(plan.mapping(), choice);
        return BulkEngine.launch(journal, plan, new OutboxJournal.RunSpec(imported.file().toAbsolutePath().toString(),
                fingerprint(imported.file()), account.name(), account.baseUrl(), account.live(), chunk, rate, account.keyFingerprint()),
                clock, audit, fixedRows).id();
    }

    /** Keeps the columns' roles for the run's use case: offered again for its next file. */
    public void keepMapping(ColumnMapping mapping, Choice choice) throws IOException {
        mappings.save(useCaseOf(directory.get(), choice.numberId(), choice.useCaseId()), mapping.keys());
    }

    /**
     * Runs or resumes the run until it ends, pauses or waits for the operator. The operator's hand on
     * it (a resume, a pause, a cancel) goes into the audit log, as the launch did.
     */
    public BulkEngine.Result run(String runId, RunControl control, Consumer<BulkProgress> progress) throws SQLException {
        // A real service may list a call a little after making it; the sandbox lists it at once.
        Duration settle = account.live() ? Duration.ofSeconds(10) : Duration.ZERO;
        return runAudited(new BulkEngine(dials, journal, clock, BulkEngine.Waiter.REAL, settle, sendCheck), journal, audit,
                runId, control, progress);
    }

    /**
     * Runs or resumes the run on {@code engine}, recording in the audit log a resume, and a pause or
     * cancel the operator asked for: the screen's runs and {@code dialdesk batch}'s alike.
     */
    public static BulkEngine.Result runAudited(BulkEngine engine, OutboxJournal journal, org.dialdesk.service.AuditTrail audit,
                                               String runId, RunControl control, Consumer<BulkProgress> progress)
            throws SQLException {
        // A paused run, or one some of whose rows went already (stopped by a restart), is resumed, not started.
        Map<OutboxJournal.State, Integer> before = journal.counts(runId);
        boolean paused = journal.run(runId).map(r -> r.state() == OutboxJournal.RunState.PAUSED).orElse(false);
        boolean resumed = !control.cancelAsked() && (paused || before.entrySet().stream().anyMatch(state -> state.getValue() > 0
                && state.getKey() != OutboxJournal.State.PLANNED && state.getKey() != OutboxJournal.State.SKIPPED));
        if (resumed) {
            audit.record(AuditEntry.Action.BULK_RESUME, "Resumed bulk run " + runId, AuditEntry.Outcome.DONE, null);
        }
        BulkEngine.Result result = engine.run(runId, control, progress);
        if (result.state() == OutboxJournal.RunState.CANCELED && control.cancelAsked()) {
            audit.record(AuditEntry.Action.BULK_CANCEL, "Cancelled bulk run " + runId + ": " + result.progress().standingLine(),
                    AuditEntry.Outcome.DONE, null);
        } else if (result.state() == OutboxJournal.RunState.PAUSED && control.pauseAsked()) {
            audit.record(AuditEntry.Action.BULK_PAUSE, "Paused bulk run " + runId + ": " + result.progress().standingLine(),
                    AuditEntry.Outcome.DONE, null);
        }
        return result;
    }

    public void decide(String runId, int row, BulkEngine.Decision decision) {
        new BulkEngine(dials, journal, clock, BulkEngine.Waiter.REAL, Duration.ZERO, BulkEngine.SendCheck.NONE)
                .decide(runId, row, decision);
    }

    /**
     * One row of a run as the screen lists it: its state in words, whether it waits for the operator,
     * and whether it is finished (created, rejected, skipped or cancelled: what the progress bar counts).
     */
    public record RunRow(int number, String callee, String state, String reason, String callId, boolean created,
                         boolean waiting, boolean finished) {
    }

    /** Every row of the run, in file order. */
    public List<RunRow> rows(String runId) throws SQLException {
        return journal.rowsIn(runId, OutboxJournal.State.values()).stream().map(BulkDesk::runRow).toList();
    }

    /** The run's rows numbered {@code first} to {@code last} as they stand now, in file order. */
    public List<RunRow> rowsBetween(String runId, int first, int last) throws SQLException {
        return journal.rowsBetween(runId, first, last).stream().map(BulkDesk::runRow).toList();
    }

    private static RunRow runRow(OutboxJournal.Row row) {
        String state = switch (row.state()) {
            case NEEDS_DECISION -> "Waiting for you";
            case SENDING -> "Being sent";
            default -> row.state().name().charAt(0) + row.state().name().substring(1).toLowerCase(java.util.Locale.ROOT);
        };
        return new RunRow(row.rowNo(), row.callee(), state, row.reason() == null ? "" : row.reason(),
                row.callId() == null ? "" : row.callId(), row.state() == OutboxJournal.State.CREATED,
                row.state() == OutboxJournal.State.NEEDS_DECISION, row.state().finished());
    }

    /** A run left unfinished: its ID, file and why it stopped. */
    public record Unfinished(String id, String source, String message) {
    }

    public long exportResults(Path file, String runId) throws IOException, SQLException {
        return BulkExports.results(file, journal, runId);
    }

    public long exportRejects(Path file, BulkPlan plan) throws IOException, SQLException {
        return BulkExports.rejects(file, plan);
    }

    /**
     * What the launch question must add when this file went to this account before: a run of it
     * unfinished (resume that instead), or sent. The people an earlier run called in the last 24
     * hours, or is still to call, are held back by the plan itself unless the operator chose to ring
     * them again (see {@link EarlierCalls}); this says which. Empty if neither.
     */
    public Optional<String> sentBefore(Path file) throws SQLException, BulkInputException {
        return previous(journal, fingerprint(file), account.baseUrl(), account.keyFingerprint()).map(before -> before.unfinished()
                ? "Run " + before.run().id() + " of this same file is not finished: resume it instead unless you mean a"
                        + " new run. A new run holds back the people it called in the last 24 hours or is still to call,"
                        + " unless you chose to ring them again."
                : "This same file was sent on " + account.name() + " already (run " + before.run().id() + ", "
                        + before.created() + (before.created() == 1 ? " call" : " calls") + " created). The people it called"
                        + " in the last 24 hours are held back unless you chose to ring them again; people it called"
                        + " before that are rung again.");
    }

    /** A run of the same file on the same account: unfinished, or one that created calls. */
    public record Previous(OutboxJournal.Run run, boolean unfinished, int created) {
    }

    /** The newest earlier run of this file (by fingerprint) at this base URL that is unfinished or created calls. */
    public static Optional<Previous> previous(OutboxJournal journal, String fingerprint, String baseUrl, String keyFingerprint)
            throws SQLException {
        for (OutboxJournal.Run run : journal.runs()) {
            if (!run.spec().sourceHash().equals(fingerprint) || !run.spec().sameAccount(baseUrl, keyFingerprint)) {
                continue;
            }
            boolean unfinished = run.state() == OutboxJournal.RunState.RUNNING || run.state() == OutboxJournal.RunState.PAUSED;
            int created = journal.counts(run.id()).get(OutboxJournal.State.CREATED);
            if (unfinished || created > 0) {
                return Optional.of(new Previous(run, unfinished, created));
            }
        }
        return Optional.empty();
    }

    /** The newest run on this account not finished or cancelled, to offer again after a restart. */
    public Optional<Unfinished> unfinished() throws SQLException {
        return journal.runs().stream().filter(r -> r.spec().sameAccount(account.baseUrl(), account.keyFingerprint()))
                .filter(r -> r.state() == OutboxJournal.RunState.RUNNING || r.state() == OutboxJournal.RunState.PAUSED)
                .findFirst().map(r -> new Unfinished(r.id(), r.spec().source(), r.message()));
    }

    /** The file's fingerprint (SHA-256 of its bytes), so a resumed run is the same file's. */
    public static String fingerprint(Path file) throws BulkInputException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new BulkInputException("Cannot read " + file + ": " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
