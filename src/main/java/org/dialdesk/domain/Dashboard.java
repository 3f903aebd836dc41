package org.dialdesk.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * The dashboard's figures for a set of calls: the status mix, calls per day and each campaign's
 * outcomes (worked out by the history cache's aggregate queries, never from the rows themselves).
 */
public record Dashboard(Map<String, Long> statusMix, Map<LocalDate, Long> perDay,
                        Map<String, Map<String, Long>> outcomesPerCampaign) {
    public static final Dashboard EMPTY = new Dashboard(Map.of(), Map.of(), Map.of());
    /** Where calls without a campaign are counted. */
    public static final String NO_CAMPAIGN = "(none)";
}
