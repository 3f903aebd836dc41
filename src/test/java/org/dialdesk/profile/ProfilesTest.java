package org.dialdesk.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javakeyring.BackendNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dialdesk.api.ApiKey;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.store.AuditLog;
import org.dialdesk.testing.TestClocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
    @TempDir
    Path dir;
    AuditLog audit;
    SecretStores secrets;
    Profiles profiles;

    @BeforeEach
    void open() throws Exception {
        audit = new AuditLog(AuditLog.fileIn(dir));
        secrets = new SecretStores(new KeyringSecrets(() -> {
            throw new BackendNotSupportedException("none");
        }), new EncryptedFileSecrets(EncryptedFileSecrets.fileIn(dir)), new SessionSecrets());
        profiles = new Profiles(dir, secrets, audit, TestClocks.ticking());
    }

    @AfterEach
    void close() throws Exception {
        audit.close();
    }

    private static Profiles.Draft draft(String name, String url, KeyHolder holder) {
        return new Profiles.Draft(name, url, "#1d4ed8", holder, null, null);
    }

    @Test
    void theSandboxComesFirstAndIsActiveUntilAnotherIsOpened() throws Exception {
        assertEquals(List.of(Profile.SANDBOX), profiles.all());
        assertEquals(Profile.SANDBOX, profiles.active());
        Profile acme = profiles.add(draft("Acme production", "https://api.acme.example/v1", KeyHolder.SESSION),
                ApiKey.of("sk-live-0001"));
        profiles.setActive(acme);
        Profiles nextRun = new Profiles(dir, secrets, audit, TestClocks.ticking());
        assertEquals(acme, nextRun.active());
        assertEquals(List.of(Profile.SANDBOX, acme), nextRun.all());
        assertEquals(Optional.of(acme), nextRun.byName("acme PRODUCTION"));
    }

    @Test
    void theProfilesFileNeverHoldsTheKey() throws Exception {
        secrets.file().unlock("pass phrase".toCharArray());
        profiles.add(draft("Acme", "https://api.acme.example/v1", KeyHolder.ENCRYPTED_FILE), ApiKey.of("sk-live-MARKER-77"));
        for (Path file : Files.list(dir).toList()) {
            if (Files.isRegularFile(file)) {
                assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("MARKER-77"), file.toString());
            }
        }
    }

    @Test
    void fieldsAreCheckedWithReasonsAndNothingIsKeptWhenOneIsWrong() throws Exception {
        IllegalArgumentException plainHttp = assertThrows(IllegalArgumentException.class, () -> profiles.add(
                draft("Acme", "http://api.acme.example/v1", KeyHolder.SESSION), ApiKey.of("sk-live-0001")));
        assertTrue(plainHttp.getMessage().contains("unencrypted"), plainHttp.getMessage());
        profiles.add(draft("Acme", "http://127.0.0.1:8080/api/v1", KeyHolder.SESSION), ApiKey.of("sk-live-0001"));
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class, () -> profiles.add(
                draft("ACME", "https://api.acme.example/v1", KeyHolder.SESSION), ApiKey.of("sk-live-0002")));
        assertTrue(same.getMessage().contains("exists already"), same.getMessage());
        assertThrows(IllegalArgumentException.class, () -> profiles.add(
                draft("Sandbox", "https://api.acme.example/v1", KeyHolder.SESSION), ApiKey.of("sk-live-0002")));
        assertThrows(IllegalArgumentException.class, () -> profiles.add(
                new Profiles.Draft("Beta", "https://b.example", "red", KeyHolder.SESSION, null, null), ApiKey.of("k-1")));
        assertEquals(2, profiles.all().size());
    }

    @Test
    void aKeyThatCannotBeKeptKeepsTheProfileFromBeingAdded() {
        SecretException noKeyring = assertThrows(SecretException.class, () -> profiles.add(
                draft("Acme", "https://api.acme.example/v1", KeyHolder.KEYRING), ApiKey.of("sk-live-0001")));
        assertTrue(noKeyring.getMessage().contains("No system keyring"));
        assertEquals(List.of(Profile.SANDBOX), profiles.all());
    }

    @Test
    void editDuplicateAndRemoveMoveAndDeleteTheKeyAndAreAudited() throws Exception {
        Profile acme = profiles.add(draft("Acme", "https://api.acme.example/v1", KeyHolder.SESSION), ApiKey.of("sk-live-0001"));
        secrets.file().unlock("pass phrase".toCharArray());
        Profile moved = profiles.update(acme.id(), draft("Acme production", "https://api.acme.example/v2",
                KeyHolder.ENCRYPTED_FILE), Optional.empty());
        assertEquals(Optional.of(ApiKey.of("sk-live-0001")), secrets.file().get(acme.id()), "the key went with it");
        assertEquals(Optional.empty(), secrets.session().get(acme.id()), "and left the old holder");
        assertEquals("Acme production", moved.name());

        Profile copy = profiles.duplicate(acme.id());
        assertEquals("Acme production (copy)", copy.name());
        assertEquals(Optional.of(ApiKey.of("sk-live-0001")), profiles.key(copy));

        profiles.remove(acme.id());
        assertEquals(Optional.empty(), secrets.file().get(acme.id()));
        assertEquals(List.of(Profile.SANDBOX, copy), profiles.all());
        assertThrows(IllegalArgumentException.class, () -> profiles.remove(Profile.SANDBOX_ID));

        List<AuditEntry> entries = audit.read(AuditLog.Query.all());
        assertEquals(List.of(AuditEntry.Action.PROFILE_REMOVED, AuditEntry.Action.PROFILE_ADDED,
                AuditEntry.Action.PROFILE_CHANGED, AuditEntry.Action.PROFILE_ADDED),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals("Changed profile Acme production: renamed from Acme, base URL https://api.acme.example/v2,"
                + " key moved to the encrypted key file", entries.get(2).summary());
        assertTrue(entries.stream().noneMatch(e -> e.summary().contains("sk-live")));
    }

    @Test
    void aKeyThatCannotBeRemovedKeepsTheProfile() throws Exception {
        secrets.file().unlock("pass phrase".toCharArray());
        Profile acme = profiles.add(draft("Acme", "https://api.acme.example/v1", KeyHolder.ENCRYPTED_FILE),
                ApiKey.of("sk-live-0001"));
        secrets.file().lock();
        SecretException locked = assertThrows(SecretException.class, () -> profiles.remove(acme.id()));
        assertTrue(locked.getMessage().contains("locked"), locked.getMessage());
        assertEquals(List.of(Profile.SANDBOX, acme), profiles.all());
    }
}
