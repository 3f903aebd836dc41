package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record Agent(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("languages") List<String> languages,
        @JsonProperty("voice_id") String voiceId,
        @JsonProperty("created_at") String createdAt) {
}
