package org.dialdesk.ui.dnc;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.Tables;
import org.dialdesk.ui.common.UserFolders;

/**
 * The shared do-not-call list: search it, add a number, remove the selected ones (asked once),
 * import a file of numbers, export the list. Everything that reads or writes runs in the view model.
 */
public final class DoNotCallView extends BorderPane {
    private final DoNotCallViewModel vm;
    private final TableView<DoNotCallViewModel.Row> table = Tables.readOnlyTable("dncTable", "No number is on the list.");
    private final VBox addPane;
    private final TextField phone = new TextField();
    /**
     * Whether the phone's problem shows: as on the dial form, once the operator has left the field
     * or pressed Add (not while a number is half typed), and again from an emptied field.
     */
    private final BooleanProperty phoneTouched = new SimpleBooleanProperty(false);

    public DoNotCallView(DoNotCallViewModel vm) {
        this.vm = vm;
        setId("dncView");
        setPadding(new Insets(16));

        Label title = new Label("Do not call");
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("dncSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        HBox heading = new HBox(12, title, summary);
        heading.setAlignment(Pos.BASELINE_LEFT);
        Label about = new Label("No profile dials a number on this list, from the Dial form, a bulk run or the command line."
                + " The list is shared by every profile.");
        about.setWrapText(true);
        about.getStyleClass().add(Styles.TEXT_SMALL);

        addPane = addPane();
        VBox top = new VBox(8, heading, about, toolbar(), addPane, messages(), unreadLines());
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);
        setCenter(table());

        // The list changes from History, other windows and the command line: read again whenever shown.
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                vm.refresh();
            }
        });
    }

    private HBox toolbar() {
        TextField search = new TextField();
        search.setId("dncSearch");
        search.setPromptText("Search numbers or notes");
        search.setPrefWidth(280);
        search.textProperty().bindBidirectional(vm.searchProperty());
        BooleanBinding cannotAct = vm.busyProperty().or(Bindings.createBooleanBinding(() -> !vm.available()));

        Button add = new Button("Add number…");
        add.setId("dncAddButton");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.available()));
        add.setOnAction(e -> openAddPane());
        Button remove = new Button("Remove");
        remove.setId("dncRemoveButton");
        remove.disableProperty().bind(cannotAct.or(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())));
        remove.setOnAction(e -> confirmAndRemove());
        Button refresh = new Button("Refresh");
        refresh.setId("dncRefreshButton");
        refresh.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.available()));
        refresh.setOnAction(e -> vm.refresh());
        Button importFile = new Button("Import CSV…");
        importFile.setId("dncImportButton");
        importFile.disableProperty().bind(cannotAct);
        importFile.setOnAction(e -> chooseAndImport());
        Button export = new Button("Export CSV…");
        export.setId("dncExportButton");
        export.disableProperty().bind(cannotAct);
        export.setOnAction(e -> chooseAndExport());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, search, add, remove, gap, refresh, importFile, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The number and its note, shown by "Add number…"; it stays open for the next number until closed. */
    private VBox addPane() {
        phone.setId("dncPhoneField");
        phone.setPromptText("+1 415 555 0125, or a national number");
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        phone.setOnAction(e -> add());
        phone.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !phone.getText().isBlank()) {
                phoneTouched.set(true);
            }
        });
        phone.textProperty().addListener((obs, old, typed) -> {
            if (typed.isEmpty()) {
                phoneTouched.set(false);
            }
        });
        Label phoneCaption = caption("_Phone number", phone);
        Label phoneSummary = FormFields.hint("dncPhoneSummary");
        phoneSummary.textProperty().bind(vm.phoneSummaryProperty());
        phoneSummary.managedProperty().bind(phoneSummary.visibleProperty());
        Label phoneProblem = new Label();
        phoneProblem.setId("dncPhoneError");
        phoneProblem.setWrapText(true);
        phoneProblem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        phoneProblem.textProperty().bind(vm.phoneProblemProperty());
        phoneProblem.visibleProperty().bind(vm.phoneProblemProperty().isNotNull().and(phoneTouched));
        phoneProblem.managedProperty().bind(phoneProblem.visibleProperty());
        phoneSummary.visibleProperty().bind(phoneProblem.visibleProperty().not());
        VBox phoneBox = new VBox(4, phoneCaption, phone, phoneSummary, phoneProblem);
        phoneBox.setPrefWidth(340);
        phoneBox.setMaxWidth(340);

        TextField note = new TextField();
        note.setId("dncNoteField");
        note.setPromptText("Why, e.g. asked not to be called");
        note.textProperty().bindBidirectional(vm.noteProperty());
        note.setOnAction(e -> add());
        VBox noteBox = new VBox(4, caption("_Note (optional)", note), note);
        HBox.setHgrow(noteBox, Priority.ALWAYS);
        noteBox.setMaxWidth(420);

        Button confirm = new Button("Add to list");
        confirm.setId("dncAddConfirmButton");
        confirm.disableProperty().bind(vm.busyProperty());
        confirm.setOnAction(e -> add());
        Button close = new Button("Close");
        close.setId("dncAddCloseButton");
        close.getStyleClass().add(Styles.FLAT);
        close.setOnAction(e -> closeAddPane());
        // Buttons line up with the fields, not with their captions.
        HBox buttons = new HBox(8, confirm, close);
        buttons.setPadding(new Insets(20, 0, 0, 0));

        HBox row = new HBox(12, phoneBox, noteBox, buttons);
        VBox pane = new VBox(row);
        pane.setId("dncAddPane");
        pane.getStyleClass().add("dnc-add-pane");
        pane.setPadding(new Insets(10, 12, 10, 12));
        pane.setVisible(false);
        pane.managedProperty().bind(pane.visibleProperty());
        pane.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                closeAddPane();
            }
        });
        return pane;
    }

    private static Label caption(String text, TextField field) {
        Label caption = new Label(text);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(field);
        caption.getStyleClass().add("field-label");
        field.setAccessibleText(text.replace("_", ""));
        return caption;
    }

    private VBox messages() {
        Label message = new Label();
        message.setId("dncMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.SUCCESS);
        FormFields.showWhenSet(message, vm.messageProperty());
        Label problem = new Label();
        problem.setId("dncProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        FormFields.showWhenSet(problem, vm.problemProperty());
        VBox box = new VBox(4, message, problem);
        box.managedProperty().bind(message.managedProperty().or(problem.managedProperty()));
        return box;
    }

    /** The last import's lines that were not numbers, to find and fix in the file. */
    private VBox unreadLines() {
        Label caption = new Label("Not added: fix these lines in the file and import it again");
        caption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        Button dismiss = new Button("Dismiss");
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setOnAction(e -> vm.dismissUnreadLines());
        HBox header = new HBox(8, caption, dismiss);
        header.setAlignment(Pos.CENTER_LEFT);
        ListView<String> lines = new ListView<>(vm.unreadLines());
        lines.setId("dncUnreadLines");
        lines.setFixedCellSize(26);
        lines.prefHeightProperty().bind(Bindings.min(6, Bindings.size(vm.unreadLines())).multiply(26).add(4));
        VBox box = new VBox(4, header, lines);
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.unreadLines()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TableView<DoNotCallViewModel.Row> table() {
        SortedList<DoNotCallViewModel.Row> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(Tables.textColumn("Number", DoNotCallViewModel.Row::number, 180));
        table.getColumns().add(Tables.textColumn("E.164", DoNotCallViewModel.Row::e164, 150));
        table.getColumns().add(Tables.textColumn("Added (" + vm.zoneName() + ")", DoNotCallViewModel.Row::added, 190));
        table.getColumns().add(Tables.textColumn("Note", DoNotCallViewModel.Row::note, 400));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !table.getSelectionModel().isEmpty() && !vm.busyProperty().get()) {
                confirmAndRemove();
            }
        });
        vm.justAddedProperty().addListener((obs, old, added) -> {
            int at = added == null ? -1 : table.getItems().indexOf(added);
            if (at >= 0) {
                table.getSelectionModel().clearAndSelect(at);
                table.scrollTo(at);
            }
            if (added != null && addPane.isVisible()) {
                phone.requestFocus(); // ready for the next number
            }
        });
        return table;
    }

    private void add() {
        phoneTouched.set(true);
        vm.add();
    }

    private void openAddPane() {
        addPane.setVisible(true);
        phone.requestFocus();
    }

    private void closeAddPane() {
        addPane.setVisible(false);
        table.requestFocus();
    }

    private void confirmAndRemove() {
        List<DoNotCallViewModel.Row> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty()) {
            return;
        }
        ButtonType go = new ButtonType(chosen.size() == 1 ? "Remove" : "Remove " + chosen.size(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, chosen.size() == 1
                ? "Every profile may dial this number again." : "Every profile may dial these numbers again.", go,
                ButtonType.CANCEL);
        alert.setTitle("Remove from the do-not-call list");
        alert.setHeaderText(vm.removalQuestion(chosen));
        alert.getDialogPane().setPrefWidth(480);
        // Removing lets every profile ring these people again: Cancel is what Enter does.
        alert.getDialogPane().lookupButton(go).setId("dncConfirmRemoveButton");
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        if (alert.showAndWait().filter(go::equals).isPresent()) {
            vm.remove(chosen);
        }
    }

    private void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import numbers to the do-not-call list");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV, TSV or Excel", "*.csv", "*.tsv", "*.txt",
                "*.xlsx"), new FileChooser.ExtensionFilter("All files", "*.*"));
        chooser.setInitialDirectory(UserFolders.documents().toFile());
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            vm.importFile(file.toPath());
        }
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the do-not-call list");
        chooser.setInitialFileName("do-not-call.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialDirectory(UserFolders.documents().toFile());
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.export(file.toPath());
        }
    }
}
