package org.dialdesk.service;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.BaseUrls;
import org.dialdesk.api.CallQuery;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.api.DialServiceException;

/**
 * "Test connection": one cheap read ({@code GET /calls?limit=1}) with the key, once, no retries,
 * and what its answer means: the service and key work (with the round trip's time), or exactly
 * what is wrong and what to do. Blocks: call it off the UI thread.
 */
public final class ConnectionCheck {
    /** How it went: {@code ok}, how long the read took, one line of what happened, and what to do when it failed. */
    public record Result(boolean ok, long millis, String summary, String advice) {
    }

    /** A measure of elapsed time; the system's monotonic clock in the console, a fixed one in tests. */
    public interface Stopwatch {
        long nanos();
    }

    private final Clock clock;
    private final Stopwatch stopwatch;
    private final Duration timeout;

    public ConnectionCheck(Clock clock, Stopwatch stopwatch, Duration timeout) {
        this.clock = clock;
        this.stopwatch = stopwatch;
        this.timeout = timeout;
    }

    public Result run(String baseUrl, ApiKey key) {
        String url;
        try {
            url = BaseUrls.check(baseUrl);
        } catch (IllegalArgumentException e) {
            return new Result(false, 0, "The base URL is refused.", e.getMessage());
        }
        String host = URI.create(url).getHost();
        ClientConfig config = ClientConfig.of(url, key).withTimeouts(timeout, timeout, timeout)
                .withRetryPolicy(ClientConfig.RetryPolicy.NONE);
        long started = stopwatch.nanos();
        try (DialClient client = new DialClient(config, clock)) {
            long total = client.listCalls(CallQuery.builder().limit(1).build()).count();
            long millis = Duration.ofNanos(stopwatch.nanos() - started).toMillis();
            return new Result(true, millis, "Connected in " + millis + " ms; the key is accepted and the account holds "
                    + String.format("%,d", total) + (total == 1 ? " call." : " calls."), "");
        } catch (DialServiceException.Unauthorized e) {
            if (e.isForbidden()) {
                return failed(started, "The key is recognised but may not read calls (403 Forbidden).",
                        "Use a key with access to calls, or ask the account's administrator for one.");
            }
            return failed(started, "The key was refused (401 Unauthorized).",
                    "The key is wrong, revoked or for another account: copy it again from the account's API settings"
                            + " and paste it here.");
        } catch (DialServiceException.NotFound e) {
            return failed(started, "Nothing answers at " + url + "/calls (404 Not Found): the base URL is wrong.",
                    "Check the address; the vendor's API is at " + BaseUrls.VENDOR + ".");
        } catch (DialServiceException.NetworkFailure e) {
            return network(started, e, host, url);
        } catch (DialServiceException.RateLimited e) {
            return failed(started, "The service is limiting requests (429 Too Many Requests).",
                    "The address is right; wait a minute and test again.");
        } catch (DialServiceException.ServerError e) {
            return failed(started, "The service answered with an error of its own (" + e.status() + ").",
                    "The address is reachable but the service has a problem; try again shortly.");
        } catch (DialServiceException.ReadFailure e) {
            if (e.getCause() instanceof SSLException) {
                return tls(started, host);
            }
            return failed(started, "Something answers at " + url + ", but not as the dial API does (" + e.getMessage() + ").",
                    "Check the base URL: it should end in the API's root, e.g. " + BaseUrls.VENDOR + ".");
        } catch (DialServiceException e) {
            return failed(started, e.getMessage(), "Check the base URL and the key.");
        }
    }

    private Result network(long started, DialServiceException.NetworkFailure e, String host, String url) {
        Throwable cause = e.getCause();
        if (cause instanceof UnknownHostException) {
            return failed(started, "The host " + host + " is not known (DNS).",
                    "Check the spelling of the base URL, and that this computer is online.");
        }
        if (cause instanceof SSLException) {
            return tls(started, host);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return failed(started, "Nothing accepts connections at " + url + " (" + cause.getMessage() + ").",
                    "Check the address and port; a firewall or proxy may be blocking it.");
        }
        return failed(started, "The host " + host + " cannot be reached: " + e.getMessage(),
                "Check the network connection and the base URL, then test again.");
    }

    private Result tls(long started, String host) {
        return failed(started, "The secure connection to " + host + " failed (TLS).",
                "The certificate is not trusted or the address is not the API's; a proxy that inspects HTTPS can"
                        + " cause this. Check the base URL, or ask your IT team about the proxy.");
    }

    private Result failed(long started, String summary, String advice) {
        return new Result(false, Duration.ofNanos(stopwatch.nanos() - started).toMillis(), summary, advice);
    }
}
