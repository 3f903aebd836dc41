package org.dialdesk.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link DialClient} talks. The base URL is checked on construction:
 * plain {@code http://} is accepted for loopback only.
 */
public record ClientConfig(
        String baseUrl,
        ApiKey apiKey,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        RetryPolicy retryPolicy) {

    public ClientConfig {
        baseUrl = BaseUrls.check(baseUrl);
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    public static ClientConfig of(String baseUrl, ApiKey apiKey) {
        return new ClientConfig(baseUrl, apiKey, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(15), RetryPolicy.DEFAULT);
    }

    public ClientConfig withTimeouts(Duration connect, Duration read, Duration write) {
        return new ClientConfig(baseUrl, apiKey, connect, read, write, retryPolicy);
    }

    public ClientConfig withRetryPolicy(RetryPolicy policy) {
        return new ClientConfig(baseUrl, apiKey, connectTimeout, readTimeout, writeTimeout, policy);
    }

    /**
     * How reads are repeated: up to {@code maxAttempts} tries with exponential backoff and jitter,
     * or the server's {@code Retry-After} when it gives one and it is no longer than
     * {@code maxRetryAfter} (beyond that the caller is told instead of kept waiting).
     */
    public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
        public static final RetryPolicy DEFAULT =
                new RetryPolicy(4, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(30));
        public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

        public RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }
    }
}
