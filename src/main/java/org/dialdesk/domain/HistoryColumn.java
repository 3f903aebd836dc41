package org.dialdesk.domain;

/** The history's sortable columns, each with the cache column it sorts on. */
public enum HistoryColumn {
    CREATED("created_ms", false),
    CALLEE("callee", true),
    STATUS("status", true),
    OUTCOME("outcome", true),
    CALLER("caller", true),
    USE_CASE("use_case", true),
    AGENT("agent", true),
    DURATION("duration_s", false),
    CAMPAIGN("campaign", true),
    SCHEDULED_FOR("scheduled_for", true),
    LANGUAGE("language", true),
    TYPE("type", true);

    private final String sqlColumn;
    private final boolean text;

    HistoryColumn(String sqlColumn, boolean text) {
        this.sqlColumn = sqlColumn;
        this.text = text;
    }

    /** The cache's column, a fixed identifier (never operator input). */
    public String sqlColumn() {
        return sqlColumn;
    }

    /** Text sorts ignoring case, as a person reads "ada" and "Ada" as the same. */
    public boolean text() {
        return text;
    }
}
