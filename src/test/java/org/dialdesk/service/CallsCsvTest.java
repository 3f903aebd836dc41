package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
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
        HistoryRow row = new HistoryRow("c1", Instant.parse("2026-06-15T16:05:00Z").toEpochMilli(), "Completed",
                "+14155550125", "+14155550100", "u1", "Rendez-vous, café", "Zoë", "Successful", 61, "q4", "2026-06-16T14:00:00Z",
                "fr-FR", "outbound", "");
        Path file = dir.resolve("calls.csv");
        List<Long> progress = new ArrayList<>();
        CallsCsv.write(file, List.of(row), ZoneId.of("America/Chicago"), progress::add);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFid,created,created_local,status,callee"), text);
        assertTrue(text.contains("c1,2026-06-15T16:05:00Z,\"2026-06-15 11:05\",Completed"), "exact UTC, then the operator's time: " + text);
        assertTrue(text.contains("2026-06-16T14:00:00Z,\"2026-06-16 09:00\",fr-FR"), text);
        assertTrue(text.contains("\"=\"\"+14155550125\"\"\""), "the phone stays text: " + text);
        assertTrue(text.contains("\"Rendez-vous, café\",Zoë,Successful,61,q4"), text);
        assertEquals(List.of(1L), progress);
        assertFalse(Files.exists(dir.resolve("calls.csv.part")));
    }
}
