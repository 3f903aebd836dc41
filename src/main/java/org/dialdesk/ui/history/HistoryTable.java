package org.dialdesk.ui.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import org.dialdesk.domain.CallTimes;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.TableLayout;
import org.dialdesk.ui.common.Once;
import org.dialdesk.ui.common.Tables;

/**
 * The history table: the view model's shown rows, sorted by the view model (not the table), the
 * selection kept on the same call as rows change, and the operator's layout remembered.
 */
final class HistoryTable {
    private final HistoryViewModel vm;
    private final ZoneId zone;
    private final UnaryOperator<String> callerLabel;
    private final TableView<HistoryRow> table = new TableView<>();
    private final Map<String, String> formattedPhones = new HashMap<>();
    private final CallTimes times;

    HistoryTable(HistoryViewModel vm, ZoneId zone, UnaryOperator<String> callerLabel) {
        this.vm = vm;
        this.zone = zone;
        this.callerLabel = callerLabel;
        this.times = new CallTimes(zone);
        table.setId("historyTable");
        table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        Label empty = new Label();
        empty.setId("historyEmpty");
        empty.setWrapText(true);
        empty.textProperty().bind(vm.emptyTextProperty());
        table.setPlaceholder(empty);
        // Rows of one height let the table skip measuring every cell on each change.
        table.setFixedCellSize(Tables.ROW_HEIGHT);
        // While the rows change, the table's selection model moves the selection around on its own; those
        // moves are ignored, and afterwards the view model's selected call is selected again.
        boolean[] listChanging = {false};
        ObservableList<HistoryRow> rows = vm.rows();
        rows.addListener((ListChangeListener<HistoryRow>) change -> listChanging[0] = true);
        table.setItems(rows);
        // After the operator filters or sorts, the selected call stays in sight: its row can be far
        // from where it was. Rows rebuilt because a poll moved a call in or out of the filter leave
        // the scroll position alone.
        boolean[] revealSelection = {false};
        vm.filters().forEach(filter -> filter.addListener(changed -> revealSelection[0] = true));
        rows.addListener((ListChangeListener<HistoryRow>) change -> {
            listChanging[0] = false;
            boolean rebuilt = change.next() && change.wasReplaced() && change.getFrom() == 0
                    && change.getTo() == rows.size();
            boolean reveal = rebuilt && revealSelection[0];
            if (rebuilt) {
                revealSelection[0] = false;
            }
            HistoryRow wanted = vm.selectedRowProperty().get();
            if (wanted == null) {
                return;
            }
            HistoryRow shown = table.getSelectionModel().getSelectedItem();
            boolean selectionLost = shown == null || !shown.id().equals(wanted.id());
            if (!selectionLost && !reveal) {
                return;
            }
            int at = indexOf(rows, wanted.id());
            if (at >= 0 && selectionLost) {
                table.getSelectionModel().clearAndSelect(at);
            }
            if (at >= 0 && reveal) {
                revealAfterLayout(table, at);
            }
        });
        // Sorting happens in the view model with comparators on the row fields: the table's own
        // sort reads every cell through its value factory, allocating on each of ~2M comparisons.
        Map<TableColumn<HistoryRow, ?>, Comparator<HistoryRow>> byColumn = new HashMap<>();
        table.setSortPolicy(t -> {
            Comparator<HistoryRow> order = null;
            for (TableColumn<HistoryRow, ?> column : t.getSortOrder()) {
                Comparator<HistoryRow> c = byColumn.get(column);
                if (c == null) {
                    continue;
                }
                if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                    c = c.reversed();
                }
                order = order == null ? c : order.thenComparing(c);
            }
            // Newest first is the rows' own order: no sorting needed for it.
            boolean newestFirst = t.getSortOrder().size() == 1 && t.getSortOrder().get(0).getId() != null
                    && t.getSortOrder().get(0).getId().equals("createdColumn")
                    && t.getSortOrder().get(0).getSortType() == TableColumn.SortType.DESCENDING;
            revealSelection[0] = true;
            vm.setOrder(newestFirst ? null : order);
            return true;
        });

