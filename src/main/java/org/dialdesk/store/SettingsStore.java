package org.dialdesk.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Settings as a small JSON file in the data folder, written atomically so a crash mid-write
 * never leaves a half file. A corrupt file is set aside and defaults are used.
 */
public final class SettingsStore {
    private static final System.Logger LOG = System.getLogger("org.dialdesk.store");

    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public SettingsStore(Path dataDir) {
        this.file = dataDir.resolve("settings.json");
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            return mapper.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            Path aside = file.resolveSibling("settings.json.corrupt");
            LOG.log(System.Logger.Level.WARNING, "Settings unreadable; using defaults and keeping the old file as "
                    + aside + ": " + e.getMessage());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.log(System.Logger.Level.WARNING, "Could not set the unreadable settings aside", moveFailed);
            }
            return Settings.defaults();
        }
    }

    public void save(Settings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("settings.json.tmp");
        mapper.writeValue(temp.toFile(), settings);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
