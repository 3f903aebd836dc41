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
    void aDamagedFileIsToldApartAndKeptAsItIs() throws Exception {
        Path file = EncryptedFileSecrets.fileIn(dir);
        Files.writeString(file, "{\"format\": \"dialdesk-keys-1\", \"salt\": \"not base64!\"", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);
        EncryptedFileSecrets secrets = fresh();
        SecretException damaged = assertThrows(SecretException.class, () -> secrets.unlock("any passphrase".toCharArray()));
        assertTrue(damaged.getMessage().contains("is damaged"), damaged.getMessage());
        assertTrue(damaged.getMessage().contains("Move or rename it"), damaged.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));

        Files.move(file, dir.resolve("keys.enc.damaged"));
        secrets.unlock("a new passphrase".toCharArray());
        secrets.put("p-1", ApiKey.of("sk-live-0003"));
        assertEquals(Optional.of(ApiKey.of("sk-live-0003")), secrets.get("p-1"));
    }

    @Test
    void theWindowAndACommandSideBySideKeepEachOthersKeys() throws Exception {
        EncryptedFileSecrets window = fresh();
        window.unlock("pass phrase".toCharArray());
        window.put("p-1", ApiKey.of("sk-live-0001"));
        EncryptedFileSecrets command = fresh();
        command.unlock("pass phrase".toCharArray());
        command.put("p-2", ApiKey.of("sk-live-0002"));
        window.put("p-3", ApiKey.of("sk-live-0003"));
        EncryptedFileSecrets later = fresh();
        later.unlock("pass phrase".toCharArray());
        for (String id : new String[] {"p-1", "p-2", "p-3"}) {
            assertTrue(later.get(id).isPresent(), id + " kept");
        }
        assertEquals(Optional.of(ApiKey.of("sk-live-0002")), window.get("p-2"), "read afresh, not from what was read at unlock");
    }

    @Test
    void twoThatBothMakeTheFileDoNotWriteOverEachOther() throws Exception {
        EncryptedFileSecrets first = fresh();
        EncryptedFileSecrets second = fresh();
        first.unlock("first passphrase".toCharArray());
        second.unlock("second passphrase".toCharArray());
        first.put("p-1", ApiKey.of("sk-live-0001"));
        SecretException refused = assertThrows(SecretException.class, () -> second.put("p-2", ApiKey.of("sk-live-0002")));
        assertTrue(refused.getMessage().contains("made anew by another DialDesk"), refused.getMessage());
        EncryptedFileSecrets later = fresh();
        later.unlock("first passphrase".toCharArray());
        assertEquals(Optional.of(ApiKey.of("sk-live-0001")), later.get("p-1"));
    }

    @Test
    void aFileWhoseRoundsWereLoweredOrRaisedBeyondReasonIsRefused() throws Exception {
        EncryptedFileSecrets first = fresh();
        first.unlock("pass phrase".toCharArray());
        first.put("p-1", ApiKey.of("sk-live-0001"));
        String sealed = Files.readString(first.file());
        Files.writeString(first.file(), sealed.replace("\"iterations\" : 600000", "\"iterations\" : 1000"));
        assertTrue(assertThrows(SecretException.class, () -> fresh().unlock("pass phrase".toCharArray())).getMessage()
                .contains("1000 key-derivation rounds"));
        Files.writeString(first.file(), sealed.replace("\"iterations\" : 600000", "\"iterations\" : 600001"));
        assertTrue(assertThrows(SecretException.class, () -> fresh().unlock("pass phrase".toCharArray())).getMessage()
                .startsWith("The passphrase is wrong"), "the rounds are authenticated with the data");
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
