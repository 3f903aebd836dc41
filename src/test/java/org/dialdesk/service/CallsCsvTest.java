package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialdesk.domain.HistoryRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallsCsvTest {
    @TempDir
    Path dir;

    @Test
    void aSpreadsheetReadsNamesAndPhonesRightAndTheFileAppearsWhole() throws Exception {
        HistoryRow row = new HistoryRow("c1", 1_781_000_000_000L, "Completed", "+14155550125", "+14155550100", "u1",
                "Rendez-vous, café", "Zoë", 61, "q4", null, "fr-FR", "outbound", "");
        Path file = dir.resolve("calls.csv");
        List<Integer> progress = new ArrayList<>();
        CallsCsv.write(file, List.of(row), progress::add);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFid,created,status,callee"), text);
        assertTrue(text.contains("\"=\"\"+14155550125\"\"\""), "the phone stays text: " + text);
        assertTrue(text.contains("\"Rendez-vous, café\",Zoë,61,q4"), text);
        assertEquals(List.of(1), progress);
        assertFalse(Files.exists(dir.resolve("calls.csv.part")));
    }
}
