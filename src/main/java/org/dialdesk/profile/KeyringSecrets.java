package org.dialdesk.profile;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.dialdesk.api.ApiKey;

/**
 * Keys in the operating system's credential store: Secret Service over D-Bus on Linux (GNOME
 * Keyring, KWallet), the Keychain on macOS, the Credential Manager on Windows. Two failures are
 * usual on Linux and both are told plainly: no D-Bus session or Secret Service at all (the backend
 * cannot be made), and a keyring that exists but is locked (storing then throws an unchecked
 * exception from inside the library).
 */
public final class KeyringSecrets implements SecretStore {
    static final String SERVICE = "DialDesk";
    private static final String NO_KEYRING = "No system keyring answers (no Secret Service on D-Bus, or no D-Bus session)."
            + " Keep the key in an encrypted file, or for this session only.";

    /** The calls this class makes on the library, so that its failures can be tested without one. */
    public interface Backend {
        String get(String account) throws PasswordAccessException;

        void set(String account, String secret) throws PasswordAccessException;

        void delete(String account) throws PasswordAccessException;
    }

    /** Makes the backend; throws when the system has none. */
    public interface BackendOpener {
        Backend open() throws BackendNotSupportedException;
    }

    private final BackendOpener opener;
    private Backend backend;
    private String unavailable;

    /** Over the system's keyring. */
    public static KeyringSecrets system() {
        return new KeyringSecrets(() -> {
            Keyring keyring = Keyring.create();
            return new Backend() {
                @Override
                public String get(String account) throws PasswordAccessException {
                    return keyring.getPassword(SERVICE, account);
                }

                @Override
                public void set(String account, String secret) throws PasswordAccessException {
                    keyring.setPassword(SERVICE, account, secret);
                }

                @Override
                public void delete(String account) throws PasswordAccessException {
                    keyring.deletePassword(SERVICE, account);
                }
            };
        });
    }

    public KeyringSecrets(BackendOpener opener) {
        this.opener = opener;
    }

    @Override
    public KeyHolder holder() {
        return KeyHolder.KEYRING;
    }

    /** Opens the backend on first use (a D-Bus connection on Linux), and remembers that there is none. */
    private synchronized Backend backend() throws SecretException {
        if (backend == null && unavailable == null) {
            try {
                backend = opener.open();
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                unavailable = NO_KEYRING;
                // Why, for the log only (opening the keyring involves no key): a runtime missing a module
                // the D-Bus connection needs looked exactly like a machine without a keyring.
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                System.getLogger("org.dialdesk.profile").log(System.Logger.Level.INFO,
                        "No system keyring: " + e + (cause == e ? "" : " (" + cause + ")"));
            }
        }
        if (backend == null) {
            throw new SecretException(unavailable);
        }
        return backend;
    }

    @Override
    public synchronized Optional<String> unavailableReason() {
        try {
            backend();
            return Optional.empty();
        } catch (SecretException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void put(String profileId, ApiKey key) throws SecretException {
        Backend keyring = backend();
        try {
            keyring.set(account(profileId), key.reveal());
        } catch (PasswordAccessException | RuntimeException e) {
            // The library's messages are about D-Bus; the key is never in them, but neither is advice.
            throw new SecretException("The system keyring did not take the key: it may be locked or refusing access."
                    + " Unlock it (log in to the desktop session) and try again, or keep the key in an encrypted file.", e);
        }
    }

    @Override
    public Optional<ApiKey> get(String profileId) throws SecretException {
        Backend keyring = backend();
        String secret;
        try {
            secret = keyring.get(account(profileId));
        } catch (PasswordAccessException e) {
            return Optional.empty(); // the library's answer when nothing is stored under the name
        } catch (RuntimeException e) {
            throw new SecretException("The system keyring could not be read: it may be locked."
                    + " Unlock it (log in to the desktop session) and open the profile again.", e);
        }
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ApiKey.of(secret));
        } catch (IllegalArgumentException e) {
            throw new SecretException("The key in the system keyring for this profile is not a usable API key;"
                    + " paste the key again in the profile.");
        }
    }

    @Override
    public void delete(String profileId) throws SecretException {
        Backend keyring = backend();
        try {
            if (keyring.get(account(profileId)) == null) {
                return;
            }
        } catch (PasswordAccessException e) {
            return; // nothing stored
        } catch (RuntimeException e) {
            throw new SecretException("The system keyring could not be read to remove the key: it may be locked.", e);
        }
        try {
            keyring.delete(account(profileId));
        } catch (PasswordAccessException | RuntimeException e) {
            throw new SecretException("The system keyring did not remove the key: it may be locked."
                    + " Unlock it and remove the profile again, or delete \"" + SERVICE + " " + account(profileId)
                    + "\" with your keyring's own tool.", e);
        }
    }

    static String account(String profileId) {
        return "profile:" + profileId;
    }
}
