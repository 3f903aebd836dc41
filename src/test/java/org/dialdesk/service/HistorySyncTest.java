package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.dialdesk.testing.TestClocks;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.DialRequest;
import java.time.ZoneId;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.SandboxWithCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.time.Duration;
import java.util.ArrayList;

/** Paging through the service's list with limit/skip: the newest first, older pages on demand, no gaps. */
class HistorySyncTest {
    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(NOW);
    SandboxWithCache service;
    HistorySync sync;

    @BeforeEach
    void start() throws Exception {
        service = SandboxWithCache.start(dir, clock);
        sync = new HistorySync(service.client(), service.cache(), TestClocks.ticking());
    }

    @AfterEach
    void stop() throws SQLException {
        service.close();
    }

    @Test
    void aCallIsFoundByItsNumberHoweverTheOperatorTypesIt() throws Exception {
        String berlin = service.client().dialOutbound(DialRequest.builder().numberId("640000000000000000000001")
                .phoneNumber("+493012345678").build()).id();
        HistorySync.Result round = sync.syncNewest(10, 100, 200, page -> { });
        assertEquals(Set.of(berlin), round.changed(), "new: a change");
        assertEquals(Set.of(), sync.syncNewest(10, 100, 200, page -> { }).changed(), "brought again as it was: none");
        ZoneId utc = ZoneId.of("UTC");
        for (String typed : List.of("+49 30 12345678", "030 12345678", "030-1234-5678", "12345678", "4930")) {
            CallFilter filter = CallFilter.of(List.of(), "", "", "", null, null, typed);
            assertEquals(List.of(berlin), sync.page(filter, HistoryOrder.NEWEST_FIRST, utc, 0, 10).stream()
                    .map(HistoryRow::id).toList(), typed);
        }
    }

    @Test
    void aFirstSyncBringsTheNewestCallsAndOlderOnesComeAPageAtATime() throws Exception {
        service.sandbox().addDemoCalls(450, 3);

        HistorySync.Result first = sync.syncNewest(10, 100, 200, page -> { });
        assertEquals(200, first.rows().size(), "an empty cache starts with full pages, up to the limit");
        assertEquals(450, first.serviceCount());
        assertEquals(250, first.olderOnService());
        assertEquals(newestIds(200), cachedIds());

        List<Long> older = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            older.add(sync.loadOlder(100).olderOnService());
        }
        assertEquals(List.of(150L, 50L, 0L), older);
        assertEquals(newestIds(450), cachedIds(), "every call, none twice, none missing");
        assertTrue(sync.loadOlder(100).rows().isEmpty(), "nothing older is left");
    }

    @Test
    void callsPlacedBetweenPagesShiftNothing() throws Exception {
        service.sandbox().addDemoCalls(300, 4);
        Set<String> original = newestIds(300);
        assertEquals(200, sync.syncNewest(10, 100, 100, page -> { }).olderOnService());

        // New calls go to the top of the list: counted from the newest, every older call moves down.
        clock.advance(Duration.ofMinutes(1));
        for (String phone : List.of("+14155550105", "+14155550106", "+14155550107")) {
            service.client().dialOutbound(DialRequest.builder().numberId("640000000000000000000001").phoneNumber(phone).build());
        }
        HistorySync.Result olderPage = sync.loadOlder(100);
        assertEquals(100, olderPage.rows().size());
        assertTrue(original.containsAll(ids(olderPage.rows())), "the page just below, as it was: not the new calls");

        HistorySync.Result poll = sync.syncNewest(10, 100, 10_000, page -> { });
        assertEquals(100, poll.olderOnService(), "the poll found the new calls and kept where the run of cached calls starts");
        sync.loadOlder(100);
        assertEquals(newestIds(303), cachedIds());
    }

    @Test
    void aPollOfAFullySyncedHistoryReadsOneSmallPage() throws Exception {
        service.sandbox().addDemoCalls(150, 5);
        sync.syncNewest(10, 100, 10_000, page -> { });
        HistorySync.Result poll = sync.syncNewest(10, 100, 10_000, page -> { });
        assertEquals(10, poll.rows().size(), "nothing new on the first page: no further page asked for");
        assertEquals(0, poll.olderOnService());
    }

    private Set<String> newestIds(int count) {
        Set<String> ids = new HashSet<>();
        for (int skip = 0; skip < count; skip += CallQuery.MAX_LIMIT) {
            service.client().listCalls(CallQuery.builder().sort(CallQuery.Sort.desc).skip(skip)
                    .limit(Math.min(CallQuery.MAX_LIMIT, count - skip)).build()).calls().stream().map(Call::id).forEach(ids::add);
        }
        return ids;
    }

    private Set<String> cachedIds() throws SQLException {
        return ids(service.cache().loadNewest(Integer.MAX_VALUE));
    }

    private static Set<String> ids(List<HistoryRow> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
