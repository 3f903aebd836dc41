package org.dialdesk.domain;

import java.util.concurrent.ConcurrentHashMap;
/**
 * One call as the history table shows it: the columns, flattened, plus lower-case text the
 * search box matches. {@code outcome} is the service's classification of how the call went
 * ("Successful", "Voicemail", "No contact"), absent until it has ended. The full call JSON stays in the cache for the detail view.
 */
public record HistoryRow(
        String id,
        long createdMs,
        String status,
        String callee,
        String caller,
        String useCaseId,
        String useCase,
        String agent,
        String outcome,
        int durationSeconds,
        String campaign,
        String scheduledFor,
        String language,
        String type,
        String searchText) {

    private static final ConcurrentHashMap<String, String> COMMON =
            new ConcurrentHashMap<>();
    /** Past this many distinct values a column is not low-cardinality any more; stop collecting. */
    private static final int COMMON_LIMIT = 10_000;

    /**
     * The same row with one shared copy of each repeated value (status, caller, use case, agent,
     * campaign, language, type). With 100,000 rows that saves tens of MB and shortens GC pauses.
     */
    public static HistoryRow shared(HistoryRow r) {
        return new HistoryRow(r.id, r.createdMs, common(r.status), r.callee, common(r.caller), common(r.useCaseId),
                common(r.useCase), common(r.agent), common(r.outcome), r.durationSeconds, common(r.campaign), r.scheduledFor,
                common(r.language), common(r.type), r.searchText);
    }

    private static String common(String value) {
        if (value == null) {
            return null;
        }
        String known = COMMON.get(value);
        if (known != null) {
            return known;
        }
        if (COMMON.size() >= COMMON_LIMIT) {
            return value;
        }
        String previous = COMMON.putIfAbsent(value, value);
        return previous != null ? previous : value;
    }
}
