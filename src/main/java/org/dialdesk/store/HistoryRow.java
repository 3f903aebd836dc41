package org.dialdesk.store;

/**
 * One call as the history table shows it: the columns, flattened, plus lower-case text the
 * search box matches. The full call JSON stays in the cache for the detail view.
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
        int durationSeconds,
        String campaign,
        String scheduledFor,
        String language,
        String type,
        String searchText) {
}
