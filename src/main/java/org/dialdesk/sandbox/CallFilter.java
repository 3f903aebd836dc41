package org.dialdesk.sandbox;

import java.util.List;

/** The filters of {@code GET /calls}, already checked. Times are epoch millis, {@code to} exclusive. */
record CallFilter(
        List<String> statuses,
        List<String> useCases,
        List<String> campaigns,
        List<String> models,
        List<String> tags,
        List<String> ratings,
        String type,
        Long fromMs,
        Long toMs,
        String search,
        boolean ascending,
        int limit,
        int skip) {
}
