package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

public record Transcript(
        @JsonProperty("id") String id,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("call_id") String callId,
        @JsonProperty("start_time") Long startTime,
        @JsonProperty("messages") List<Message> messages) {

    public Transcript {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** {@code start}/{@code end} are seconds from the call's start. */
    public record Message(
            @JsonProperty("id") String id,
            @JsonProperty("role") String role,
            @JsonProperty("content") String content,
            @JsonProperty("start") Double start,
            @JsonProperty("end") Double end,
            @JsonProperty("tool_calls") JsonNode toolCalls) {
    }
}
