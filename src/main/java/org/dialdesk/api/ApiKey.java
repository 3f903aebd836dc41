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
    /**
     * A short one-way fingerprint of the key (SHA-256, 12 hex digits): tells whether two runs used
     * the same account's key without keeping the key. Not a secret, and not enough to recover it.
     */
    public String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

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
