package org.dialdesk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallPage;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.CallStatus;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialServiceException;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.api.Json;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.store.HistoryCache;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.Dashboard;
import org.dialdesk.domain.HistoryOrder;
import java.util.function.Consumer;
import org.dialdesk.api.Transcript;

/**
 * Call history for one profile: the local cache read back, and the service's calls brought into
 * it. Every method blocks (I/O): call them off the UI thread.
 */
public final class HistorySync {
    static final List<String> LIVE_STATUSES = Arrays.stream(CallStatus.values())
            .filter(s -> s != CallStatus.UNKNOWN && !s.isTerminal()).map(CallStatus::wireName).toList();

    private final DialClient client;
    private final HistoryCache cache;
    private final Clock clock;
    private final AuditTrail audit;

    public HistorySync(DialClient client, HistoryCache cache, Clock clock) {
        this(client, cache, clock, AuditTrail.NONE);
    }

    /** Cancels and hang-ups are recorded in {@code audit}. */
    public HistorySync(DialClient client, HistoryCache cache, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.client = client;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * What a round of syncing found: the rows it wrote, the service's total, and how many calls
     * are older than what the cache holds without a gap (0: it holds the whole history; -1: not
     * known yet).
     */
    public record Result(List<HistoryRow> rows, long serviceCount, long olderOnService, Set<String> changed) {
        public Result {
            rows = List.copyOf(rows);
            changed = Set.copyOf(changed);
        }
    }

    // ================= the cache, read as the table shows it =================

    /** A window of the cached rows {@code filter} lets through, in {@code order}. */
    public List<HistoryRow> page(CallFilter filter, HistoryOrder order, ZoneId zone, long offset, int limit)
            throws SQLException {
        return cache.page(filter, order, zone, offset, limit);
    }

    /** How many cached calls {@code filter} lets through. */
    public long count(CallFilter filter, ZoneId zone) throws SQLException {
        return cache.count(filter, zone);
    }

    /** {@link #count}, for a query the operator may replace before it ends: {@link #interruptCount} stops it. */
    public long interruptibleCount(CallFilter filter, ZoneId zone) throws SQLException {
        return cache.interruptibleCount(filter, zone);
    }

    /** Stops an {@link #interruptibleCount} under way (it fails): a newer filter's is wanted. */
    public void interruptCount() {
        cache.interruptCount();
    }

    /** Where this call is among the rows {@code filter} lets through in {@code order}, or -1. */
    public long positionOf(String id, CallFilter filter, HistoryOrder order, ZoneId zone) throws SQLException {
        return cache.positionOf(id, filter, order, zone);
    }

    /** How many of the rows {@code filter} lets through are newer than this call. */
    public long countNewerThan(String id, CallFilter filter, ZoneId zone) throws SQLException {
        return cache.countNewerThan(filter, zone, id);
    }

    /** The cached row of this call, if it is cached. */
    public Optional<HistoryRow> cachedRow(String id) throws SQLException {
        return cache.row(id);
    }

    /** The use case names and the campaigns among the cached calls: the filters' choices. */
    public record Choices(List<String> useCases, List<String> campaigns) {
    }

    public Choices choices() throws SQLException {
        return new Choices(cache.useCaseNames(), cache.campaigns());
    }

    public List<String> useCaseIdsNamed(String name) throws SQLException {
        return cache.useCaseIdsNamed(name);
    }

    /** The cached calls still going: the ones to poll. */
    public List<String> liveIds() throws SQLException {
        return cache.idsWithStatus(LIVE_STATUSES);
    }

    /** The dashboard's figures for the rows {@code filter} lets through; days are counted in {@code zone}. */
    public Dashboard dashboard(CallFilter filter, ZoneId zone) throws SQLException {
        HistoryCache.Aggregates figures = cache.aggregates(filter, zone);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        figures.perQuarterHour().forEach((quarter, n) -> perDay.merge(
                LocalDate.ofInstant(Instant.ofEpochMilli(quarter * 900_000L), zone), n, Long::sum));
        Map<String, Map<String, Long>> perCampaign = new TreeMap<>();
        figures.perCampaignStatus().forEach((campaign, statuses) -> perCampaign.merge(
                campaign.isBlank() ? Dashboard.NO_CAMPAIGN : campaign, new TreeMap<>(statuses), (a, b) -> {
                    b.forEach((status, n) -> a.merge(status, n, Long::sum));
                    return a;
                }));
        return new Dashboard(new TreeMap<>(figures.perStatus()), perDay, perCampaign);
    }

    /**
     * Writes the cached rows {@code filter} lets through, in {@code order}, to a CSV file, read
     * from the cache as they are written (a million rows are never all in memory).
     */
    public long export(Path file, CallFilter filter, HistoryOrder order, ZoneId zone, LongConsumer progress)
            throws IOException, SQLException {
        return CallsCsv.write(file, each -> cache.forEach(filter, order, zone, each), zone, progress);
    }

    /** When the last sync finished, if one ever did. */
    public Optional<Instant> lastSync() throws SQLException {
        return cache.meta(LAST_SYNC).map(Instant::parse);
    }

    /** The whole call as last cached, if it is; one that can no longer be read counts as not cached. */
    public Optional<Call> cachedCall(String id) throws SQLException {
        Optional<String> json = cache.json(id);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(json.get(), Call.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the cache's unbroken run of calls starts, counted from the oldest call on the service:
     * every call at or after that place (as of the last walk) is cached. Calls are only ever added
     * at the newest end, so a place counted from the oldest never moves, and older pages can be
     * asked for with {@code sort=asc} and {@code skip} however many calls came since.
     */
    static final String HELD_FROM = "held_from";
    static final String LAST_SYNC = "last_sync";

    /**
     * Newest calls first, page after page, until a page brings nothing the cache did not hold (it
     * reached what an earlier sync brought), the end of the list, or {@code maxCalls}. The first
     * page is small once a sync has been done: a poll usually finds a handful of new calls.
     * {@code onPage} hears of each page as soon as it is cached.
     */
    public Result syncNewest(int firstPageSize, int pageSize, int maxCalls, Consumer<Result> onPage)
            throws SQLException {
        long heldFrom = heldFrom();
        int size = heldFrom < 0 ? pageSize : firstPageSize;
        List<HistoryRow> written = new ArrayList<>();
        Set<String> changed = new HashSet<>();
        long count;
        int walked = 0;
        while (true) {
            CallPage page = client.listCalls(CallQuery.builder().limit(size).skip(walked).sort(CallQuery.Sort.desc).build());
            count = page.count();
            List<String> ids = page.calls().stream().map(Call::id).toList();
            boolean anythingNew = cache.knownIds(ids).size() < ids.size();
            Stored stored = store(page.calls());
            written.addAll(stored.rows());
            changed.addAll(stored.changed());
            walked += page.calls().size();
            onPage.accept(new Result(stored.rows(), count, -1, stored.changed()));
            if (page.calls().size() < size || walked >= count) {
                heldFrom = 0; // walked the whole list
                break;
            }
            if (!anythingNew) {
                // Reached calls an earlier sync brought: one unbroken run from here down to where that one reached.
                heldFrom = heldFrom < 0 ? count - walked : Math.min(heldFrom, count - walked);
                break;
            }
            if (walked >= maxCalls) {
                heldFrom = count - walked; // older ones, down to what was held before, come when asked for
                break;
            }
            size = pageSize;
        }
        cache.putMeta(HELD_FROM, Long.toString(heldFrom));
        cache.putMeta(LAST_SYNC, clock.instant().toString());
        optimizeAfter(changed.size());
        return new Result(written, count, heldFrom, changed);
    }

    /** The page of calls just older than the cache's unbroken run (see {@link #HELD_FROM}); none once it holds them all. */
    public Result loadOlder(int pageSize) throws SQLException {
        long heldFrom = heldFrom();
        if (heldFrom <= 0) {
            return new Result(List.of(), -1, heldFrom, Set.of());
        }
        long skip = Math.max(0, heldFrom - pageSize);
        CallPage page = client.listCalls(CallQuery.builder().sort(CallQuery.Sort.asc).skip(Math.toIntExact(skip))
                .limit(Math.toIntExact(heldFrom - skip)).build());
        Stored stored = store(page.calls());
        cache.putMeta(HELD_FROM, Long.toString(skip));
        optimizeAfter(stored.changed().size());
        return new Result(stored.rows(), page.count(), skip, stored.changed());
    }

    /** See {@link #HELD_FROM}; -1 before the first sync. */
    private long heldFrom() throws SQLException {
        return cache.meta(HELD_FROM).map(Long::parseLong).orElse(-1L);
    }

    /** The latest state of calls that were still going: those the service lists as live, and the rest one by one. */
    public Result refreshLive(Collection<String> liveIds) throws SQLException {
        if (liveIds.isEmpty()) {
            return new Result(List.of(), -1, -1, Set.of());
        }
        CallPage live = client.listCalls(CallQuery.builder().statuses(LIVE_STATUSES).limit(CallQuery.MAX_LIMIT).build());
        List<Call> calls = new ArrayList<>(live.calls());
        Set<String> stillLive = live.calls().stream().map(Call::id).collect(Collectors.toSet());
        for (String id : liveIds) {
            if (!stillLive.contains(id)) {
                try {
                    calls.add(client.getCall(id));
                } catch (DialServiceException.NotFound gone) {
                    // deleted on the service: keep the last known state
                }
            }
        }
        Stored stored = store(calls);
        return new Result(stored.rows(), -1, -1, stored.changed());
    }

    /** Runs a filtered query on the service, so matches beyond what is cached show too. */
    public Result query(CallQuery query) throws SQLException {
        CallPage page = client.listCalls(query);
        Stored stored = store(page.calls());
        return new Result(stored.rows(), page.count(), -1, stored.changed());
    }

    /** A call's latest state from the service, cached; {@code changed}: it differs from what was cached. */
    public record Latest(Call call, boolean changed) {
    }

    public Latest latest(String id) throws SQLException {
        Call call = client.getCall(id);
        return new Latest(call, !store(List.of(call)).changed().isEmpty());
    }

    public Call fullCall(String id) throws SQLException {
        Call call = client.getCall(id);
        store(List.of(call));
        return call;
    }

    public Transcript transcript(String id) {
        return client.getTranscript(id);
    }

    /** Cancels, then returns the call as it now stands. */
    public Call cancel(String id) throws SQLException {
        acted(AuditEntry.Action.CANCEL, "Cancel call", id, () -> client.cancelCall(id));
        return fullCall(id);
    }

    /** Hangs up, then returns the call as it now stands. */
    public Call stop(String id) throws SQLException {
        acted(AuditEntry.Action.STOP, "Hang up call", id, () -> client.stopCall(id));
        return fullCall(id);
    }

    /** Runs a cancel or hang-up and records it with its outcome; a failure is recorded and thrown on. */
    private void acted(AuditEntry.Action action, String what, String id, Runnable request) {
        try {
            request.run();
        } catch (DialServiceException.OutcomeUncertain e) {
            audit.record(action, what + " " + id + " — " + e.getMessage(), AuditEntry.Outcome.UNCERTAIN, id);
            throw e;
        } catch (RuntimeException e) {
            audit.record(action, what + " " + id + " — " + ErrorMessages.describe(e), AuditEntry.Outcome.FAILED, id);
            throw e;
        }
        audit.record(action, what + " " + id, AuditEntry.Outcome.DONE, id);
    }

    /**
     * Many calls came in (a first sync, a page of older ones): SQLite's planner looks at the
     * indexes again, so filters on a million calls keep to the right one.
     */
    private void optimizeAfter(int changedRows) throws SQLException {
        if (changedRows >= OPTIMIZE_AFTER) {
            cache.optimize();
        }
    }

    static final int OPTIMIZE_AFTER = 1000;

    /** The rows written, and the ids of those that were new or changed. */
    private record Stored(List<HistoryRow> rows, Set<String> changed) {
    }

    private Stored store(List<Call> calls) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>(calls.size());
        List<String> jsons = new ArrayList<>(calls.size());
        for (Call call : calls) {
            rows.add(toRow(call));
            try {
                jsons.add(Json.mapper().writeValueAsString(call));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A call could not be written as JSON", e);
            }
        }
        return new Stored(rows, cache.upsert(rows, jsons));
    }

    public static HistoryRow toRow(Call call) {
        String callee = call.to();
        String caller = call.from();
        String useCase = call.useCase() == null ? null : call.useCase().name();
        String agent = call.agent() == null ? null : call.agent().name();
        String outcome = call.classification() == null ? null : call.classification().tag();
        String status = call.status() == null ? "" : call.status().wireName();
        StringBuilder search = new StringBuilder();
        // The callee also as dialled in its own country (030…), so a search typed that way finds it.
        for (String part : new String[] {callee, PhoneCheck.nationalDigits(callee), caller, call.campaignId(), call.id(),
                useCase, agent, outcome}) {
            if (part != null) {
                search.append(part).append(' ');
            }
        }
        appendValues(search, call.extraction());
        appendValues(search, call.params());
        return HistoryRow.shared(new HistoryRow(call.id(), parseMillis(call.created()), status, callee, caller,
                call.useCase() == null ? null : call.useCase().id(), useCase, agent, outcome,
                call.duration() == null ? 0 : call.duration(), call.campaignId(), call.scheduledFor(), call.language(),
                call.type(), search.toString().toLowerCase(Locale.ROOT)));
    }

    private static void appendValues(StringBuilder text, JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isValueNode()) {
            text.append(node.asText()).append(' ');
            return;
        }
        node.forEach(child -> appendValues(text, child));
    }

    private static long parseMillis(String created) {
        try {
            return created == null ? 0 : Instant.parse(created).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
