package org.dialdesk.store;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the console remembers between runs. Never holds a secret. */
public record Settings(
        @JsonProperty("theme") Theme theme,
        @JsonProperty("window") WindowBounds window,
        @JsonProperty("sandbox_speed") Double sandboxSpeed) {

    public enum Theme { LIGHT, DARK }

    public record WindowBounds(@JsonProperty("x") double x, @JsonProperty("y") double y,
                               @JsonProperty("width") double width, @JsonProperty("height") double height,
                               @JsonProperty("maximized") boolean maximized) {
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, null, 1.0);
    }

    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        sandboxSpeed = sandboxSpeed == null || !(sandboxSpeed > 0) ? 1.0 : sandboxSpeed;
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, window, sandboxSpeed);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(theme, bounds, sandboxSpeed);
    }
}
