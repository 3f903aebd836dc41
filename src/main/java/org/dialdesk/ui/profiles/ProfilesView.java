package org.dialdesk.ui.profiles;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.dialdesk.profile.KeyHolder;
import org.dialdesk.profile.Profile;
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.OnePerFrame;

/** The profiles on the left; the picked one's form on the right, with Test connection and where its key is kept. */
public final class ProfilesView extends BorderPane {
    private final ProfilesViewModel vm;
    private final FormFields fields;
    private boolean loaded;

    /**
     * {@code frames}: the window's queue the form goes in by, a frame after the list: list and form
     * together held the window for one frame of 95-145 ms at start-up (start-up benchmark).
     */
    public ProfilesView(ProfilesViewModel vm, OnePerFrame frames) {
        this.vm = vm;
        this.fields = new FormFields(vm.errors());
        setId("profilesView");
        setPadding(new Insets(16));
        setLeft(list());
        frames.onceInWindow(this, () -> List.of(() -> {
            ScrollPane form = new ScrollPane(form());
            form.setFitToWidth(true);
            form.getStyleClass().add("edge-to-edge");
            setCenter(form);
        }));
        // Asking whether the keyring works opens a D-Bus connection: done when the screen is first shown.
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown && !loaded) {
                loaded = true;
                vm.load();
            }
            if (!shown) {
                vm.hideKey(); // a revealed key does not stay on screen behind another
            }
        });
    }

    private VBox list() {
        ListView<Profile> list = new ListView<>(vm.profiles());
        list.setId("profilesList");
        list.setPrefWidth(240);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Profile profile, boolean empty) {
                super.updateItem(profile, empty);
                if (empty || profile == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(profile.isSandbox() ? "Sandbox — simulated calls" : profile.name() + "\n" + profile.baseUrl());
                setGraphic(new Circle(6, Color.web(profile.colour())));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null) {
                vm.edit(picked);
                fields.untouchAll();
            }
        });
        vm.editingProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() == null
                    || !list.getSelectionModel().getSelectedItem().id().equals(now.id())) {
                vm.profiles().stream().filter(p -> p.id().equals(now.id())).findFirst()
                        .ifPresent(p -> list.getSelectionModel().select(p));
            }
        });
        Button add = new Button("_Add profile");
        add.setId("addProfileButton");
        add.setMaxWidth(Double.MAX_VALUE);
        add.setOnAction(e -> {
            vm.startNew();
            fields.untouchAll();
        });
        VBox box = new VBox(8, new Label("Profiles"), list, add);
        box.getChildren().get(0).getStyleClass().add(Styles.TITLE_4);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(0, 16, 0, 0));
        return box;
    }

    private VBox form() {
        Label title = new Label();
        title.setId("profileFormTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Profile editing = vm.editingProperty().get();
            return editing == null ? "New profile" : editing.isSandbox() ? "Sandbox (built in)" : editing.name();
        }, vm.editingProperty()));
        BooleanBinding sandbox = Bindings.createBooleanBinding(() -> vm.editingProperty().get() != null
                && vm.editingProperty().get().isSandbox(), vm.editingProperty());
        Label sandboxNote = new Label("The Sandbox runs inside DialDesk on 127.0.0.1: its calls are simulated, nobody is rung."
                + " It has no address or key to set. Add a profile for a real account.");
        sandboxNote.setWrapText(true);
        sandboxNote.visibleProperty().bind(sandbox);
        sandboxNote.managedProperty().bind(sandbox);

        TextField name = new TextField();
        name.setId("profileName");
        name.setPromptText("e.g. Acme production");
        name.textProperty().bindBidirectional(vm.nameProperty());

        TextField baseUrl = new TextField();
        baseUrl.setId("profileBaseUrl");
        baseUrl.textProperty().bindBidirectional(vm.baseUrlProperty());
        HBox.setHgrow(baseUrl, Priority.ALWAYS);
        Button vendor = new Button("Vendor's address");
        vendor.setId("vendorUrlButton");
        vendor.getStyleClass().add(Styles.SMALL);
        vendor.setOnAction(e -> vm.baseUrlProperty().set(Profile.VENDOR_BASE_URL));
        HBox urlRow = new HBox(6, baseUrl, vendor);
        urlRow.setAlignment(Pos.CENTER_LEFT);

        PasswordField maskedKey = new PasswordField();
        maskedKey.setId("profileApiKey");
        maskedKey.textProperty().bindBidirectional(vm.apiKeyProperty());
        TextField shownKey = new TextField();
        shownKey.setId("profileApiKeyShown");
        shownKey.textProperty().bindBidirectional(vm.apiKeyProperty());
        shownKey.visibleProperty().bind(vm.keyRevealedProperty());
        maskedKey.visibleProperty().bind(vm.keyRevealedProperty().not());
        maskedKey.promptTextProperty().bind(Bindings.when(vm.editingProperty().isNull())
                .then("Paste the account's API key").otherwise("Kept; paste a new key to replace it"));
        StackPane keyBox = new StackPane(maskedKey, shownKey);
        HBox.setHgrow(keyBox, Priority.ALWAYS);
        Button reveal = new Button();
        reveal.setId("revealKeyButton");
        reveal.getStyleClass().add(Styles.SMALL);
        reveal.textProperty().bind(Bindings.when(vm.keyRevealedProperty()).then("Hide").otherwise("Reveal"));
        reveal.setOnAction(e -> {
            if (vm.keyRevealedProperty().get()) {
                vm.hideKey();
            } else {
                vm.revealKey();
            }
        });
        HBox keyRow = new HBox(6, keyBox, reveal);
        keyRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<KeyHolder> holder = new ComboBox<>();
        holder.setId("keyHolderChoice");
        holder.getItems().setAll(KeyHolder.values());
        holder.valueProperty().bindBidirectional(vm.keyHolderProperty());
        holder.setConverter(FormFields.converter(h -> h == null ? "" : capitalised(h.label())
                + Optional.ofNullable(vm.unavailableHolders().get(h)).filter(r -> h != KeyHolder.ENCRYPTED_FILE)
                        .map(r -> " (not available here)").orElse("")));
        vm.unavailableHolders().addListener((MapChangeListener<KeyHolder, String>) change -> {
            KeyHolder chosen = holder.getValue();
            holder.getItems().setAll(KeyHolder.values()); // labels say again which work
            holder.setValue(chosen);
        });
        Label holderHint = FormFields.hint("keyHolderHint");
        holderHint.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.keyHolderProperty().get() == null
                ? KeyHolder.KEYRING : vm.keyHolderProperty().get()) {
            case KEYRING -> "The operating system keeps the key (Secret Service, Keychain or Credential Manager).";
            case ENCRYPTED_FILE -> "Encrypted with a passphrase you type (AES-256-GCM); asked for once per session.";
            case SESSION -> "Kept in memory only: paste it again after DialDesk restarts.";
        }, vm.keyHolderProperty()));

        PasswordField passphrase = new PasswordField();
        passphrase.setId("keyPassphrase");
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        passphrase.promptTextProperty().bind(Bindings.createStringBinding(() ->
                vm.unavailableHolders().getOrDefault(KeyHolder.ENCRYPTED_FILE, ""), vm.unavailableHolders()));
        Button unlock = new Button();
        unlock.setId("unlockKeysButton");
        unlock.getStyleClass().add(Styles.SMALL);
        unlock.textProperty().bind(Bindings.when(vm.keyFileExistsProperty()).then("Open key file").otherwise("Make key file"));
        unlock.setOnAction(e -> vm.unlockKeyFile(null));
        PasswordField again = new PasswordField();
        again.setId("keyPassphraseAgain");
        again.setPromptText("Type it again");
        again.textProperty().bindBidirectional(vm.passphraseAgainProperty());
        again.visibleProperty().bind(vm.keyFileExistsProperty().not());
        again.managedProperty().bind(again.visibleProperty());
        HBox passphraseRow = new HBox(6, passphrase, again, unlock);
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        HBox.setHgrow(again, Priority.ALWAYS);
        BooleanBinding needsPassphrase = Bindings.createBooleanBinding(() ->
                vm.keyHolderProperty().get() == KeyHolder.ENCRYPTED_FILE
                        && vm.unavailableHolders().containsKey(KeyHolder.ENCRYPTED_FILE),
                vm.keyHolderProperty(), vm.unavailableHolders());
        VBox passphraseField = fields.field("Key file _passphrase", "passphrase", passphraseRow, null, null, passphrase);
        passphraseField.visibleProperty().bind(needsPassphrase);
        passphraseField.managedProperty().bind(needsPassphrase);

        ColorPicker colourPicker = new ColorPicker();
        colourPicker.setId("profileColour");
        colourPicker.setValue(Color.web(vm.colourProperty().get()));
        colourPicker.valueProperty().addListener((obs, old, picked) -> vm.colourProperty().set(hex(picked)));
        vm.colourProperty().addListener((obs, old, now) -> {
            if (now != null && now.matches("#[0-9a-fA-F]{6}") && !now.equalsIgnoreCase(hex(colourPicker.getValue()))) {
                colourPicker.setValue(Color.web(now));
            }
        });

        TextField caller = new TextField();
        caller.setId("profileDefaultCaller");
        caller.setPromptText("Caller number ID (optional)");
        caller.textProperty().bindBidirectional(vm.defaultCallerNumberIdProperty());
        TextField useCase = new TextField();
        useCase.setId("profileDefaultUseCase");
        useCase.setPromptText("Use case ID (optional)");
        useCase.textProperty().bindBidirectional(vm.defaultUseCaseIdProperty());

        VBox editable = new VBox(12,
                fields.field("_Name", ProfilesViewModel.NAME, name),
                fields.field("_Base URL", ProfilesViewModel.BASE_URL, urlRow, null, null, baseUrl),
                fields.field("API _key", ProfilesViewModel.API_KEY, keyRow, null, null, maskedKey),
                fields.field("Key _kept in", ProfilesViewModel.KEY_HOLDER, holder, null, holderHint, holder),
                passphraseField,
                fields.field("_Colour (badge and banner)", ProfilesViewModel.COLOUR, colourPicker),
                fields.field("Default caller _number", "default_caller", caller),
                fields.field("Default _use case", "default_use_case", useCase));
        editable.visibleProperty().bind(sandbox.not());
        editable.managedProperty().bind(sandbox.not());
        fields.watchOperator(editable);

        Button save = new Button("_Save");
        save.setId("saveProfileButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            if (!vm.errors().isEmpty()) {
                fields.showProblems(java.util.List.of(ProfilesViewModel.NAME, ProfilesViewModel.BASE_URL,
                        ProfilesViewModel.API_KEY, ProfilesViewModel.KEY_HOLDER, ProfilesViewModel.COLOUR));
            }
            vm.save();
        });
        Button test = new Button("_Test connection");
        test.setId("testConnectionButton");
        test.setOnAction(e -> vm.testConnection());
        Button duplicate = new Button("D_uplicate");
        duplicate.setId("duplicateProfileButton");
        duplicate.setOnAction(e -> vm.duplicate());
        Button remove = new Button("_Remove…");
        remove.setId("removeProfileButton");
        remove.getStyleClass().add(Styles.DANGER);
        remove.setOnAction(e -> confirmRemove());
        duplicate.disableProperty().bind(vm.editingProperty().isNull().or(sandbox));
        remove.disableProperty().bind(vm.editingProperty().isNull().or(sandbox));
        // Not disabled while busy: a disabled button hands its focus to the next control (the status
        // bar), and the operator's next key would land there. The view model ignores a second press.
        for (Button button : new Button[] {save, test}) {
            button.disableProperty().bind(sandbox);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, save, test, gap, duplicate, remove);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label result = new Label();
        result.setId("connectionResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.connectionResultProperty());
        vm.connectionOkProperty().addListener((obs, old, ok) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (ok != null) {
                result.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            }
        });
        FormFields.showWhenSet(result, vm.connectionResultProperty());
        Label message = new Label();
        message.setId("profilesMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsProblemProperty().addListener((obs, was, problem) -> {
            message.getStyleClass().remove(Styles.DANGER);
            if (problem) {
                message.getStyleClass().add(Styles.DANGER);
            }
        });
        FormFields.showWhenSet(message, vm.messageProperty());

        VBox form = new VBox(14, title, sandboxNote, editable, actions, result, message);
        form.setMaxWidth(640);
        form.setPadding(new Insets(0, 8, 16, 0));
        return form;
    }

    private void confirmRemove() {
        Profile profile = vm.editingProperty().get();
        if (profile == null) {
            return;
        }
        ButtonType removeIt = new ButtonType("Remove profile and key", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", removeIt, ButtonType.CANCEL);
        confirm.setHeaderText("Remove " + profile.name() + "?");
        confirm.setContentText("Its key is deleted from the " + profile.keyHolder().label() + ". Its call history cache"
                + " stays on disk; the account itself and its calls are not touched.");
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        confirm.showAndWait().filter(removeIt::equals).ifPresent(choice -> vm.remove());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String hex(Color colour) {
        return String.format("#%02x%02x%02x", Math.round(colour.getRed() * 255), Math.round(colour.getGreen() * 255),
                Math.round(colour.getBlue() * 255));
    }
}
