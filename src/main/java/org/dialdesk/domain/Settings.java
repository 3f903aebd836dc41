package org.dialdesk.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.ZoneId;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;

/**
 * What the console remembers between runs, as the operator set it on the Settings screen. Never
 * holds a secret. Values a hand-edited file gets wrong are read as the defaults.
 */
public record Settings(
        @JsonProperty("theme") Theme theme,
        @JsonProperty("window") WindowBounds window,
        @JsonProperty("sandbox_speed") Double sandboxSpeed,
        @JsonProperty("default_country") String defaultCountry,
        @JsonProperty("calling_hours_start") String callingHoursStart,
        @JsonProperty("calling_hours_end") String callingHoursEnd,
        @JsonProperty("poll_seconds") Integer pollSeconds,
        @JsonProperty("display_zone") String displayZone,
        @JsonProperty("connect_timeout_seconds") Integer connectTimeoutSeconds,
        @JsonProperty("read_timeout_seconds") Integer readTimeoutSeconds,
        @JsonProperty("bulk_chunk") Integer bulkChunk,
        @JsonProperty("bulk_rate") Double bulkRate) {

    public static final int DEFAULT_POLL_SECONDS = 30;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;
    /** Rows per batched request, and dials a second at most: conservative, as a platform's own default pace (1/s) is. */
    public static final int DEFAULT_BULK_CHUNK = 10;
    public static final double DEFAULT_BULK_RATE = 2.0;
    private static final CallingHours DEFAULT_CALLING_HOURS = new CallingHours(java.time.LocalTime.of(8, 0),
            java.time.LocalTime.of(21, 0));

    public record WindowBounds(@JsonProperty("x") double x, @JsonProperty("y") double y,
                               @JsonProperty("width") double width, @JsonProperty("height") double height,
                               @JsonProperty("maximized") boolean maximized) {
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, null, 1.0, null, null, null);
    }

    /** The settings as they were before the Settings screen: the rest take their defaults. */
    public Settings(Theme theme, WindowBounds window, Double sandboxSpeed, String defaultCountry, String callingHoursStart,
                    String callingHoursEnd) {
        this(theme, window, sandboxSpeed, defaultCountry, callingHoursStart, callingHoursEnd, null, null, null, null);
    }

    /** The settings before bulk defaults: those take theirs. */
    public Settings(Theme theme, WindowBounds window, Double sandboxSpeed, String defaultCountry, String callingHoursStart,
                    String callingHoursEnd, Integer pollSeconds, String displayZone, Integer connectTimeoutSeconds,
                    Integer readTimeoutSeconds) {
        this(theme, window, sandboxSpeed, defaultCountry, callingHoursStart, callingHoursEnd, pollSeconds, displayZone,
                connectTimeoutSeconds, readTimeoutSeconds, null, null);
    }

    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        sandboxSpeed = sandboxSpeed == null || !(sandboxSpeed > 0) ? 1.0 : sandboxSpeed;
        // US rules (TCPA: 8 am to 9 pm callee time) unless the operator sets otherwise.
        defaultCountry = defaultCountry == null || defaultCountry.isBlank() ? "US" : defaultCountry;
        callingHoursStart = callingHoursStart == null ? "08:00" : callingHoursStart;
        callingHoursEnd = callingHoursEnd == null ? "21:00" : callingHoursEnd;
        pollSeconds = pollSeconds == null || pollSeconds < SettingsRules.MIN_POLL_SECONDS
                || pollSeconds > SettingsRules.MAX_POLL_SECONDS ? DEFAULT_POLL_SECONDS : pollSeconds;
        displayZone = displayZone == null || displayZone.isBlank() || !ZoneId.getAvailableZoneIds().contains(displayZone)
                ? null : displayZone;
        connectTimeoutSeconds = inRange(connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT_SECONDS);
        readTimeoutSeconds = inRange(readTimeoutSeconds, DEFAULT_READ_TIMEOUT_SECONDS);
        bulkChunk = bulkChunk == null || bulkChunk < 1 || bulkChunk > SettingsRules.MAX_BULK_CHUNK
                ? DEFAULT_BULK_CHUNK : bulkChunk;
        bulkRate = bulkRate == null || !(bulkRate >= SettingsRules.MIN_BULK_RATE) || bulkRate > SettingsRules.MAX_BULK_RATE
                ? DEFAULT_BULK_RATE : bulkRate;
    }

    private static int inRange(Integer seconds, int fallback) {
        return seconds == null || seconds < SettingsRules.MIN_TIMEOUT_SECONDS || seconds > SettingsRules.MAX_TIMEOUT_SECONDS
                ? fallback : seconds;
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, window, sandboxSpeed, defaultCountry, callingHoursStart, callingHoursEnd, pollSeconds,
                displayZone, connectTimeoutSeconds, readTimeoutSeconds, bulkChunk, bulkRate);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(theme, bounds, sandboxSpeed, defaultCountry, callingHoursStart, callingHoursEnd, pollSeconds,
                displayZone, connectTimeoutSeconds, readTimeoutSeconds, bulkChunk, bulkRate);
    }

    /**
     * How a client talks to the service at {@code baseUrl}: with these request time limits (a request's
     * body is given as long to go out as its answer to come back). The console and the commands alike.
     */
    public ClientConfig clientConfig(String baseUrl, ApiKey key) {
        Duration read = Duration.ofSeconds(readTimeoutSeconds);
        return ClientConfig.of(baseUrl, key).withTimeouts(Duration.ofSeconds(connectTimeoutSeconds), read, read);
    }

    /** The zone dates are typed and shown in: the one chosen, else the computer's. */
    public ZoneId zone(ZoneId system) {
        return displayZone == null ? system : ZoneId.of(displayZone);
    }

    /** The legal calling window; one that cannot be read, or ends before it starts, is 8:00 to 21:00. */
    public CallingHours callingHours() {
        try {
            java.time.LocalTime start = java.time.LocalTime.parse(callingHoursStart);
            java.time.LocalTime end = java.time.LocalTime.parse(callingHoursEnd);
            return start.isBefore(end) ? new CallingHours(start, end) : DEFAULT_CALLING_HOURS;
        } catch (java.time.DateTimeException e) {
            return DEFAULT_CALLING_HOURS;
        }
    }

    /** How often History asks for changes while no call is live. */
    public Duration idlePoll() {
        return Duration.ofSeconds(pollSeconds);
    }
}
