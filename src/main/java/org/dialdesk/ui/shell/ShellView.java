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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.dialdesk.profile.Profile;
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
    /** The open profile's screens: replaced when another profile opens. */
    private final VBox sessionNavigation = new VBox(4);
    /** Screens of the console itself (profiles, audit, settings): they stay across profiles. */
    private final VBox consoleNavigation = new VBox(4);
    private final List<ToggleButton> sessionButtons = new ArrayList<>();
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
        Region pushDown = new Region();
        VBox.setVgrow(pushDown, Priority.ALWAYS);
        navigation.getChildren().addAll(appName, profileSwitcher(viewModel), sessionNavigation, pushDown,
                consoleNavigation);
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
        setTop(liveBanner(viewModel));

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
        if (sessionButtons.isEmpty()) {
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
        ToggleButton button = navigationButton(id, title, screen);
        sessionNavigation.getChildren().add(button);
        sessionButtons.add(button);
        if (areas.getSelectedToggle() == null) {
            button.setSelected(true);
        }
    }

    /** A screen of the console itself, below the profile's: it stays when another profile opens. */
    public void addConsoleArea(String id, String title, Node screen) {
        screen.setVisible(false);
        int beneathProgress = content.getChildren().indexOf(waiting);
        content.getChildren().add(beneathProgress >= 0 ? beneathProgress : content.getChildren().size(), screen);
        ToggleButton button = navigationButton(id, title, screen);
        consoleNavigation.getChildren().add(button);
    }

    private ToggleButton navigationButton(String id, String title, Node screen) {
        ToggleButton button = new ToggleButton(title);
        button.setId("nav-" + id);
        button.setUserData(screen);
        button.setToggleGroup(areas);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add(Styles.FLAT);
        return button;
    }

    /**
     * Another profile is opening: the open one's screens go (their session is closed next) and the
     * cover says what is opening until the new profile's first screen is whole.
     */
    public void removeProfileScreens() {
        boolean wasOnProfileScreen = sessionButtons.contains(areas.getSelectedToggle());
        for (ToggleButton button : sessionButtons) {
            content.getChildren().remove((Node) button.getUserData());
            button.setToggleGroup(null);
        }
        sessionNavigation.getChildren().clear();
        sessionButtons.clear();
        if (!wasOnProfileScreen && areas.getSelectedToggle() != null) {
            return; // the operator stays on the console's screen (e.g. Profiles) while the profile opens
        }
        if (!content.getChildren().contains(waiting)) {
            content.getChildren().add(waiting);
        }
        starting.textProperty().bind(viewModel.connectionTextProperty());
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

    /**
     * Asks for the key file's passphrase to open {@code profileName}; empty when the operator
     * cancels. The characters are the caller's to wipe.
     */
    public Optional<char[]> askPassphrase(String profileName, boolean fileExists, String problem) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.setTitle("Open " + profileName);
        dialog.setHeaderText(profileName + "'s key is in the encrypted key file");
        PasswordField passphrase = new PasswordField();
        passphrase.setId("switchPassphrase");
        passphrase.setPromptText(fileExists ? "The key file's passphrase" : "Choose a passphrase for the new key file");
        Label why = new Label("Type its passphrase to open the file for this session; DialDesk does not keep it.");
        why.setWrapText(true);
        VBox body = new VBox(8, why, passphrase);
        if (problem != null) {
            Label wrong = new Label(problem);
            wrong.setId("switchPassphraseProblem");
            wrong.setWrapText(true);
            wrong.getStyleClass().add(Styles.DANGER);
            body.getChildren().add(wrong);
        }
        body.setPrefWidth(420);
        dialog.getDialogPane().setContent(body);
        ButtonType open = new ButtonType("Open profile", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(open).disableProperty().bind(passphrase.textProperty().isEmpty());
        dialog.setResultConverter(button -> button == open ? passphrase.getText().toCharArray() : null);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        Platform.runLater(passphrase::requestFocus);
        Optional<char[]> answer = dialog.showAndWait();
        passphrase.clear();
        return answer;
    }

    /** Asks before something the operator may regret; true for {@code yes}. Cancel is the default. */
    public boolean confirm(String header, String text, String yes) {
        ButtonType go = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING, text,
                go, ButtonType.CANCEL);
        alert.setHeaderText(header);
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    /** Shows the area with this id, as if its navigation button were pressed. */
    public void select(String id) {
        areas.getToggles().stream().map(ToggleButton.class::cast).filter(b -> ("nav-" + id).equals(b.getId()))
                .findFirst().ifPresent(b -> b.setSelected(true));
    }

    /** Picks the profile to work on; the open one is shown, and a pick opens the other. */
    private static Node profileSwitcher(ShellViewModel viewModel) {
        ComboBox<Profile> switcher = new ComboBox<>(viewModel.profiles());
        switcher.setId("profileSwitcher");
        switcher.setMaxWidth(Double.MAX_VALUE);
        switcher.setAccessibleText("Profile: the account dials go to");
        switcher.setTooltip(new Tooltip("The account this window dials on; pick another to open it"));
        switcher.setConverter(new StringConverter<>() {
            @Override
            public String toString(Profile profile) {
                return profile == null ? "" : profile.isSandbox() ? "Sandbox" : profile.name();
            }

            @Override
            public Profile fromString(String text) {
                return null;
            }
        });
        switcher.setValue(viewModel.activeProfileProperty().get());
        viewModel.activeProfileProperty().addListener((obs, old, active) -> switcher.setValue(active));
        switcher.valueProperty().addListener((obs, old, picked) -> {
            if (picked != null && picked != viewModel.activeProfileProperty().get()) {
                viewModel.requestSwitch(picked);
            }
        });
        switcher.disableProperty().bind(viewModel.switchingProperty());
        Label caption = new Label("Profile");
        caption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(2, caption, switcher);
        box.setPadding(new Insets(0, 0, 12, 0));
        return box;
    }

    /**
     * Above everything while a live account is open, in its colour: calls placed here ring real
     * people. With the Sandbox nothing shows there; a notice about profiles shows in the same place.
     */
    private static Node liveBanner(ShellViewModel viewModel) {
        Label live = new Label();
        live.setId("liveBanner");
        live.setMaxWidth(Double.MAX_VALUE);
        live.textProperty().bind(Bindings.createStringBinding(() -> viewModel.sandboxProfileProperty().get() ? ""
                : viewModel.profileBadgeProperty().get() + " — calls ring real people and are billed",
                viewModel.sandboxProfileProperty(), viewModel.profileBadgeProperty()));
        live.styleProperty().bind(Bindings.createStringBinding(() -> "-fx-background-color: "
                + viewModel.profileColourProperty().get() + ";", viewModel.profileColourProperty()));
        live.getStyleClass().add("live-banner");
        live.visibleProperty().bind(viewModel.sandboxProfileProperty().not());
        live.managedProperty().bind(live.visibleProperty());

        Label notice = new Label();
        notice.setId("profileNotice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(viewModel.noticeProperty());
        HBox.setHgrow(notice, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissNoticeButton");
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setOnAction(e -> viewModel.dismissNotice());
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        HBox noticeBar = new HBox(8, notice, dismiss);
        noticeBar.setAlignment(Pos.CENTER_LEFT);
        noticeBar.getStyleClass().add("profile-notice");
        noticeBar.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        return new VBox(live, noticeBar);
    }

    private static HBox statusBar(ShellViewModel viewModel, Button about) {
        Label profile = new Label();
        profile.setId("statusProfile");
        profile.textProperty().bind(viewModel.profileBadgeProperty());
        profile.getStyleClass().addAll("profile-badge", "sandbox");
        viewModel.sandboxProfileProperty().addListener((obs, was, sandbox) -> {
            profile.getStyleClass().remove("sandbox");
            if (sandbox) {
                profile.getStyleClass().add("sandbox");
            }
        });
        // A live profile's badge is in its own colour, as its banner is.
        profile.styleProperty().bind(Bindings.createStringBinding(() -> viewModel.sandboxProfileProperty().get() ? ""
                : "-fx-background-color: " + viewModel.profileColourProperty().get() + "; -fx-text-fill: white;",
                viewModel.sandboxProfileProperty(), viewModel.profileColourProperty()));

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
