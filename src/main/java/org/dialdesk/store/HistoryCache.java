package org.dialdesk.store;

import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The last known call history of a profile, in SQLite: the history table's source. The table
 * reads a window of rows at a time ({@link #page}); filters, search and sort are queries with
 * indexes behind them, counts and the dashboard's figures are aggregates, so nothing here holds
 * every call and the cost of a read does not grow with the history.
 *
 * <p>Rows are keyed by {@code k = created_ms * 1024 + n}: newest first is the key's own order (no
 * index, no sort), a date range is a key range, and the full-text index (FTS5, trigrams, so any
 * part of a phone number or a word is found) shares the key as its rowid. Writing (sync) and
 * reading (the table, counts, exports) use their own connections: with WAL, a sync writing a
 * thousand calls never holds up a page the table asks for.
 */
public final class HistoryCache implements AutoCloseable {
    /** The schema this code writes; older caches are brought to it on open. */
    static final int SCHEMA = 2;
    private static final String ROW = "c.id, c.created_ms, c.status, c.callee, c.caller, c.use_case_id, c.use_case, "
            + "c.agent, c.outcome, c.duration_s, c.campaign, c.scheduled_for, c.language, c.type, c.search_text";
    /** Ids asked about in one statement: well under SQLite's limit on bound parameters. */
    private static final int ID_BATCH = 500;

    private final Path file;
    /** Sync's writes. */
    private final Connection writer;
    /**
     * Each connection's page cache, whatever the history's size; the file's pages stay in the
     * system's own cache besides. A count or a page of a million calls walks an index bigger than
     * any cache, so the readers keep 2 MB: with 8 MB each, the process was 25 MB
     * bigger and counted as fast (History benchmark). Writing a sync's pages into the indexes wants more.
     */
    private static final int READER_CACHE_KB = 2000;
    private static final int WRITER_CACHE_KB = 8000;
    /** The table's quick reads: pages and single rows. */
    private final Connection pages;
    /** Reads that may take longer (counts, positions, the dashboard), so they never hold up a page. */
    private final Connection aggregates;
    private final Object writeLock = new Object();
    private final Object pageLock = new Object();
    private final Object aggregateLock = new Object();
    /** The interruptible count running now, if any: the one {@link #interruptCount} stops. */
    private Statement running;
    private final Object interruptLock = new Object();

    public HistoryCache(Path file) throws SQLException {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new SQLException("Cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        writer = open(file, WRITER_CACHE_KB);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            HistorySchema.bringUpToDate(writer);
        }
        pages = open(file, READER_CACHE_KB);
        aggregates = open(file, READER_CACHE_KB);
    }

    private static Connection open(Path file, int cacheKb) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA cache_size=-" + cacheKb);
        }
        return connection;
    }

    // ================= writing =================

    /**
     * Inserts or updates calls, all in one transaction. Returns the ids of the calls that were new
     * or changed (a call brought again as it was is not a change).
     */
    public Set<String> upsert(List<HistoryRow> rows, List<String> jsons) throws SQLException {
        if (rows.size() != jsons.size()) {
            throw new IllegalArgumentException("one JSON document per row");
        }
        synchronized (writeLock) {
            return HistoryWriter.upsert(writer, rows, jsons);
        }
    }

    /** Lets SQLite refresh what its query planner knows of the indexes, after many calls came in. */
    public void optimize() throws SQLException {
        synchronized (writeLock) {
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA optimize");
            }
        }
    }

    // ================= the table's reads =================

    /** The rows {@code filter} lets through, in {@code order}, from {@code offset}, at most {@code limit}. */
    public List<HistoryRow> page(CallFilter filter, HistoryOrder order, ZoneId zone, long offset, int limit)
            throws SQLException {
        HistoryQuery q = HistoryQuery.of(filter, order, zone);
        synchronized (pageLock) {
            try (PreparedStatement ps = pages.prepareStatement("SELECT " + ROW + q.from() + q.orderBy()
                    + " LIMIT ? OFFSET ?")) {
                int next = q.bind(ps, 1);
                ps.setInt(next, limit);
                ps.setLong(next + 1, offset);
                return rows(ps);
            }
        }
    }

    /** How many rows {@code filter} lets through. */
    public long count(CallFilter filter, ZoneId zone) throws SQLException {
        return count(filter, zone, false);
    }

    /** {@link #count(CallFilter, ZoneId)}, which {@link #interruptCount} can stop (it then fails). */
    public long interruptibleCount(CallFilter filter, ZoneId zone) throws SQLException {
        return count(filter, zone, true);
    }

    private long count(CallFilter filter, ZoneId zone, boolean interruptible) throws SQLException {
        HistoryQuery q = HistoryQuery.of(filter, HistoryOrder.NEWEST_FIRST, zone);
        synchronized (aggregateLock) {
            try (PreparedStatement ps = aggregates.prepareStatement("SELECT count(*)" + q.from())) {
                q.bind(ps, 1);
                synchronized (interruptLock) {
                    running = interruptible ? ps : null;
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                } finally {
                    synchronized (interruptLock) {
                        running = null;
                    }
                }
            }
        }
    }

    /**
     * Stops an {@link #interruptibleCount} under way (it fails), and nothing else: the operator typed
     * on, and a count of a million rows for the previous keystroke would only hold up the next one.
     * An interrupt reaches whatever runs on the connection, so it is sent only while that count runs.
     */
    public void interruptCount() {
        synchronized (interruptLock) {
            if (running != null) {
                try {
                    running.cancel();
                } catch (SQLException e) {
                    // it ended meanwhile
                }
            }
        }
    }

    /** Every cached call. */
    public long count() throws SQLException {
        return count(CallFilter.NONE, ZoneId.of("UTC"));
    }

    /**
     * Where the call with this id is among the rows {@code filter} lets through in {@code order}
     * (0: first), or -1 when the filter leaves it out or it is not cached.
     */
    public long positionOf(String id, CallFilter filter, HistoryOrder order, ZoneId zone) throws SQLException {
        Optional<HistoryRow> row = row(id);
        if (row.isEmpty()) {
            return -1;
        }
        HistoryQuery q = HistoryQuery.of(filter, order, zone);
        synchronized (aggregateLock) {
            long key;
            try (PreparedStatement ps = aggregates.prepareStatement("SELECT c.k" + q.from() + " AND c.id = ?")) {
                ps.setString(q.bind(ps, 1), id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return -1;
                    }
                    key = rs.getLong(1);
                }
            }
            HistoryQuery.Before before = q.before(row.get(), key);
            try (PreparedStatement ps = aggregates.prepareStatement("SELECT count(*)" + q.from() + " AND (" + before.sql() + ")")) {
                int next = q.bind(ps, 1);
                for (Object value : before.values()) {
                    ps.setObject(next++, value);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1;
                }
            }
        }
    }

    /** How many rows {@code filter} lets through that are newer than the call keyed {@code key}: new calls on top. */
    public long countNewerThan(CallFilter filter, ZoneId zone, String id) throws SQLException {
        HistoryQuery q = HistoryQuery.of(filter, HistoryOrder.NEWEST_FIRST, zone);
        synchronized (aggregateLock) {
            try (PreparedStatement ps = aggregates.prepareStatement("SELECT count(*)" + q.from()
                    + " AND c.k > (SELECT k FROM calls WHERE id = ?)")) {
                ps.setString(q.bind(ps, 1), id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
        }
    }

    /** Calls one at a time, in {@code order}, from a connection of their own (an export of a million rows holds nothing else up). */
    public void forEach(CallFilter filter, HistoryOrder order, ZoneId zone, Consumer<HistoryRow> each) throws SQLException {
        HistoryQuery q = HistoryQuery.of(filter, order, zone);
        try (Connection own = open(file, READER_CACHE_KB);
             PreparedStatement ps = own.prepareStatement("SELECT " + ROW + q.from() + q.orderBy())) {
            q.bind(ps, 1);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(row(rs));
                }
            }
        }
    }

    /**
     * Counts per status, per quarter of an hour (UTC) and per campaign and status of the rows
     * {@code filter} lets through: what the dashboard is made of, without reading a row.
     */
    public record Aggregates(Map<String, Long> perStatus, Map<Long, Long> perQuarterHour,
                             Map<String, Map<String, Long>> perCampaignStatus) {
    }

    public Aggregates aggregates(CallFilter filter, ZoneId zone) throws SQLException {
        HistoryQuery q = HistoryQuery.of(filter, HistoryOrder.NEWEST_FIRST, zone);
        Map<String, Long> perStatus = new LinkedHashMap<>();
        Map<Long, Long> perQuarter = new LinkedHashMap<>();
        Map<String, Map<String, Long>> perCampaign = new LinkedHashMap<>();
        synchronized (aggregateLock) {
            try (PreparedStatement ps = aggregates.prepareStatement("SELECT coalesce(c.campaign, ''), c.status, count(*)"
                    + q.from() + " GROUP BY 1, 2")) {
                q.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String status = nz(rs.getString(2));
                        perCampaign.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>()).put(status, rs.getLong(3));
                        perStatus.merge(status, rs.getLong(3), Long::sum);
                    }
                }
            }
            // Quarter hours, so a day in any zone (offsets are whole quarter hours) is a run of them.
            try (PreparedStatement ps = aggregates.prepareStatement("SELECT c.created_ms / 900000, count(*)"
                    + q.from() + " GROUP BY 1")) {
                q.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        perQuarter.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
        }
        return new Aggregates(perStatus, perQuarter, perCampaign);
    }

    /** An outbound call in the cache, as far as whom it rang and when. */
    public record PlacedCall(String id, String callee, Instant created, String status, String scheduledFor) {
        /** The time it asked to ring at, when it gave one the way the service writes times. */
        public Optional<Instant> scheduledAt() {
            if (scheduledFor == null || scheduledFor.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(java.time.OffsetDateTime.parse(scheduledFor).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** How far back a call scheduled ahead is looked for: a dial may ask to ring up to this long after it is made. */
    private static final java.time.Duration SCHEDULED_AHEAD = java.time.Duration.ofDays(30);

    /**
     * The outbound calls that rang since {@code since} (made since then, or made before and scheduled
     * for a time since then), and those still waiting to ring (scheduled or queued) whenever they were
     * made; cancelled ones are left out: they ring nobody. Read by the key (a date range is a key
     * range) and the status index, not by every call.
     */
    public List<PlacedCall> placedSince(Instant since) throws SQLException {
        List<PlacedCall> placed = new ArrayList<>();
        synchronized (aggregateLock) {
            try (PreparedStatement ps = aggregates.prepareStatement("SELECT id, callee, created_ms, status, scheduled_for"
                    + " FROM calls WHERE (k >= ? OR status IN ('Scheduled', 'Queued')"
                    + " OR (k >= ? AND scheduled_for IS NOT NULL AND scheduled_for <> '')) AND callee IS NOT NULL"
                    + " AND (type IS NULL OR type <> 'Inbound') AND (status IS NULL OR status <> 'Canceled')")) {
                ps.setLong(1, since.toEpochMilli() * 1024);
                ps.setLong(2, since.minus(SCHEDULED_AHEAD).toEpochMilli() * 1024);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        PlacedCall call = new PlacedCall(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getString(4), rs.getString(5));
                        boolean waiting = "Scheduled".equalsIgnoreCase(call.status()) || "Queued".equalsIgnoreCase(call.status());
                        if (waiting || !call.created().isBefore(since)
                                || call.scheduledAt().map(at -> !at.isBefore(since)).orElse(false)) {
                            placed.add(call);
                        }
                    }
                }
            }
        }
        return placed;
    }

    /** The use case names among the cached calls, sorted. */
    public List<String> useCaseNames() throws SQLException {
        return distinct("use_case");
    }

    /** The campaigns among the cached calls, sorted. */
    public List<String> campaigns() throws SQLException {
        return distinct("campaign");
    }

    private List<String> distinct(String column) throws SQLException {
        List<String> values = new ArrayList<>();
        synchronized (aggregateLock) {
            try (Statement s = aggregates.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT " + column + " FROM calls WHERE " + column
                         + " IS NOT NULL AND " + column + " <> '' ORDER BY 1")) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /** The use case IDs behind a use case's name, among the cached calls. */
    public List<String> useCaseIdsNamed(String name) throws SQLException {
        List<String> ids = new ArrayList<>();
        synchronized (aggregateLock) {
            try (PreparedStatement ps = aggregates.prepareStatement(
                    "SELECT DISTINCT use_case_id FROM calls WHERE use_case = ? AND use_case_id IS NOT NULL")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** The ids of cached calls in any of these statuses (the ones still going, to poll). */
    public List<String> idsWithStatus(Collection<String> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        synchronized (aggregateLock) {
            try (PreparedStatement ps = aggregates.prepareStatement("SELECT id FROM calls WHERE status IN ("
                    + String.join(",", Collections.nCopies(statuses.size(), "?")) + ") ORDER BY k DESC")) {
                int i = 1;
                for (String status : statuses) {
                    ps.setString(i++, status);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** The newest {@code limit} rows, newest first. */
    public List<HistoryRow> loadNewest(int limit) throws SQLException {
        return page(CallFilter.NONE, HistoryOrder.NEWEST_FIRST, ZoneId.of("UTC"), 0, limit);
    }

    /** The cached row of this call. */
    public Optional<HistoryRow> row(String id) throws SQLException {
        synchronized (pageLock) {
            try (PreparedStatement ps = pages.prepareStatement("SELECT " + ROW + " FROM calls c WHERE c.id = ?")) {
                ps.setString(1, id);
                List<HistoryRow> found = rows(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        }
    }

    /** Which of these ids the cache holds. */
    public Set<String> knownIds(List<String> ids) throws SQLException {
        Set<String> known = new HashSet<>();
        synchronized (writeLock) { // asked by the sync, between its writes
            for (int from = 0; from < ids.size(); from += ID_BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
                try (PreparedStatement ps = writer.prepareStatement("SELECT id FROM calls WHERE id IN ("
                        + String.join(",", Collections.nCopies(batch.size(), "?")) + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        ps.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            known.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return known;
    }

    public Optional<String> json(String id) throws SQLException {
        synchronized (pageLock) {
            try (PreparedStatement ps = pages.prepareStatement(
                    "SELECT typeof(j.json), j.json FROM calls c JOIN call_json j ON j.k = c.k WHERE c.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    // Text as a cache from before compression left it; else compressed.
                    return Optional.of("text".equals(rs.getString(1)) ? rs.getString(2) : CompressedText.inflate(rs.getBytes(2)));
                }
            }
        }
    }

    public Optional<String> meta(String key) throws SQLException {
        synchronized (writeLock) {
            try (PreparedStatement ps = writer.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        }
    }

    public void putMeta(String key, String value) throws SQLException {
        synchronized (writeLock) {
            try (PreparedStatement ps = writer.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
        }
    }

    private static List<HistoryRow> rows(PreparedStatement ps) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static HistoryRow row(ResultSet rs) throws SQLException {
        return HistoryRow.shared(new HistoryRow(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getInt(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15)));
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (Object[] pair : new Object[][] {{pageLock, pages}, {aggregateLock, aggregates}, {writeLock, writer}}) {
            synchronized (pair[0]) {
                try {
                    ((Connection) pair[1]).close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
