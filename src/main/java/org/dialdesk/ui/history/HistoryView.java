package org.dialdesk.ui.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.CheckComboBox;
import org.dialdesk.domain.Dashboard;
import org.dialdesk.service.HistorySync;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallStatus;
import org.dialdesk.api.Transcript;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.ui.common.Once;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.Tables;

/** Call history: filters, the live table, the selected call and a dashboard. Binds; decides nothing. */
public final class HistoryView extends BorderPane {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final HistoryViewModel vm;
    private final ZoneId zone;

    private final java.util.function.UnaryOperator<String> callerLabel;
    private final org.dialdesk.store.TableLayoutStore layoutStore;
    private final org.dialdesk.store.TableLayoutStore.Layout savedLayout;
    private final Map<String, String> formattedPhones = new java.util.HashMap<>();
    private final javafx.beans.property.ReadOnlyBooleanProperty built;

    /**
     * @param callerLabel the organisation's name for a caller number (its title), or the number itself
     * @param layoutStore where column order, widths and sort are remembered; null not to remember them
     */
    public HistoryView(HistoryViewModel viewModel, ZoneId zone) {
        this(viewModel, zone, number -> number, null);
    }

    public HistoryView(HistoryViewModel viewModel, ZoneId zone, java.util.function.UnaryOperator<String> callerLabel,
                       org.dialdesk.store.TableLayoutStore layoutStore) {
        this(viewModel, zone, callerLabel, layoutStore, layoutStore == null ? null : layoutStore.load());
    }

    /** With the saved layout already read (off the UI thread), so building the screen does no I/O. */
    public HistoryView(HistoryViewModel viewModel, ZoneId zone, java.util.function.UnaryOperator<String> callerLabel,
                       org.dialdesk.store.TableLayoutStore layoutStore,
                       org.dialdesk.store.TableLayoutStore.Layout savedLayout) {
        this.savedLayout = savedLayout;
        this.vm = viewModel;
        this.zone = zone;
        this.callerLabel = callerLabel;
        this.layoutStore = layoutStore;
        setId("historyView");
        built = OnePerFrame.onceInWindow(this, this::buildSteps);
    }

    /** True once every part of the screen is in place (they come a frame each); the table's rows grow in once there is data. */
    public javafx.beans.property.ReadOnlyBooleanProperty builtProperty() {
        return built;
    }

    /**
     * The screen is built and put in place a part per frame once it is in a window. Styled and laid
     * out at once, the first time, the whole screen keeps the UI thread busy for about half a second
     * (hundreds of controls, each looked up in the style sheets and given a skin); a part at a time
     * no frame takes long. The table's first rows are the largest part: it gets a few, then all.
     */
    private List<Runnable> buildSteps() {
        VBox top = new VBox();
        FlowPane filterBar = new FlowPane(8, 8);
        filterBar.setPadding(new Insets(0, 20, 10, 20));
        filterBar.setAlignment(Pos.CENTER_LEFT);
        List<Node> filters = new java.util.ArrayList<>();
        SplitPane split = new SplitPane();
        @SuppressWarnings("unchecked")
        TableView<HistoryRow>[] table = new TableView[1];
        return List.of(
                () -> {
                    top.getChildren().add(header());
                    setTop(top);
                },
                () -> {
                    filters.addAll(filters());
                    filterBar.getChildren().addAll(filters.subList(0, 2)); // search, status
                    top.getChildren().add(filterBar);
                },
                () -> filterBar.getChildren().addAll(filters.subList(2, 5)), // use case, campaign, type
                () -> filterBar.getChildren().addAll(filters.subList(5, filters.size())), // dates, clear
                () -> {
                    table[0] = table();
                    Tables.holdRows(table[0]); // its rows come in later frames
                    table[0].getColumns().stream().skip(4).forEach(c -> c.setVisible(false)); // and most headers
                },
                () -> {
                    split.getItems().setAll(table[0]);
                    setCenter(split);
                },
                () -> table[0].getColumns().stream().skip(4).limit(4).forEach(c -> c.setVisible(true)),
                () -> table[0].getColumns().forEach(c -> c.setVisible(true)),
                () -> {
                    split.getItems().add(sidePane());
                    split.setDividerPositions(0.64);
                },
                // Two rows a frame (a row is a dozen cells), from when there is something to show; four
                // a frame kept frames waiting 60–85 ms while the history loads beside them.
                () -> onceThereIsSomethingToShow(table[0], () -> OnePerFrame.run(Tables.rowsInSteps(table[0], 2))));
    }

