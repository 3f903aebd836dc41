package org.dialdesk.store;

import java.io.IOException;
import java.nio.file.Path;
import org.dialdesk.domain.Settings;

/** Settings as {@code settings.json} in the data folder; a corrupt file is set aside and defaults used. */
public final class SettingsStore {
    private final JsonFile<Settings> file;

    public SettingsStore(Path dataDir) {
        this.file = new JsonFile<>(dataDir.resolve("settings.json"), Settings.class);
    }

    public Settings load() {
        return file.load(Settings::defaults);
    }

    public void save(Settings settings) throws IOException {
        file.save(settings);
    }
}
