package org.dialdesk.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, for {@code User-Agent} and {@code --version}. */
public final class DialDeskVersion {
    private static final String VERSION = load();

    private DialDeskVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = DialDeskVersion.class.getResourceAsStream("/org/dialdesk/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
