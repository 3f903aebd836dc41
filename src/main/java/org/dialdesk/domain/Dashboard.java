package org.dialdesk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The dashboard's figures for a set of calls: the status mix, calls per day and each campaign's outcomes. */
public record Dashboard(Map<String, Long> statusMix, Map<LocalDate, Long> perDay,
                        Map<String, Map<String, Long>> outcomesPerCampaign) {
    public static final Dashboard EMPTY = new Dashboard(Map.of(), Map.of(), Map.of());
    /** Where calls without a campaign are counted. */
    public static final String NO_CAMPAIGN = "(none)";

    /** The figures of {@code rows}; days are counted in {@code zone}. */
    public static Dashboard of(List<HistoryRow> rows, ZoneId zone) {
        Map<String, Long> mix = new TreeMap<>(rows.stream()
                .collect(Collectors.groupingBy(HistoryRow::status, Collectors.counting())));
        Map<LocalDate, Long> perDay = new TreeMap<>(rows.stream().collect(Collectors.groupingBy(
                r -> LocalDate.ofInstant(Instant.ofEpochMilli(r.createdMs()), zone), Collectors.counting())));
        Map<String, Map<String, Long>> perCampaign = new TreeMap<>();
        for (HistoryRow r : rows) {
            String campaign = r.campaign() == null || r.campaign().isBlank() ? NO_CAMPAIGN : r.campaign();
            perCampaign.computeIfAbsent(campaign, c -> new TreeMap<>()).merge(r.status(), 1L, Long::sum);
        }
        return new Dashboard(mix, perDay, perCampaign);
    }
}
