package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialRequest;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.store.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dial service records each dial with its outcome; the log only grows; an export is what was recorded. */
class AuditTrailTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    static final DialRequest DIAL = DialRequest.builder().numberId("640000000000000000000001")
            .phoneNumber("+14155550125").campaignId("spring").build();

    @TempDir
    Path dir;
    MockWebServer server;
    AuditLog log;
    DialClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        log = new AuditLog(AuditLog.fileIn(dir));
        client = new DialClient(ClientConfig.of(server.url("/api/v1").toString(), ApiKey.of("sk-live-MARKER-1")), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
        log.close();
    }

    @Test
    void everyDialIsRecordedWithItsOutcomeAndNeverTheKey() throws Exception {
        DialService service = DialService.over(client, CLOCK, AuditTrail.into(log, "Acme production", CLOCK));
        server.enqueue(new MockResponse().setBody("{\"id\":\"65a0aa00bb11cc22dd33ee44\"}"));
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"message\":\"Number not allowed\"}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        service.send(DIAL);
        service.send(DIAL);
        service.send(DIAL.toBuilder().scheduledFor(Instant.parse("2026-11-24T15:00:00Z")).build());

        List<AuditEntry> entries = log.read(AuditLog.Query.all());
        assertEquals(3, entries.size());
        AuditEntry uncertain = entries.get(0);
        assertEquals(AuditEntry.Action.SCHEDULE, uncertain.action());
        assertEquals(AuditEntry.Outcome.UNCERTAIN, uncertain.outcome());
        assertEquals(AuditEntry.Outcome.REFUSED, entries.get(1).outcome());
        assertTrue(entries.get(1).summary().contains("Number not allowed"), entries.get(1).summary());
        AuditEntry created = entries.get(2);
        assertEquals(new AuditEntry(CLOCK.instant(), "Acme production", AuditEntry.Action.DIAL,
                "Dial +14155550125 from number 640000000000000000000001, campaign spring", AuditEntry.Outcome.DONE,
                "65a0aa00bb11cc22dd33ee44"), created);

        Path csv = dir.resolve("audit.csv");
        assertEquals(3, new AuditRecords(log).export(csv, new AuditRecords.Filter(null, null, null, null, null)));
        String exported = Files.readString(csv);
        assertTrue(exported.startsWith("\uFEFFat,profile,action,summary,outcome,call_id"), exported);
        assertTrue(exported.contains("65a0aa00bb11cc22dd33ee44"));
        assertTrue(!exported.contains("MARKER") && !new String(Files.readAllBytes(AuditLog.fileIn(dir)),
                java.nio.charset.StandardCharsets.ISO_8859_1).contains("MARKER"));
    }

    @Test
    void theLogRefusesChangesAndDeletionsEvenFromOutside() throws Exception {
        log.append(new AuditEntry(CLOCK.instant(), "Acme", AuditEntry.Action.CANCEL, "Cancel call x", AuditEntry.Outcome.DONE, "x"));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + AuditLog.fileIn(dir));
             Statement statement = other.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> statement.execute("UPDATE audit SET summary = ''"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> statement.execute("DELETE FROM audit"));
        }
        assertEquals(1, log.count(AuditLog.Query.all()));
    }

    @Test
    void filtersAndFormulaLikeCellsInTheExport() throws Exception {
        log.append(new AuditEntry(CLOCK.instant(), "=HYPERLINK(\"x\")", AuditEntry.Action.PROFILE_ADDED, "Added",
                AuditEntry.Outcome.DONE, null));
        log.append(new AuditEntry(CLOCK.instant(), "Acme", AuditEntry.Action.DIAL, "Dial +14155550125",
                AuditEntry.Outcome.DONE, "c-1"));
        AuditRecords records = new AuditRecords(log);
        assertEquals(1, records.read(new AuditRecords.Filter("4155550125", null, null, null, null), 10).matching());
        assertEquals(1, records.read(new AuditRecords.Filter(null, "Acme", null, null, null), 10).entries().size());
        assertEquals(1, records.read(new AuditRecords.Filter(null, null, AuditEntry.Action.PROFILE_ADDED, null, null), 10)
                .entries().size());
        assertEquals(List.of("=HYPERLINK(\"x\")", "Acme"), records.read(
                new AuditRecords.Filter(null, null, null, null, null), 10).profiles());
        Path csv = dir.resolve("audit.csv");
        records.export(csv, new AuditRecords.Filter(null, null, null, null, null));
        assertTrue(Files.readString(csv).contains("\"'=HYPERLINK(\"\"x\"\")\""), Files.readString(csv));
    }
}
