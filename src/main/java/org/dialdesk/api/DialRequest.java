package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Body of {@code POST /dial/outbound}. Text fields are trimmed and blank ones become absent,
 * because the service wants empty optionals left out rather than sent as {@code ""}.
 *
 * <p>{@code params} keeps the difference between "absent" (Java {@code null}) and an explicit
 * JSON {@code null} ({@code NullNode}), since the contract allows {@code any | null}.
 */
public record DialRequest(
        @JsonProperty("number_id") String numberId,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("prompt_id") String promptId,
        @JsonProperty("use_case_id") String useCaseId,
        @JsonProperty("agent_id") String agentId,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("language") String language,
        @JsonProperty("params") @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode params,
        @JsonProperty("metadata") JsonNode metadata,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("scheduled_for") Instant scheduledFor,
        @JsonProperty("max_duration_mins") Integer maxDurationMins,
        @Deprecated @JsonProperty("assistant_id") String assistantId,
        @Deprecated @JsonProperty("voice_id") String voiceId,
        @Deprecated @JsonProperty("model") String model) {

    public DialRequest {
        numberId = clean(numberId);
        phoneNumber = clean(phoneNumber);
        promptId = clean(promptId);
        useCaseId = clean(useCaseId);
        agentId = clean(agentId);
        modelId = clean(modelId);
        language = clean(language);
        campaignId = clean(campaignId);
        assistantId = clean(assistantId);
        voiceId = clean(voiceId);
        model = clean(model);
        if (metadata != null && (metadata.isNull() || metadata.isMissingNode()
                || (metadata.isObject() && metadata.isEmpty()))) {
            metadata = null;
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().numberId(numberId).phoneNumber(phoneNumber).promptId(promptId)
                .useCaseId(useCaseId).agentId(agentId).modelId(modelId).language(language)
                .params(params).metadata(metadata).campaignId(campaignId).scheduledFor(scheduledFor)
                .maxDurationMins(maxDurationMins).assistantId(assistantId).voiceId(voiceId).model(model);
    }

    /** Fourteen optional fields read badly as a positional constructor call. */
    public static final class Builder {
        private String numberId;
        private String phoneNumber;
        private String promptId;
        private String useCaseId;
        private String agentId;
        private String modelId;
        private String language;
        private JsonNode params;
        private JsonNode metadata;
        private String campaignId;
        private Instant scheduledFor;
        private Integer maxDurationMins;
        private String assistantId;
        private String voiceId;
        private String model;

        public Builder numberId(String v) { numberId = v; return this; }
        public Builder phoneNumber(String v) { phoneNumber = v; return this; }
        public Builder promptId(String v) { promptId = v; return this; }
        public Builder useCaseId(String v) { useCaseId = v; return this; }
        public Builder agentId(String v) { agentId = v; return this; }
        public Builder modelId(String v) { modelId = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder params(JsonNode v) { params = v; return this; }
        public Builder metadata(JsonNode v) { metadata = v; return this; }
        public Builder campaignId(String v) { campaignId = v; return this; }
        public Builder scheduledFor(Instant v) { scheduledFor = v; return this; }
        public Builder maxDurationMins(Integer v) { maxDurationMins = v; return this; }
        public Builder assistantId(String v) { assistantId = v; return this; }
        public Builder voiceId(String v) { voiceId = v; return this; }
        public Builder model(String v) { model = v; return this; }

        @SuppressWarnings("deprecation")
        public DialRequest build() {
            return new DialRequest(numberId, phoneNumber, promptId, useCaseId, agentId, modelId,
                    language, params, metadata, campaignId, scheduledFor, maxDurationMins,
                    assistantId, voiceId, model);
        }
    }
}
