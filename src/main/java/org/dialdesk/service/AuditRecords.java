package org.dialdesk.service;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        long[] written = {0};
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             SequenceWriter writer = new CsvMapper().writer(schema.build()).writeValues(out)) {
            out.write('\uFEFF');
            log.forEach(filter.query(Integer.MAX_VALUE), entry -> {
                try {
                    writer.write(List.of(entry.at().toString(), text(entry.profile()), entry.action().name(),
                            text(entry.summary()), entry.outcome().name(), entry.callId() == null ? "" : entry.callId()));
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(temp);
            throw e.getCause();
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        return written[0];
    }

    static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
