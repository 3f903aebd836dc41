package org.dialdesk.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The dial form as the operator left it, field by field as typed (not yet validated), so a
 * restart or a crash loses nothing.
 */
public record DialDraft(
        @JsonProperty("number_id") String numberId,
        @JsonProperty("phone") String phone,
        @JsonProperty("use_case_id") String useCaseId,
        @JsonProperty("agent_id") String agentId,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("language") String language,
        @JsonProperty("params") String params,
        @JsonProperty("metadata") List<MetadataEntry> metadata,
        @JsonProperty("metadata_json_mode") boolean metadataJsonMode,
        @JsonProperty("metadata_json") String metadataJson,
        @JsonProperty("campaign") String campaign,
        @JsonProperty("prompt_id") String promptId,
        @JsonProperty("max_duration") String maxDuration,
        @JsonProperty("schedule_later") boolean scheduleLater,
        @JsonProperty("schedule_date") String scheduleDate,
        @JsonProperty("schedule_time") String scheduleTime,
        @JsonProperty("schedule_zone") String scheduleZone,
        @JsonProperty("callee_zone") String calleeZone,
        @JsonProperty("assistant_id") String assistantId,
        @JsonProperty("voice_id") String voiceId,
        @JsonProperty("legacy_model") String legacyModel) {

    public record MetadataEntry(@JsonProperty("key") String key, @JsonProperty("value") String value) {
    }

    public DialDraft {
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }
}
