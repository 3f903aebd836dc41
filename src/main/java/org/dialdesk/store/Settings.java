package org.dialdesk.store;

import org.dialdesk.domain.Theme;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the console remembers between runs. Never holds a secret. */
public record Settings(
        @JsonProperty("theme") Theme theme,
        @JsonProperty("window") WindowBounds window,
        @JsonProperty("sandbox_speed") Double sandboxSpeed,
        @JsonProperty("default_country") String defaultCountry,
        @JsonProperty("calling_hours_start") String callingHoursStart,
        @JsonProperty("calling_hours_end") String callingHoursEnd) {


    public record WindowBounds(@JsonProperty("x") double x, @JsonProperty("y") double y,
                               @JsonProperty("width") double width, @JsonProperty("height") double height,
                               @JsonProperty("maximized") boolean maximized) {
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, null, 1.0, null, null, null);
    }

    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        sandboxSpeed = sandboxSpeed == null || !(sandboxSpeed > 0) ? 1.0 : sandboxSpeed;
        // US rules (TCPA: 8 am to 9 pm callee time) unless the operator sets otherwise.
        defaultCountry = defaultCountry == null || defaultCountry.isBlank() ? "US" : defaultCountry;
        callingHoursStart = callingHoursStart == null ? "08:00" : callingHoursStart;
        callingHoursEnd = callingHoursEnd == null ? "21:00" : callingHoursEnd;
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, window, sandboxSpeed, defaultCountry, callingHoursStart, callingHoursEnd);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(theme, bounds, sandboxSpeed, defaultCountry, callingHoursStart, callingHoursEnd);
    }
}
