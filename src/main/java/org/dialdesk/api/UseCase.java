package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A use case: what the agent is for on a call. {@code prompt} (the template with
 * {@code {{variables}}}) is not in the public reference; it is read when the service sends it.
 */
public record UseCase(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("language") String language,
        @JsonProperty("max_duration_mins") Integer maxDurationMins,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("work_start") String workStart,
        @JsonProperty("work_end") String workEnd,
        @JsonProperty("params") JsonNode params,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("hidden") Boolean hidden) {

    public boolean isHidden() {
        return Boolean.TRUE.equals(hidden);
    }
}
