package org.dialdesk.ui.profiles;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.dialdesk.api.ApiKey;
import org.dialdesk.profile.KeyHolder;
import org.dialdesk.profile.Profile;
import org.dialdesk.profile.ProfileRules;
import org.dialdesk.profile.Profiles;
import org.dialdesk.service.ConnectionCheck;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The Profiles screen: the list, and one profile's form (a new one, or the one picked) with its
 * checks as typed, Test connection, and where its key is kept. Keyring and disk work goes through
 * the task runner; the form keeps what was typed whatever fails.
 */
public final class ProfilesViewModel {
    public static final String NAME = "name";
    public static final String BASE_URL = "base_url";
    public static final String API_KEY = "api_key";
    public static final String COLOUR = "colour";
    public static final String KEY_HOLDER = "key_holder";

    private final Profiles profiles;
    private final TaskRunner runner;
    private final ConnectionCheck connectionCheck;
    private final Consumer<List<Profile>> onProfilesChanged;
    private final ReadOnlyObjectProperty<Profile> openProfile;
    /** Hears that the open profile was changed: it is opened again with its new address or key. */
    private final Consumer<Profile> onOpenProfileChanged;

    private final ObservableList<Profile> list = FXCollections.observableArrayList();
    private final ObservableList<Profile> listView = FXCollections.unmodifiableObservableList(list);
    /** The profile the form edits; null while it is a new one. */
    private final ReadOnlyObjectWrapper<Profile> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty baseUrl = new SimpleStringProperty(Profile.VENDOR_BASE_URL);
    /** Typed key; blank while editing means "keep the kept one". */
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty colour = new SimpleStringProperty(Profile.DEFAULT_COLOUR);
    private final ObjectProperty<KeyHolder> keyHolder = new SimpleObjectProperty<>(KeyHolder.KEYRING);
    private final StringProperty defaultCallerNumberId = new SimpleStringProperty("");
    private final StringProperty defaultUseCaseId = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    /** A new key file's passphrase, typed again. */
    private final StringProperty passphraseAgain = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper keyFileExists = new ReadOnlyBooleanWrapper(true);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
    /** Why each holder cannot keep keys now; absent when it can. */
    private final ObservableMap<KeyHolder, String> unavailable = FXCollections.observableMap(new EnumMap<>(KeyHolder.class));
    private final ObservableMap<KeyHolder, String> unavailableView = FXCollections.unmodifiableObservableMap(unavailable);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper connectionResult = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Boolean> connectionOk = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty keyRevealed = new SimpleBooleanProperty(false);
    /** The kept key as Reveal put it in the form; null when the field holds what was typed. */
    private String revealedKey;

    public ProfilesViewModel(Profiles profiles, TaskRunner runner, ConnectionCheck connectionCheck,
                             Consumer<List<Profile>> onProfilesChanged, ReadOnlyObjectProperty<Profile> openProfile,
                             Consumer<Profile> onOpenProfileChanged) {
        this.onOpenProfileChanged = onOpenProfileChanged;
        this.profiles = profiles;
        this.runner = runner;
        this.connectionCheck = connectionCheck;
        this.onProfilesChanged = onProfilesChanged;
        this.openProfile = openProfile;
        name.addListener((obs, old, now) -> check());
        baseUrl.addListener((obs, old, now) -> check());
        apiKey.addListener((obs, old, now) -> check());
        colour.addListener((obs, old, now) -> check());
        keyHolder.addListener((obs, old, now) -> check());
        unavailable.addListener((javafx.collections.MapChangeListener<KeyHolder, String>) change -> check());
        check();
    }

    /** Reads the profiles and asks each key holder whether it works (the keyring's answer takes D-Bus). */
    public void load() {
        runner.run(() -> {
            Map<KeyHolder, String> reasons = new EnumMap<>(KeyHolder.class);
            for (KeyHolder holder : KeyHolder.values()) {
                profiles.secrets().of(holder).unavailableReason().ifPresent(reason -> reasons.put(holder, reason));
            }
            return new Loaded(profiles.all(), reasons, profiles.secrets().file().exists());
        }, loaded -> {
            list.setAll(loaded.profiles());
            keyFileExists.set(loaded.keyFileExists());
            unavailable.clear();
            unavailable.putAll(loaded.unavailable());
            if (editing.get() == null && unavailable.containsKey(KeyHolder.KEYRING) && apiKey.get().isBlank()) {
                keyHolder.set(KeyHolder.ENCRYPTED_FILE); // a new profile's key goes where it can be kept
            }
        }, failure -> problem("The profiles could not be read: " + ErrorMessages.describe(failure)));
    }

