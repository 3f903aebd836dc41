package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

public record Note(
        @JsonProperty("id") String id,
        @JsonProperty("content") String content,
        @JsonProperty("flagged") Boolean flagged,
        @JsonProperty("created") String created) {
}
