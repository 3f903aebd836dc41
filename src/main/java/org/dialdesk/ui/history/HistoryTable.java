package org.dialdesk.ui.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import org.dialdesk.domain.CallTimes;
import org.dialdesk.domain.HistoryColumn;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.TableLayout;
import org.dialdesk.ui.common.Once;
import org.dialdesk.ui.common.Tables;

/**
 * The history table: the view model's shown rows, sorted by the view model's queries (not the
 * table), each row asking for its page as it comes into view, the selection kept on the same call
 * as rows change, and the operator's layout remembered.
 */
final class HistoryTable {
    private final HistoryViewModel vm;
    private final ZoneId zone;
    private final UnaryOperator<String> callerLabel;
    private final TableView<HistoryRow> table = new TableView<>();
    private final Map<String, String> formattedPhones = new HashMap<>();
    private final CallTimes times;
    /** Set while the table's selection is cleared for a call not found among the rows: not the operator's doing. */
    private boolean clearingSelection;
    /** Where the operator's selection landed on a row not read yet (-1: none). */
    private int pendingSelection = -1;

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
        // A row coming into view asks for its page: only the rows in sight are ever read.
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            public void updateIndex(int index) {
                super.updateIndex(index);
                vm.want(index);
            }
        });
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
        boolean[] revealPending = {false};
        vm.filters().forEach(filter -> filter.addListener(changed -> revealSelection[0] = true));
        rows.addListener((ListChangeListener<HistoryRow>) change -> {
            listChanging[0] = false;
            boolean rebuilt = change.next() && change.wasReplaced() && change.getFrom() == 0
                    && change.getTo() == rows.size();
            boolean reveal = rebuilt && revealSelection[0];
            if (rebuilt) {
                revealSelection[0] = false;
                pendingSelection = -1; // other rows now: what was under the key is gone
            }
            if (pendingSelection >= 0) {
                // The operator moved onto a row not read yet (End, a page down): it is theirs once read.
                if (pendingSelection < rows.size() && !HistoryViewModel.isPending(rows.get(pendingSelection))) {
                    int at = pendingSelection;
                    pendingSelection = -1;
                    if (table.getSelectionModel().getSelectedIndex() != at) {
                        table.getSelectionModel().clearAndSelect(at);
                    }
                    vm.selectedRowProperty().set(rows.get(at));
                }
                return;
            }
            revealPending[0] |= reveal;
            keepSelection(revealPending);
        });
        // The selected call found among rows not read yet (after a filter or sort): selected there.
        vm.selectedPositionProperty().addListener((obs, old, at) -> keepSelection(revealPending));
        // Sorting is a query on the cache, with an index per column: the table's own sort would
        // need every row in memory.
        Map<TableColumn<HistoryRow, ?>, HistoryColumn> byColumn = new HashMap<>();
        table.setSortPolicy(t -> {
            List<HistoryOrder.Key> keys = new ArrayList<>();
            for (TableColumn<HistoryRow, ?> column : t.getSortOrder()) {
                HistoryColumn c = byColumn.get(column);
                if (c != null) {
                    keys.add(new HistoryOrder.Key(c, column.getSortType() == TableColumn.SortType.DESCENDING));
                }
            }
            revealSelection[0] = true;
            vm.setOrder(new HistoryOrder(keys));
            return true;
        });

        TableColumn<HistoryRow, Long> created = new TableColumn<>("Created");
        created.setId("createdColumn");
        created.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(pending(c.getValue()) ? null : c.getValue().createdMs()));
        created.setCellFactory(col -> new TimeCell<>(millis -> Instant.ofEpochMilli(millis).toString(),
                millis -> times.local(Instant.ofEpochMilli(millis))));
        created.setPrefWidth(145); // "2026-11-24 09:41" whole in the dense style
        created.setSortType(TableColumn.SortType.DESCENDING);

        TableColumn<HistoryRow, String> status = text("Status", HistoryRow::status, 135);
        status.setCellFactory(col -> new StatusBadge.Cell());
        TableColumn<HistoryRow, Integer> duration = new TableColumn<>("Duration");
        duration.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(pending(c.getValue()) ? null : c.getValue().durationSeconds()));
        duration.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer seconds, boolean empty) {
                super.updateItem(seconds, empty);
                setText(empty || seconds == null ? null : seconds / 60 + ":" + String.format("%02d", seconds % 60));
            }
        });
        duration.setPrefWidth(70);

        addColumn(table, byColumn, created, HistoryColumn.CREATED);
        addColumn(table, byColumn, text("Callee", r -> formatted(r.callee()), 150), HistoryColumn.CALLEE);
        // Status third: with the side pane open, the columns past the first few are scrolled to.
        addColumn(table, byColumn, status, HistoryColumn.STATUS);
        // How it went, as the service classified it: "No contact" after Busy, "Voicemail", "Successful".
        addColumn(table, byColumn, text("Outcome", HistoryRow::outcome, 100), HistoryColumn.OUTCOME);
        addColumn(table, byColumn, text("Caller number", r -> r.caller() == null ? null : callerLabel.apply(r.caller()), 120), HistoryColumn.CALLER);
        addColumn(table, byColumn, text("Use case", HistoryRow::useCase, 150), HistoryColumn.USE_CASE);
        addColumn(table, byColumn, text("Agent", HistoryRow::agent, 80), HistoryColumn.AGENT);
        addColumn(table, byColumn, duration, HistoryColumn.DURATION);
        addColumn(table, byColumn, text("Campaign", HistoryRow::campaign, 110), HistoryColumn.CAMPAIGN);
        TableColumn<HistoryRow, String> scheduled = text("Scheduled for", HistoryRow::scheduledFor, 130);
        scheduled.setCellFactory(col -> new TimeCell<>(iso -> iso, times::local));
        addColumn(table, byColumn, scheduled, HistoryColumn.SCHEDULED_FOR);
        addColumn(table, byColumn, text("Language", HistoryRow::language, 75), HistoryColumn.LANGUAGE);
        addColumn(table, byColumn, text("Type", HistoryRow::type, 75), HistoryColumn.TYPE);
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
            if (listChanging[0] || clearingSelection) {
                return; // the table shuffling its selection during an update
            }
            if (row != null && HistoryViewModel.isPending(row)) {
                pendingSelection = table.getSelectionModel().getSelectedIndex(); // taken up once its page is read
                return;
            }
            pendingSelection = -1;
            // An update of the selected call replaces its row object; the detail need not reload.
            if (row == null || old == null || !row.id().equals(old.id())) {
                vm.selectedRowProperty().set(row);
            }
        });
        ChangeListener<HistoryRow> showSelected = (obs, old, row) -> {
            HistoryRow selected = table.getSelectionModel().getSelectedItem();
            if (row != null && (selected == null || !selected.id().equals(row.id()))) {
                // Chosen elsewhere (Show in history): selected and brought into sight here once found.
                revealPending[0] = true;
                keepSelection(revealPending);
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

    /**
     * Keeps the table's selection on the view model's selected call: at its place among the rows
     * read, or at the place the view model found it. {@code reveal[0]}: it is also to be brought into
     * sight (once, when it is found).
     */
    private void keepSelection(boolean[] reveal) {
        HistoryRow wanted = vm.selectedRowProperty().get();
        if (wanted == null) {
            reveal[0] = false;
            return;
        }
        HistoryRow shown = table.getSelectionModel().getSelectedItem();
        int at;
        if (shown != null && shown.id().equals(wanted.id())) {
            at = table.getSelectionModel().getSelectedIndex();
        } else {
            at = vm.loadedIndexOf(wanted.id());
            long found = vm.selectedPositionProperty().get();
            if (at < 0 && found >= 0 && found < table.getItems().size()) {
                // Found there by a count, on a page maybe not read yet: selected once it is read and
                // holds that call (rows may have moved since it was counted).
                vm.want((int) found);
                HistoryRow there = table.getItems().get((int) found);
                if (HistoryViewModel.isPending(there) || !there.id().equals(wanted.id())) {
                    return;
                }
                at = (int) found;
            }
            if (at < 0) {
                // Not found yet, or left out by the filters: no other call stays selected meanwhile.
                if (shown != null) {
                    clearingSelection = true;
                    table.getSelectionModel().clearSelection();
                    clearingSelection = false;
                }
                return;
            }
            table.getSelectionModel().clearAndSelect(at);
        }
        if (reveal[0]) {
            reveal[0] = false;
            revealAfterLayout(table, at);
        }
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
        String id = table.getItems().get(index).id();
        Once.afterNextLayout(table.getScene(), () -> {
            // Still the same call there (its row may have been read meanwhile, or been a stand-in).
            boolean stillThere = index < table.getItems().size()
                    && (id.isEmpty() || table.getItems().get(index).id().equals(id) || table.getItems().get(index).id().isEmpty());
            if (stillThere && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.scrollTo(index);
                table.layout();
            }
        });
    }

    private static void addColumn(TableView<HistoryRow> table,
                                  Map<TableColumn<HistoryRow, ?>, HistoryColumn> byColumn,
                                  TableColumn<HistoryRow, ?> column, HistoryColumn sortedBy) {
        table.getColumns().add(column);
        byColumn.put(column, sortedBy);
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

    private static boolean pending(HistoryRow row) {
        return row == null || HistoryViewModel.isPending(row);
    }

    private static TableColumn<HistoryRow, String> text(String title, Function<HistoryRow, String> value, double width) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(pending(c.getValue()) ? null : value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
