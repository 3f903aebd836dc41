package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** Answer to a dial: the call exists from here on. There is no status; read it from the call. */
public record DialResponse(
        @JsonProperty("id") String id,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("metadata") JsonNode metadata,
        @JsonProperty("use_case") UseCase useCase,
        @JsonProperty("created") String created,
        @JsonProperty("params") JsonNode params) {
}
