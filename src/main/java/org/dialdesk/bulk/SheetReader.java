package org.dialdesk.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Reads a campaign spreadsheet: CSV or TSV (delimiter, header and encoding detected: UTF-8 with
 * or without BOM, UTF-16 with BOM, else Windows-1252) or the first sheet of an {@code .xlsx}.
 * Whatever cannot be read as a spreadsheet is refused with a sentence that says what to do; a
 * row that cannot be taken whole is kept, with its problem, for the preview to show.
 */
public final class SheetReader {
    /** Larger files are refused before anything is read into memory. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** Longer cells mean a quote left open or a file that is not a call list. */
    public static final int MAX_CELL_CHARS = 10_000;
    public static final int MAX_ROWS = 1_000_000;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private SheetReader() {
    }

    /** Reads with the detected format. */
    public static Sheet read(Path file) throws BulkInputException {
        return read(file, detect(file));
    }

    /** Reads as {@code format} says: what {@link #detect} found, perhaps changed by the operator. */
    public static Sheet read(Path file, SheetFormat format) throws BulkInputException {
        return format.kind() == SheetFormat.Kind.XLSX ? readWorkbook(file, format) : readText(file, format);
    }

    /** Works out how the file is written, from its first bytes and lines. */
    public static SheetFormat detect(Path file) throws BulkInputException {
        byte[] bytes = bytesOf(file);
        if (bytes.length >= 8 && ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw new BulkInputException(file.getFileName() + " is a zip archive, not a text file. If it is an Excel"
                        + " workbook, give it the .xlsx ending; otherwise save it as CSV.");
            }
            return new SheetFormat(SheetFormat.Kind.XLSX, StandardCharsets.UTF_8, false, ',', true);
        }
        if (bytes.length >= 8 && ReadableWorkbook.isOLE2Header(bytes)) {
            throw new BulkInputException(file.getFileName() + " is an old Excel (.xls) workbook. Open it in a spreadsheet"
                    + " program and save it as .xlsx or CSV.");
        }
        Charset charset;
        boolean bom = false;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = true;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = true;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = true;
        } else if (utf16Without(bytes, 1)) {
            charset = StandardCharsets.UTF_16LE; // text saved as "Unicode" without its mark: every second byte zero
        } else if (utf16Without(bytes, 0)) {
            charset = StandardCharsets.UTF_16BE;
        } else {
            if (holdsBinary(bytes)) {
                throw new BulkInputException(file.getFileName() + " holds binary data, not text: it is not a CSV file."
                        + " Export the list from its program as CSV (or .xlsx) and import that.");
            }
            charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = decode(bytes, charset, bom);
        if (text.isBlank()) {
            throw new BulkInputException(file.getFileName() + " is empty: there are no rows to call.");
        }
        List<String> lines = firstLines(text, 50);
        char delimiter = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")
                && lines.get(0).indexOf('\t') >= 0 ? '\t' : delimiterOf(lines);
        boolean header = !looksLikeData(splitSimply(lines.get(0), delimiter));
        return new SheetFormat(SheetFormat.Kind.CSV, charset, bom, delimiter, header);
    }

    private static byte[] bytesOf(Path file) throws BulkInputException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BulkInputException(file.getFileName() + " is " + size / (1024 * 1024) + " MB; at most "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MB can be imported at once. Split it into smaller files.");
            }
            if (Files.isDirectory(file)) {
                throw new BulkInputException(file + " is a folder; choose a CSV or .xlsx file.");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BulkInputException("There is no file " + file + ".");
        } catch (IOException e) {
            throw new BulkInputException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Mostly-ASCII UTF-16 without a BOM: zeros in nearly every byte at {@code zeroAt} (1: little-endian), none at the other. */
    private static boolean utf16Without(byte[] bytes, int zeroAt) {
        int end = Math.min(bytes.length, 4096) & ~1;
        if (end < 8) {
            return false;
        }
        int zeros = 0;
        int otherZeros = 0;
        for (int i = 0; i < end; i += 2) {
            zeros += bytes[i + zeroAt] == 0 ? 1 : 0;
            otherZeros += bytes[i + 1 - zeroAt] == 0 ? 1 : 0;
        }
        return zeros * 10 >= (end / 2) * 9 && otherZeros == 0;
    }

    /** NUL bytes, or many control characters, in the first 64 KB: no spreadsheet text has them. */
    private static boolean holdsBinary(byte[] bytes) {
        int end = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return end > 0 && control * 100 > end;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(byte[] bytes, Charset charset, boolean bom) {
        String text = new String(bytes, charset);
        return bom && !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static List<String> firstLines(String text, int count) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (lines.size() < count && start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = (end < 0 ? text.substring(start) : text.substring(start, end)).replace("\r", "");
            if (!line.isBlank()) {
                lines.add(line);
            }
            start = end < 0 ? text.length() : end + 1;
        }
        return lines;
    }

    /** The delimiter that splits the first lines into the same number of cells most often, and into more than one. */
    static char delimiterOf(List<String> lines) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : DELIMITERS) {
            int[] counts = lines.stream().mapToInt(line -> countOutsideQuotes(line, candidate)).toArray();
            if (Arrays.stream(counts).allMatch(c -> c == 0)) {
                continue;
            }
            int first = counts[0];
            long same = Arrays.stream(counts).filter(c -> c == first).count();
            double score = (double) same / counts.length * 1000 + first;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static List<String> splitSimply(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** A first row with a phone-like cell (seven digits or more, nothing but phone characters) is data, not a header. */
    private static boolean looksLikeData(List<String> cells) {
        for (String cell : cells) {
            String digits = cell.replaceAll("\\D", "");
            if (digits.length() >= 7 && cell.matches("[+()0-9 .\\-/]+")) {
                return true;
            }
        }
        return false;
    }

    // ---- text ----

    private static Sheet readText(Path file, SheetFormat format) throws BulkInputException {
        byte[] bytes = bytesOf(file);
        String text = decode(bytes, format.charset(), format.byteOrderMark());
        if (text.isBlank()) {
            throw new BulkInputException(file.getFileName() + " is empty: there are no rows to call.");
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(format.delimiter()).withQuoteChar('"');
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(new StringReader(text))) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
                if (records.size() > MAX_ROWS + 1) {
                    throw new BulkInputException(file.getFileName() + " has more than " + MAX_ROWS
                            + " rows; split it into smaller files.");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BulkInputException(file.getFileName() + " could not be read as " + SheetFormat.delimiterName(
                    format.delimiter()) + " text from row " + (records.size() + 1) + " on: "
                    + firstLine(e.getMessage()).toLowerCase(Locale.ROOT) + ". Check the quotes on that row, or choose"
                    + " another delimiter.", e);
        }
        return sheetOf(file, format, records.stream().map(SheetReader::blankToEmpty).toList());
    }

    private static String[] blankToEmpty(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = unguarded(cells[i] == null ? "" : cells[i].strip());
        }
        return cells;
    }

    /**
     * A cell as the console's own exports guard it (="+1415…" for a phone kept as text, '=… for a
     * cell that would run as a formula) reads back as it was, so a rejects file imports again.
     */
    static String unguarded(String cell) {
        if (cell.length() >= 3 && cell.startsWith("=\"") && cell.endsWith("\"")) {
            return cell.substring(2, cell.length() - 1);
        }
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    // ---- workbook ----

    private static Sheet readWorkbook(Path file, SheetFormat format) throws BulkInputException {
        List<String[]> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook workbook = new ReadableWorkbook(in);
             Stream<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().openStream()) {
            rows.forEach(row -> {
                // Rows the sheet leaves out (blank ones) are skipped, as a text file's blank lines are.
                String[] cells = new String[row.getCellCount()];
                boolean blank = true;
                for (int i = 0; i < cells.length; i++) {
                    Cell cell = row.getCell(i);
                    cells[i] = cell == null ? "" : textOf(cell);
                    blank &= cells[i].isEmpty();
                }
                if (!blank) {
                    records.add(cells);
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new BulkInputException(file.getFileName() + " could not be read as an Excel workbook ("
                    + firstLine(e.getMessage()) + "). Open it in a spreadsheet program and save it again, or as CSV.", e);
        }
        if (records.isEmpty()) {
            throw new BulkInputException(file.getFileName() + "'s first sheet is empty: there are no rows to call.");
        }
        return sheetOf(file, format, records);
    }

    private static String textOf(Cell cell) {
        String text = switch (cell.getType()) {
            // A number's raw digits: phone numbers typed into Excel are numbers, and must keep every digit.
            case NUMBER -> plainNumber(cell.getRawValue());
            case EMPTY -> "";
            default -> cell.getText();
        };
        return text == null ? "" : text.strip();
    }

    private static String plainNumber(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            return new java.math.BigDecimal(raw).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    // ---- both ----

    private static Sheet sheetOf(Path file, SheetFormat format, List<String[]> records) throws BulkInputException {
        if (records.isEmpty()) {
            throw new BulkInputException(file.getFileName() + " is empty: there are no rows to call.");
        }
        List<String> columns;
        int first;
        if (format.header()) {
            columns = namesOf(records.get(0));
            first = 1;
            if (records.size() == 1) {
                throw new BulkInputException(file.getFileName() + " has a header row and no rows under it.");
            }
        } else {
            int width = records.stream().mapToInt(r -> r.length).max().orElse(0);
            columns = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                columns.add("Column " + (i + 1));
            }
            first = 0;
        }
        List<Sheet.Row> rows = new ArrayList<>(records.size());
        for (int i = first; i < records.size(); i++) {
            rows.add(rowOf(i + 1, records.get(i), columns.size()));
        }
        return new Sheet(file.getFileName().toString(), format, columns, rows);
    }

    /** Header names, blank ones named by position and repeated ones numbered, so each names one column. */
    private static List<String> namesOf(String[] header) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].isBlank() ? "Column " + (i + 1) : header[i];
            String unique = name;
            for (int n = 2; !seen.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + " (" + n + ")";
            }
            names.add(unique);
        }
        return names;
    }

    private static Sheet.Row rowOf(int number, String[] cells, int width) {
        for (String cell : cells) {
            if (cell.length() > MAX_CELL_CHARS) {
                return new Sheet.Row(number, new String[0], "A cell of " + String.format(Locale.ROOT, "%,d", cell.length())
                        + " characters (at most " + String.format(Locale.ROOT, "%,d", MAX_CELL_CHARS)
                        + "): a quote may be left open on this row or the one before.");
            }
        }
        if (cells.length > width) {
            boolean extraBlank = true;
            for (int i = width; i < cells.length; i++) {
                extraBlank &= cells[i].isEmpty();
            }
            if (!extraBlank) {
                return new Sheet.Row(number, cells, "Has " + cells.length + " cells where the header has " + width
                        + ": check this row's quotes and delimiters.");
            }
            cells = Arrays.copyOf(cells, width);
        }
        return new Sheet.Row(number, cells, null);
    }
}
