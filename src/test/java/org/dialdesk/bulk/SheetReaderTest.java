package org.dialdesk.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as supervisors have them: each encoding, delimiter and damage, and what the reader makes of it. */
class SheetReaderTest {
    @TempDir
    Path dir;

    Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    Path text(String name, String content, Charset charset, byte... bom) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bom);
        out.write(content.getBytes(charset));
        return file(name, out.toByteArray());
    }

    @Test
    void utf8WithoutBomCommaAndHeader() throws Exception {
        Sheet sheet = SheetReader.read(text("a.csv", "phone,name\n+14155550100,Zoë\n", StandardCharsets.UTF_8));
        assertEquals(StandardCharsets.UTF_8, sheet.format().charset());
        assertFalse(sheet.format().byteOrderMark());
        assertEquals(List.of("phone", "name"), sheet.columns());
        assertArrayEquals(new String[] {"+14155550100", "Zoë"}, sheet.rows().get(0).cells());
        assertEquals(2, sheet.rows().get(0).number(), "numbered as a spreadsheet shows it: the header is row 1");
    }

    @Test
    void utf8WithBomLosesTheBomFromTheFirstColumnName() throws Exception {
        Sheet sheet = SheetReader.read(text("a.csv", "phone;name\n+14155550100;Zoë\n", StandardCharsets.UTF_8,
                (byte) 0xEF, (byte) 0xBB, (byte) 0xBF));
        assertTrue(sheet.format().byteOrderMark());
        assertEquals(';', sheet.format().delimiter());
        assertEquals("phone", sheet.columns().get(0));
        assertEquals("UTF-8 with BOM · semicolon-separated · first row is the header", sheet.format().describe());
    }

    @Test
    void utf16WithBomAsExcelSavesUnicodeText() throws Exception {
        Sheet sheet = SheetReader.read(text("a.txt", "phone\tname\r\n+14155550100\tJosé\r\n", StandardCharsets.UTF_16LE,
                (byte) 0xFF, (byte) 0xFE));
        assertEquals(StandardCharsets.UTF_16LE, sheet.format().charset());
        assertEquals('\t', sheet.format().delimiter());
        assertEquals("José", sheet.rows().get(0).cell(1));
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252() throws Exception {
        Sheet sheet = SheetReader.read(text("a.csv", "phone,name\n+14155550100,Müller\n", Charset.forName("windows-1252")));
        assertEquals("windows-1252", sheet.format().charset().name());
        assertEquals("Müller", sheet.rows().get(0).cell(1));
    }

    @Test
    void aFirstRowOfNumbersIsDataNotAHeader() throws Exception {
        Sheet sheet = SheetReader.read(text("a.csv", "+14155550100,Ada\n+14155550101,Bo\n", StandardCharsets.UTF_8));
        assertFalse(sheet.format().header());
        assertEquals(List.of("Column 1", "Column 2"), sheet.columns());
        assertEquals(2, sheet.rows().size());
        assertEquals(1, sheet.rows().get(0).number());
    }

    @Test
    void theDetectedFormatCanBeChanged() throws Exception {
        Path file = text("a.csv", "+14155550100,Ada\n", StandardCharsets.UTF_8);
        SheetFormat asHeader = SheetReader.detect(file).withHeader(true);
        BulkInputException problem = assertThrows(BulkInputException.class, () -> SheetReader.read(file, asHeader));
        assertEquals("a.csv has a header row and no rows under it.", problem.getMessage());
    }

    @Test
    void quotedCellsKeepTheirDelimitersNewlinesAndQuotes() throws Exception {
        Sheet sheet = SheetReader.read(text("a.csv", "phone,note\n+14155550100,\"a, b\nsecond \"\"line\"\"\"\n",
                StandardCharsets.UTF_8));
        assertEquals("a, b\nsecond \"line\"", sheet.rows().get(0).cell(1));
    }

    @Test
    void raggedRowsArePaddedOrFlagged() throws Exception {
        Sheet sheet = SheetReader.read(text("a.csv", "phone,name,city\n+14155550100,Ada\n+14155550101,Bo,Rome,extra\n"
                + "+14155550102,Cy,Oslo,,\n", StandardCharsets.UTF_8));
        Sheet.Row short_ = sheet.rows().get(0);
        assertNull(short_.problem());
        assertEquals("", short_.cell(2));
        assertEquals("Has 4 cells where the header has 3: check this row's quotes and delimiters.",
                sheet.rows().get(1).problem());
        assertNull(sheet.rows().get(2).problem(), "empty trailing cells are no problem");
    }

    @Test
    void aMegabyteCellIsFlaggedOnItsRowNotTakenIn() throws Exception {
        String huge = "x".repeat(1024 * 1024);
        Sheet sheet = SheetReader.read(text("a.csv", "phone,note\n+14155550100," + huge + "\n+14155550101,ok\n",
                StandardCharsets.UTF_8));
        assertTrue(sheet.rows().get(0).problem().startsWith("A cell of 1,048,576 characters"), sheet.rows().get(0).problem());
        assertEquals(0, sheet.rows().get(0).cells().length, "the cell is not kept");
        assertNull(sheet.rows().get(1).problem());
    }

    @Test
    void aQuoteNeverClosedNamesTheRowItOpensOn() throws Exception {
        BulkInputException problem = assertThrows(BulkInputException.class, () -> SheetReader.read(text("a.csv",
                "phone,note\n+14155550100,ok\n+14155550101,\"never closed\n" + ("+1415555,row\n").repeat(1000),
                StandardCharsets.UTF_8)));
        assertEquals("a.csv could not be read as comma-separated text from row 3 on: missing closing quote for value."
                + " Check the quotes on that row, or choose another delimiter.", problem.getMessage());
    }

    @Test
    void anEmptyFileSaysSo() throws Exception {
        BulkInputException problem = assertThrows(BulkInputException.class,
                () -> SheetReader.read(text("empty.csv", "\n\n", StandardCharsets.UTF_8)));
        assertEquals("empty.csv is empty: there are no rows to call.", problem.getMessage());
    }

    @Test
    void aBinaryFileRenamedCsvIsRefusedWithWhatToDo() throws Exception {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[10] = 0;
        BulkInputException problem = assertThrows(BulkInputException.class, () -> SheetReader.read(file("photo.csv", bytes)));
        assertEquals("photo.csv holds binary data, not text: it is not a CSV file. Export the list from its program as CSV"
                + " (or .xlsx) and import that.", problem.getMessage());
    }

    @Test
    void aWorkbookSavedAsCsvIsRecognised() throws Exception {
        Path workbook = xlsx("list.xlsx", List.of(List.of("phone"), List.of("+14155550100")));
        Path renamed = Files.copy(workbook, dir.resolve("list.csv"));
        BulkInputException problem = assertThrows(BulkInputException.class, () -> SheetReader.read(renamed));
        assertTrue(problem.getMessage().startsWith("list.csv is a zip archive"), problem.getMessage());
    }

    @Test
    void aMissingFileSaysWhich() {
        BulkInputException problem = assertThrows(BulkInputException.class, () -> SheetReader.read(dir.resolve("nope.csv")));
        assertEquals("There is no file " + dir.resolve("nope.csv") + ".", problem.getMessage());
    }

    @Test
    void repeatedAndBlankColumnNamesAreMadeDistinct() throws Exception {
        Sheet sheet = SheetReader.read(text("a.csv", "phone,name,,name\n+14155550100,a,b,c\n", StandardCharsets.UTF_8));
        assertEquals(List.of("phone", "name", "Column 3", "name (2)"), sheet.columns());
    }

    @Test
    void cellsTheConsoleGuardedInAnExportReadBackAsTheyWere() throws Exception {
        Sheet sheet = SheetReader.read(text("rejects.csv", "phone,name\n\"=\"\"+14155550100\"\"\",'=SUM(A1)\n",
                StandardCharsets.UTF_8));
        assertEquals("+14155550100", sheet.rows().get(0).cell(0));
        assertEquals("=SUM(A1)", sheet.rows().get(0).cell(1));
    }

    @Test
    void xlsxFirstSheetWithNumbersKeptWhole() throws Exception {
        Path workbook = xlsx("list.xlsx", List.of(List.of("phone", "name"), List.of(14155550100L, "Ada"),
                List.of("+14155550101", "Bo")));
        Sheet sheet = SheetReader.read(workbook);
        assertEquals(SheetFormat.Kind.XLSX, sheet.format().kind());
        assertEquals(List.of("phone", "name"), sheet.columns());
        assertEquals("14155550100", sheet.rows().get(0).cell(0), "a phone typed as a number keeps every digit");
        assertEquals("+14155550101", sheet.rows().get(1).cell(0));
        assertEquals("Bo", sheet.rows().get(1).cell(1));
    }

    @Test
    void aDamagedWorkbookIsRefusedWithWhatToDo() throws Exception {
        byte[] whole = Files.readAllBytes(xlsx("ok.xlsx", List.of(List.of("phone"))));
        Path damaged = file("damaged.xlsx", java.util.Arrays.copyOf(whole, whole.length / 2));
        BulkInputException problem = assertThrows(BulkInputException.class, () -> SheetReader.read(damaged));
        assertTrue(problem.getMessage().startsWith("damaged.xlsx could not be read as an Excel workbook"), problem.getMessage());
    }

    Path xlsx(String name, List<List<Object>> rows) throws IOException {
        return org.dialdesk.testing.Workbooks.write(dir.resolve(name), rows);
    }
}
