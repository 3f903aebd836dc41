package org.dialdesk.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.dialdesk.api.DialDeskVersion;
import org.dialdesk.domain.Theme;
import org.dialdesk.ui.common.BusyRing;
import org.dialdesk.ui.common.Once;
import org.dialdesk.ui.common.TabMovesFocus;

/** Navigation on the left, the chosen screen in the middle, status bar below. */
public final class ShellView extends BorderPane {
    private final VBox navigation = new VBox(4);
    private final ToggleGroup areas = new ToggleGroup();
    private final StackPane content = new StackPane();
    /** The start-up progress (or problem); it covers the first screen until that screen is complete. */
    private final VBox waiting;
    private final Label starting = new Label();
    private final Button about = new Button("About · v" + DialDeskVersion.get());
    private final ShellViewModel viewModel;
    private final ReadOnlyBooleanWrapper firstScreenShown = new ReadOnlyBooleanWrapper(false);

    public ShellView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
        setId("shell");
        getStyleClass().add("dialdesk-shell");

        Label appName = new Label("DialDesk");
        appName.getStyleClass().addAll(Styles.TITLE_3);
        appName.setPadding(new Insets(4, 8, 12, 8));
        navigation.getChildren().add(appName);
        navigation.setId("navigation");
        navigation.setPadding(new Insets(16, 10, 16, 10));
        navigation.setPrefWidth(190);
        navigation.getStyleClass().add("dialdesk-navigation");
        setLeft(navigation);

        Node progress = BusyRing.of(36);
        starting.setId("startupText");
        starting.textProperty().bind(viewModel.connectionTextProperty());
        Label problem = new Label();
        problem.setId("startupProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(560);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.startupProblemProperty());
        waiting = new VBox(14, progress, starting, problem);
        waiting.setAlignment(Pos.CENTER);
        waiting.getStyleClass().add("startup-cover");
        progress.visibleProperty().bind(viewModel.startupProblemProperty().isNull());
        starting.visibleProperty().bind(progress.visibleProperty());
        content.getChildren().add(waiting);
        content.setId("content");
        setCenter(content);

        about.setId("aboutButton");
        about.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        about.setTooltip(new Tooltip("Version, data and log folders, bundled software and licences"));
        about.setDisable(true); // until the window says what it opens
        setBottom(statusBar(viewModel, about));
        areas.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null && old != null) {
                old.setSelected(true); // one area is always shown
            } else if (selected != null) {
                for (Node area : content.getChildren()) {
                    if (area != waiting) {
                        area.setVisible(area == selected.getUserData());
                    }
                }
            }
        });
    }

    /** As {@link #addArea(String, String, Node, ObservableBooleanValue)}, for a screen complete as it is. */
    public void addArea(String id, String title, Node screen) {
        addArea(id, title, screen, new SimpleBooleanProperty(true));
    }

    /**
     * Adds a screen to the navigation; the first one added is shown. Every screen stays in the
     * window, hidden while another is shown: its styling and layout are done while the operator is
     * elsewhere (a large screen's first styling takes far longer than a frame), so switching to it
     * only paints it, and a half-typed form keeps its focus and caret.
     *
     * @param complete true once the screen has all its parts (they may go in a frame each). The
     *                 start-up progress stays over the first screen until then: the operator sees
     *                 the screen whole rather than assembling, and the parts in between are never
     *                 painted (a frame's painting is ~20 ms when rendering in software).
     */
    public void addArea(String id, String title, Node screen, ObservableBooleanValue complete) {
        if (areas.getToggles().isEmpty()) {
            Once.when(complete::get, () -> {
                content.getChildren().remove(waiting);
                firstScreenShown.set(true);
                // While the cover was up the status bar's theme toggle was all there was to focus;
                // the operator starts in the screen's first field instead.
                if (getScene() != null && !TabMovesFocus.isWithin(getScene().getFocusOwner(), screen)) {
                    TabMovesFocus.focusFirstIn(screen);
                }
            }, complete);
            // Connected, the cover stays until the screen is whole: it says what it waits for.
            starting.textProperty().bind(Bindings.createStringBinding(
                    () -> viewModel.connectionStateProperty().get() == ShellViewModel.ConnectionState.ONLINE
                            ? "Connected · opening " + title + "…" : viewModel.connectionTextProperty().get(),
                    viewModel.connectionStateProperty(), viewModel.connectionTextProperty()));
        }
        screen.setVisible(false);
        int beneathProgress = content.getChildren().indexOf(waiting);
        content.getChildren().add(beneathProgress >= 0 ? beneathProgress : content.getChildren().size(), screen);
        ToggleButton button = new ToggleButton(title);
        button.setId("nav-" + id);
        button.setUserData(screen);
        button.setToggleGroup(areas);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add(Styles.FLAT);
        navigation.getChildren().add(button);
        if (areas.getSelectedToggle() == null) {
            button.setSelected(true);
        }
    }

    /** True once the first screen is whole and the start-up cover has gone: the operator can use it. */
    public ReadOnlyBooleanProperty firstScreenShownProperty() {
        return firstScreenShown.getReadOnlyProperty();
    }

    /** What the status bar's About button opens. */
    public void setOnAbout(Runnable showAbout) {
        about.setOnAction(e -> showAbout.run());
        about.setDisable(showAbout == null);
    }

    /** Shows the area with this id, as if its navigation button were pressed. */
    public void select(String id) {
        navigation.getChildren().stream().filter(n -> ("nav-" + id).equals(n.getId()))
                .findFirst().ifPresent(n -> ((ToggleButton) n).setSelected(true));
    }

    private static HBox statusBar(ShellViewModel viewModel, Button about) {
        Label profile = new Label();
        profile.setId("statusProfile");
        profile.textProperty().bind(viewModel.profileBadgeProperty());
        profile.getStyleClass().add("profile-badge");
        viewModel.sandboxProfileProperty().addListener((obs, was, sandbox) -> {
            profile.getStyleClass().remove("sandbox");
            if (sandbox) {
                profile.getStyleClass().add("sandbox");
            }
        });

        Label connection = new Label();
        connection.setId("statusConnection");
        connection.textProperty().bind(viewModel.connectionTextProperty());
        connection.setTooltip(new Tooltip());
        connection.getTooltip().textProperty().bind(viewModel.connectionTextProperty());
        connection.setMinWidth(0);
        HBox.setHgrow(connection, Priority.ALWAYS);
        Label dot = new Label("●");
        dot.setId("statusConnectionDot");
        dot.styleProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.connectionStateProperty().get()) {
            case ONLINE -> "-fx-text-fill: -color-success-fg;";
            case DEGRADED -> "-fx-text-fill: -color-warning-fg;";
            case OFFLINE -> "-fx-text-fill: -color-danger-fg;";
            case CONNECTING -> "-fx-text-fill: -color-fg-muted;";
        }, viewModel.connectionStateProperty()));

        Button theme = new Button();
        theme.setId("themeToggle");
        theme.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        theme.textProperty().bind(Bindings.createStringBinding(() -> viewModel.themeProperty().get()
                == Theme.DARK ? "Light theme" : "Dark theme", viewModel.themeProperty()));
        theme.setOnAction(e -> viewModel.toggleTheme());
        theme.setAccessibleText("Switch between light and dark theme");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox bar = new HBox(10, profile, dot, connection, spacer, theme, about);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        return bar;
    }
}
