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
        List<Integer> phones = new ArrayList<>();
        int noteAt = -1;
        for (int i = 0; i < sheet.columns().size(); i++) {
            String name = sheet.columns().get(i);
            if (BulkField.named(name).filter(f -> f == BulkField.PHONE).isPresent()) {
                phones.add(i);
            } else if (name.equalsIgnoreCase("note") || name.equalsIgnoreCase("notes") || name.equalsIgnoreCase("reason")) {
                noteAt = i;
            }
        }
        if (phones.isEmpty()) {
            phones.add(0);
        }
        List<DoNotCallRecords.Line> lines = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            String note = noteAt < 0 ? "" : row.cell(noteAt);
            // Every phone-like column ("phone", "mobile"…) is listed: a number left off is one that can be rung.
            // A row the reader could not take whole (a cell too many) still gives its numbers: listing them is the safe side.
            int before = lines.size();
            for (int column : phones) {
                if (!row.cell(column).isBlank()) {
                    lines.add(new DoNotCallRecords.Line(row.number(), row.cell(column), note));
                }
            }
            if (lines.size() == before) { // no number at all: reported as a line that could not be read
                lines.add(new DoNotCallRecords.Line(row.number(), "", note));
            }
        }
        return lines;
    }
}
