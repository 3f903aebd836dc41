package org.dialdesk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the operating system is set to dark: GNOME's colour scheme (or a dark GTK theme) on
 * Linux, the appearance on macOS, the apps' mode on Windows. The toolkit (JavaFX 21) does not say,
 * so the system's own tool is asked; anything that cannot be read is light.
 */
public final class SystemTheme {
    private SystemTheme() {
    }

    /** Asks the system: a short process run, so off the UI thread. */
    public static boolean prefersDark(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return output(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).strip().equalsIgnoreCase("dark");
        }
        if (os.startsWith("windows")) {
            String answer = output(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme"));
            return answer.contains("0x0");
        }
        String gtkTheme = environment.getOrDefault("GTK_THEME", "");
        if (gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        String scheme = output(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.contains("prefer-dark")) {
            return true;
        }
        return output(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .toLowerCase(Locale.ROOT).contains("dark");
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the tool is not there: light
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
