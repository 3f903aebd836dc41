package org.dialdesk.testing;

import com.github.javakeyring.BackendNotSupportedException;
import java.nio.file.Path;
import org.dialdesk.profile.EncryptedFileSecrets;
import org.dialdesk.profile.KeyringSecrets;
import org.dialdesk.profile.SecretStores;
import org.dialdesk.profile.SessionSecrets;

/** Key stores for tests: never the developer's own keyring. */
public final class TestSecrets {
    private TestSecrets() {
    }

    /** As on a machine with no keyring: the key file in {@code dataDir} and this session's memory work. */
    public static SecretStores withoutKeyring(Path dataDir) {
        return new SecretStores(new KeyringSecrets(() -> {
            throw new BackendNotSupportedException("no keyring in tests");
        }), new EncryptedFileSecrets(EncryptedFileSecrets.fileIn(dataDir)), new SessionSecrets());
    }
}
