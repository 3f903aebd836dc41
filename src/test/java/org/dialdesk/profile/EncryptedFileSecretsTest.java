package org.dialdesk.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dialdesk.api.ApiKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretsTest {
    @TempDir
    Path dir;

    private EncryptedFileSecrets fresh() {
        return new EncryptedFileSecrets(EncryptedFileSecrets.fileIn(dir));
    }

    @Test
    void keysWrittenWithAPassphraseAreReadBackByTheNextRunAndAreNotInTheFile() throws Exception {
        EncryptedFileSecrets first = fresh();
        assertTrue(first.unavailableReason().orElseThrow().contains("choose a passphrase"));
        first.unlock("correct horse".toCharArray());
        first.put("p-1", ApiKey.of("sk-live-MARKER-0001"));
        first.put("p-2", ApiKey.of("sk-live-MARKER-0002"));

        String onDisk = Files.readString(first.file());
        assertFalse(onDisk.contains("MARKER"), onDisk);
        assertTrue(onDisk.contains("\"iterations\" : 600000"), "PBKDF2 with at least 600,000 iterations: " + onDisk);

        EncryptedFileSecrets next = fresh();
        assertTrue(next.unavailableReason().orElseThrow().contains("locked"));
        next.unlock("correct horse".toCharArray());
        assertEquals(Optional.of(ApiKey.of("sk-live-MARKER-0001")), next.get("p-1"));
        next.delete("p-1");
        assertEquals(Optional.empty(), next.get("p-1"));
        assertEquals(Optional.of(ApiKey.of("sk-live-MARKER-0002")), next.get("p-2"));
    }

    @Test
    void aWrongPassphraseSaysSoAndLeavesTheFileAsItWas() throws Exception {
        EncryptedFileSecrets first = fresh();
        first.unlock("the right one".toCharArray());
        first.put("p-1", ApiKey.of("sk-live-0001"));
        byte[] before = Files.readAllBytes(first.file());

        EncryptedFileSecrets next = fresh();
        SecretException wrong = assertThrows(SecretException.class, () -> next.unlock("wrong one".toCharArray()));
        assertTrue(wrong.getMessage().startsWith("The passphrase is wrong"), wrong.getMessage());
        assertFalse(next.isUnlocked());
        assertThrows(SecretException.class, () -> next.put("p-2", ApiKey.of("sk-live-0002")), "nothing is written while locked");
        assertArrayEquals(before, Files.readAllBytes(first.file()));

        next.unlock("the right one".toCharArray());
        assertEquals(Optional.of(ApiKey.of("sk-live-0001")), next.get("p-1"), "the right passphrase still opens it");
    }

    @Test
    void aDamagedFileIsToldApartKeptAndCanBeSetAsideForANewOne() throws Exception {
        Path file = EncryptedFileSecrets.fileIn(dir);
        Files.writeString(file, "{\"format\": \"dialdesk-keys-1\", \"salt\": \"not base64!\"", StandardCharsets.UTF_8);
        EncryptedFileSecrets secrets = fresh();
        SecretException damaged = assertThrows(SecretException.class, () -> secrets.unlock("any".toCharArray()));
        assertTrue(damaged.getMessage().contains("is damaged"), damaged.getMessage());
        assertTrue(damaged.getMessage().contains("left as it is"), damaged.getMessage());
        assertTrue(Files.exists(file));

        Path aside = secrets.setAside();
        assertTrue(Files.exists(aside));
        assertFalse(Files.exists(file));
        secrets.unlock("a new passphrase".toCharArray());
        secrets.put("p-1", ApiKey.of("sk-live-0003"));
        assertEquals(Optional.of(ApiKey.of("sk-live-0003")), secrets.get("p-1"));
    }

    @Test
    void changedBytesInTheSealedDataAreRefused() throws Exception {
        EncryptedFileSecrets first = fresh();
        first.unlock("pass phrase".toCharArray());
        first.put("p-1", ApiKey.of("sk-live-0001"));
        String sealed = Files.readString(first.file());
        int at = sealed.indexOf("\"data\" : \"") + 12;
        char flipped = sealed.charAt(at) == 'A' ? 'B' : 'A';
        Files.writeString(first.file(), sealed.substring(0, at) + flipped + sealed.substring(at + 1));

        SecretException refused = assertThrows(SecretException.class, () -> fresh().unlock("pass phrase".toCharArray()));
        assertTrue(refused.getMessage().contains("was changed"), refused.getMessage());
    }

    @Test
    void aNewFilesPassphraseIsLongEnough() {
        SecretException shortOne = assertThrows(SecretException.class, () -> fresh().unlock("abc".toCharArray()));
        assertTrue(shortOne.getMessage().contains("at least 8 characters"), shortOne.getMessage());
    }

    @Test
    void anEmptyPassphraseIsRefused() {
        SecretException empty = assertThrows(SecretException.class, () -> fresh().unlock(new char[0]));
        assertTrue(empty.getMessage().contains("Type the passphrase"));
    }
}
