package org.dialdesk.profile;

import java.nio.file.Path;

/** The three places a key can be kept; a profile names one of them. */
public record SecretStores(KeyringSecrets keyring, EncryptedFileSecrets file, SessionSecrets session) {

    /** The system's keyring, the data folder's key file and this run's memory. */
    public static SecretStores system(Path dataDir) {
        return new SecretStores(KeyringSecrets.system(), new EncryptedFileSecrets(EncryptedFileSecrets.fileIn(dataDir)),
                new SessionSecrets());
    }

    public SecretStore of(KeyHolder holder) {
        return switch (holder) {
            case KEYRING -> keyring;
            case ENCRYPTED_FILE -> file;
            case SESSION -> session;
        };
    }
}
