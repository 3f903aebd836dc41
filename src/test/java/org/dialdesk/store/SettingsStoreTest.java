package org.dialdesk.store;

import org.dialdesk.domain.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dialdesk.domain.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTrips() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("nested"));
        assertEquals(Settings.defaults(), store.load());
        Settings changed = Settings.defaults().withTheme(Theme.DARK)
                .withWindow(new Settings.WindowBounds(10, 20, 1000, 700, true));
        store.save(changed);
        assertEquals(changed, new SettingsStore(dir.resolve("nested")).load());
    }

    @Test
    void aCorruptFileIsSetAsideNotFatal() throws IOException {
        Files.writeString(dir.resolve("settings.json"), "{\"theme\": ");
        assertEquals(Settings.defaults(), new SettingsStore(dir).load());
        assertTrue(Files.exists(dir.resolve("settings.json.corrupt")));
    }

    @Test
    void platformDataFolders() {
        assertEquals(Path.of("/data/dd"), AppPaths.dataDir(Map.of("DIALDESK_HOME", "/data/dd"), "Linux", "/home/ada"));
        assertEquals(Path.of("/xdg/dialdesk"), AppPaths.dataDir(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/ada"));
        assertEquals(Path.of("/home/ada/.local/share/dialdesk"),
                AppPaths.dataDir(Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/ada"));
        assertEquals(Path.of("/home/ada/Library/Application Support/DialDesk"),
                AppPaths.dataDir(Map.of(), "Mac OS X", "/home/ada"));
        assertEquals(Path.of("/appdata/DialDesk"), AppPaths.dataDir(Map.of("APPDATA", "/appdata"), "Windows 11", "/home/ada"));
    }
}