    /** A profile changed, and the list as it then is. */
    private record Changed(Profile profile, List<Profile> all) {
    }

    private record Loaded(List<Profile> profiles, Map<KeyHolder, String> unavailable, boolean keyFileExists) {
    }

    /** A blank form for a new profile. */
    public void startNew() {
        editing.set(null);
        name.set("");
        baseUrl.set(Profile.VENDOR_BASE_URL);
        apiKey.set("");
        colour.set(Profile.DEFAULT_COLOUR);
        keyHolder.set(unavailable.containsKey(KeyHolder.KEYRING) ? KeyHolder.ENCRYPTED_FILE : KeyHolder.KEYRING);
        defaultCallerNumberId.set("");
        defaultUseCaseId.set("");
        clearResults();
    }

    /** The form shows {@code profile}; the Sandbox is shown but cannot be edited. */
    public void edit(Profile profile) {
        if (profile == null) {
            return;
        }
        editing.set(profile);
        name.set(profile.name());
        baseUrl.set(profile.isSandbox() ? "" : profile.baseUrl());
        apiKey.set("");
        colour.set(profile.colour());
        keyHolder.set(profile.isSandbox() ? KeyHolder.SESSION : profile.keyHolder());
        defaultCallerNumberId.set(profile.defaultCallerNumberId() == null ? "" : profile.defaultCallerNumberId());
        defaultUseCaseId.set(profile.defaultUseCaseId() == null ? "" : profile.defaultUseCaseId());
        clearResults();
    }

    private void clearResults() {
        revealedKey = null;
        message.set(null);
        connectionResult.set(null);
        connectionOk.set(null);
        keyRevealed.set(false);
        check();
    }

    private boolean editingSandbox() {
        return editing.get() != null && editing.get().isSandbox();
    }

    private void check() {
        errors.clear();
        if (editingSandbox()) {
            return;
        }
        String exceptId = editing.get() == null ? null : editing.get().id();
        List<Profile> others = list.stream().filter(p -> !p.id().equals(exceptId)).toList();
        ProfileRules.nameProblem(name.get(), others).ifPresent(p -> errors.put(NAME, p));
        ProfileRules.baseUrlProblem(baseUrl.get()).ifPresent(p -> errors.put(BASE_URL, p));
        ProfileRules.colourProblem(colour.get()).ifPresent(p -> errors.put(COLOUR, p));
        String key = apiKey.get().strip();
        if (key.isEmpty() && editing.get() == null) {
            errors.put(API_KEY, "Paste the account's API key.");
        } else if (!key.isEmpty()) {
            try {
                ApiKey.of(key);
            } catch (IllegalArgumentException e) {
                errors.put(API_KEY, e.getMessage() + "; paste the key alone.");
            }
        }
        KeyHolder holder = keyHolder.get();
        if (holder == null) {
            errors.put(KEY_HOLDER, "Choose where the key is kept.");
        } else if (unavailable.containsKey(holder) && !(holder == KeyHolder.ENCRYPTED_FILE)) {
            errors.put(KEY_HOLDER, unavailable.get(holder));
        }
    }

    /** Whether the form's key needs the key file unlocked (or made) before it can be saved. */
    public boolean needsPassphrase() {
        return keyHolder.get() == KeyHolder.ENCRYPTED_FILE && unavailable.containsKey(KeyHolder.ENCRYPTED_FILE);
    }

