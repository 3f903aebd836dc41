package org.dialdesk.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a service base URL; the key must never travel in clear text over a network. */
public final class BaseUrls {
    /** The vendor's documented API root. */
    public static final String VENDOR = "https://app.happyrobot.ai/api/v1";

    private BaseUrls() {
    }

    /**
     * Returns the URL without a trailing slash, or throws {@link IllegalArgumentException} with a
     * message that says what to change.
     */
    public static String check(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Base URL is empty; e.g. https://app.happyrobot.ai/api/v1");
        }
        String trimmed = baseUrl.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Base URL is not a valid URL: " + trimmed);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Base URL must start with https:// and name a host, e.g. "
                    + "https://app.happyrobot.ai/api/v1 (was " + trimmed + ")");
        }
        if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("Base URL must not carry a query, fragment or user name: " + trimmed);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Refusing http:// to " + uri.getHost()
                    + ": the API key would cross the network unencrypted. Use https:// "
                    + "(plain http is allowed only for 127.0.0.1, localhost or [::1]).");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** Literal loopback names only: resolving DNS here could be spoofed. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.");
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
