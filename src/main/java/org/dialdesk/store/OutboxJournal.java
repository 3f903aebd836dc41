package org.dialdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The bulk outbox ({@code outbox.db} in the data folder): every run and every row of it, with the
 * row's state written before and after each request that carries it. A row is marked
 * {@link State#SENDING} in a committed transaction before its request leaves, so after a crash
 * (kill -9 included) a row found in that state may have rung and is looked up, never resent blindly.
 * The window and {@code dialdesk batch} share the file; SQLite's locking keeps them apart.
 */
public final class OutboxJournal implements AutoCloseable {

    /** Where a row stands. Only {@link #PLANNED} rows are ever sent. */
    public enum State {
        /** Checked and waiting to be sent (again, after a look-up proved it was not placed). */
        PLANNED,
        /** Held back by the preview (bad number, duplicate, do-not-call, hours…); never sent. */
        SKIPPED,
        /** Its request is being sent, or was when the run stopped: it may have rung. */
        SENDING,
        /** The service created its call. */
        CREATED,
        /** The service refused it; nothing rang. */
        REJECTED,
        /** Sent without a clear answer: looked up in call history before anything else is done with it. */
        UNCERTAIN,
        /** The look-up could not settle it; the operator says whether to send it again or leave it. */
        NEEDS_DECISION,
        /** Left unsent: the run was cancelled, or the operator chose not to send it again. */
        CANCELED;

        public boolean finished() {
            return this == SKIPPED || this == CREATED || this == REJECTED || this == CANCELED;
        }
    }

    /** Where a whole run stands. */
    public enum RunState { RUNNING, PAUSED, CANCELED, FINISHED }

    /** What a run was started with. {@code sourceHash} and {@code account} let a resume find the same run again. */
    public record RunSpec(String source, String sourceHash, String account, String baseUrl, boolean live, int chunk,
                          double ratePerSecond, String keyFingerprint) {
        public RunSpec {
            keyFingerprint = keyFingerprint == null ? "" : keyFingerprint;
        }

        /** Whether this run was made with the same account: the same address and the same key. */
        public boolean sameAccount(String otherBaseUrl, String otherKeyFingerprint) {
            return baseUrl.equals(otherBaseUrl) && keyFingerprint.equals(otherKeyFingerprint == null ? "" : otherKeyFingerprint);
        }
    }

    public record Run(String id, Instant created, RunSpec spec, RunState state, String message) {
    }

    /**
     * One row as planned: {@code requestJson} is the dial body, null for a skipped row;
     * {@code scheduledFor} the time it asks to ring at, null for now.
     */
    public record NewRow(int rowNo, String callee, String requestJson, State state, String reason, Instant scheduledFor) {
        public NewRow(int rowNo, String callee, String requestJson, State state, String reason) {
            this(rowNo, callee, requestJson, state, reason, null);
        }
    }

    public record Row(int rowNo, String callee, String requestJson, State state, String callId, String reason,
                      Instant attemptedAt, int sends, boolean solo, boolean reconciled) {
    }

    /**
     * One row's next state. {@code attemptedAt} is kept when null; {@code sent} counts a request
     * that carried it; {@code solo} makes it go alone next time (its batch was refused as a whole).
     */
    public record Change(int rowNo, State state, String callId, String reason, Instant attemptedAt, boolean sent,
                         boolean solo, boolean reconciled) {
        public static Change to(int rowNo, State state, String reason) {
            return new Change(rowNo, state, null, reason, null, false, false, false);
        }
    }

    private final Connection connection;
    private final Path file;

    public OutboxJournal(Path file) throws SQLException {
        this.file = file.toAbsolutePath();
        // Durable: each committed state must survive a crash of the process or the machine; that is the journal's point.
        connection = SqliteFiles.open(file, 10000, true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, created_ms INTEGER NOT NULL,"
                    + " source TEXT NOT NULL, source_hash TEXT NOT NULL, account TEXT NOT NULL, base_url TEXT NOT NULL,"
                    + " live INTEGER NOT NULL, chunk INTEGER NOT NULL, rate REAL NOT NULL, state TEXT NOT NULL,"
                    + " message TEXT, key_fingerprint TEXT NOT NULL DEFAULT '')");
            statement.execute("CREATE TABLE IF NOT EXISTS rows (run_id TEXT NOT NULL, row_no INTEGER NOT NULL,"
                    + " callee TEXT, request_json TEXT, state TEXT NOT NULL, call_id TEXT, reason TEXT,"
                    + " attempt_ms INTEGER, sends INTEGER NOT NULL DEFAULT 0, solo INTEGER NOT NULL DEFAULT 0,"
                    + " reconciled INTEGER NOT NULL DEFAULT 0, scheduled_ms INTEGER, PRIMARY KEY (run_id, row_no)) WITHOUT ROWID");
            statement.execute("CREATE INDEX IF NOT EXISTS rows_state ON rows(run_id, state, row_no)");
            boolean scheduled = false;
            try (ResultSet columns = statement.executeQuery("PRAGMA table_info(rows)")) {
                while (columns.next()) {
                    scheduled |= "scheduled_ms".equals(columns.getString("name"));
                }
            }
            if (!scheduled) { // an outbox from before: its rows' times are in their JSON only, and history has them
                try {
                    statement.execute("ALTER TABLE rows ADD COLUMN scheduled_ms INTEGER");
                } catch (SQLException e) {
                    // The window and a command may open an old outbox at once: the other added it first.
                    if (e.getMessage() == null || !e.getMessage().contains("duplicate column")) {
                        throw e;
                    }
                }
            }
            // Whom the account rang lately is asked by time, across runs, at every preview: by these, not by every row.
            statement.execute("CREATE INDEX IF NOT EXISTS rows_attempted ON rows(attempt_ms)");
            statement.execute("CREATE INDEX IF NOT EXISTS rows_scheduled ON rows(scheduled_ms)");
            boolean fingerprinted = false;
            try (ResultSet columns = statement.executeQuery("PRAGMA table_info(runs)")) {
                while (columns.next()) {
                    fingerprinted |= "key_fingerprint".equals(columns.getString("name"));
                }
            }
            if (!fingerprinted) { // an outbox from before runs knew their key
                statement.execute("ALTER TABLE runs ADD COLUMN key_fingerprint TEXT NOT NULL DEFAULT ''");
            }
            keepRowCounts(statement);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * How many rows of each run are in each state, written with a run's rows and kept by the
     * database itself as they move (triggers), so the progress a run reports after every request
     * reads a handful of numbers instead of counting every row of the run again: at 100,000 rows
     * that count was about 7 ms a request, a run's time growing with the square of its size. An outbox from before gets the
     * table filled from its rows once; the check and the filling are one immediate transaction, as
     * the window and a command may open the same outbox at once. The counts are for showing progress:
     * whether a run is done is asked of the rows themselves ({@link #countIn}), which an older build
     * writing runs without counting them cannot make wrong.
     */
    private static void keepRowCounts(Statement statement) throws SQLException {
        if (has(statement, "table", "row_counts") && !has(statement, "trigger", "rows_counted_in")) {
            return; // read without the write lock: opening an outbox another process is writing to must not wait
        }
        statement.execute("BEGIN IMMEDIATE");
        try {
            // Asked again under the lock: another process may have just made it. An outbox from a build
            // that counted inserted rows by a trigger counts a new run twice now: counted again from its rows.
            if (has(statement, "trigger", "rows_counted_in")) {
                statement.execute("DROP TRIGGER rows_counted_in");
                statement.execute("DROP TABLE row_counts");
            }
            if (!has(statement, "table", "row_counts")) {
                statement.execute("CREATE TABLE row_counts (run_id TEXT NOT NULL, state TEXT NOT NULL,"
                        + " n INTEGER NOT NULL, PRIMARY KEY (run_id, state)) WITHOUT ROWID");
                statement.execute("INSERT INTO row_counts(run_id, state, n)"
                        + " SELECT run_id, state, count(*) FROM rows GROUP BY run_id, state");
                statement.execute("CREATE TRIGGER IF NOT EXISTS rows_counted_moved AFTER UPDATE OF state ON rows"
                        + " WHEN OLD.state IS NOT NEW.state BEGIN"
                        + " UPDATE row_counts SET n = n - 1 WHERE run_id = OLD.run_id AND state = OLD.state;"
                        + " INSERT INTO row_counts(run_id, state, n) VALUES (NEW.run_id, NEW.state, 1)"
                        + " ON CONFLICT (run_id, state) DO UPDATE SET n = n + 1; END");
                statement.execute("CREATE TRIGGER IF NOT EXISTS rows_counted_out AFTER DELETE ON rows BEGIN"
                        + " UPDATE row_counts SET n = n - 1 WHERE run_id = OLD.run_id AND state = OLD.state; END");
            }
            statement.execute("COMMIT");
        } catch (SQLException e) {
            statement.execute("ROLLBACK");
            throw e;
        }
    }

    private static boolean has(Statement statement, String type, String name) throws SQLException {
        try (ResultSet found = statement.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = '" + type + "' AND name = '" + name + "'")) {
            return found.next();
        }
    }

    public static Path fileIn(Path dataDir) {
        return dataDir.resolve("outbox.db");
    }

    /**
     * Takes the run for sending: one sender at a time (the window and a command, or two commands,
     * would otherwise send the same rows). The lock is the operating system's on a file beside the
     * outbox, so it goes when its process does, kill -9 included. Empty when another holds it.
     */
    public Optional<AutoCloseable> claim(String runId) throws IOException {
        Path locks = file.resolveSibling("outbox-locks");
        Files.createDirectories(locks);
        Path lockFile = locks.resolve(runId.replaceAll("[^A-Za-z0-9-]", "_") + ".lock").toAbsolutePath().normalize();
        // Held in this process already: refused before any channel is opened on the file, as closing one
        // (even a refused one) drops every lock this process holds on it, on Linux: another process
        // could then take the run while it is still being sent from here.
        if (!CLAIMED_HERE.add(lockFile)) {
            return Optional.empty();
        }
        java.nio.channels.FileChannel channel;
        java.nio.channels.FileLock lock;
        try {
            channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            CLAIMED_HERE.remove(lockFile);
            throw e;
        }
        if (lock == null) { // another process sends it
            channel.close();
            CLAIMED_HERE.remove(lockFile);
            return Optional.empty();
        }
        java.nio.channels.FileLock held = lock;
        return Optional.of(() -> {
            try {
                held.release();
                channel.close();
            } finally {
                CLAIMED_HERE.remove(lockFile);
            }
        });
    }

    /** The runs' lock files this process holds, whichever outbox object took them. */
    private static final java.util.Set<Path> CLAIMED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Writes the run and all its rows in one transaction: a run is in the journal whole or not at all. */
    public synchronized Run create(String id, Instant created, RunSpec spec, List<NewRow> rows) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runs(id, created_ms, source,"
                    + " source_hash, account, base_url, live, chunk, rate, state, key_fingerprint)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, id);
                insert.setLong(2, created.toEpochMilli());
                insert.setString(3, spec.source());
                insert.setString(4, spec.sourceHash());
                insert.setString(5, spec.account());
                insert.setString(6, spec.baseUrl());
                insert.setInt(7, spec.live() ? 1 : 0);
                insert.setInt(8, spec.chunk());
                insert.setDouble(9, spec.ratePerSecond());
                insert.setString(10, RunState.RUNNING.name());
                insert.setString(11, spec.keyFingerprint());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows(run_id, row_no, callee,"
                    + " request_json, state, reason, scheduled_ms) VALUES (?,?,?,?,?,?,?)")) {
                for (NewRow row : rows) {
                    insert.setString(1, id);
                    insert.setInt(2, row.rowNo());
                    insert.setString(3, row.callee());
                    insert.setString(4, row.requestJson());
                    insert.setString(5, row.state().name());
                    insert.setString(6, row.reason());
                    insert.setObject(7, row.scheduledFor() == null ? null : row.scheduledFor().toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // Counted here, not by a trigger per row: that made writing a 100,000-row run five times slower.
            Map<State, Integer> counts = new EnumMap<>(State.class);
            rows.forEach(row -> counts.merge(row.state(), 1, Integer::sum));
            try (PreparedStatement count = connection.prepareStatement("INSERT INTO row_counts(run_id, state, n)"
                    + " VALUES (?,?,?) ON CONFLICT (run_id, state) DO UPDATE SET n = n + excluded.n")) {
                for (Map.Entry<State, Integer> entry : counts.entrySet()) {
                    count.setString(1, id);
                    count.setString(2, entry.getKey().name());
                    count.setInt(3, entry.getValue());
                    count.addBatch();
                }
                count.executeBatch();
            }
        });
        return new Run(id, created, spec, RunState.RUNNING, null);
    }

    public synchronized Optional<Run> run(String id) throws SQLException {
        List<Run> runs = runs("WHERE id = ?", id);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /**
     * A row of a run on one account that may ring, or has rung, its callee: sent (being sent,
     * created, uncertain or waiting for the operator's decision), or still to be sent by a run not
     * finished. {@code attemptedAt} is when it was sent, {@code scheduledFor} when it asks to ring
     * (null: when sent); both null for a row not sent yet. What a new run's preview holds against.
     */
    public record RingingRow(String runId, int rowNo, String callee, State state, String callId, Instant attemptedAt,
                             Instant scheduledFor) {
    }

    /**
     * The rows of this account's runs sent since {@code since}, or asking to ring since then, and
     * the rows its unfinished runs have still to send; see {@link RingingRow}. Read by time through
     * the send and schedule indexes, however many runs the outbox holds.
     */
    public synchronized List<RingingRow> ringingSince(String baseUrl, String keyFingerprint, Instant since) throws SQLException {
        List<RingingRow> found = new ArrayList<>();
        String fingerprint = keyFingerprint == null ? "" : keyFingerprint;
        try (PreparedStatement select = prepare("SELECT r.run_id, r.row_no, r.callee, r.state, r.call_id, r.attempt_ms,"
                + " r.scheduled_ms FROM rows r CROSS JOIN runs u ON u.id = r.run_id"
                + " WHERE (r.attempt_ms >= ? OR r.scheduled_ms >= ?)"
                + " AND r.state IN ('SENDING','CREATED','UNCERTAIN','NEEDS_DECISION') AND u.base_url = ?"
                + " AND u.key_fingerprint = ?", since.toEpochMilli(), since.toEpochMilli(), baseUrl, fingerprint);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                found.add(ringing(rs));
            }
        }
        for (Run run : runs("WHERE base_url = ? AND key_fingerprint = ? AND state IN ('RUNNING','PAUSED')", baseUrl, fingerprint)) {
            try (PreparedStatement select = prepare("SELECT run_id, row_no, callee, state, call_id, attempt_ms, scheduled_ms"
                    + " FROM rows " + BY_STATE + "WHERE run_id = ? AND state = 'PLANNED'", run.id());
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(ringing(rs));
                }
            }
        }
        return found;
    }

    private static RingingRow ringing(ResultSet rs) throws SQLException {
        long attempt = rs.getLong(6);
        Instant attemptedAt = rs.wasNull() ? null : Instant.ofEpochMilli(attempt);
        long scheduled = rs.getLong(7);
        Instant scheduledFor = rs.wasNull() ? null : Instant.ofEpochMilli(scheduled);
        return new RingingRow(rs.getString(1), rs.getInt(2), rs.getString(3), State.valueOf(rs.getString(4)), rs.getString(5),
                attemptedAt, scheduledFor);
    }

    /** How SQLite finds the rows sent lately, step by step: what a test checks stays on the time indexes. */
    synchronized List<String> ringingLookUpPlan() throws SQLException {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement explain = prepare("EXPLAIN QUERY PLAN SELECT r.run_id FROM rows r CROSS JOIN runs u ON u.id = r.run_id"
                + " WHERE (r.attempt_ms >= ? OR r.scheduled_ms >= ?) AND r.state IN ('SENDING','CREATED','UNCERTAIN',"
                + "'NEEDS_DECISION') AND u.base_url = ? AND u.key_fingerprint = ?", 0L, 0L, "", "");
             ResultSet rs = explain.executeQuery()) {
            while (rs.next()) {
                steps.add(rs.getString("detail"));
            }
        }
        return steps;
    }

    /** Every run, newest first. */
    public synchronized List<Run> runs() throws SQLException {
        return runs("");
    }

    /** The newest run of this file on this account that has not finished or been cancelled. */
    public synchronized Optional<Run> latestUnfinished(String sourceHash, String baseUrl, String keyFingerprint)
            throws SQLException {
        List<Run> runs = runs("WHERE source_hash = ? AND base_url = ? AND key_fingerprint = ? AND state IN ('RUNNING','PAUSED')",
                sourceHash, baseUrl, keyFingerprint);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private List<Run> runs(String where, Object... args) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, created_ms, source, source_hash, account,"
                + " base_url, live, chunk, rate, state, message, key_fingerprint FROM runs " + where
                + " ORDER BY created_ms DESC, id DESC")) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Run(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            new RunSpec(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                    rs.getInt(7) != 0, rs.getInt(8), rs.getDouble(9), rs.getString(12)),
                            RunState.valueOf(rs.getString(10)), rs.getString(11)));
                }
            }
        }
        return runs;
    }

    public synchronized void setRunState(String runId, RunState state, String message) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET state = ?, message = ? WHERE id = ?")) {
            update.setString(1, state.name());
            update.setString(2, message);
            update.setString(3, runId);
            update.executeUpdate();
        }
    }

    /** The pace a resumed run keeps: what the operator last set. */
    public synchronized void setPace(String runId, int chunk, double ratePerSecond) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET chunk = ?, rate = ? WHERE id = ?")) {
            update.setInt(1, chunk);
            update.setDouble(2, ratePerSecond);
            update.setString(3, runId);
            update.executeUpdate();
        }
    }

    /**
     * After a stop in mid-request: rows still marked as being sent become uncertain, since their
     * request may have reached the service. Returns how many.
     */
    public synchronized int settleInterrupted(String runId, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE rows SET state = 'UNCERTAIN', reason = ? WHERE run_id = ? AND state = 'SENDING'")) {
            update.setString(1, reason);
            update.setString(2, runId);
            return update.executeUpdate();
        }
    }

    /**
     * The next rows to send, in file order: up to {@code limit} of them, or one alone when the
     * first must go by itself.
     */
    public synchronized List<Row> nextPlanned(String runId, int limit) throws SQLException {
        List<Row> rows = rows(PLANNED_FIRST, runId, Math.max(1, limit));
        if (rows.isEmpty()) {
            return rows;
        }
        if (rows.get(0).solo()) {
            return List.of(rows.get(0));
        }
        // A solo row further on waits for its own turn.
        List<Row> batch = new ArrayList<>();
        for (Row row : rows) {
            if (row.solo()) {
                break;
            }
            batch.add(row);
        }
        return batch;
    }

    /** The rows in any of these states, in file order. */
    public synchronized List<Row> rowsIn(String runId, State... states) throws SQLException {
        return rows(inStates(states), runId);
    }

    private static String inStates(State... states) {
        StringBuilder in = new StringBuilder();
        for (State state : states) {
            in.append(in.length() == 0 ? "'" : ",'").append(state.name()).append('\'');
        }
        return BY_STATE + "WHERE run_id = ? AND state IN (" + in + ") ORDER BY row_no";
    }

    /**
     * Rows picked by state go through the state index. Left to itself SQLite walks the run's rows
     * in file order instead (that order is the one asked for, and the index does not hold every
     * column): every row of the run, every chunk, so a run got slower the further it went (20,000
     * rows: 8 ms a chunk instead of well under one).
     */
    private static final String BY_STATE = "INDEXED BY rows_state ";
    private static final String PLANNED_FIRST = BY_STATE + "WHERE run_id = ? AND state = 'PLANNED' ORDER BY row_no LIMIT ?";
    private static final String ROW_SELECT = "SELECT row_no, callee, request_json, state, call_id, reason, attempt_ms,"
            + " sends, solo, reconciled FROM rows ";

    /** How SQLite runs the look-ups by state, step by step: what a test checks they stay on the index. */
    synchronized List<String> stateLookUpPlans(String runId) throws SQLException {
        List<String> steps = new ArrayList<>();
        for (String where : List.of(PLANNED_FIRST, inStates(State.UNCERTAIN, State.SENDING))) {
            try (PreparedStatement explain = prepare("EXPLAIN QUERY PLAN " + ROW_SELECT + where, runId);
                 ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
        }
        return steps;
    }

    /** The rows numbered {@code first} to {@code last}, in file order: the rows a table shows of a run going on. */
    public synchronized List<Row> rowsBetween(String runId, int first, int last) throws SQLException {
        return rows("WHERE run_id = ? AND row_no BETWEEN ? AND ? ORDER BY row_no", runId, first, last);
    }

    public synchronized Optional<Row> row(String runId, int rowNo) throws SQLException {
        List<Row> rows = rows("WHERE run_id = ? AND row_no = ?", runId, rowNo);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Streams every row of the run in file order, without holding them, for the results export. */
    public synchronized void forEachRow(String runId, Consumer<Row> sink) throws SQLException {
        try (PreparedStatement select = rowSelect("WHERE run_id = ? ORDER BY row_no", runId);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                sink.accept(row(rs));
            }
        }
    }

    private List<Row> rows(String where, Object... args) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = rowSelect(where, args); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private PreparedStatement rowSelect(String where, Object... args) throws SQLException {
        return prepare(ROW_SELECT + where, args);
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement select = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            select.setObject(i + 1, args[i]);
        }
        return select;
    }

    private static Row row(ResultSet rs) throws SQLException {
        long attempt = rs.getLong(7);
        Instant attemptedAt = rs.wasNull() ? null : Instant.ofEpochMilli(attempt);
        return new Row(rs.getInt(1), rs.getString(2), rs.getString(3), State.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), attemptedAt, rs.getInt(8), rs.getInt(9) != 0, rs.getInt(10) != 0);
    }

    /**
     * Marks planned rows as being sent, in one committed transaction, only if every one is still
     * planned (a cancel or another sender may have moved them): false, and nothing changed, if not.
     */
    public synchronized boolean markSending(String runId, List<Integer> rowNos, Instant at) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement update = connection.prepareStatement("UPDATE rows SET state = 'SENDING', reason = NULL,"
                + " attempt_ms = ? WHERE run_id = ? AND row_no = ? AND state = 'PLANNED'")) {
            for (int rowNo : rowNos) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, runId);
                update.setInt(3, rowNo);
                update.addBatch();
            }
            boolean all = true;
            for (int count : update.executeBatch()) {
                all &= count == 1;
            }
            if (all) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return all;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Applies every change in one committed transaction: a request's rows move together or not at all. */
    public synchronized void apply(String runId, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        inTransaction(() -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE rows SET state = ?,"
                    + " call_id = coalesce(?, call_id), reason = ?, attempt_ms = coalesce(?, attempt_ms),"
                    + " sends = sends + ?, solo = max(solo, ?), reconciled = max(reconciled, ?)"
                    + " WHERE run_id = ? AND row_no = ?")) {
                for (Change change : changes) {
                    update.setString(1, change.state().name());
                    update.setString(2, change.callId());
                    update.setString(3, change.reason());
                    if (change.attemptedAt() == null) {
                        update.setNull(4, java.sql.Types.INTEGER);
                    } else {
                        update.setLong(4, change.attemptedAt().toEpochMilli());
                    }
                    update.setInt(5, change.sent() ? 1 : 0);
                    update.setInt(6, change.solo() ? 1 : 0);
                    update.setInt(7, change.reconciled() ? 1 : 0);
                    update.setString(8, runId);
                    update.setInt(9, change.rowNo());
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        throw new SQLException("Run " + runId + " has no row " + changes.get(i).rowNo());
                    }
                }
            }
        });
    }

    /** Every planned row of the run becomes cancelled; returns how many. */
    public synchronized int cancelPlanned(String runId, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE rows SET state = 'CANCELED', reason = ? WHERE run_id = ? AND state = 'PLANNED'")) {
            update.setString(1, reason);
            update.setString(2, runId);
            return update.executeUpdate();
        }
    }

    /** How many of the run's rows are in these states, counted from the rows (through the state index). */
    public synchronized int countIn(String runId, State... states) throws SQLException {
        try (PreparedStatement select = prepare("SELECT count(*) FROM rows " + inStates(states), runId);
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public synchronized Map<State, Integer> counts(String runId) throws SQLException {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, 0);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, n FROM row_counts WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(State.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
