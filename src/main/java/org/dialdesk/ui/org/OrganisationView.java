package org.dialdesk.ui.org;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dialdesk.api.Agent;
import org.dialdesk.api.CallModel;
import org.dialdesk.api.CallerNumber;
import org.dialdesk.api.UseCase;
import org.dialdesk.ui.common.Once;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.Tables;

/** Read-only overview of the organisation behind the active profile. Binds; decides nothing. */
public final class OrganisationView extends BorderPane {
    private final OnePerFrame frames;

    /** {@code frames}: the window's queue its tables go in by. */
    public OrganisationView(OrganisationViewModel viewModel, OnePerFrame frames) {
        this.frames = frames;
        setId("organisationView");
        setPadding(new Insets(16, 20, 12, 20));

        Label title = new Label("Organisation");
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label("Caller numbers, use cases, agents and models the active profile can dial with");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        Label summary = new Label();
        summary.setId("organisationSummary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        Button refresh = new Button("_Refresh");
        refresh.setId("refreshOrganisationButton");
        refresh.setMnemonicParsing(true);
        refresh.disableProperty().bind(viewModel.canRefreshProperty().not());
        refresh.setOnAction(e -> viewModel.refresh());
        refresh.setAccessibleHelp("Load the organisation's numbers, use cases, agents and models again");
        refresh.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox heading = new VBox(2, title, subtitle, summary);
        HBox.setHgrow(heading, Priority.SOMETIMES);
        HBox header = new HBox(12, heading, spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 12, 0));
        setTop(header);

        Tab numbersTab = tab("Caller numbers", viewModel.numbers());
        Tab useCasesTab = tab("Use cases", viewModel.useCases());
        Tab agentsTab = tab("Agents", viewModel.agents());
        Tab modelsTab = tab("Models", viewModel.models());
        TabPane tabs = new TabPane(numbersTab, useCasesTab, agentsTab, modelsTab);
        tabs.setId("organisationTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

        // A table per frame once the screen is in a window: four tables styled at once, the first
        // time, keep the UI thread busy for over half a second.
        List<Runnable> tables = List.of(() -> {
            TableView<CallerNumber> numbers = Tables.readOnlyTable("numbersTable", "No caller numbers");
            numbers.getColumns().add(Tables.textColumn("Title", CallerNumber::title, 200));
            numbers.getColumns().add(Tables.textColumn("Number", CallerNumber::number, 180));
            numbers.getColumns().add(Tables.textColumn("Locality", CallerNumber::locality, 200));
            numbers.getColumns().add(Tables.textColumn("ID", CallerNumber::id, 220));
            numbersTab.setContent(content(numbersTab, numbers, viewModel.numbers(), viewModel.numbersErrorProperty()));
        }, () -> {
            TableView<UseCase> useCases = Tables.readOnlyTable("useCasesTable", "No use cases");
            useCases.getColumns().add(Tables.textColumn("Name", UseCase::name, 200));
            useCases.getColumns().add(Tables.textColumn("Language", UseCase::language, 90));
            useCases.getColumns().add(Tables.textColumn("Max minutes", u -> u.maxDurationMins() == null ? ""
                    : u.maxDurationMins().toString(), 100));
            useCases.getColumns().add(Tables.textColumn("Calling hours", OrganisationViewModel::callingHours, 220));
            useCases.getColumns().add(Tables.textColumn("Pickers", u -> u.isHidden() ? "Hidden" : "Shown", 80));
            useCases.getColumns().add(Tables.textColumn("ID", UseCase::id, 220));
            useCasesTab.setContent(content(useCasesTab, useCases, viewModel.useCases(), viewModel.useCasesErrorProperty()));
        }, () -> {
            TableView<Agent> agents = Tables.readOnlyTable("agentsTable", "No agents");
            agents.getColumns().add(Tables.textColumn("Name", Agent::name, 180));
            agents.getColumns().add(Tables.textColumn("Languages", OrganisationViewModel::languages, 240));
            agents.getColumns().add(Tables.textColumn("ID", Agent::id, 220));
            agentsTab.setContent(content(agentsTab, agents, viewModel.agents(), viewModel.agentsErrorProperty()));
        }, () -> {
            TableView<CallModel> models = Tables.readOnlyTable("modelsTable", "No models");
            models.getColumns().add(Tables.textColumn("Name", CallModel::name, 160));
            models.getColumns().add(Tables.textColumn("Use case", m -> viewModel.useCaseName(m.useCaseId()), 200));
            models.getColumns().add(Tables.textColumn("Status", CallModel::status, 90));
            models.getColumns().add(Tables.textColumn("Description", CallModel::description, 240));
            models.getColumns().add(Tables.textColumn("ID", CallModel::id, 220));
            modelsTab.setContent(content(modelsTab, models, viewModel.models(), viewModel.modelsErrorProperty()));
        });
        frames.onceInWindow(this, () -> tables);
    }

    /**
     * Holds the table's rows back until its tab is first on screen, then lets them in a few a frame.
     * Every tab's table is in the window from the start (hidden), and four tables filling their
     * height with rows at start-up kept frames waiting up to 94 ms each; most operators open one tab.
     */
    private void rowsInOnceShown(Tab tab, TableView<?> table) {
        Tables.holdRows(table);
        Once.when(() -> tab.isSelected() && isVisible(), () -> frames.run(Tables.rowsInSteps(table, 4)),
                tab.selectedProperty(), visibleProperty());
    }

    private static <T> Tab tab(String name, ObservableList<T> items) {
        Tab tab = new Tab();
        tab.textProperty().bind(Bindings.createStringBinding(
                () -> items.isEmpty() ? name : name + " (" + items.size() + ")", items));
        return tab;
    }

    private <T> Node content(Tab tab, TableView<T> table, ObservableList<T> items, ReadOnlyStringProperty error) {
        table.setItems(items);
        rowsInOnceShown(tab, table);
        table.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        Label errorLabel = new Label();
        errorLabel.setId(table.getId() + "Error");
        errorLabel.getStyleClass().addAll(Styles.DANGER);
        errorLabel.setWrapText(true);
        errorLabel.textProperty().bind(error);
        errorLabel.visibleProperty().bind(error.isNotNull());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        VBox content = new VBox(8, errorLabel, table);
        content.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        return content;
    }
}
