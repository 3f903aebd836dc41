package org.dialdesk.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.PasswordAccessException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dialdesk.api.ApiKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class KeyringSecretsTest {
    /** Set by .ci/run when it runs the tests inside a D-Bus session with an unlocked keyring. */
    static final String REAL_KEYRING = "DIALDESK_TEST_KEYRING";

    @Test
    void withoutAKeyringItSaysWhyAndWhatToUseInstead() {
        KeyringSecrets none = new KeyringSecrets(() -> {
            throw new BackendNotSupportedException("No backend");
        });
        String reason = none.unavailableReason().orElseThrow();
        assertTrue(reason.contains("No system keyring"), reason);
        assertTrue(reason.contains("encrypted file"), reason);
        SecretException put = assertThrows(SecretException.class, () -> none.put("p-1", ApiKey.of("sk-live-0001")));
        assertEquals(reason, put.getMessage());
    }

    @Test
    void aLockedKeyringThatThrowsFromInsideTheLibraryIsToldPlainly() {
        KeyringSecrets locked = new KeyringSecrets(() -> new KeyringSecrets.Backend() {
            @Override
            public String get(String account) {
                throw new NullPointerException("collection is null");
            }

            @Override
            public void set(String account, String secret) {
                throw new NullPointerException("collection is null");
            }

            @Override
            public void delete(String account) {
                throw new NullPointerException("collection is null");
            }
        });
        assertTrue(locked.unavailableReason().isEmpty(), "the backend was made: the failure comes at use");
        SecretException put = assertThrows(SecretException.class, () -> locked.put("p-1", ApiKey.of("sk-live-MARKER")));
        assertTrue(put.getMessage().contains("may be locked"), put.getMessage());
        assertFalse(put.getMessage().contains("MARKER"));
        SecretException get = assertThrows(SecretException.class, () -> locked.get("p-1"));
        assertTrue(get.getMessage().contains("could not be read"), get.getMessage());
    }

    @Test
    void storesUnderTheServiceNameAndTheProfileId() throws Exception {
        Map<String, String> kept = new HashMap<>();
        KeyringSecrets keyring = new KeyringSecrets(() -> new KeyringSecrets.Backend() {
            @Override
            public String get(String account) throws PasswordAccessException {
                if (!kept.containsKey(account)) {
                    throw new PasswordAccessException("not found");
                }
                return kept.get(account);
            }

            @Override
            public void set(String account, String secret) {
                kept.put(account, secret);
            }

            @Override
            public void delete(String account) {
                kept.remove(account);
            }
        });
        keyring.put("p-1", ApiKey.of("sk-live-0001"));
        assertEquals(Map.of("profile:p-1", "sk-live-0001"), kept);
        assertEquals(Optional.of(ApiKey.of("sk-live-0001")), keyring.get("p-1"));
        assertEquals(Optional.empty(), keyring.get("p-2"));
        keyring.delete("p-2"); // nothing kept: nothing happens
        keyring.delete("p-1");
        assertEquals(Map.of(), kept);
    }

    /** The operating system's own keyring (Secret Service under dbus-run-session in CI). */
    @Test
    void theSystemKeyringKeepsReadsAndForgetsAKey() throws Exception {
        Assumptions.assumeTrue("unlocked".equals(System.getenv(REAL_KEYRING)),
                "no keyring session here: .ci/run runs this inside dbus-run-session with gnome-keyring");
        KeyringSecrets system = KeyringSecrets.system();
        Assumptions.assumeTrue(system.unavailableReason().isEmpty(), () -> "keyring unavailable: "
                + system.unavailableReason().orElse(""));
        String profile = "test-" + UUID.randomUUID();
        system.put(profile, ApiKey.of("sk-live-keyring-0001"));
        try {
            assertEquals(Optional.of(ApiKey.of("sk-live-keyring-0001")), KeyringSecrets.system().get(profile),
                    "a new connection reads what the first one stored");
        } finally {
            system.delete(profile);
        }
        assertEquals(Optional.empty(), system.get(profile));
    }

    /**
     * A D-Bus session whose keyring is locked (D-Bus starts the daemon, which cannot ask for the
     * password without a desktop): the backend is made, storing fails, and the reason says so.
     */
    @Test
    void aLockedSystemKeyringRefusesTheKeyWithAReason() {
        Assumptions.assumeTrue("locked".equals(System.getenv(REAL_KEYRING)),
                "run by .ci/keyring-test.sh inside a D-Bus session with a locked keyring");
        KeyringSecrets system = KeyringSecrets.system();
        SecretException refused = assertThrows(SecretException.class, () -> {
            system.put("test-" + UUID.randomUUID(), ApiKey.of("sk-live-keyring-0002"));
        });
        assertTrue(refused.getMessage().contains("keyring"), refused.getMessage());
    }
}
