package org.dialdesk.app;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.DialClient;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.DialField;
import org.dialdesk.domain.DialMemory;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.TableLayout;
import org.dialdesk.profile.Profile;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.service.AuditTrail;
import org.dialdesk.service.DialService;
import org.dialdesk.service.DoNotCall;
import org.dialdesk.service.DoNotCallRecords;
import org.dialdesk.store.DoNotCallList;
import org.dialdesk.store.OutboxJournal;
import org.dialdesk.store.BulkMappingStore;
import org.dialdesk.bulk.BulkDesk;
import org.dialdesk.bulk.DoNotCallSheet;
import org.dialdesk.bulk.BulkEngine;
import org.dialdesk.bulk.BulkPlanner;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.ui.bulk.BulkViewModel;
import org.dialdesk.service.HistorySync;
import org.dialdesk.service.OrgDirectory;
import org.dialdesk.store.AuditLog;
import org.dialdesk.store.DialMemoryStore;
import org.dialdesk.bulk.EarlierCalls;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.domain.Settings;
import org.dialdesk.store.TableLayoutStore;
import org.dialdesk.ui.common.Navigation;
import org.dialdesk.ui.common.TaskRunner;
import org.dialdesk.ui.dial.DialViewModel;
import org.dialdesk.ui.dnc.DoNotCallViewModel;
import org.dialdesk.ui.history.DoNotCallAction;
import org.dialdesk.ui.history.HistoryViewModel;
import org.dialdesk.ui.org.OrganisationViewModel;

/**
 * Everything one open profile owns: its dial service (the embedded sandbox for the Sandbox
 * profile), the client, the stores on disk, the services over them and the screens' view models.
 * {@link #close()} closes all of it, newest first; opening another profile is closing this one and
 * opening the next, and nothing of this one survives it.
 */