    /** Runs {@code action} once the table has rows, or the history has loaded and has none (the placeholder shows then). */
    private void onceThereIsSomethingToShow(TableView<HistoryRow> table, Runnable action) {
        Once.when(() -> !table.getItems().isEmpty() || vm.loadedProperty().get(), action,
                table.getItems(), vm.loadedProperty());
    }

    private Node header() {
        Label title = new Label("Call history");
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("historySummary");
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        summary.textProperty().bind(vm.summaryProperty());
        Label problem = new Label();
        problem.setId("historyProblem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        problem.textProperty().bind(vm.syncProblemProperty());
        problem.visibleProperty().bind(vm.syncProblemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox heading = new VBox(2, title, summary, problem);
        HBox.setHgrow(heading, Priority.ALWAYS);

        Button older = new Button();
        older.setId("loadOlderButton");
        older.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        older.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> String.format(java.util.Locale.ROOT,
                "Load older calls (%,d more)", vm.olderOnServiceProperty().get()), vm.olderOnServiceProperty()));
        older.visibleProperty().bind(vm.olderOnServiceProperty().greaterThan(0));
        older.managedProperty().bind(older.visibleProperty());
        older.disableProperty().bind(vm.syncingProperty());
        older.setOnAction(e -> vm.loadOlder());
        Button sync = new Button("Sync now");
        sync.setId("syncHistoryButton");
        sync.getStyleClass().add(Styles.SMALL);
        sync.disableProperty().bind(vm.syncingProperty());
        sync.setOnAction(e -> vm.syncNow());
        Button export = new Button("_Export CSV…");
        export.setId("exportButton");
        export.getStyleClass().add(Styles.SMALL);
        export.setOnAction(e -> chooseExportFile());
        export.disableProperty().bind(vm.exportProgressProperty().greaterThanOrEqualTo(0));
        ProgressBar progress = new ProgressBar();
        progress.setId("exportProgress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(vm.exportProgressProperty());
        progress.visibleProperty().bind(vm.exportProgressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        Label exportMessage = new Label();
        exportMessage.setId("exportMessage");
        exportMessage.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        exportMessage.textProperty().bind(vm.exportMessageProperty());
        exportMessage.setMaxWidth(320);
        HBox header = new HBox(10, heading, exportMessage, progress, older, sync, export);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(16, 20, 8, 20));
        for (Node n : List.of(older, sync, export)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        return header;
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export call history");
        chooser.setInitialFileName(vm.suggestedExportFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.exportCsv(file.toPath());
        }
    }

    /** For automation: export without the file dialog. */
    public void exportTo(Path file) {
        vm.exportCsv(file);
    }

    private List<Node> filters() {
        CheckComboBox<String> statuses = new CheckComboBox<>();
        statuses.setId("statusFilter");
        statuses.getItems().setAll(Arrays.stream(CallStatus.values()).filter(s -> s != CallStatus.UNKNOWN)
                .map(CallStatus::wireName).toList());
        statuses.setTitle("Status");
        statuses.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c ->
                vm.statusFilter().setAll(statuses.getCheckModel().getCheckedItems()));
        vm.statusFilter().addListener((ListChangeListener<String>) c -> {
            if (!vm.statusFilter().equals(statuses.getCheckModel().getCheckedItems())) {
                statuses.getCheckModel().clearChecks();
                vm.statusFilter().forEach(statuses.getCheckModel()::check);
            }
        });

        ComboBox<String> useCase = choice("useCaseFilter", "All use cases", vm.useCaseNames());
        useCase.valueProperty().addListener((o, a, v) -> vm.useCaseFilterProperty().set(v == null ? "" : v));
        vm.useCaseFilterProperty().addListener((o, a, v) -> useCase.setValue(v.isEmpty() ? null : v));
        ComboBox<String> campaign = choice("campaignFilter", "All campaigns", vm.campaigns());
        campaign.valueProperty().addListener((o, a, v) -> vm.campaignFilterProperty().set(v == null ? "" : v));
        vm.campaignFilterProperty().addListener((o, a, v) -> campaign.setValue(v.isEmpty() ? null : v));
        ComboBox<String> type = choice("typeFilter", "All types",
                javafx.collections.FXCollections.observableArrayList(Call.TYPE_OUTBOUND, Call.TYPE_INBOUND));
        type.valueProperty().addListener((o, a, v) -> vm.typeFilterProperty().set(v == null ? "" : v));
        vm.typeFilterProperty().addListener((o, a, v) -> type.setValue(v.isEmpty() ? null : v));

        DatePicker from = new DatePicker();
        from.setId("fromDateFilter");
        from.setPromptText("From");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        DatePicker to = new DatePicker();
        to.setId("toDateFilter");
        to.setPromptText("To");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(vm.toDateProperty());

        TextField search = new TextField();
        search.setId("historySearch");
        search.setPromptText("Search phone, name, campaign…");
        search.setPrefColumnCount(18);
        search.setAccessibleText("Search calls by phone number or extracted data");
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button clear = new Button("Clear filters");
        clear.setId("clearFiltersButton");
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setOnAction(e -> vm.clearFilters());

        return List.of(search, statuses, useCase, campaign, type, from, to, clear);
    }

    private static ComboBox<String> choice(String id, String prompt, javafx.collections.ObservableList<String> items) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText(prompt);
        box.getItems().add(null);
        // Filled when it opens: updating a combo box's items while rows load stalls the UI thread.
        box.setOnShowing(e -> {
            if (box.getItems().size() != items.size() + 1 || !box.getItems().subList(1, box.getItems().size()).equals(items)) {
                String selected = box.getValue();
                box.getItems().setAll(items);
                box.getItems().add(0, null);
                box.setValue(selected);
            }
        });
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? prompt : item);
            }
        });
        box.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? prompt : item);
            }
        });
        return box;
    }

    // ---------------- the table ----------------

    private TableView<HistoryRow> table() {
        TableView<HistoryRow> table = new TableView<>();
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
        javafx.collections.ObservableList<HistoryRow> rows = vm.rows();
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
        java.util.Map<TableColumn<HistoryRow, ?>, java.util.Comparator<HistoryRow>> byColumn = new java.util.HashMap<>();
        table.setSortPolicy(t -> {
            java.util.Comparator<HistoryRow> order = null;
            for (TableColumn<HistoryRow, ?> column : t.getSortOrder()) {
                java.util.Comparator<HistoryRow> c = byColumn.get(column);
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
        created.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long millis, boolean empty) {
                super.updateItem(millis, empty);
                setText(empty || millis == null ? null : CREATED.format(Instant.ofEpochMilli(millis).atZone(zone)));
            }
        });
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

        java.util.Comparator<String> byText = java.util.Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER);
        addColumn(table, byColumn, created, java.util.Comparator.comparingLong(HistoryRow::createdMs));
        addColumn(table, byColumn, text("Callee", r -> formatted(r.callee()), 150),
                java.util.Comparator.comparing(HistoryRow::callee, byText));
        // Status third: with the side pane open, the columns past the first few are scrolled to.
        addColumn(table, byColumn, status, java.util.Comparator.comparing(HistoryRow::status, byText));
        addColumn(table, byColumn, text("Caller number", r -> r.caller() == null ? null : callerLabel.apply(r.caller()), 120),
                java.util.Comparator.comparing(HistoryRow::caller, byText));
        addColumn(table, byColumn, text("Use case", HistoryRow::useCase, 150),
                java.util.Comparator.comparing(HistoryRow::useCase, byText));
        addColumn(table, byColumn, text("Agent", HistoryRow::agent, 80),
                java.util.Comparator.comparing(HistoryRow::agent, byText));
        addColumn(table, byColumn, duration, java.util.Comparator.comparingInt(HistoryRow::durationSeconds));
        addColumn(table, byColumn, text("Campaign", HistoryRow::campaign, 110),
                java.util.Comparator.comparing(HistoryRow::campaign, byText));
        addColumn(table, byColumn, text("Scheduled for", HistoryRow::scheduledFor, 150),
                java.util.Comparator.comparing(HistoryRow::scheduledFor, byText));
        addColumn(table, byColumn, text("Language", HistoryRow::language, 75),
                java.util.Comparator.comparing(HistoryRow::language, byText));
        addColumn(table, byColumn, text("Type", HistoryRow::type, 75), java.util.Comparator.comparing(HistoryRow::type, byText));
        table.getSortOrder().add(created);
        for (TableColumn<HistoryRow, ?> column : table.getColumns()) {
            if (column.getId() == null) {
                column.setId(column.getText().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "Column");
            }
        }
        rememberLayout(table);
        // Scrolled to the end: the next page of older calls, if the service has more than is cached.
        table.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null && table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
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
        javafx.beans.value.ChangeListener<HistoryRow> showSelected = (obs, old, row) -> {
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
    private void rememberLayout(TableView<HistoryRow> table) {
        if (layoutStore == null) {
            return;
        }
        org.dialdesk.store.TableLayoutStore.Layout saved = savedLayout;
        Map<String, TableColumn<HistoryRow, ?>> byId = new java.util.LinkedHashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<HistoryRow, ?>> ordered = new java.util.ArrayList<>();
        for (org.dialdesk.store.TableLayoutStore.Column c : saved.columns()) {
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
            for (org.dialdesk.store.TableLayoutStore.Sort s : saved.sort()) {
                table.getColumns().stream().filter(c -> c.getId().equals(s.id())).findFirst().ifPresent(c -> {
                    c.setSortType(s.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                    table.getSortOrder().add(c);
                });
            }
        }
        Runnable save = () -> layoutStore.saveLater(new org.dialdesk.store.TableLayoutStore.Layout(
                table.getColumns().stream().map(c -> new org.dialdesk.store.TableLayoutStore.Column(c.getId(), c.getWidth())).toList(),
                table.getSortOrder().stream().map(c -> new org.dialdesk.store.TableLayoutStore.Sort(c.getId(),
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
            if (stillThere && table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.scrollTo(index);
                table.layout();
            }
        });
    }

    private static void addColumn(TableView<HistoryRow> table,
                                  java.util.Map<TableColumn<HistoryRow, ?>, java.util.Comparator<HistoryRow>> byColumn,
                                  TableColumn<HistoryRow, ?> column, java.util.Comparator<HistoryRow> comparator) {
        table.getColumns().add(column);
        byColumn.put(column, comparator);
    }

    private static TableColumn<HistoryRow, String> text(String title, Function<HistoryRow, String> value, double width) {
        TableColumn<HistoryRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    // ---------------- detail and dashboard ----------------

    private Node sidePane() {
        Tab dashboardTab = new Tab("Dashboard");
        dashboardTab.setId("dashboardTab");
        // Charts are costly to build; most of the time the detail is what people look at.
        dashboardTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && dashboardTab.getContent() == null) {
                dashboardTab.setContent(dashboard());
            }
        });
        vm.dashboardShownProperty().bind(dashboardTab.selectedProperty().and(visibleProperty()));
        TabPane tabs = new TabPane(new Tab("Call", detail()), dashboardTab);
        tabs.setId("historySideTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node detail() {
        VBox box = new VBox(10);
        box.setId("callDetail");
        box.setPadding(new Insets(12));
        Label empty = new Label("Select a call to see its details and transcript.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        StatusBadge statusBadge = new StatusBadge();
        statusBadge.setId("detailStatus");
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(4);
        TextArea json = new TextArea();
        json.setId("detailJson");
        json.setEditable(false);
        json.setPrefRowCount(6);
        json.setWrapText(true);
        json.getStyleClass().add("monospace");
        VBox transcript = new VBox(6);
        transcript.setId("transcriptView");
        Label message = new Label();
        message.setId("detailMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.WARNING);
        message.textProperty().bind(vm.detailMessageProperty());
        message.visibleProperty().bind(vm.detailMessageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());

        Button cancel = new Button("Cancel call");
        cancel.setId("cancelCallButton");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        cancel.setOnAction(e -> confirm("Cancel this call?", "It will not be placed.", vm::cancelSelected));
        Button stop = new Button("Stop call");
        stop.setId("stopCallButton");
        stop.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        stop.setOnAction(e -> confirm("Hang up this call?", "The agent will end the call now.", vm::stopSelected));
        Button dialAgain = new Button("Dial again");
        dialAgain.setId("dialAgainFromHistoryButton");
        dialAgain.getStyleClass().add(Styles.SMALL);
        dialAgain.setOnAction(e -> vm.dialAgainSelected());
        Button copyId = new Button("Copy ID");
        copyId.setId("copyIdFromHistoryButton");
        copyId.getStyleClass().add(Styles.SMALL);
        copyId.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.selectedCallProperty().get().id());
            Clipboard.getSystemClipboard().setContent(content);
        });
        FlowPane actions = new FlowPane(6, 6, cancel, stop, dialAgain, copyId);
        for (Button b : List.of(cancel, stop, dialAgain, copyId)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // wrap to a second line rather than cut labels
        }

        VBox content = new VBox(10, new HBox(8, title, statusBadge), fields, actions, message,
                section("Params, metadata and what was learnt"), json, section("Transcript"), transcript);
        vm.selectedCallProperty().addListener((obs, old, call) -> {
            if (call == null) {
                box.getChildren().setAll(empty);
                return;
            }
            box.getChildren().setAll(content);
            title.setText(call.to() == null ? call.id() : call.to());
            String status = call.status() == null ? "" : call.status().wireName();
            statusBadge.setStatus(status);
            fields.getChildren().clear();
            int row = 0;
            for (String[] f : new String[][] {{"ID", call.id()}, {"Created", call.created()},
                {"Caller", call.from()}, {"Use case", call.useCase() == null ? null : call.useCase().name()},
                {"Agent", call.agent() == null ? null : call.agent().name()}, {"Language", call.language()},
                {"Campaign", call.campaignId()}, {"Scheduled for", call.scheduledFor()},
                {"Max minutes", call.maxDurationMins() == null ? null : call.maxDurationMins().toString()},
                {"Duration", call.duration() == null ? null : call.duration() + " s"}, {"Prompt", call.promptId()},
                {"Classification", call.classification() == null ? null
                        : call.classification().tag() + ": " + call.classification().reasoning()},
                {"Notes", call.notes() == null || call.notes().isEmpty() ? null
                        : String.join(" · ", call.notes().stream().map(n -> n.content()).toList())}}) {
                if (f[1] == null || f[1].isBlank()) {
                    continue;
                }
                Label key = new Label(f[0]);
                key.getStyleClass().add(Styles.TEXT_MUTED);
                key.setMinWidth(Region.USE_PREF_SIZE);
                Label value = new Label(f[1]);
                value.setWrapText(true);
                fields.addRow(row++, key, value);
            }
            json.setText(detailJson(call));
            CallStatus s = call.status() == null ? CallStatus.UNKNOWN : call.status();
            cancel.setDisable(!s.isCancellable());
            stop.setDisable(!s.isLive());
        });
        vm.transcriptProperty().addListener((obs, old, t) -> showTranscript(transcript, t));
        box.getChildren().setAll(empty);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static String detailJson(Call call) {
        com.fasterxml.jackson.databind.node.ObjectNode node = org.dialdesk.api.Json.mapper().createObjectNode();
        node.set("params", call.params());
        node.set("metadata", call.metadata());
        node.set("extraction", call.extraction());
        return node.toPrettyString();
    }

    private void showTranscript(VBox view, Transcript transcript) {
        view.getChildren().clear();
        if (transcript == null || transcript.messages().isEmpty()) {
            Label none = new Label("No conversation (yet).");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            view.getChildren().add(none);
            return;
        }
        for (Transcript.Message m : transcript.messages()) {
            if ("system".equals(m.role())) {
                continue;
            }
            double start = m.start() == null ? 0 : m.start();
            Label line = new Label(String.format("%d:%02d  %s", (int) start / 60, (int) start % 60, m.content()));
            line.setWrapText(true);
            line.getStyleClass().addAll("transcript-line", "role-" + m.role());
            view.getChildren().add(line);
        }
    }

    private void confirm(String header, String text, Runnable action) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.NO, ButtonType.YES);
        alert.setHeaderText(header);
        alert.initOwner(getScene().getWindow());
        alert.showAndWait().filter(ButtonType.YES::equals).ifPresent(b -> action.run());
    }

    private Node dashboard() {
        PieChart mix = new PieChart();
        mix.setId("statusMixChart");
        mix.setTitle("Status mix");
        mix.setLegendSide(Side.RIGHT);
        mix.setPrefHeight(220);
        BarChart<String, Number> perDay = new BarChart<>(new CategoryAxis(), new NumberAxis());
        perDay.setId("callsPerDayChart");
        perDay.setTitle("Calls per day");
        perDay.setLegendVisible(false);
        perDay.setAnimated(false);
        perDay.setPrefHeight(200);
        StackedBarChart<String, Number> perCampaign = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
        perCampaign.setId("outcomePerCampaignChart");
        perCampaign.setTitle("Outcome per campaign");
        perCampaign.setAnimated(false);
        perCampaign.setPrefHeight(240);
        java.util.function.Consumer<Dashboard> show = d -> {
            mix.getData().setAll(d.statusMix().entrySet().stream()
                    .map(e -> new PieChart.Data(e.getKey() + " (" + e.getValue() + ")", e.getValue())).toList());
            XYChart.Series<String, Number> days = new XYChart.Series<>();
            d.perDay().entrySet().stream().skip(Math.max(0, d.perDay().size() - 30))
                    .forEach(e -> days.getData().add(new XYChart.Data<>(e.getKey().toString().substring(5), e.getValue())));
            perDay.getData().setAll(List.of(days));
            java.util.Set<String> statuses = new java.util.TreeSet<>();
            d.outcomesPerCampaign().values().forEach(m -> statuses.addAll(m.keySet()));
            List<XYChart.Series<String, Number>> series = new java.util.ArrayList<>();
            for (String st : statuses) {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(st);
                for (Map.Entry<String, Map<String, Long>> c : d.outcomesPerCampaign().entrySet()) {
                    s.getData().add(new XYChart.Data<>(c.getKey(), c.getValue().getOrDefault(st, 0L)));
                }
                series.add(s);
            }
            perCampaign.getData().setAll(series);
        };
        show.accept(vm.dashboardProperty().get());
        vm.dashboardProperty().addListener((obs, old, d) -> show.accept(d));
        VBox box = new VBox(8, mix, perDay, perCampaign);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
