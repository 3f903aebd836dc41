package org.dialdesk.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;

/** A table's column order, widths and sort, kept per profile; saved off the UI thread, newest wins. */
public final class TableLayoutStore implements AutoCloseable {
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

    private final JsonFile<Layout> file;

    public TableLayoutStore(Path file) {
        this.file = new JsonFile<>(file, Layout.class);
    }

    public Layout load() {
        return file.load(() -> new Layout(List.of(), List.of()));
    }

    public void saveLater(Layout layout) {
        file.saveLater(layout);
    }

    @Override
    public void close() {
        file.close();
    }
}
