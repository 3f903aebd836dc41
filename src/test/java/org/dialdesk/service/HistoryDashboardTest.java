package org.dialdesk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.Dashboard;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.store.HistoryCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's figures, worked out by the cache's aggregates: days in the operator's zone. */
class HistoryDashboardTest {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Not a zone with whole-hour offsets: its days start at 18:15 UTC. */
    static final ZoneId CHATHAM = ZoneId.of("Pacific/Chatham");

    @TempDir
    Path dir;

    static HistoryRow row(String id, String created, String status, String campaign) {
        return new HistoryRow(id, Instant.parse(created).toEpochMilli(), status, "+14155550125", "+14155550100",
                "u1", "Reminders", "Ava", null, 30, campaign, null, "en-US", "outbound", "+14155550125 ");
    }

    @Test
    void statusesDaysInTheOperatorsZoneAndCampaignsOutcomes() throws Exception {
        try (HistoryCache cache = new HistoryCache(dir.resolve("history.db"))) {
            List<HistoryRow> rows = List.of(
                    row("a", "2026-06-16T04:30:00Z", "Completed", "q4"), // Monday 23:30 in Chicago
                    row("b", "2026-06-16T15:00:00Z", "Busy", ""),
                    // Ten minutes apart, either side of midnight in Chatham (12:45 ahead of UTC).
                    row("c", "2026-06-16T11:10:00Z", "Completed", "q4"),
                    row("d", "2026-06-16T11:20:00Z", "Failed", null));
            cache.upsert(rows, rows.stream().map(r -> "{}").toList());
            // Read from the cache only: no service is asked.
            HistorySync sync = new HistorySync(null, cache, Clock.systemUTC());

            Dashboard figures = sync.dashboard(CallFilter.NONE, CHICAGO);
            assertEquals(Map.of("Busy", 1L, "Completed", 2L, "Failed", 1L), figures.statusMix());
            assertEquals(Map.of(LocalDate.of(2026, 6, 15), 1L, LocalDate.of(2026, 6, 16), 3L), figures.perDay());
            assertEquals(Map.of("q4", Map.of("Completed", 2L), Dashboard.NO_CAMPAIGN, Map.of("Busy", 1L, "Failed", 1L)),
                    figures.outcomesPerCampaign(), "no campaign and an empty one are counted together");

            assertEquals(Map.of(LocalDate.of(2026, 6, 16), 2L, LocalDate.of(2026, 6, 17), 2L),
                    sync.dashboard(CallFilter.NONE, CHATHAM).perDay(), "days start at a quarter past in Chatham");
            assertEquals(Map.of("Busy", 1L), sync.dashboard(CallFilter.of(List.of("Busy"), "", "", "", null, null, ""),
                    CHICAGO).statusMix());
            assertEquals(Dashboard.EMPTY.statusMix(), sync.dashboard(CallFilter.of(List.of(), "", "", "", null, null,
                    "nobody"), CHICAGO).statusMix());
        }
    }
}
