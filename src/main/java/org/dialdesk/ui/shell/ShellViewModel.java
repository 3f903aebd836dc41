package org.dialdesk.ui.shell;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.profile.Profile;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialdesk.domain.Theme;

/** The window around the screens: active profile, connection state, theme. */
public final class ShellViewModel {
    /** Opens another profile; the answer comes back as {@link #showProfile} or {@link #switchFailed}. */
    public interface Switcher {
        void switchTo(Profile profile);
    }

    public enum ConnectionState { CONNECTING, ONLINE, DEGRADED, OFFLINE }

    private final ReadOnlyObjectWrapper<Theme> theme;
    private final Consumer<Theme> themeSaver;
    private final ReadOnlyStringWrapper profileBadge = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sandboxProfile = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ConnectionState> connectionState =
            new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper startupProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper profileColour = new ReadOnlyStringWrapper(Profile.SANDBOX.colour());
    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObservableList<Profile> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private final ReadOnlyObjectWrapper<Profile> activeProfile = new ReadOnlyObjectWrapper<>(Profile.SANDBOX);
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
    private Switcher switcher = profile -> { };
    /** The profile whose screens are in the window. */
    private Profile open = Profile.SANDBOX;
    /** What the status bar said before a switch began: it says it again if the switch fails. */
    private ConnectionState lastState = ConnectionState.CONNECTING;
    private String lastText = "";

    public ShellViewModel(Theme initialTheme, Consumer<Theme> themeSaver) {
        this.theme = new ReadOnlyObjectWrapper<>(initialTheme);
        this.themeSaver = themeSaver;
        profiles.add(Profile.SANDBOX);
    }

    public void setSwitcher(Switcher switcher) {
        this.switcher = switcher;
    }

    /** The profiles the switcher offers, the Sandbox first. */
    public void setProfiles(List<Profile> all) {
        profiles.setAll(all);
        // A list replaced leaves the switcher without a value: the open profile is shown again, as
        // it now is in the list (renamed, recoloured), once the list has changed.
        Profile shown = activeProfile.get();
        Profile again = shown == null ? null
                : all.stream().filter(p -> p.id().equals(shown.id())).findFirst().orElse(shown);
        activeProfile.set(null);
        activeProfile.set(again);
    }

    /**
     * The operator picked a profile. Nothing happens for the open one or while a switch is under
     * way; else the switch starts, and the badge says so until the profile is open.
     */
    public void requestSwitch(Profile profile) {
        if (profile == null || switching.get() || profile.id().equals(activeProfile.get().id())) {
            return;
        }
        switching.set(true);
        notice.set(null);
        lastState = connectionState.get();
        lastText = connectionText.get();
        connectionState.set(ConnectionState.CONNECTING);
        connectionText.set("Opening " + profile.name() + "…");
        switcher.switchTo(profile);
    }

    /** The profile now open: its badge, its colour. */
    public void showProfile(Profile profile) {
        switching.set(false);
        open = profile;
        activeProfile.set(profile);
        sandboxProfile.set(profile.isSandbox());
        profileColour.set(profile.colour());
        profileBadge.set(profile.isSandbox() ? "SANDBOX — calls are simulated" : "LIVE · " + profile.name());
    }

    /** The switch did not happen: the open profile stays, and {@code why} says what to do. */
    public void switchFailed(Profile wanted, String why) {
        switching.set(false);
        notice.set(wanted.name() + " was not opened: " + why);
        activeProfile.set(null); // the switcher shows the open profile again
        activeProfile.set(open);
        connectionState.set(lastState);
        connectionText.set(lastText);
    }

    /** Something the operator should know about the profiles, shown until the next switch; null for none. */
    public void tell(String message) {
        notice.set(message);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** {@code message} no longer holds: it goes if it is the notice shown (a later one stays). */
    public void withdraw(String message) {
        if (message != null && message.equals(notice.get())) {
            notice.set(null);
        }
    }

    /** The theme chosen on the Settings screen (saved there). */
    public void showTheme(Theme chosen) {
        theme.set(chosen);
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
        themeSaver.accept(theme.get());
    }

    /** The embedded sandbox is being started for the Sandbox profile. */
    public void startingSandbox() {
        showProfile(Profile.SANDBOX);
        connectionState.set(ConnectionState.CONNECTING);
        connectionText.set("Starting the sandbox dial service…");
    }

    /** New settings are taken up by opening the open profile again. */
    public void reopening(Profile profile) {
        switching.set(true);
        connectionState.set(ConnectionState.CONNECTING);
        connectionText.set("Applying the settings: opening " + profile.name() + " again…");
    }

    /** No profile is open and {@code problem} says why: it shows in place of the screens. */
    public void openFailed(String problem) {
        switching.set(false);
        connectionState.set(ConnectionState.OFFLINE);
        connectionText.set("No profile open");
        startupProblem.set(problem);
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

    public ObservableList<Profile> profiles() {
        return profilesView;
    }

    public ReadOnlyObjectProperty<Profile> activeProfileProperty() {
        return activeProfile.getReadOnlyProperty();
    }

    /** The open profile's colour (#rrggbb): the badge's background. */
    public ReadOnlyStringProperty profileColourProperty() {
        return profileColour.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
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
