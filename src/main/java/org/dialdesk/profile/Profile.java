package org.dialdesk.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One account the console can dial on: the built-in Sandbox (its dial service runs inside the
 * console) or a user's account at a base URL. Holds no secret: the key is in a {@link SecretStore},
 * found by the profile's id, and {@link #keyHolder} says which.
 */
public record Profile(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("colour") String colour,
        @JsonProperty("key_holder") KeyHolder keyHolder,
        @JsonProperty("default_caller_number_id") String defaultCallerNumberId,
        @JsonProperty("default_use_case_id") String defaultUseCaseId) {

    public static final String SANDBOX_ID = "sandbox";
    /** The vendor's documented API root, offered as the preset. */
    public static final String VENDOR_BASE_URL = org.dialdesk.api.BaseUrls.VENDOR;
    public static final String DEFAULT_COLOUR = "#c2410c";
    public static final Profile SANDBOX = new Profile(SANDBOX_ID, "Sandbox", null, "#6b7280", null, null, null);

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        colour = colour == null || colour.isBlank() ? DEFAULT_COLOUR : colour;
        defaultCallerNumberId = blankToNull(defaultCallerNumberId);
        defaultUseCaseId = blankToNull(defaultUseCaseId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The Sandbox profile: its calls are simulated and it has no key to keep. */
    @JsonIgnore
    public boolean isSandbox() {
        return SANDBOX_ID.equals(id);
    }

    public Profile withId(String newId) {
        return new Profile(newId, name, baseUrl, colour, keyHolder, defaultCallerNumberId, defaultUseCaseId);
    }

    public Profile withName(String newName) {
        return new Profile(id, newName, baseUrl, colour, keyHolder, defaultCallerNumberId, defaultUseCaseId);
    }

    public Profile withKeyHolder(KeyHolder holder) {
        return new Profile(id, name, baseUrl, colour, holder, defaultCallerNumberId, defaultUseCaseId);
    }
}
