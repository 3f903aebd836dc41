package org.dialdesk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryColumn;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;

/**
 * A filter and an order as SQL over the history cache: {@code from} is the FROM and WHERE part
 * (with {@code ?} for every value, bound by {@link #bind}), {@code orderBy} the ORDER BY part.
 * Column names come from {@link HistoryColumn}, never from what the operator typed.
 */
record HistoryQuery(String from, List<Object> values, String orderBy, HistoryOrder order) {
    /** Search words shorter than this are looked for in the text itself: trigrams need three characters. */
    static final int TRIGRAM = 3;

    static HistoryQuery of(CallFilter filter, HistoryOrder order, ZoneId zone) {
        List<Object> values = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1");
        if (!filter.statuses().isEmpty()) {
            where.append(" AND c.status IN (")
                    .append(filter.statuses().stream().map(s -> "?").collect(Collectors.joining(","))).append(')');
            values.addAll(filter.statuses().stream().sorted().toList());
        }
        equal(where, values, "c.use_case", filter.useCase());
        equal(where, values, "c.campaign", filter.campaign());
        equal(where, values, "c.type", filter.type());
        // A date range is a range of keys: whole days in the operator's zone.
        if (filter.from() != null) {
            where.append(" AND c.k >= ?");
            values.add(filter.from().atStartOfDay(zone).toInstant().toEpochMilli() * 1024);
        }
        if (filter.to() != null) {
            where.append(" AND c.k < ?");
            values.add(filter.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() * 1024);
        }
        List<String> indexed = new ArrayList<>();
        for (String term : filter.terms()) {
            if (term.length() >= TRIGRAM) {
                indexed.add('"' + term.replace("\"", "\"\"") + '"');
            } else {
                where.append(" AND instr(c.search_text, ?) > 0");
                values.add(term);
            }
        }
        boolean fts = !indexed.isEmpty();
        if (fts) {
            where.append(" AND f.calls_fts MATCH ?");
            values.add(String.join(" AND ", indexed));
        }
        String from = " FROM calls c" + (fts ? " JOIN calls_fts f ON f.rowid = c.k" : "") + where;
        return new HistoryQuery(from, values, orderBy(order, fts), order);
    }

    private static void equal(StringBuilder where, List<Object> values, String column, String value) {
        if (!value.isBlank()) {
            where.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
    }

    private static String orderBy(HistoryOrder order, boolean fts) {
        if (order.newestFirst()) {
            // The full-text index hands its matches out newest first by itself: no sort.
            return fts ? " ORDER BY f.rowid DESC" : " ORDER BY c.k DESC";
        }
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        for (HistoryOrder.Key key : order.keys()) {
            sql.append(column(key.column())).append(key.descending() ? " DESC, " : " ASC, ");
        }
        // Ties in the direction of the first column: its index (column, k) serves the whole order.
        return sql.append("c.k").append(order.keys().get(0).descending() ? " DESC" : " ASC").toString();
    }

    private static String column(HistoryColumn column) {
        return column == HistoryColumn.CREATED ? "c.k" : "c." + column.sqlColumn();
    }

    /** Binds the values from parameter {@code at} on; returns the next free parameter's number. */
    int bind(PreparedStatement ps, int at) throws SQLException {
        int i = at;
        for (Object value : values) {
            ps.setObject(i++, value);
        }
        return i;
    }

    /** A condition, and its values, that holds for the rows this order puts before {@code row} (keyed {@code key}). */
    record Before(String sql, List<Object> values) {
    }

    Before before(HistoryRow row, long key) {
        List<Object> vals = new ArrayList<>();
        String sql = before(row, key, 0, vals);
        return new Before(sql, vals);
    }

    /** SQLite puts NULL before every value: first in ascending order, last in descending. */
    private String before(HistoryRow row, long key, int at, List<Object> vals) {
        List<HistoryOrder.Key> keys = order.keys();
        if (at == keys.size()) {
            vals.add(key);
            return keys.get(0).descending() ? "c.k > ?" : "c.k < ?";
        }
        HistoryOrder.Key k = keys.get(at);
        String column = column(k.column());
        Object value = k.column() == HistoryColumn.CREATED ? (Object) key : value(row, k.column());
        String strictly;
        String equal;
        if (value == null) {
            strictly = k.descending() ? column + " IS NOT NULL" : "0";
            equal = column + " IS NULL";
        } else {
            strictly = k.descending() ? column + " > ?" : "(" + column + " IS NULL OR " + column + " < ?)";
            vals.add(value);
            equal = column + " = ?";
        }
        if (value != null) {
            vals.add(value);
        }
        String rest = before(row, key, at + 1, vals);
        return "(" + strictly + " OR (" + equal + " AND " + rest + "))";
    }

    private static Object value(HistoryRow r, HistoryColumn column) {
        return switch (column) {
            case CREATED -> r.createdMs();
            case CALLEE -> r.callee();
            case STATUS -> r.status();
            case OUTCOME -> r.outcome();
            case CALLER -> r.caller();
            case USE_CASE -> r.useCase();
            case AGENT -> r.agent();
            case DURATION -> r.durationSeconds();
            case CAMPAIGN -> r.campaign();
            case SCHEDULED_FOR -> r.scheduledFor();
            case LANGUAGE -> r.language();
            case TYPE -> r.type();
        };
    }
}
