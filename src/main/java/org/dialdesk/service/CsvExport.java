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
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Every CSV the console writes: UTF-8 with a BOM (so spreadsheets read names right), streamed row
 * by row, by way of a {@code .part} file beside the chosen one, so a failed export never leaves half
 * a file under its name.
 */
public final class CsvExport {
    private static final int PROGRESS_EVERY = 5000;

    /** Takes one row's cells. */
    @FunctionalInterface
    public interface Sink {
        void row(List<String> cells);
    }

    /** Gives the rows, one at a time, to the sink. */
    @FunctionalInterface
    public interface Source {
        void forEach(Sink sink) throws IOException, SQLException;
    }

    private CsvExport() {
    }

    /** Writes {@code columns} and then every row of {@code source}; {@code progress} hears the count now and then. */
    public static long write(Path file, List<String> columns, Source source, LongConsumer progress)
            throws IOException, SQLException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        long[] written = {0};
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             SequenceWriter writer = new CsvMapper().writer(schema.build()).writeValues(out)) {
            out.write('\uFEFF');
            source.forEach(cells -> {
                try {
                    writer.write(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++written[0] % PROGRESS_EVERY == 0) {
                    progress.accept(written[0]);
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
        progress.accept(written[0]);
        return written[0];
    }

    /** A cell a spreadsheet would run as a formula ("=…", "+…", "@…") is kept as text. */
    public static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    /** A phone number kept as text in spreadsheets (which would read +1415… as a number and drop the +). */
    public static String phone(String phone) {
        return phone == null || phone.isBlank() ? "" : "=\"" + phone.replace("\"", "") + "\"";
    }
}