        TableColumn<HistoryRow, Long> created = new TableColumn<>("Created");
        created.setId("createdColumn");
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().createdMs()));
        created.setCellFactory(col -> new TimeCell<>(millis -> Instant.ofEpochMilli(millis).toString(),
                millis -> times.local(Instant.ofEpochMilli(millis))));
        created.setPrefWidth(145); // "2026-11-24 09:41" whole in the dense style
        created.setSortType(TableColumn.SortType.DESCENDING);

        TableColumn<HistoryRow, String> status = text("Status", HistoryRow::status, 135);
        status.setCellFactory(col -> new StatusBadge.Cell());
        TableColumn<HistoryRow, Integer> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().durationSeconds()));
        duration.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer seconds, boolean empty) {
                super.updateItem(seconds, empty);
                setText(empty || seconds == null ? null : seconds / 60 + ":" + String.format("%02d", seconds % 60));
            }
        });
        duration.setPrefWidth(70);

        Comparator<String> byText = Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER);
        addColumn(table, byColumn, created, Comparator.comparingLong(HistoryRow::createdMs));
        addColumn(table, byColumn, text("Callee", r -> formatted(r.callee()), 150),
                Comparator.comparing(HistoryRow::callee, byText));
        // Status third: with the side pane open, the columns past the first few are scrolled to.
        addColumn(table, byColumn, status, Comparator.comparing(HistoryRow::status, byText));
        // How it went, as the service classified it: "No contact" after Busy, "Voicemail", "Successful".
        addColumn(table, byColumn, text("Outcome", HistoryRow::outcome, 100),
                Comparator.comparing(HistoryRow::outcome, byText));
        addColumn(table, byColumn, text("Caller number", r -> r.caller() == null ? null : callerLabel.apply(r.caller()), 120),
                Comparator.comparing(HistoryRow::caller, byText));
        addColumn(table, byColumn, text("Use case", HistoryRow::useCase, 150),
                Comparator.comparing(HistoryRow::useCase, byText));
        addColumn(table, byColumn, text("Agent", HistoryRow::agent, 80),
                Comparator.comparing(HistoryRow::agent, byText));
        addColumn(table, byColumn, duration, Comparator.comparingInt(HistoryRow::durationSeconds));
        addColumn(table, byColumn, text("Campaign", HistoryRow::campaign, 110),
                Comparator.comparing(HistoryRow::campaign, byText));
        TableColumn<HistoryRow, String> scheduled = text("Scheduled for", HistoryRow::scheduledFor, 130);
        scheduled.setCellFactory(col -> new TimeCell<>(iso -> iso, times::local));
        addColumn(table, byColumn, scheduled,
                Comparator.comparing(HistoryRow::scheduledFor, byText));
        addColumn(table, byColumn, text("Language", HistoryRow::language, 75),
                Comparator.comparing(HistoryRow::language, byText));
        addColumn(table, byColumn, text("Type", HistoryRow::type, 75), Comparator.comparing(HistoryRow::type, byText));
        table.getSortOrder().add(created);
        for (TableColumn<HistoryRow, ?> column : table.getColumns()) {
            if (column.getId() == null) {
                column.setId(column.getText().toLowerCase(Locale.ROOT).replace(' ', '-') + "Column");
            }
        }
        rememberLayout();
        // Scrolled to the end: the next page of older calls, if the service has more than is cached.
        table.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.positionProperty().addListener((o, was, position) -> {
                    if (position.doubleValue() >= 0.999 && !rows.isEmpty()) {
                        vm.loadOlder();
                    }
                });
            }
        });

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (listChanging[0]) {
                return; // the table shuffling its selection during an update, not the operator
            }
            // An update of the selected call replaces its row object; the detail need not reload.
            if (row == null || old == null || !row.id().equals(old.id())) {
                vm.selectedRowProperty().set(row);
            }
        });
        ChangeListener<HistoryRow> showSelected = (obs, old, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                int index = rows.indexOf(row);
                if (index >= 0) {
                    table.getSelectionModel().select(index);
                    table.scrollTo(index);
                }
            }
        };
        vm.selectedRowProperty().addListener(showSelected);
        showSelected.changed(null, null, vm.selectedRowProperty().get()); // revealed before the table was built
    }

    TableView<HistoryRow> view() {
        return table;
    }

    /** "+1 415-555-0125" for "+14155550125"; cached, since cells ask again on every scroll. */
    private String formatted(String e164) {
        if (e164 == null) {
            return null;
        }
        return formattedPhones.computeIfAbsent(e164, n -> {
            PhoneCheck.Result result = PhoneCheck.check(n, null);
            return result.ok() ? result.international() : n;
        });
    }

    /** Restores and then keeps the columns' order, widths and sort. */
    private void rememberLayout() {
        TableLayout saved = vm.savedLayout();
        Map<String, TableColumn<HistoryRow, ?>> byId = new LinkedHashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<HistoryRow, ?>> ordered = new ArrayList<>();
        for (TableLayout.Column c : saved.columns()) {
            TableColumn<HistoryRow, ?> column = byId.remove(c.id());
            if (column != null) {
                column.setPrefWidth(c.width());
                ordered.add(column);
            }
        }
        ordered.addAll(byId.values()); // columns added since the layout was saved
        if (!saved.columns().isEmpty()) {
            table.getColumns().setAll(ordered);
        }
        if (!saved.sort().isEmpty()) {
            table.getSortOrder().clear();
            for (TableLayout.Sort s : saved.sort()) {
                table.getColumns().stream().filter(c -> c.getId().equals(s.id())).findFirst().ifPresent(c -> {
                    c.setSortType(s.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                    table.getSortOrder().add(c);
                });
            }
        }
        Runnable save = () -> vm.saveLayout(new TableLayout(
                table.getColumns().stream().map(c -> new TableLayout.Column(c.getId(), c.getWidth())).toList(),
                table.getSortOrder().stream().map(c -> new TableLayout.Sort(c.getId(),
                        c.getSortType() == TableColumn.SortType.DESCENDING)).toList()));
        table.getColumns().addListener((ListChangeListener<TableColumn<HistoryRow, ?>>) c -> save.run());
        table.getSortOrder().addListener((ListChangeListener<TableColumn<HistoryRow, ?>>) c -> save.run());
        table.getColumns().forEach(c -> {
            c.widthProperty().addListener((o, a, b) -> save.run());
            c.sortTypeProperty().addListener((o, a, b) -> save.run());
        });
    }

    /** Where the call with this id is among the rows, or -1. */
    private static int indexOf(List<HistoryRow> rows, String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Brings this row into sight once the table has laid out its new rows (until then its skin still
     * counts the old ones): a row already whole in sight stays where it is, one out of sight comes to
     * the top. The table is laid out again at once, so the row shows in sight in the same frame.
     */
    private static void revealAfterLayout(TableView<HistoryRow> table, int index) {
        if (table.getScene() == null) {
            return;
        }
        HistoryRow row = table.getItems().get(index);
        Once.afterNextLayout(table.getScene(), () -> {
            boolean stillThere = index < table.getItems().size() && table.getItems().get(index) == row;
            if (stillThere && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.scrollTo(index);
                table.layout();
            }
        });
    }

    private static void addColumn(TableView<HistoryRow> table,
                                  Map<TableColumn<HistoryRow, ?>, Comparator<HistoryRow>> byColumn,
                                  TableColumn<HistoryRow, ?> column, Comparator<HistoryRow> comparator) {
        table.getColumns().add(column);
        byColumn.put(column, comparator);
    }

    /** A time in the operator's zone, the exact UTC instant in its tooltip (one tooltip per cell, reused as it scrolls). */
    private static final class TimeCell<T> extends TableCell<HistoryRow, T> {
        private final Function<T, String> utc;
        private final Function<T, String> local;
        private final Tooltip exact = new Tooltip();

        TimeCell(Function<T, String> utc, Function<T, String> local) {
            this.utc = utc;
            this.local = local;
        }

        @Override
        protected void updateItem(T value, boolean empty) {
            super.updateItem(value, empty);
            boolean none = empty || value == null;
            setText(none ? null : local.apply(value));
            if (none) {
                setTooltip(null);
            } else {
                exact.setText(CallTimes.utc(utc.apply(value)));
                setTooltip(exact);
            }
        }
    }

    private static TableColumn<HistoryRow, String> text(String title, Function<HistoryRow, String> value, double width) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
