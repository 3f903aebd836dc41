package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /calls}: {@code count} is the total matching, not the page size. */
public record CallPage(
        @JsonProperty("calls") List<Call> calls,
        @JsonProperty("count") long count,
        @JsonProperty("limit") int limit,
        @JsonProperty("offset") int offset) {

    public CallPage {
        calls = calls == null ? List.of() : List.copyOf(calls);
    }
}
