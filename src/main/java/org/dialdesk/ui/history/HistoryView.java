package org.dialdesk.ui.history;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.ui.common.Once;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.Tables;
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.UserFolders;

/** Call history: filters, the live table, the selected call and a dashboard. Binds; decides nothing. */
public final class HistoryView extends BorderPane {
    private final HistoryViewModel vm;
    private final ZoneId zone;

    private final UnaryOperator<String> callerLabel;
    private final OnePerFrame frames;
    private final ReadOnlyBooleanProperty built;

    public HistoryView(HistoryViewModel viewModel, OnePerFrame frames, ZoneId zone) {
        this(viewModel, frames, zone, number -> number);
    }

    /** @param callerLabel the organisation's name for a caller number (its title), or the number itself */
    public HistoryView(HistoryViewModel viewModel, OnePerFrame frames, ZoneId zone, UnaryOperator<String> callerLabel) {
        this.vm = viewModel;
        this.frames = frames;
        this.zone = zone;
        this.callerLabel = callerLabel;
        setId("historyView");
        built = frames.onceInWindow(this, this::buildSteps);
    }

    /** True once every part of the screen is in place (they come a frame each); the table's rows grow in once there is data. */
    public ReadOnlyBooleanProperty builtProperty() {
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
        List<Node> filters = new ArrayList<>();
        SplitPane split = new SplitPane();
        @SuppressWarnings("unchecked")
        TableView<HistoryRow>[] table = new TableView[1];
        return List.of(
                () -> {
                    top.getChildren().add(header());
                    setTop(top);
                },
                () -> {
                    filters.addAll(HistoryFilterBar.controls(vm));
                    filterBar.getChildren().addAll(filters.subList(0, 2)); // search, status
                    top.getChildren().add(filterBar);
                },
                () -> filterBar.getChildren().addAll(filters.subList(2, 5)), // use case, campaign, type
                () -> filterBar.getChildren().addAll(filters.subList(5, filters.size())), // dates, clear
                () -> {
                    table[0] = new HistoryTable(vm, zone, callerLabel).view();
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
                () -> onceThereIsSomethingToShow(table[0], () -> frames.run(Tables.rowsInSteps(table[0], 2))));
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
        FormFields.showWhenSet(problem, vm.syncProblemProperty());
        VBox heading = new VBox(2, title, summary, problem);
        HBox.setHgrow(heading, Priority.ALWAYS);

        Button older = new Button();
        older.setId("loadOlderButton");
        older.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        older.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
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
        chooser.setInitialDirectory(vm.lastExportFolder().orElseGet(UserFolders::documents).toFile());
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.exportCsv(file.toPath());
        }
    }

    /** For automation: export without the file dialog. */
    public void exportTo(Path file) {
        vm.exportCsv(file);
    }

    // ---------------- detail and dashboard ----------------

    private Node sidePane() {
        Tab dashboardTab = new Tab("Dashboard");
        dashboardTab.setId("dashboardTab");
        // Charts are costly to build; most of the time the detail is what people look at.
        dashboardTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && dashboardTab.getContent() == null) {
                dashboardTab.setContent(new DashboardPane(vm));
            }
        });
        vm.dashboardShownProperty().bind(dashboardTab.selectedProperty().and(visibleProperty()));
        TabPane tabs = new TabPane(new Tab("Call", new CallDetailPane(vm, zone)), dashboardTab);
        tabs.setId("historySideTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }
}