    /** Opens the key file with the typed passphrase (or sets the one a new file is made with). */
    public void unlockKeyFile(Runnable then) {
        if (busy.get()) {
            return;
        }
        if (!keyFileExists.get() && !passphrase.get().equals(passphraseAgain.get())) {
            problem("The two passphrases differ: type the new key file's passphrase twice, the same.");
            return;
        }
        char[] typed = passphrase.get().toCharArray();
        passphrase.set("");
        passphraseAgain.set("");
        busy.set(true);
        runner.run(() -> {
            profiles.secrets().file().unlock(typed);
            return null;
        }, done -> {
            busy.set(false);
            unavailable.remove(KeyHolder.ENCRYPTED_FILE);
            tell("The key file is open for this session.");
            if (then != null) {
                then.run();
            }
        }, failure -> {
            busy.set(false);
            problem(ErrorMessages.describe(failure));
        });
    }

    /** Adds the new profile or saves the edited one; its key is kept first. */
    public void save() {
        if (busy.get()) {
            return; // the one under way answers first
        }
        check();
        if (!errors.isEmpty() || editingSandbox()) {
            if (editingSandbox()) {
                problem("The Sandbox profile is built in and cannot be changed; add a profile for an account.");
            }
            return;
        }
        if (needsPassphrase()) {
            if (passphrase.get().isEmpty()) {
                problem(unavailable.get(KeyHolder.ENCRYPTED_FILE));
                return;
            }
            unlockKeyFile(this::save);
            return;
        }
        Profiles.Draft draft = new Profiles.Draft(name.get(), baseUrl.get(), colour.get(), keyHolder.get(),
                defaultCallerNumberId.get(), defaultUseCaseId.get());
        Optional<ApiKey> key = apiKey.get().isBlank() ? Optional.empty() : Optional.of(ApiKey.of(apiKey.get()));
        Profile before = editing.get();
        busy.set(true);
        runner.run(() -> {
                    Profile done = before == null ? profiles.add(draft, key.orElseThrow()) : profiles.update(before.id(), draft, key);
                    return new Changed(done, profiles.all());
                },
                changed -> {
                    Profile saved = changed.profile();
                    busy.set(false);
                    showList(changed.all());
                    editing.set(saved);
                    apiKey.set("");
                    boolean open = openProfile.get() != null && openProfile.get().id().equals(saved.id());
                    tell((before == null ? "Added " : "Saved ") + saved.name() + "; its key is kept in the "
                            + saved.keyHolder().label() + "." + (open ? " It is open: it opens again with these." : ""));
                    if (open) {
                        onOpenProfileChanged.accept(saved);
                    }
                },
                failure -> {
                    busy.set(false);
                    problem("Not saved: " + ErrorMessages.describe(failure) + " What you typed is kept.");
                });
    }

    /** Removes the edited profile and its key; the view asks first. The open profile is not removed. */
    public void remove() {
        Profile profile = editing.get();
        if (profile == null || profile.isSandbox()) {
            return;
        }
        if (openProfile.get() != null && openProfile.get().id().equals(profile.id())) {
            problem(profile.name() + " is open: switch to another profile before removing it.");
            return;
        }
        busy.set(true);
        runner.run(() -> {
            profiles.remove(profile.id());
            return profiles.all();
        }, now -> {
            busy.set(false);
            showList(now);
            startNew();
            tell("Removed " + profile.name() + " and its key.");
        }, failure -> {
            busy.set(false);
            problem("Not removed: " + ErrorMessages.describe(failure));
        });
    }

    /** A copy of the edited profile, with the same key, to change from there. */
    public void duplicate() {
        Profile profile = editing.get();
        if (profile == null || profile.isSandbox()) {
            return;
        }
        busy.set(true);
        runner.run(() -> {
            Profile made = profiles.duplicate(profile.id());
            return new Changed(made, profiles.all());
        }, changed -> {
            Profile copy = changed.profile();
            busy.set(false);
            showList(changed.all());
            edit(copy);
            tell("Made " + copy.name() + " with the same key; rename it and change what differs.");
        }, failure -> {
            busy.set(false);
            problem("Not duplicated: " + ErrorMessages.describe(failure));
        });
    }

