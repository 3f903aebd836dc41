package org.dialdesk.store;

import java.nio.file.Path;
import org.dialdesk.domain.TableLayout;

/** A table's column order, widths and sort, kept per profile; saved off the UI thread, newest wins. */
public final class TableLayoutStore implements AutoCloseable {
    private final JsonFile<TableLayout> file;

    public TableLayoutStore(Path file) {
        this.file = new JsonFile<>(file, TableLayout.class);
    }

    public TableLayout load() {
        return file.load(() -> TableLayout.DEFAULT);
    }

    public void saveLater(TableLayout layout) {
        file.saveLater(layout);
    }

    @Override
    public void close() {
        file.close();
    }
}
