package org.dialdesk.store;

import java.nio.file.Path;
import org.dialdesk.domain.DialMemory;

/**
 * What the dial form keeps per profile: the draft, recent campaigns and the last picker
 * choices, in {@code profiles/<profile>/dial.json}. Saves happen on one background thread and
 * only the newest state is written, so typing never waits on the disk.
 */
public final class DialMemoryStore implements AutoCloseable {
    private final JsonFile<DialMemory> file;

    public DialMemoryStore(Path dataDir, String profile) {
        this.file = new JsonFile<>(dataDir.resolve("profiles").resolve(profile).resolve("dial.json"), DialMemory.class);
    }

    public DialMemory load() {
        return file.load(DialMemory::empty);
    }

    /** Queues a save; a newer one queued before it runs replaces it. */
    public void saveLater(DialMemory memory) {
        file.saveLater(memory);
    }

    /** Writes what is queued and stops. */
    @Override
    public void close() {
        file.close();
    }
}
