package org.dialdesk.bulk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialdesk.service.DoNotCallRecords;

/**
 * A file of numbers to put on the do-not-call list, read as a campaign file is (CSV, TSV or
 * {@code .xlsx}, format detected): its phone column (or its first) and a note column when it has
 * one. One reading for the window and {@code dialdesk dnc import}, so a file both accept is read alike.
 */
public final class DoNotCallSheet {
    private DoNotCallSheet() {
    }

    public static List<DoNotCallRecords.Line> lines(Path file) throws BulkInputException {
        Sheet sheet = SheetReader.read(file);
        int phone = 0;
        int noteAt = -1;
        for (int i = 0; i < sheet.columns().size(); i++) {
            String name = sheet.columns().get(i);
            if (BulkField.named(name).filter(f -> f == BulkField.PHONE).isPresent()) {
                phone = i;
            } else if (name.equalsIgnoreCase("note") || name.equalsIgnoreCase("notes") || name.equalsIgnoreCase("reason")) {
                noteAt = i;
            }
        }
        List<DoNotCallRecords.Line> lines = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            // A row the reader could not take whole (a cell too many) still gives its number: listing it is the safe side.
            lines.add(new DoNotCallRecords.Line(row.number(), row.cell(phone), noteAt < 0 ? "" : row.cell(noteAt)));
        }
        return lines;
    }
}
