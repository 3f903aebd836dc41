package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.store.AuditLog;
import org.dialdesk.store.DoNotCallList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change to the shared do-not-call list is on record in the audit log, as the profile it was made in. */
class DoNotCallRecordsTest {
    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-06-15T16:00:00Z"), ZoneOffset.UTC);
    DoNotCallList list;
    AuditLog log;
    DoNotCallRecords records;

    @BeforeEach
    void open() throws Exception {
        list = new DoNotCallList(dir.resolve("do-not-call.db"));
        log = new AuditLog(dir.resolve("audit.db"));
        records = new DoNotCallRecords(list, clock, AuditTrail.into(log, "Live · ACME", clock));
    }

    @AfterEach
    void close() throws Exception {
        list.close();
        log.close();
    }

    List<AuditEntry> entries() throws Exception {
        List<AuditEntry> entries = new ArrayList<>(log.read(AuditLog.Query.all()));
        entries.sort(java.util.Comparator.comparing(AuditEntry::summary));
        return entries;
    }

    @Test
    void addingRecordsTheNumberAndItsNoteButANumberListedAlreadyChangesNothing() throws Exception {
        records.add("(312) 555-0100", "US", "asked us");
        records.add("+1 312 555 0100", "US", "again");
        records.add("+13125550101", "US", " ");

        List<AuditEntry> entries = entries();
        assertEquals(2, entries.size(), entries::toString);
        assertEquals("Added +13125550100 to the do-not-call list (asked us)", entries.get(0).summary());
        assertEquals("Added +13125550101 to the do-not-call list", entries.get(1).summary());
        AuditEntry first = entries.get(0);
        assertEquals(AuditEntry.Action.DO_NOT_CALL_ADDED, first.action());
        assertEquals("Live · ACME", first.profile());
        assertEquals(AuditEntry.Outcome.DONE, first.outcome());
        assertEquals(clock.instant(), first.at());
    }

    @Test
    void removingNamesTheNumbersTakenOffTheListAndOnlyWhenOneWas() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < DoNotCallRecords.NAMED_IN_AUDIT + 3; i++) {
            String e164 = "+1312555" + String.format("%04d", 200 + i);
            records.add(e164, "US", "");
            many.add(e164);
        }
        records.add("+13125550100", "US", "");
        int before = log.read(AuditLog.Query.all()).size();

        assertTrue(records.remove("(312) 555-0100", "US"));
        assertEquals(false, records.remove("(312) 555-0100", "US"));
        assertEquals(0, records.removeListed(List.of("+13125559999")));
        records.add("+13125550111", "US", "");
        assertEquals(1, records.removeListed(List.of("+13125550111"))); // one, as the screen removes it
        before++;
        assertEquals(many.size(), records.removeListed(many));

        List<AuditEntry> removals = log.read(AuditLog.Query.all()).stream()
                .filter(entry -> entry.action() == AuditEntry.Action.DO_NOT_CALL_REMOVED).toList();
        assertEquals(before + 3, log.read(AuditLog.Query.all()).size(), "nothing recorded for numbers that were not listed");
        assertEquals(3, removals.size(), removals::toString);
        assertTrue(removals.stream().anyMatch(entry -> entry.summary().equals("Removed +13125550111 from the do-not-call list")),
                removals::toString);
        assertTrue(removals.stream().anyMatch(entry -> entry.summary().equals("Removed +13125550100 from the do-not-call list")),
                removals::toString);
        String bulk = removals.stream().map(AuditEntry::summary).filter(summary -> summary.startsWith("Removed 23"))
                .findFirst().orElseThrow();
        assertTrue(bulk.startsWith("Removed 23 numbers from the do-not-call list: +13125550200, +13125550201,"), bulk);
        assertTrue(bulk.endsWith(", +13125550219 and 3 more"), bulk);
    }

    @Test
    void anImportIsRecordedWithTheFileAndWhatItDid() throws Exception {
        records.add("+13125550100", "US", "");
        records.importLines(List.of(new DoNotCallRecords.Line(2, "+13125550100", ""),
                new DoNotCallRecords.Line(3, "(312) 555-0102", ""), new DoNotCallRecords.Line(4, "call me", "")), "US",
                "complaints", "complaints.csv");

        AuditEntry imported = log.read(AuditLog.Query.all()).stream()
                .filter(entry -> entry.action() == AuditEntry.Action.DO_NOT_CALL_IMPORTED).findFirst().orElseThrow();
        assertEquals("Imported complaints.csv into the do-not-call list: 1 added, 1 listed already, 1 line not read",
                imported.summary());
    }
}
