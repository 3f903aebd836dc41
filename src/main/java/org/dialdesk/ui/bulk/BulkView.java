package org.dialdesk.ui.bulk;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.dialdesk.bulk.BulkEngine;
import org.dialdesk.bulk.FileOrder;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.Tables;
import org.dialdesk.ui.common.UserFolders;

/** Import a spreadsheet, see what will be sent and what will not, launch, watch, settle, export. */
public final class BulkView extends BorderPane {
    private final BulkViewModel vm;
    private final ReadOnlyBooleanProperty built;
    /** The preview table, once the screen's parts are in. */
    private TableView<BulkRow> preview;
    /** The row to select once the rows are planned again, after it was fixed; null otherwise. */
    private Integer selectAfterPlan;

    /**
     * {@code frames}: the window's queue the screen's parts go in by, a frame each (heading and
     * choices, the preview table, the actions): all at once the screen's first styling held the
     * window for one frame of 110-190 ms at start-up.
     */
    public BulkView(BulkViewModel vm, OnePerFrame frames) {
        this.vm = vm;
        setId("bulkView");
        setPadding(new Insets(16));

        built = frames.onceInWindow(this, () -> List.of(() -> setTop(new PreviewHeading(vm, this::chooseAndImport)), () -> preview = previewTable(),
                () -> setBottom(actions(preview))));

        // A file dropped on the screen is imported as if chosen.
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && vm.stageProperty().get() != BulkViewModel.Stage.SENDING
                    && vm.stageProperty().get() != BulkViewModel.Stage.STOPPED) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean taken = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (taken) {
                java.nio.file.Path dropped = e.getDragboard().getFiles().get(0).toPath();
                // Asked after the drop has ended: a dialog inside the drop would hold the dragging program.
                javafx.application.Platform.runLater(() -> {
                    if (fixesMayGo()) {
                        vm.importFile(dropped);
                    }
                });
            }
            e.setDropCompleted(taken);
            e.consume();
        });
    }

    /** True once every part of the screen is in place. */
    public ReadOnlyBooleanProperty builtProperty() {
        return built;
    }

    /** The preview table (its rows in file order), with the rows waiting for a decision below it once there are some. */
    private TableView<BulkRow> previewTable() {
        TableView<BulkRow> table = Tables.readOnlyTable("bulkPreviewTable", "Import a spreadsheet to see its rows here.");
        table.setItems(vm.rows());
        javafx.scene.control.TableColumn<BulkRow, String> rowColumn =
                Tables.textColumn("Row", r -> Integer.toString(r.number()), 64);
        rowColumn.setMinWidth(56); // the row's place in the file is how the operator finds it there
        table.getColumns().add(rowColumn);
        table.getColumns().add(Tables.textColumn("Callee", BulkRow::callee, 150));
        // Wide enough for the longest status with its "· fixed here".
        table.getColumns().add(Tables.textColumn("Status", BulkRow::status, 290));
        // A call ID (24 characters) is looked up in History and the service whole: never cut short. The reason,
        // last, takes the width that is left.
        javafx.scene.control.TableColumn<BulkRow, String> callIdColumn = Tables.textColumn("Call ID", BulkRow::callId, 240);
        callIdColumn.setMinWidth(230);
        table.getColumns().add(callIdColumn);
        javafx.scene.control.TableColumn<BulkRow, String> reasonColumn = Tables.textColumn("Reason", BulkRow::reason, 430);
        // A reason can be longer than its column (which call, when, by which run): the whole of it on hover.
        reasonColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

            {
                whole.setWrapText(true);
                whole.setMaxWidth(560);
            }

            @Override
            protected void updateItem(String reason, boolean empty) {
                super.updateItem(reason, empty);
                boolean shown = !empty && reason != null && !reason.isEmpty();
                setText(shown ? reason : null);
                whole.setText(shown ? reason : "");
                setTooltip(shown ? whole : null);
            }
        });
        table.getColumns().add(reasonColumn);

        // The rows stay in file order: the row number is how the operator finds a row in the file.
        table.getColumns().forEach(column -> column.setSortable(false));
        // While a run goes, the rows in view show how they stand: the view model asks which those are.
        vm.tableRows().setInView(() -> table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null
                ? new int[] {flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex()}
                : new int[] {0, 0});
        table.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.positionProperty().addListener((o, was, now) -> vm.tableRows().refresh());
            }
        });

        VBox center = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(center);
        // The rows waiting for the operator's word are rare: their list is made the first time a run has
        // some, rather than styled with the screen at every start.
        Runnable showDecisions = () -> {
            if (!vm.waiting().isEmpty() && center.getChildren().size() == 1) {
                center.getChildren().add(decisions());
            }
        };
        vm.waiting().addListener((ListChangeListener<BulkRow>) change -> showDecisions.run());
        showDecisions.run();
        return table;
    }

    /** Fix, leave out, export, launch; the run's progress, pause, resume, cancel and its results. */
    private VBox actions(TableView<BulkRow> table) {
        Button fix = new Button("_Fix row…");
        fix.setId("bulkFixButton");
        fix.setTooltip(new javafx.scene.control.Tooltip("Change the selected row's cells and check it again (or double-click"
                + " the row). The file is not changed."));
        fix.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.PREVIEW)));
        fix.setOnAction(e -> fixSelected(table));
        table.setRowFactory(view -> {
            javafx.scene.control.TableRow<BulkRow> tableRow = new javafx.scene.control.TableRow<>();
            tableRow.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !tableRow.isEmpty() && vm.stageProperty().get() == BulkViewModel.Stage.PREVIEW) {
                    fixSelected(table);
                }
            });
            return tableRow;
        });
        // After a fix the rows are planned again: the fixed row stays selected, in view, with its new status.
        vm.rows().addListener((ListChangeListener<BulkRow>) change -> {
            Integer wanted = selectAfterPlan;
            selectAfterPlan = null;
            int at = wanted == null ? -1
                    : FileOrder.indexOf(vm.rows().size(), i -> vm.rows().get(i).number(), wanted);
            if (at >= 0) {
                table.getSelectionModel().clearAndSelect(at);
                table.scrollTo(Math.max(0, at - 3));
            }
        });
        Button exclude = new Button("Leave out / take back");
        exclude.setId("bulkExcludeButton");
        exclude.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.PREVIEW)));
        exclude.setOnAction(e -> {
            selectAfterPlan = table.getSelectionModel().getSelectedItem().number();
            vm.toggleExcluded(selectAfterPlan);
        });
        Button rejects = new Button("Export skipped…");
        rejects.setId("bulkExportRejectsButton");
        rejects.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.PREVIEW));
        rejects.setOnAction(e -> save("skipped", "Export skipped rows", true));
        Button launch = new Button(vm.live() ? "_Launch on the live account…" : "_Launch…");
        launch.setId("bulkLaunchButton");
        launch.getStyleClass().add(vm.live() ? Styles.DANGER : Styles.SUCCESS);
        launch.disableProperty().bind(vm.canLaunchProperty().not());
        launch.setOnAction(e -> confirmAndLaunch());

        ProgressBar bar = new ProgressBar();
        bar.setId("bulkProgress");
        bar.progressProperty().bind(vm.progressProperty());
        BooleanBinding running = vm.stageProperty().isEqualTo(BulkViewModel.Stage.SENDING)
                .or(vm.stageProperty().isEqualTo(BulkViewModel.Stage.STOPPED))
                .or(vm.stageProperty().isEqualTo(BulkViewModel.Stage.ENDED));
        bar.setPrefWidth(360);
        Label progressLine = new Label();
        progressLine.setId("bulkProgressLine");
        progressLine.textProperty().bind(vm.progressLineProperty());
        // A run's note (until when it waits, and why) runs past the window's width: it wraps, whole.
        progressLine.setWrapText(true);
        progressLine.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(progressLine, Priority.ALWAYS);
        Button pause = new Button("Pause");
        pause.setId("bulkPauseButton");
        pause.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.SENDING));
        pause.setOnAction(e -> vm.pause());
        Button resume = new Button("Resume");
        resume.setId("bulkResumeButton");
        resume.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.STOPPED));
        resume.setOnAction(e -> vm.resume());
        Button cancel = new Button("Cancel run");
        cancel.setId("bulkCancelButton");
        cancel.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.SENDING)
                .and(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.STOPPED)));
        cancel.setOnAction(e -> confirmCancel());
        Button results = new Button("Export results…");
        results.setId("bulkExportResultsButton");
        results.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.ENDED)
                .and(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.STOPPED)));
        results.setOnAction(e -> save("results", "Export results", false));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox progressRow = new HBox(10, bar, progressLine);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(running);
        progressRow.managedProperty().bind(running);
        HBox buttons = new HBox(8, fix, exclude, rejects, launch, gap, pause, resume, cancel, results);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(8, progressRow, buttons);
        bottom.setPadding(new Insets(10, 0, 0, 0));
        return bottom;
    }

    /** The rows that may or may not have rung, with what the operator can say about each; shown while there are some. */
    private VBox decisions() {
        TableView<BulkRow> waiting = Tables.readOnlyTable("bulkWaitingTable", "");
        waiting.setItems(vm.waiting());
        waiting.getColumns().add(Tables.textColumn("Row", r -> Integer.toString(r.number()), 60));
        waiting.getColumns().add(Tables.textColumn("Callee", BulkRow::callee, 160));
        waiting.getColumns().add(Tables.textColumn("Why it waits", BulkRow::reason, 700));
        waiting.setPrefHeight(140);
        waiting.setMinHeight(Region.USE_PREF_SIZE); // the rows that wait are what matters then: never squeezed out
        Button sendAgain = new Button("Send again");
        sendAgain.setId("bulkSendAgainButton");
        Button leave = new Button("Leave unsent");
        leave.setId("bulkLeaveButton");
        sendAgain.disableProperty().bind(waiting.getSelectionModel().selectedItemProperty().isNull());
        leave.disableProperty().bind(waiting.getSelectionModel().selectedItemProperty().isNull());
        sendAgain.setOnAction(e -> vm.decide(waiting.getSelectionModel().getSelectedItem().number(),
                BulkEngine.Decision.SEND_AGAIN));
        leave.setOnAction(e -> vm.decide(waiting.getSelectionModel().getSelectedItem().number(), BulkEngine.Decision.LEAVE));
        Label waitingTitle = new Label("These rows may or may not have rung: check each in History, then say what to do."
                + " They are never sent again by themselves.");
        waitingTitle.getStyleClass().add(Styles.WARNING);
        waitingTitle.setWrapText(true);
        VBox decisions = new VBox(6, waitingTitle, waiting, new HBox(8, sendAgain, leave));
        decisions.visibleProperty().bind(Bindings.isNotEmpty(vm.waiting()));
        decisions.managedProperty().bind(decisions.visibleProperty());
        decisions.setPadding(new Insets(10, 0, 0, 0));
        return decisions;
    }

    /** The screen's model, as a file chosen or dropped reaches it; benchmarks import through it. */
    public BulkViewModel viewModel() {
        return vm;
    }

    /** Opens the selected row to fix its cells; the preview checks it again with them. */
    private void fixSelected(TableView<BulkRow> table) {
        BulkRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        java.util.List<CellToFix> cells = vm.cellsOf(row.number());
        if (cells.isEmpty()) {
            return;
        }
        new RowFixDialog(getScene().getWindow(), row, cells).showAndWait().ifPresent(values -> {
            selectAfterPlan = row.number();
            vm.fixRow(row.number(), values).ifPresent(problem -> {
                selectAfterPlan = null;
                Alert refused = new Alert(Alert.AlertType.WARNING, problem + " The row keeps what it had.", ButtonType.OK);
                refused.setHeaderText(null);
                refused.initOwner(getScene().getWindow());
                refused.showAndWait();
            });
        });
    }

    /** Rows fixed here live only in this preview: another file replaces them, so the operator says so first. */
    private boolean fixesMayGo() {
        int fixed = vm.fixedRows();
        if (fixed == 0) {
            return true;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, String.format(java.util.Locale.ROOT,
                "You fixed %,d %s of this file here. Another file replaces this preview, and the %s made here"
                        + " %s not kept.", fixed, fixed == 1 ? "row" : "rows", fixed == 1 ? "fix" : "fixes", fixed == 1 ? "is" : "are"),
                ButtonType.CANCEL, ButtonType.OK);
        ask.setTitle("Import another file");
        ask.setHeaderText(null);
        ask.initOwner(getScene().getWindow());
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText("Import");
        return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a call list");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Spreadsheets", "*.csv", "*.tsv", "*.txt", "*.xlsx"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        chooser.setInitialDirectory(UserFolders.documents().toFile());
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null && fixesMayGo()) {
            vm.importFile(file.toPath());
        }
    }

    private void confirmAndLaunch() {
        Alert ask = new Alert(vm.live() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, vm.launchQuestion(),
                ButtonType.CANCEL, ButtonType.OK);
        ask.setTitle(vm.live() ? "Launch on the live account" : "Launch");
        ask.setHeaderText(null);
        ask.initOwner(getScene().getWindow());
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText("Send");
        ask.getDialogPane().lookupButton(ButtonType.OK).setId("bulkConfirmButton");
        if (vm.live()) { // real people are rung: Enter does not send, the button must be chosen
            ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
            ((Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        }
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> vm.launch());
    }

    /**
     * Cancelling ends the run for good: asked once, keeping the run the choice Enter makes. Nobody
     * more is rung while the question is open: the run stops between requests, and goes on if kept.
     */
    private void confirmCancel() {
        vm.holdForCancelQuestion();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Stop this run for good? The rows not sent yet are left unsent"
                + " and the run cannot be resumed; calls already placed are not affected. Nothing more is sent while"
                + " you decide.", ButtonType.CANCEL, ButtonType.OK);
        ask.setTitle("Cancel run");
        ask.setHeaderText(null);
        ask.initOwner(getScene().getWindow());
        Button stop = (Button) ask.getDialogPane().lookupButton(ButtonType.OK);
        stop.setText("Cancel run");
        stop.setId("bulkCancelConfirmButton");
        stop.setDefaultButton(false);
        Button keep = (Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL);
        keep.setText("Keep the run");
        keep.setDefaultButton(true);
        if (ask.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            vm.cancel();
        } else {
            vm.keepRun();
        }
    }

    /** Offered beside the file, named after it: an operator exporting several files' rows keeps them apart. */
    private void save(String suffix, String title, boolean rejects) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        java.nio.file.Path target = vm.exportTarget(suffix, UserFolders.documents());
        chooser.setInitialFileName(target.getFileName().toString());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialDirectory(target.getParent().toFile());
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            if (rejects) {
                vm.exportRejects(file.toPath());
            } else {
                vm.exportResults(file.toPath());
            }
        }
    }
}
