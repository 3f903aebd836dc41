package org.dialdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A trained model of a use case ({@code model_id}); only {@code active} ones can take calls. */
public record CallModel(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("use_case_id") String useCaseId,
        @JsonProperty("status") String status) {

    public static final String STATUS_ACTIVE = "active";

    public boolean isActive() {
        return STATUS_ACTIVE.equals(status);
    }
}
