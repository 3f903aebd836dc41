package org.dialdesk.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A table's column order, widths and sort, as the operator left them, and the folder its rows were
 * last exported to (null: none yet), where the next export starts.
 */
public record TableLayout(@JsonProperty("columns") List<Column> columns, @JsonProperty("sort") List<Sort> sort,
                          @JsonProperty("export_folder") String exportFolder) {
    public static final TableLayout DEFAULT = new TableLayout(List.of(), List.of(), null);

    public TableLayout(List<Column> columns, List<Sort> sort) {
        this(columns, sort, null);
    }

    public TableLayout withExportFolder(String folder) {
        return new TableLayout(columns, sort, folder);
    }

    public record Column(@JsonProperty("id") String id, @JsonProperty("width") double width) {
    }

    public record Sort(@JsonProperty("id") String id, @JsonProperty("descending") boolean descending) {
    }

    public TableLayout {
        columns = columns == null ? List.of() : List.copyOf(columns);
        sort = sort == null ? List.of() : List.copyOf(sort);
    }
}
