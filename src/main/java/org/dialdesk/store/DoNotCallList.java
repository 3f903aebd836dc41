package org.dialdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The do-not-call list ({@code do-not-call.db} in the data folder): numbers, in E.164, that no
 * profile may dial. Shared by every profile, the window and the command line; read afresh on each
 * look-up, so a number added in one is refused by the other at once.
 */
public final class DoNotCallList implements AutoCloseable {

    public record Entry(String e164, Instant added, String note) {
        public Entry {
            note = note == null ? "" : note;
        }
    }

    private final Connection connection;

    public DoNotCallList(Path file) throws SQLException {
        connection = SqliteFiles.open(file, 5000, false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS numbers (e164 TEXT PRIMARY KEY, added_ms INTEGER NOT NULL,"
                    + " note TEXT NOT NULL DEFAULT '') WITHOUT ROWID");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    public static Path fileIn(Path dataDir) {
        return dataDir.resolve("do-not-call.db");
    }

    public synchronized Optional<Entry> find(String e164) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT e164, added_ms, note FROM numbers WHERE e164 = ?")) {
            select.setString(1, e164);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Which of these numbers are on the list. A list a few times shorter than the numbers asked
     * about (a campaign file against a list of thousands) is read whole and matched here: for
     * 100,000 numbers against 5,000 listed that took a fifth of the time of asking for them.
     * Otherwise the numbers are asked for, one query per 500.
     */
    public synchronized List<String> listed(Collection<String> e164s) throws SQLException {
        List<String> found = new ArrayList<>();
        if ((long) count() * 4 <= e164s.size()) {
            java.util.Set<String> asked = e164s instanceof java.util.Set<String> set ? set : new java.util.HashSet<>(e164s);
            try (Statement select = connection.createStatement();
                 ResultSet rs = select.executeQuery("SELECT e164 FROM numbers")) {
                while (rs.next()) {
                    String listed = rs.getString(1);
                    if (asked.contains(listed)) {
                        found.add(listed);
                    }
                }
            }
            return found;
        }
        List<String> all = List.copyOf(e164s);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT e164 FROM numbers WHERE e164 IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /** Adds the numbers not yet listed (a listed one keeps its date and note); returns how many were new. */
    public synchronized int add(Collection<Entry> entries) throws SQLException {
        return updateEach("INSERT OR IGNORE INTO numbers(e164, added_ms, note) VALUES (?, ?, ?)", entries, (insert, entry) -> {
            insert.setString(1, entry.e164());
            insert.setLong(2, entry.added().toEpochMilli());
            insert.setString(3, entry.note());
        });
    }

    public synchronized boolean remove(String e164) throws SQLException {
        return remove(List.of(e164)) > 0;
    }

    /** Removes these numbers in one transaction (none is removed if it fails); returns how many were listed. */
    public synchronized int remove(Collection<String> e164s) throws SQLException {
        return updateEach("DELETE FROM numbers WHERE e164 = ?", e164s, (delete, e164) -> delete.setString(1, e164));
    }

    /** Sets one item's values into the statement. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Runs the statement once per item, all in one transaction; returns the rows it changed. */
    private <T> int updateEach(String sql, Collection<T> items, Binder<T> binder) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int changed = 0;
            for (T item : items) {
                binder.bind(statement, item);
                changed += statement.executeUpdate();
            }
            connection.commit();
            return changed;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    public synchronized int count() throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT count(*) FROM numbers")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Every entry, newest first, streamed. */
    public synchronized void forEach(Consumer<Entry> sink) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT e164, added_ms, note FROM numbers ORDER BY added_ms DESC, e164")) {
            while (rs.next()) {
                sink.accept(entry(rs));
            }
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3));
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
