package org.dialdesk.ui.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.dialdesk.profile.KeyHolder;
import org.dialdesk.profile.Profile;
import org.dialdesk.profile.Profiles;
import org.dialdesk.profile.SecretStores;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.ConnectionCheck;
import org.dialdesk.testing.DirectTaskRunner;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.TestClocks;
import org.dialdesk.testing.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesViewModelTest {
    static final String KEY = "sk-live-vm-0001";

    @TempDir
    Path dir;
    @TempDir
    Path sandboxDir;
    Sandbox sandbox;
    SecretStores secrets;
    Profiles profiles;
    final List<List<Profile>> toldShell = new ArrayList<>();
    final SimpleObjectProperty<Profile> open = new SimpleObjectProperty<>(Profile.SANDBOX);
    final List<Profile> reopened = new ArrayList<>();
    ProfilesViewModel vm;

    @BeforeEach
    void start() throws Exception {
        MutableClock clock = new MutableClock(TestClocks.START);
        sandbox = Sandbox.start(SandboxOptions.defaults(sandboxDir, clock).withClock(clock, false).withApiKey(KEY));
        secrets = TestSecrets.withoutKeyring(dir);
        profiles = new Profiles(dir, secrets, null, clock);
        vm = new ProfilesViewModel(profiles, new DirectTaskRunner(), new ConnectionCheck(clock, System::nanoTime,
                Duration.ofSeconds(5)), toldShell::add, open, reopened::add);
        vm.load();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    void fill(String name, String url, String key) {
        vm.startNew();
        vm.nameProperty().set(name);
        vm.baseUrlProperty().set(url);
        vm.apiKeyProperty().set(key);
    }

    @Test
    void withoutAKeyringANewProfileOffersTheKeyFileAndItsPassphraseMakesIt() {
        vm.startNew();
        assertEquals(KeyHolder.ENCRYPTED_FILE, vm.keyHolderProperty().get());
        assertTrue(vm.unavailableHolders().containsKey(KeyHolder.KEYRING));
        fill("Acme staging", sandbox.baseUrl(), KEY);
        vm.keyHolderProperty().set(KeyHolder.KEYRING);
        assertTrue(vm.errors().get(ProfilesViewModel.KEY_HOLDER).contains("No system keyring"));
        vm.keyHolderProperty().set(KeyHolder.ENCRYPTED_FILE);
        assertTrue(vm.needsPassphrase());
        vm.save();
        assertTrue(vm.messageIsProblemProperty().get());
        assertEquals(1, vm.profiles().size(), "nothing saved without the passphrase");

        assertFalse(vm.keyFileExistsProperty().get(), "a new key file: its passphrase is typed twice");
        vm.passphraseProperty().set("horse battery");
        vm.passphraseAgainProperty().set("horse batery");
        vm.save();
        assertEquals("The two passphrases differ: type the new key file's passphrase twice, the same.",
                vm.messageProperty().get());
        vm.passphraseProperty().set("horse");
        vm.passphraseAgainProperty().set("horse");
        vm.save();
        assertTrue(vm.messageProperty().get().contains("at least 8 characters"), vm.messageProperty().get());
        assertEquals(1, vm.profiles().size());
        vm.passphraseProperty().set("horse battery");
        vm.passphraseAgainProperty().set("horse battery");
        vm.save();
        assertEquals("Added Acme staging; its key is kept in the encrypted key file.", vm.messageProperty().get());
        assertEquals(2, vm.profiles().size());
        assertEquals("", vm.passphraseProperty().get(), "the passphrase is not kept in the form");
        assertEquals("", vm.apiKeyProperty().get(), "nor the key");
        assertEquals(List.of("Sandbox", "Acme staging"), toldShell.get(toldShell.size() - 1).stream().map(Profile::name).toList());
    }

    @Test
    void fieldsAreCheckedAsTypedAndTheFormKeepsWhatWasTypedWhenSavingFails() {
        fill("", "http://acme.example/api", "");
        assertEquals(List.of(ProfilesViewModel.API_KEY, ProfilesViewModel.BASE_URL, ProfilesViewModel.NAME),
                vm.errors().keySet().stream().sorted().toList());
        vm.nameProperty().set("Sandbox");
        assertTrue(vm.errors().get(ProfilesViewModel.NAME).contains("exists already"));
        vm.nameProperty().set("Acme");
        vm.baseUrlProperty().set(sandbox.baseUrl());
        vm.apiKeyProperty().set("two words");
        assertTrue(vm.errors().get(ProfilesViewModel.API_KEY).contains("spaces"));
        vm.apiKeyProperty().set(KEY);
        vm.keyHolderProperty().set(KeyHolder.SESSION);
        assertTrue(vm.errors().isEmpty(), vm.errors().toString());
        vm.colourProperty().set("orange");
        vm.save();
        assertEquals("Acme", vm.nameProperty().get());
        assertEquals(KEY, vm.apiKeyProperty().get(), "nothing typed is lost");
        assertEquals(1, vm.profiles().size());
    }

    @Test
    void testConnectionUsesTheTypedKeyOrTheKeptOneAndSaysWhatIsWrong() {
        fill("Acme", sandbox.baseUrl(), "sk-wrong-key");
        vm.keyHolderProperty().set(KeyHolder.SESSION);
        vm.testConnection();
        assertEquals(Boolean.FALSE, vm.connectionOkProperty().get());
        assertTrue(vm.connectionResultProperty().get().startsWith("The key was refused (401 Unauthorized)."),
                vm.connectionResultProperty().get());

        vm.apiKeyProperty().set(KEY);
        vm.save();
        Profile saved = vm.editingProperty().get();
        assertEquals("Acme", saved.name());
        assertEquals("", vm.apiKeyProperty().get());
        vm.testConnection();
        assertEquals(Boolean.TRUE, vm.connectionOkProperty().get(), vm.connectionResultProperty().get());
        assertTrue(vm.connectionResultProperty().get().startsWith("Connected in "));

        vm.revealKey();
        assertTrue(vm.keyRevealedProperty().get());
        assertEquals(KEY, vm.apiKeyProperty().get(), "revealed on request");
        vm.hideKey();
        assertEquals("", vm.apiKeyProperty().get(), "hidden again, it leaves the form: Save does not see a new key");

        vm.baseUrlProperty().set("https://api.acme-typo.example/v1");
        vm.testConnection();
        assertEquals(Boolean.FALSE, vm.connectionOkProperty().get());
        assertTrue(vm.connectionResultProperty().get().startsWith("The address is not the one saved for Acme"),
                vm.connectionResultProperty().get());
    }

    @Test
    void savingTheOpenProfileOpensItAgain() {
        fill("Acme", sandbox.baseUrl(), KEY);
        vm.keyHolderProperty().set(KeyHolder.SESSION);
        vm.save();
        Profile acme = vm.editingProperty().get();
        assertEquals(List.of(), reopened, "not open: nothing to open again");
        open.set(acme);
        vm.colourProperty().set("#1d4ed8");
        vm.save();
        assertEquals(List.of("#1d4ed8"), reopened.stream().map(Profile::colour).toList());
    }

    @Test
    void theOpenProfileIsNotRemovedAnotherIsWithItsKey() throws Exception {
        fill("Acme", sandbox.baseUrl(), KEY);
        vm.keyHolderProperty().set(KeyHolder.SESSION);
        vm.save();
        Profile acme = vm.editingProperty().get();
        open.set(acme);
        vm.remove();
        assertTrue(vm.messageProperty().get().contains("is open: switch to another profile"));
        assertEquals(2, vm.profiles().size());

        vm.duplicate();
        assertEquals("Acme (copy)", vm.editingProperty().get().name());
        open.set(Profile.SANDBOX);
        vm.edit(acme);
        vm.remove();
        assertEquals(List.of("Sandbox", "Acme (copy)"), vm.profiles().stream().map(Profile::name).toList());
        assertTrue(secrets.session().get(acme.id()).isEmpty(), "its key went with it");
        assertNull(vm.editingProperty().get());
    }

    @Test
    void theSandboxIsShownButNotEditable() {
        vm.edit(Profile.SANDBOX);
        assertTrue(vm.errors().isEmpty());
        vm.save();
        assertTrue(vm.messageProperty().get().contains("built in"));
        vm.testConnection();
        assertFalse(vm.busyProperty().get());
    }
}