public final class ProfileSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.dialdesk");
    static final CallingHours DEFAULT_CALLING_HOURS = new CallingHours(LocalTime.of(8, 0), LocalTime.of(21, 0));
    /** The organisation's four lists are asked for at once. */
    private static final int LIST_REQUESTS = 4;

    private final Profile profile;
    /** The profile's id: its folder's name. */
    private final String name;
    private final String baseUrl;
    /** What to close, the last opened first. */
    private final Deque<AutoCloseable> owned;
    /**
     * How long closing the profile waits for a bulk run to stop between requests: a request out is
     * answered within the client's timeouts, and the sandbox's in milliseconds.
     */
    static final java.time.Duration RUN_STOP_LIMIT = java.time.Duration.ofSeconds(15);
    private final Clock clock;
    private final DialService dialService;
    private final OrgDirectory directory;
    private final HistorySync historySync;
    /** The history's cache, null when it could not be opened; a bulk preview asks it whom the account called lately. */
    private final HistoryCache historyCache;
    private final String historyProblem;
    private final DialMemoryStore dialMemoryStore;
    private final DialMemory storedDial;
    private final TableLayoutStore historyLayoutStore;
    private final TableLayout historyLayout;
    private final CalleeZones calleeZones;
    private final Path dataDir;
    private final AuditTrail trail;
    /** The key's one-way fingerprint: a bulk run resumes only on the account it was started on. */
    private final String keyFingerprint;
    /** The shared do-not-call list and bulk outbox; null when they could not be opened (the log says why). */
    private DoNotCallList doNotCallList;
    /** Why the do-not-call list could not be opened, and what to do; null when it was. */
    private String doNotCallProblem;
    private final OutboxJournal outbox;
    private BulkViewModel bulk;
    /** Only the sandbox's key is ever offered to the operator to copy. */
    private final Optional<ApiKey> sandboxKey;

    private DialViewModel dial;
    private OrganisationViewModel organisation;
    private HistoryViewModel history;
    private DoNotCallViewModel doNotCall;
    private boolean closed;

    /**
     * Opens the Sandbox profile on a started sandbox, which it then owns. Reads what the screens
     * need from disk, and makes the client (its first use loads the HTTP stack's classes): call it
     * off the UI thread. If anything fails, what was opened is closed again, the sandbox too.
     */
    public static ProfileSession openSandbox(Path dataDir, Sandbox sandbox, Clock clock, AuditLog audit, Settings settings) {
        Deque<AutoCloseable> owned = new ArrayDeque<>();
        owned.push(sandbox);
        try {
            ApiKey key = ApiKey.of(sandbox.apiKey());
            return new ProfileSession(Profile.SANDBOX, dataDir, sandbox.baseUrl(), key, Optional.of(key), clock, audit, settings,
                    owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /**
     * Opens a user's profile: its account at its base URL with its key. Off the UI thread, as
     * {@link #openSandbox}. {@code audit} may be null (no audit log could be opened).
     */
    public static ProfileSession open(Path dataDir, Profile profile, ApiKey key, Clock clock, AuditLog audit,
                                      Settings settings) {
        if (profile.isSandbox()) {
            throw new IllegalArgumentException("The Sandbox profile opens on its sandbox: openSandbox");
        }
        Deque<AutoCloseable> owned = new ArrayDeque<>();
        try {
            return new ProfileSession(profile, dataDir, profile.baseUrl(), key, Optional.empty(), clock, audit, settings, owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    private ProfileSession(Profile profile, Path dataDir, String baseUrl, ApiKey key, Optional<ApiKey> sandboxKey, Clock clock,
                           AuditLog audit, Settings settings, Deque<AutoCloseable> owned) {
        this.profile = profile;
        this.name = profile.id();
        this.sandboxKey = sandboxKey;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.owned = owned; // the caller closes what is in it if this constructor fails
        Path profileDir = AppPaths.profileDir(dataDir, name);
        DialClient client = own(new DialClient(settings.clientConfig(baseUrl, key), clock));
        trail = audit == null ? AuditTrail.NONE : AuditTrail.into(audit, profile.name(), clock);
        this.dataDir = dataDir;
        this.keyFingerprint = key.fingerprint();
        dialService = DialService.over(client, clock, trail, openDoNotCall(dataDir, settings));
        OutboxJournal journal = null;
        try {
            journal = own(new OutboxJournal(OutboxJournal.fileIn(dataDir)));
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.ERROR, "The bulk outbox cannot be opened: " + e.getMessage());
        }
        outbox = journal;
        ExecutorService listRequests = Executors.newFixedThreadPool(LIST_REQUESTS, runnable -> {
            Thread thread = new Thread(runnable, "dialdesk-" + name + "-lists");
            thread.setDaemon(true);
            return thread;
        });
        own(listRequests::shutdownNow);
        directory = new OrgDirectory(client, clock, listRequests);
        dialMemoryStore = own(new DialMemoryStore(dataDir, name));
        storedDial = withProfileDefaults(dialMemoryStore.load(), profile);
        historyLayoutStore = own(new TableLayoutStore(profileDir.resolve("history-table.json")));
        historyLayout = historyLayoutStore.load();
        HistoryCache cache = null;
        String problem = null;
        try {
            cache = own(new HistoryCache(profileDir.resolve("history.db")));
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.ERROR, "Call history cache unavailable", e);
            problem = "call history cache unavailable: " + e.getMessage();
        }
        historyCache = cache;
        historySync = cache == null ? null : new HistorySync(client, cache, clock, trail);
        historyProblem = problem;
        PhoneCheck.loadAllCountries();
        calleeZones = CalleeZones.load();
    }

    /** The profile's default caller number and use case, where the form has no choice of its own yet. */
    static DialMemory withProfileDefaults(DialMemory memory, Profile profile) {
        java.util.Map<String, String> defaults = new java.util.LinkedHashMap<>();
        if (profile.defaultCallerNumberId() != null && !memory.lastChoices().containsKey(DialField.NUMBER.json())) {
            defaults.put(DialField.NUMBER.json(), profile.defaultCallerNumberId());
        }
        if (profile.defaultUseCaseId() != null && !memory.lastChoices().containsKey(DialField.USE_CASE.json())) {
            defaults.put(DialField.USE_CASE.json(), profile.defaultUseCaseId());
        }
        return defaults.isEmpty() ? memory : memory.afterDial(null, defaults);
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        return resource;
    }

    /**
     * Makes the screens' view models; on the UI thread, once. {@code operatorClock} is "now" in the
     * operator's zone, the one schedules and history dates are typed and shown in.
     */
    public void createViewModels(TaskRunner runner, Clock operatorClock, Settings settings, Navigation navigation) {
        if (dial != null) {
            throw new IllegalStateException("The view models of profile " + name + " are made already");
        }
        dial = new DialViewModel(dialService, directory, runner, operatorClock, dialRules(settings), calleeZones,
                storedDial, dialMemoryStore::saveLater, sandboxKey,
                profile.isSandbox() ? Optional.empty() : Optional.of(profile.name()));
        organisation = new OrganisationViewModel(directory, runner, operatorClock);
        DoNotCallRecords doNotCallRecords = doNotCallList == null ? null : new DoNotCallRecords(doNotCallList, clock, trail);
        doNotCall = doNotCallRecords == null ? new DoNotCallViewModel(doNotCallProblem, runner, operatorClock.getZone())
                : new DoNotCallViewModel(doNotCallRecords, DoNotCallSheet::lines, runner, settings.defaultCountry(),
                        operatorClock.getZone());
        if (outbox != null && doNotCallList != null) {
            bulk = new BulkViewModel(bulkDesk(operatorClock, settings), runner);
            BulkViewModel running = bulk;
            owned.push(() -> { // a run stops between requests, its answer recorded, before the outbox closes
                if (!running.pauseAndWait(RUN_STOP_LIMIT)) {
                    System.getLogger("org.dialdesk.bulk").log(System.Logger.Level.WARNING, "A bulk run had not stopped "
                            + RUN_STOP_LIMIT.toSeconds() + " s after the profile began closing; its rows being sent are"
                            + " looked up in call history when it is resumed.");
                }
            });
        }
        if (historySync != null) {
            history = new HistoryViewModel(historySync, runner, operatorClock, navigation::openInDial, historyLayout,
                    historyLayoutStore::saveLater, settings.idlePoll(), doNotCallAction(doNotCallRecords, settings));
            owned.push(history::close); // polling stops before the stores it writes to close
            // A call placed from the form shows in History at once, not at the next idle poll (30 s).
            HistoryViewModel placedInto = history;
            dial.createdCallIdProperty().addListener((obs, old, id) -> {
                if (id != null) {
                    placedInto.syncNow();
                }
            });
        }
    }

    /**
     * The shared do-not-call list, asked before every dial of this profile. A list that cannot be
     * opened refuses every dial, saying why: ringing a number the operator listed is worse than waiting.
     */
    private DoNotCall openDoNotCall(Path dataDir, Settings settings) {
        Path file = DoNotCallList.fileIn(dataDir);
        try {
            doNotCallList = own(new DoNotCallList(file));
            return DoNotCall.over(doNotCallList, settings.zone(clock.getZone()));
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.ERROR, "The do-not-call list " + file + " cannot be opened: " + e.getMessage());
            String refusal = "The do-not-call list (" + file + ") cannot be opened (" + e.getMessage()
                    + "), so nothing is dialled until it can. Restore it from a backup, or move it aside and import"
                    + " the list's last export (dialdesk dnc import FILE): an empty list lets every number be dialled.";
            doNotCallProblem = refusal;
            return number -> Optional.of(refusal);
        }
    }

    /** The form's rules from settings; calling hours that cannot be read, or end before they start, are the defaults. */
    static DialViewModel.Rules dialRules(Settings settings) {
        LocalTime start = parseTime(settings.callingHoursStart(), DEFAULT_CALLING_HOURS.start());
        LocalTime end = parseTime(settings.callingHoursEnd(), DEFAULT_CALLING_HOURS.end());
        CallingHours hours = DEFAULT_CALLING_HOURS;
        if (start.isBefore(end)) {
            hours = new CallingHours(start, end);
        } else {
            LOG.log(System.Logger.Level.WARNING, "Calling hours " + start + "–" + end + " in settings end before they "
                    + "start; using " + DEFAULT_CALLING_HOURS.start() + "–" + DEFAULT_CALLING_HOURS.end());
        }
        return new DialViewModel.Rules(settings.defaultCountry(), hours, Locale.getDefault(Locale.Category.FORMAT));
    }

    private static LocalTime parseTime(String text, LocalTime fallback) {
        try {
            return LocalTime.parse(text);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Calling hours setting \"" + text + "\" is not HH:mm; using " + fallback);
            return fallback;
        }
    }

    public Profile profile() {
        return profile;
    }

    /** Where this profile's dial service answers. */
    public String baseUrl() {
        return baseUrl;
    }

    public DialViewModel dial() {
        return dial;
    }

    /**
     * History's "Do not call again": the shared list, for every profile; null when it could not be
     * opened. The Do-not-call screen reads the list again when it is next shown, which is the only
     * way to see it: the two screens are never shown at once.
     */
    private static DoNotCallAction doNotCallAction(DoNotCallRecords records, Settings settings) {
        if (records == null) {
            return DoNotCallAction.NONE;
        }
        return e164 -> {
            DoNotCallRecords.Added added = records.add(e164, settings.defaultCountry(), "from History");
            return added.isNew() ? added.e164() + " is on the do-not-call list now: no profile dials it again."
                    : added.e164() + " was on the do-not-call list already.";
        };
    }

    /** The do-not-call screen's view model (saying why, when the list could not be opened). */
    public DoNotCallViewModel doNotCall() {
        return doNotCall;
    }

    /** The Bulk screen's view model; empty when the outbox or the do-not-call list could not be opened. */
    public Optional<BulkViewModel> bulk() {
        return Optional.ofNullable(bulk);
    }

    private BulkDesk bulkDesk(Clock operatorClock, Settings settings) {
        DoNotCallList listed = doNotCallList;
        CallingRule hours = new CallingRule(settings.callingHours(), calleeZones);
        BulkPlanner planner = new BulkPlanner(hours, numbers -> java.util.Set.copyOf(listed.listed(numbers)),
                EarlierCalls.of(outbox, baseUrl, keyFingerprint, historyCache), clock);
        BulkPlanner.Defaults defaults = new BulkPlanner.Defaults(profile.defaultCallerNumberId(), profile.defaultUseCaseId(),
                null, null, null, null, null, operatorClock.getZone(), settings.defaultCountry());
        return new BulkDesk(new BulkDesk.Account(profile.name(), baseUrl, !profile.isSandbox(), keyFingerprint), dialService,
                directory::lists, planner, outbox, new BulkMappingStore(AppPaths.profileDir(dataDir, name)), clock,
                defaults, settings.bulkChunk(), settings.bulkRate(), trail, BulkEngine.SendCheck.callingHours(hours));
    }

    public OrganisationViewModel organisation() {
        return organisation;
    }

    /** The history's view model; empty when the cache could not be opened (see {@link #historyProblem()}). */
    public Optional<HistoryViewModel> history() {
        return Optional.ofNullable(history);
    }

    /** Why there is no history, or null. */
    public String historyProblem() {
        return historyProblem;
    }

    /**
     * Loads the organisation's lists (caller numbers, use cases, agents, models) for this profile,
     * once: the pickers and the Organisation screen then find them loaded. Off the UI thread; a
     * list that fails is only marked so, as when the screens load it.
     */
    public void loadLists() {
        directory.lists();
    }

    /** Closes everything the profile owns, the last opened first; a failure to close one does not keep the rest open. */
    @Override
    public synchronized void close() { // from the UI thread, or from the thread that opened it when the window closed first
        if (closed) {
            return;
        }
        closed = true;
        closeAll(owned);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Closing " + resource.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
