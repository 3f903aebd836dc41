package org.dialdesk.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A table's column order, widths and sort, as the operator left them. */
public record TableLayout(@JsonProperty("columns") List<Column> columns, @JsonProperty("sort") List<Sort> sort) {
    public static final TableLayout DEFAULT = new TableLayout(List.of(), List.of());

    public record Column(@JsonProperty("id") String id, @JsonProperty("width") double width) {
    }

    public record Sort(@JsonProperty("id") String id, @JsonProperty("descending") boolean descending) {
    }

    public TableLayout {
        columns = columns == null ? List.of() : List.copyOf(columns);
        sort = sort == null ? List.of() : List.copyOf(sort);
    }
}
