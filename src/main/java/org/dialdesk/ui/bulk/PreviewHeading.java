package org.dialdesk.ui.bulk;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.TextField;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.UseCase;
import org.dialdesk.ui.common.BusyRing;
import org.dialdesk.ui.common.FormFields;

/**
 * The Bulk screen's top: the title and the import button, what the rows that do not say are sent
 * with (caller number, use case, campaign), how the file is read and what each column is, the
 * preview's counts with the rows shown, the choices about rows held back, and any problem.
 */
final class PreviewHeading extends VBox {
    private final BulkViewModel vm;

    PreviewHeading(BulkViewModel vm, Runnable chooseAndImport) {
        super(8);
        this.vm = vm;
        Label title = new Label("Bulk dialing");
        title.getStyleClass().add(Styles.TITLE_3);
        Button importButton = new Button("_Import spreadsheet…");
        importButton.setId("bulkImportButton");
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setOnAction(e -> chooseAndImport.run());
        // While a run goes or is paused, the screen is that run's: it is resumed or cancelled first.
        importButton.disableProperty().bind(vm.stageProperty().isEqualTo(BulkViewModel.Stage.SENDING)
                .or(vm.stageProperty().isEqualTo(BulkViewModel.Stage.STOPPED)));
        Label file = new Label();
        file.setId("bulkFile");
        file.getStyleClass().add(Styles.TEXT_MUTED);
        file.textProperty().bind(vm.fileSummaryProperty());
        HBox head = new HBox(12, title, importButton, file);
        head.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label("CSV, TSV or .xlsx (choose it, or drop it here). Columns named like the API's fields map themselves; the use case's"
                + " {{variables}} become prompt variables; the rest is kept as metadata. Nothing is sent before you launch.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_SMALL);

        Label summary = new Label();
        summary.setId("bulkSummary");
        summary.getStyleClass().add(Styles.TITLE_4);
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.visibleProperty().bind(vm.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        Label skippedBy = new Label();
        skippedBy.setId("bulkSkippedBy");
        skippedBy.setWrapText(true);
        skippedBy.getStyleClass().add(Styles.TEXT_MUTED);
        skippedBy.textProperty().bind(vm.counts().skippedByProperty());
        // Which rows the table shows: the 40 to fix in a file of 100,000 are found by their reason.
        ComboBox<RowsShown> shown = new ComboBox<>(vm.counts().rowsShownChoices());
        shown.setId("bulkRowsShown");
        shown.valueProperty().bindBidirectional(vm.counts().rowsShownProperty());
        shown.setConverter(FormFields.converter(vm.counts()::labelOf));
        shown.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RowsShown which, boolean empty) {
                super.updateItem(which, empty);
                setText(empty || which == null ? null : vm.counts().labelOf(which));
            }
        });
        shown.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.PREVIEW));
        shown.setPrefWidth(320);
        Label showLabel = new Label("_Show");
        showLabel.setMnemonicParsing(true);
        showLabel.setLabelFor(shown);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // The counts and the choice of rows shown share a line: every line here is one row less of the table.
        HBox showing = new HBox(8, showLabel, shown);
        showing.setAlignment(Pos.CENTER_RIGHT);
        showing.visibleProperty().bind(vm.counts().skippedByProperty().isNotEmpty()
                .or(vm.counts().rowsShownProperty().isNotEqualTo(RowsShown.ALL)));
        showing.managedProperty().bind(showing.visibleProperty());
        VBox counts = new VBox(2, summary, skippedBy);
        HBox skippedLine = new HBox(8, counts, gap, showing);
        skippedLine.setAlignment(Pos.CENTER_LEFT);

        // Shown when the file has people the account called in the last 24 hours (or has a call waiting for):
        // held back unless the operator means a follow-up run.
        CheckBox ringAgain = optionFor("bulkRingAgain", vm.choices().ringAgainProperty(), vm.counts().calledRecentlyProperty(),
                count -> String.format(java.util.Locale.ROOT, "Ring again the %,d %s called in the last 24 hours or waiting"
                        + " for a call (a follow-up run)", count, count == 1 ? "person" : "people"),
                "Ring again the people called in the last 24 hours (a follow-up run)");
        // Shown when rows to dial now are outside calling hours: skipped unless they wait for the hours to open.
        CheckBox waitForHours = optionFor("bulkWaitForHours", vm.choices().waitForHoursProperty(), vm.counts().outsideHoursProperty(),
                count -> String.format(java.util.Locale.ROOT, "Schedule the %,d %s outside calling hours now for when the hours"
                        + " open", count, count == 1 ? "row" : "rows"),
                "Rows outside calling hours now are scheduled for when the hours open");

        Label problem = shownWhenSet("bulkProblem", Styles.DANGER, vm.problemProperty());


        ComboBox<CallerNumber> number = picker("bulkNumberPicker", vm.choices().numbers(), vm.choices().numberIdProperty(), CallerNumber::id,
                n -> (n.title() == null ? "" : n.title() + " · ") + n.number(), "Choose the number calls come from");
        ComboBox<UseCase> useCase = picker("bulkUseCasePicker", vm.choices().useCases(), vm.choices().useCaseIdProperty(), UseCase::id,
                u -> u.name() == null ? u.id() : u.name(), "The caller number's default");
        useCase.promptTextProperty().bind(vm.choices().defaultUseCaseText());
        TextField campaign = new TextField();
        campaign.setId("bulkCampaign");
        campaign.setPromptText("Optional campaign ID");
        campaign.textProperty().bindBidirectional(vm.choices().campaignProperty());
        campaign.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.PREVIEW)
                .and(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.EMPTY)));
        HBox choices = new HBox(16, labelled("Calls from", number), labelled("Use case", FormFields.withClear(useCase, vm.choices().useCaseIdProperty(), null)),
                labelled("Campaign", campaign));
        choices.setAlignment(Pos.BOTTOM_LEFT);

        // Reading a large file, or checking its rows again after a change, takes a second or more: said, with the
        // counts above it, so they are not taken for the new ones meanwhile. The ring is hidden with the line, so it
        // stops turning between checks (see BusyRing).
        BusyRing ring = BusyRing.of(16);
        Label checkingLabel = new Label("Checking the rows…", ring);
        checkingLabel.setId("bulkChecking");
        checkingLabel.getStyleClass().add(Styles.TEXT_MUTED);
        checkingLabel.visibleProperty().bind(vm.checkingProperty());
        checkingLabel.managedProperty().bind(checkingLabel.visibleProperty());
        ring.visibleProperty().bind(checkingLabel.visibleProperty());
        Label told = shownWhenSet("bulkTold", Styles.TEXT_MUTED, vm.toldProperty());
        getChildren().setAll(head, note, choices, new ColumnsPane(vm), skippedLine, ringAgain, waitForHours,
                checkingLabel, told, problem);
        setPadding(new Insets(0, 0, 10, 0));
    }

    /** A line of text that says {@code text}, and takes no room while it says nothing. */
    private static Label shownWhenSet(String id, String style, javafx.beans.value.ObservableStringValue text) {
        Label line = new Label();
        line.setId(id);
        line.setWrapText(true);
        line.getStyleClass().add(style);
        line.textProperty().bind(text);
        FormFields.showWhenSet(line, text);
        return line;
    }

    /** A picker of the account's items whose choice is kept, as an ID, in {@code id}. */
    private <T> ComboBox<T> picker(String cssId, javafx.collections.ObservableList<T> items,
                                   javafx.beans.property.StringProperty id, java.util.function.Function<T, String> idOf,
                                   java.util.function.Function<T, String> label, String prompt) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(cssId);
        box.setPromptText(prompt);
        box.setPrefWidth(300);
        box.setConverter(FormFields.converter(item -> item == null ? "" : label.apply(item)));
        Runnable select = () -> items.stream().filter(item -> idOf.apply(item).equals(id.get())).findFirst()
                .ifPresentOrElse(box::setValue, () -> box.setValue(null));
        items.addListener((ListChangeListener<T>) change -> select.run());
        id.addListener((obs, old, now) -> select.run());
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !idOf.apply(now).equals(id.get())) {
                id.set(idOf.apply(now));
            }
        });
        box.disableProperty().bind(vm.stageProperty().isEqualTo(BulkViewModel.Stage.SENDING)
                .or(vm.stageProperty().isEqualTo(BulkViewModel.Stage.STOPPED))
                .or(vm.stageProperty().isEqualTo(BulkViewModel.Stage.ENDED)));
        return box;
    }

    /**
     * A choice about rows the rules hold back, shown while some are (with their count) or once it is
     * chosen (the rows then no longer counted as held), and only in the preview.
     */
    private CheckBox optionFor(String id, javafx.beans.property.BooleanProperty chosen,
                               javafx.beans.value.ObservableIntegerValue held,
                               java.util.function.IntFunction<String> offer, String taken) {
        CheckBox option = new CheckBox();
        option.setId(id);
        option.selectedProperty().bindBidirectional(chosen);
        option.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> option.isSelected() ? taken : offer.apply(held.get()), option.selectedProperty(), held));
        option.visibleProperty().bind(javafx.beans.binding.Bindings.greaterThan(held, 0).or(option.selectedProperty()));
        option.managedProperty().bind(option.visibleProperty());
        option.disableProperty().bind(vm.stageProperty().isNotEqualTo(BulkViewModel.Stage.PREVIEW));
        return option;
    }

    private static VBox labelled(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(2, label, field);
    }

}
