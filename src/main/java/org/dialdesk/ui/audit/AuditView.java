package org.dialdesk.ui.audit;

import atlantafx.base.theme.Styles;
import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.Tables;
import org.dialdesk.ui.common.UserFolders;

/** What was done on which account: newest first, filtered as typed, exportable. Nothing here changes an entry. */
public final class AuditView extends BorderPane {
    private final AuditViewModel vm;

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        setId("auditView");
        setPadding(new Insets(16));

        Label title = new Label("Audit log");
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("auditSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Label note = new Label("Every dial, cancel, hang-up, bulk launch, profile change and change to the do-not-call list,"
                + " from the window and the command line, on every profile. Entries are only ever added.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_SMALL);

        TextField search = new TextField();
        search.setId("auditSearch");
        search.setPromptText("Search summary, profile or call ID");
        search.textProperty().bindBidirectional(vm.textProperty());
        search.setPrefWidth(280);
        ComboBox<String> profile = new ComboBox<>(vm.profiles());
        profile.setId("auditProfileFilter");
        profile.setPromptText("All profiles");
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        ComboBox<AuditEntry.Action> action = new ComboBox<>();
        action.setId("auditActionFilter");
        action.getItems().setAll(vm.actions());
        action.setPromptText("All actions");
        action.setConverter(FormFields.converter(a -> a == null ? "All actions" : AuditViewModel.words(a.name())));
        action.valueProperty().bindBidirectional(vm.actionProperty());
        Button clear = new Button("Clear filters");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> {
            vm.textProperty().set("");
            vm.profileProperty().set(null);
            vm.actionProperty().set(null);
        });
        Button refresh = new Button("Refresh");
        refresh.setId("auditRefreshButton");
        refresh.setOnAction(e -> vm.refresh());
        Button export = new Button("Export CSV…");
        export.setId("auditExportButton");
        export.disableProperty().bind(vm.exportingProperty());
        export.setOnAction(e -> chooseAndExport());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox filters = new HBox(8, search, profile, action, clear, gap, refresh, export);
        filters.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("auditProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        FormFields.showWhenSet(problem, vm.problemProperty());

        TableView<AuditViewModel.Row> table = Tables.readOnlyTable("auditTable", "Nothing recorded matches.");
        table.setItems(vm.rows());
        var when = Tables.textColumn("When", AuditViewModel.Row::at, 190);
        when.textProperty().bind(javafx.beans.binding.Bindings.concat("When (", vm.zoneNameProperty(), ")"));
        when.setMinWidth(165); // a time cut short is no time: the summary gives way instead
        table.getColumns().add(when);
        table.getColumns().add(Tables.textColumn("Profile", AuditViewModel.Row::profile, 150));
        var actionColumn = Tables.textColumn("Action", AuditViewModel.Row::action, 175);
        actionColumn.setMinWidth(175); // "Do not call removed", the longest
        table.getColumns().add(actionColumn);
        table.getColumns().add(Tables.textColumn("What", AuditViewModel.Row::summary, 520));
        var outcome = Tables.textColumn("Outcome", AuditViewModel.Row::outcome, 100);
        outcome.setMinWidth(100);
        table.getColumns().add(outcome);
        table.getColumns().add(Tables.textColumn("Call ID", AuditViewModel.Row::callId, 200));

        VBox top = new VBox(6, new HBox(12, title, summary), note, filters, problem);
        ((HBox) top.getChildren().get(0)).setAlignment(Pos.BASELINE_LEFT);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);
        setCenter(table);
        // Entries are added while the operator works elsewhere: shown again whenever the screen is.
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                vm.refresh();
            }
        });
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export audit log");
        chooser.setInitialFileName("dialdesk-audit.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialDirectory(UserFolders.documents().toFile());
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.export(file.toPath());
        }
    }
}
