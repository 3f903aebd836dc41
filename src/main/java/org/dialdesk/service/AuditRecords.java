package org.dialdesk.service;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.store.AuditLog;

/** What the audit screen and an export read from the audit log; nothing here writes an entry or changes one. */
public final class AuditRecords {
    public static final List<String> COLUMNS = List.of("at", "profile", "action", "summary", "outcome", "call_id");

    /** A filter as the screen sets it; nulls match everything. */
    public record Filter(String text, String profile, AuditEntry.Action action, Instant from, Instant to) {
        AuditLog.Query query(int limit) {
            return new AuditLog.Query(from, to, profile, action, text, limit);
        }
    }

    /** The newest matching entries (at most {@code limit}) and how many match in all. */
    public record Page(List<AuditEntry> entries, long matching, List<String> profiles) {
    }

    private final AuditLog log;

    public AuditRecords(AuditLog log) {
        this.log = log;
    }

    public Page read(Filter filter, int limit) throws SQLException {
        return new Page(log.read(filter.query(limit)), log.count(filter.query(limit)), log.profiles());
    }

    /**
     * Every matching entry to a CSV file, streamed, by way of a {@code .part} file; returns how many.
     * A cell that a spreadsheet would run as a formula (a profile named "=…") is kept as text.
     */
    public long export(Path file, Filter filter) throws IOException, SQLException {
        return CsvExport.write(file, COLUMNS, sink -> log.forEach(filter.query(Integer.MAX_VALUE), entry ->
                sink.row(List.of(entry.at().toString(), text(entry.profile()), entry.action().name(),
                        text(entry.summary()), entry.outcome().name(), entry.callId() == null ? "" : entry.callId()))),
                written -> { });
    }

    static String text(String cell) {
        return CsvExport.text(cell);
    }
}
