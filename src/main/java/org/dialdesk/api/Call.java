package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A call as {@code GET /calls} and {@code GET /calls/{id}} describe it. */
public record Call(
        @JsonProperty("id") String id,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("type") String type,
        @JsonProperty("status") CallStatus status,
        @JsonProperty("provider") String provider,
        @JsonProperty("metadata") JsonNode metadata,
        @JsonProperty("use_case") UseCase useCase,
        @JsonProperty("agent") AgentRef agent,
        @JsonProperty("language") String language,
        @JsonProperty("created") String created,
        @JsonProperty("params") JsonNode params,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("scheduled_for") String scheduledFor,
        @JsonProperty("max_duration_mins") Integer maxDurationMins,
        @JsonProperty("duration") Integer duration,
        @JsonProperty("prompt_id") String promptId,
        @JsonProperty("extraction") JsonNode extraction,
        @JsonProperty("classification") Classification classification,
        @JsonProperty("notes") List<Note> notes,
        @JsonProperty("ratings") JsonNode ratings,
        @JsonProperty("viewed_by") JsonNode viewedBy) {

    public static final String TYPE_OUTBOUND = "Outbound";
    public static final String TYPE_INBOUND = "Inbound";

    public record AgentRef(@JsonProperty("id") String id, @JsonProperty("name") String name) {
    }

    public record Classification(@JsonProperty("tag") String tag,
                                 @JsonProperty("reasoning") String reasoning) {
    }

    /** The callee for an outbound call ({@code metadata.to}), if the service said. */
    public String to() {
        return metadataText("to");
    }

    /** The caller ID for an outbound call ({@code metadata.from}), if the service said. */
    public String from() {
        return metadataText("from");
    }

    private String metadataText(String field) {
        if (metadata == null || !metadata.hasNonNull(field)) {
            return null;
        }
        return metadata.get(field).asText();
    }
}
