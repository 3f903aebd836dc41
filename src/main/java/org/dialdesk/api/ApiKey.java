package org.dialdesk.api;

import java.util.Objects;

/**
 * An API key that does not leak: {@code toString} is redacted, so it is safe in logs,
 * exception messages and debugger views. Only the HTTP layer calls {@link #reveal()}.
 */
public final class ApiKey {
    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "value");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("API key is empty");
        }
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("API key contains spaces or characters that cannot go in a header");
        }
        return new ApiKey(trimmed);
    }

    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of the key in {@code text}, e.g. in a server's echo of a request. */
    public String redactIn(String text) {
        return text == null ? null : text.replace(value, "****");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[****]";
    }
}
