package org.dialdesk.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.sql.SQLException;
import org.dialdesk.domain.CallTimes;
import org.dialdesk.domain.HistoryRow;

/**
 * Calls exported to a CSV file a spreadsheet opens cleanly: UTF-8 with a BOM, phones kept as text,
 * times as exact ISO UTC instants and again as the operator reads them, in their zone.
 */
public final class CallsCsv {
    public static final List<String> COLUMNS = List.of("id", "created", "created_local", "status", "callee", "caller",
            "use_case", "agent", "outcome", "duration_seconds", "campaign", "scheduled_for", "scheduled_for_local", "language", "type");

    private CallsCsv() {
    }

    /** Where rows come from, one at a time: a list, or the cache read as it goes. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(Consumer<HistoryRow> each) throws IOException, SQLException;
    }

    /** Writes these rows; see {@link #write(Path, RowSource, ZoneId, LongConsumer)}. */
    public static long write(Path file, List<HistoryRow> rows, ZoneId zone, LongConsumer progress) throws IOException {
        try {
            return write(file, each -> rows.forEach(each), zone, progress);
        } catch (SQLException e) {
            throw new IllegalStateException("a list is not a database", e);
        }
    }

    /**
     * Writes the rows to {@code file}, by way of a {@code .part} file beside it, so a failed export
     * never leaves half a file under the chosen name. {@code progress} hears how many rows are
     * written; returns how many were.
     */
    public static long write(Path file, RowSource rows, ZoneId zone, LongConsumer progress) throws IOException, SQLException {
        CallTimes times = new CallTimes(zone);
        return CsvExport.write(file, COLUMNS, sink -> rows.forEach(r -> {
            Instant created = Instant.ofEpochMilli(r.createdMs());
            sink.row(List.of(r.id(), created.toString(), times.local(created), nz(r.status()),
                    asText(r.callee()), asText(r.caller()), nz(r.useCase()), nz(r.agent()), nz(r.outcome()),
                    Integer.toString(r.durationSeconds()), nz(r.campaign()), nz(r.scheduledFor()),
                    nz(times.local(r.scheduledFor())), nz(r.language()), nz(r.type())));
        }), progress);
    }

    /** A phone number kept as text in spreadsheets (which would read +1415… as a number and drop the +). */
    static String asText(String phone) {
        return CsvExport.phone(phone);
    }

    /** Names and outcomes come from the service: one that starts like a formula stays text. */
    private static String nz(String text) {
        return CsvExport.text(text);
    }
}
