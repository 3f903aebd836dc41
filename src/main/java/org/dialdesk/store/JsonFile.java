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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A small JSON document in the data folder. Written atomically (a crash never leaves half a
 * file); {@link #saveLater} writes on a background thread and only the newest value, so a UI can
 * save on every keystroke; an unreadable file is set aside and the fallback used.
 */
public final class JsonFile<T> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.dialdesk.store");

    private final Path file;
    private final Class<T> type;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private final AtomicReference<T> pending = new AtomicReference<>();
    private ExecutorService writer;

    public JsonFile(Path file, Class<T> type) {
        this.file = file;
        this.type = type;
    }

    public T load(Supplier<T> fallback) {
        if (!Files.exists(file)) {
            return fallback.get();
        }
        try {
            return mapper.readValue(file.toFile(), type);
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            LOG.log(System.Logger.Level.WARNING, file.getFileName() + " unreadable; starting from defaults and keeping "
                    + "the old file as " + aside + ": " + e.getMessage());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.log(System.Logger.Level.WARNING, "Could not set the unreadable file aside", moveFailed);
            }
            return fallback.get();
        }
    }

    /** Writes now, atomically. */
    public void save(T value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        mapper.writeValue(temp.toFile(), value);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Queues a write; a newer value queued before it runs replaces it. */
    public synchronized void saveLater(T value) {
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "dialdesk-save-" + file.getFileName());
                thread.setDaemon(true);
                return thread;
            });
        }
        if (pending.getAndSet(value) == null) {
            writer.execute(() -> {
                T latest = pending.getAndSet(null);
                try {
                    save(latest);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not save " + file.getFileName() + ": " + e.getMessage());
                }
            });
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
