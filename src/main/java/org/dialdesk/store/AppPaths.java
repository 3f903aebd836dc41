package org.dialdesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where DialDesk keeps its data: the platform's per-user data folder, or {@code DIALDESK_HOME}
 * when set (for portable installs, demos and tests).
 */
public final class AppPaths {
    public static final String HOME_VARIABLE = "DIALDESK_HOME";

    private AppPaths() {
    }

    public static Path dataDir() {
        return dataDir(System.getenv());
    }

    /** True when {@code DIALDESK_HOME} names the data folder rather than the platform's default. */
    public static boolean chosenByUser(Map<String, String> env) {
        String override = env.get(HOME_VARIABLE);
        return override != null && !override.isBlank();
    }

    public static Path dataDir(Map<String, String> env) {
        return dataDir(env, System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    public static Path dataDir(Map<String, String> env, String osName, String userHome) {
        String override = env.get(HOME_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override.strip()).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming"))
                    .resolve("DialDesk");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "DialDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says to ignore relative paths.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("dialdesk");
    }

    /** The rotating log files ({@link FileLogging}). */
    public static Path logDir(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /** A profile's own files: its history cache, table layout, last dial, saved column mappings. */
    public static Path profileDir(Path dataDir, String profileName) {
        return dataDir.resolve("profiles").resolve(profileName);
    }

    public static Path sandboxDir(Path dataDir) {
        return dataDir.resolve("sandbox");
    }
}
