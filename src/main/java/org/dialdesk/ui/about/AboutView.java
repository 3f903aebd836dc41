package org.dialdesk.ui.about;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The About dialog: version, data and log folders (each with "Open folder"), bundled software and licences. */
public final class AboutView extends VBox {
    private final AboutViewModel viewModel;

    public AboutView(AboutViewModel viewModel) {
        super(14);
        this.viewModel = viewModel;
        setId("aboutView");
        setPadding(new Insets(8, 16, 4, 16));
        setPrefWidth(700);

        ImageView icon = new ImageView(new Image(Objects.requireNonNull(
                AboutView.class.getResource("/org/dialdesk/icons/dialdesk-64.png")).toExternalForm()));
        Label name = new Label("DialDesk");
        name.getStyleClass().add(Styles.TITLE_2);
        Label tagline = new Label("Operator console for outbound AI voice-agent calls");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(14, icon, new VBox(2, name, tagline));
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(labels, values, new ColumnConstraints());
        facts.addRow(0, new Label("Version"), selectable("aboutVersion", viewModel.version()));
        facts.addRow(1, new Label("Java"), selectable("aboutRuntime", viewModel.runtime()));
        facts.addRow(2, new Label("Data folder"), selectable("aboutDataFolder", viewModel.dataFolder().toString()),
                openButton("openDataFolderButton", viewModel::openDataFolder));
        facts.addRow(3, new Label("Log files"), selectable("aboutLogFolder", viewModel.logFolder().toString()),
                openButton("openLogFolderButton", viewModel::openLogFolder));

        Label problem = new Label();
        problem.setId("aboutProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        Label bundledTitle = new Label("Bundled software and licences");
        bundledTitle.getStyleClass().add(Styles.TITLE_4);
        TableView<AboutViewModel.Component> components = new TableView<>();
        components.setId("aboutComponents");
        components.getStyleClass().add(Styles.DENSE);
        components.getColumns().add(column("Component", 250, AboutViewModel.Component::name));
        components.getColumns().add(column("Version", 90, AboutViewModel.Component::version));
        components.getColumns().add(column("Licence", 250, AboutViewModel.Component::licence));
        components.getItems().setAll(viewModel.components());
        components.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        components.setPrefHeight(240);
        components.setRowFactory(table -> {
            TableRow<AboutViewModel.Component> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, item) -> row.setTooltip(
                    item == null || item.url().isEmpty() ? null : new Tooltip(item.url())));
            return row;
        });
        VBox.setVgrow(components, Priority.ALWAYS);

        getChildren().addAll(header, facts, problem, bundledTitle, components);
    }

    /** Shows the dialog over {@code owner} and waits until it is closed. */
    public static void show(Window owner, AboutViewModel viewModel) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("About DialDesk");
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("aboutDialog");
        dialog.getDialogPane().setContent(new AboutView(viewModel));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }

    public AboutViewModel viewModel() {
        return viewModel;
    }

    /** A value the operator can select and copy (a folder's path above all), but not change. */
    private static TextField selectable(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        field.setFocusTraversable(true);
        field.getStyleClass().add("read-only-value");
        return field;
    }

    private static Button openButton(String id, Runnable action) {
        Button open = new Button("Open folder");
        open.setId(id);
        open.setOnAction(e -> action.run());
        return open;
    }

    private static TableColumn<AboutViewModel.Component, String> column(
            String title, double width, Function<AboutViewModel.Component, String> value) {
        TableColumn<AboutViewModel.Component, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
