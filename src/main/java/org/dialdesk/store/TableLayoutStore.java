package org.dialdesk.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A table's column order, widths and sort, kept per profile; saved off the UI thread, newest wins. */
public final class TableLayoutStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.dialdesk.store");

    public record Column(@JsonProperty("id") String id, @JsonProperty("width") double width) {
    }

    public record Sort(@JsonProperty("id") String id, @JsonProperty("descending") boolean descending) {
    }

    public record Layout(@JsonProperty("columns") List<Column> columns, @JsonProperty("sort") List<Sort> sort) {
        public Layout {
            columns = columns == null ? List.of() : List.copyOf(columns);
            sort = sort == null ? List.of() : List.copyOf(sort);
        }
    }

    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dialdesk-layout-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Layout> pending = new AtomicReference<>();

    public TableLayoutStore(Path file) {
        this.file = file;
    }

    public Layout load() {
        try {
            return Files.exists(file) ? mapper.readValue(file.toFile(), Layout.class) : new Layout(List.of(), List.of());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Table layout unreadable, using the default: " + e.getMessage());
            return new Layout(List.of(), List.of());
        }
    }

    public void saveLater(Layout layout) {
        if (pending.getAndSet(layout) == null) {
            writer.execute(() -> {
                Layout latest = pending.getAndSet(null);
                try {
                    Files.createDirectories(file.getParent());
                    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
                    mapper.writeValue(temp.toFile(), latest);
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not save the table layout: " + e.getMessage());
                }
            });
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