    /** One cheap read with the form's address and key (the kept key when none is typed). */
    public void testConnection() {
        if (editingSandbox()) {
            problem("The Sandbox runs inside DialDesk; there is nothing to test. Open it with the profile switcher.");
            return;
        }
        if (errors.containsKey(BASE_URL) || errors.containsKey(API_KEY)) {
            problem(Optional.ofNullable(errors.get(BASE_URL)).orElse(errors.get(API_KEY)));
            return;
        }
        if (busy.get()) {
            return;
        }
        String url = baseUrl.get();
        String typed = apiKey.get();
        Profile kept = editing.get();
        if (typed.isBlank() && kept != null && !sameHost(url, kept.baseUrl())) {
            // The kept key only ever goes where it was saved to be used: a typo'd address must not receive it.
            connectionOk.set(false);
            connectionResult.set("The address is not the one saved for " + kept.name() + ": paste the key to test it"
                    + " there. The kept key is only sent to " + kept.baseUrl() + ".");
            return;
        }
        busy.set(true);
        connectionResult.set("Testing " + url + "…");
        connectionOk.set(null);
        runner.run(() -> {
            ApiKey key = !typed.isBlank() ? ApiKey.of(typed) : profiles.key(kept).orElseThrow(() ->
                    new IllegalStateException("No key is kept for " + kept.name() + "; paste it to test."));
            return connectionCheck.run(url, key);
        }, result -> {
            busy.set(false);
            connectionOk.set(result.ok());
            connectionResult.set(result.ok() ? result.summary() : result.summary() + " " + result.advice());
        }, failure -> {
            busy.set(false);
            connectionOk.set(false);
            connectionResult.set(ErrorMessages.describe(failure));
        });
    }

    private static boolean sameHost(String a, String b) {
        try {
            java.net.URI one = java.net.URI.create(a.strip());
            java.net.URI two = java.net.URI.create(b.strip());
            return one.getHost() != null && one.getHost().equalsIgnoreCase(two.getHost()) && one.getPort() == two.getPort()
                    && java.util.Objects.equals(one.getScheme(), two.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Shows the kept key in the key field, on request. */
    public void revealKey() {
        Profile kept = editing.get();
        if (kept == null || kept.isSandbox() || !apiKey.get().isBlank()) {
            keyRevealed.set(true);
            return;
        }
        runner.run(() -> profiles.key(kept), key -> {
            key.ifPresentOrElse(k -> {
                apiKey.set(k.reveal());
                revealedKey = k.reveal();
                keyRevealed.set(true);
            }, () -> problem("No key is kept for " + kept.name() + " in the " + kept.keyHolder().label() + "."));
        }, failure -> problem(ErrorMessages.describe(failure)));
    }

    /** Masks the key again; one only revealed (not typed) leaves the form, so Save does not take it for a new key. */
    public void hideKey() {
        keyRevealed.set(false);
        if (revealedKey != null && revealedKey.equals(apiKey.get())) {
            apiKey.set("");
        }
        revealedKey = null;
    }

    /** The list as it is after a change, read where the change was made (off the UI thread). */
    private void showList(List<Profile> now) {
        list.setAll(now);
        onProfilesChanged.accept(List.copyOf(now));
    }

    private void tell(String text) {
        messageIsProblem.set(false);
        message.set(text);
    }

    private void problem(String text) {
        messageIsProblem.set(true);
        message.set(text);
    }

    public ObservableList<Profile> profiles() {
        return listView;
    }

    public ReadOnlyObjectProperty<Profile> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty colourProperty() {
        return colour;
    }

    public ObjectProperty<KeyHolder> keyHolderProperty() {
        return keyHolder;
    }

    public StringProperty defaultCallerNumberIdProperty() {
        return defaultCallerNumberId;
    }

    public StringProperty defaultUseCaseIdProperty() {
        return defaultUseCaseId;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphraseAgainProperty() {
        return passphraseAgain;
    }

    /** False until the encrypted key file exists: a new one's passphrase is chosen, and typed twice. */
    public ReadOnlyBooleanProperty keyFileExistsProperty() {
        return keyFileExists.getReadOnlyProperty();
    }

    public ObservableMap<String, String> errors() {
        return errorsView;
    }

    public ObservableMap<KeyHolder, String> unavailableHolders() {
        return unavailableView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionResultProperty() {
        return connectionResult.getReadOnlyProperty();
    }

    /** True after a test that worked, false after one that did not, null before any. */
    public ReadOnlyObjectProperty<Boolean> connectionOkProperty() {
        return connectionOk.getReadOnlyProperty();
    }

    public BooleanProperty keyRevealedProperty() {
        return keyRevealed;
    }
}
