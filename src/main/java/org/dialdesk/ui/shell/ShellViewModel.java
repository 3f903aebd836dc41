package org.dialdesk.ui.shell;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialdesk.domain.Theme;

/** The window around the screens: active profile, connection state, theme. */
public final class ShellViewModel {

    public enum ConnectionState { CONNECTING, ONLINE, DEGRADED, OFFLINE }

    private final ReadOnlyObjectWrapper<Theme> theme;
    private final Consumer<Theme> themeSaver;
    private final ReadOnlyStringWrapper profileBadge = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sandboxProfile = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ConnectionState> connectionState =
            new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper startupProblem = new ReadOnlyStringWrapper();

    public ShellViewModel(Theme initialTheme, Consumer<Theme> themeSaver) {
        this.theme = new ReadOnlyObjectWrapper<>(initialTheme);
        this.themeSaver = themeSaver;
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
        themeSaver.accept(theme.get());
    }

    /** The embedded sandbox is being started for the Sandbox profile. */
    public void startingSandbox() {
        profileBadge.set("SANDBOX — calls are simulated");
        sandboxProfile.set(true);
        connectionState.set(ConnectionState.CONNECTING);
        connectionText.set("Starting the sandbox dial service…");
    }

    public void sandboxFailed(String problem) {
        connectionState.set(ConnectionState.OFFLINE);
        connectionText.set("Sandbox not running");
        startupProblem.set("The sandbox dial service could not start: " + problem);
    }

    public void connecting(String baseUrl) {
        connectionState.set(ConnectionState.CONNECTING);
        connectionText.set("Connecting to " + baseUrl + "…");
    }

    /** What the latest round of requests showed about the service. */
    public void reportReachability(ConnectionState state, String baseUrl, String detail) {
        connectionState.set(state);
        connectionText.set(switch (state) {
            case ONLINE -> "Connected · " + baseUrl;
            case DEGRADED -> "Connected with problems · " + baseUrl + " · " + detail;
            case OFFLINE -> "Cannot reach " + baseUrl + " · " + detail;
            case CONNECTING -> "Connecting to " + baseUrl + "…";
        });
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileBadgeProperty() {
        return profileBadge.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sandboxProfileProperty() {
        return sandboxProfile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    /** Set when the console cannot do its job at all; the shell shows it in place of the screens. */
    public ReadOnlyStringProperty startupProblemProperty() {
        return startupProblem.getReadOnlyProperty();
    }
}
