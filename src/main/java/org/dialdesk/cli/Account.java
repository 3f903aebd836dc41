package org.dialdesk.cli;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.BaseUrls;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.domain.Settings;
import org.dialdesk.profile.KeyHolder;
import org.dialdesk.profile.Profile;
import org.dialdesk.profile.Profiles;
import org.dialdesk.profile.SecretException;

/**
 * The account a command works on: a profile by name ({@code --profile}), with its key from where
 * it is kept, or a base URL ({@code --base-url}) with the key in {@value #API_KEY_VARIABLE}.
 */
record Account(String name, String baseUrl, ApiKey key) {
    static final String API_KEY_VARIABLE = "DIALDESK_API_KEY";
    static final String PASSPHRASE_VARIABLE = "DIALDESK_KEY_PASSPHRASE";

    /** How the commands talk to this account: with the time limits set in Settings, as the console does. */
    ClientConfig clientConfig(Settings settings) {
        return settings.clientConfig(baseUrl, key);
    }

    /** Why a command cannot find its account; the message is the command's answer. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    static Account resolve(String profileName, String baseUrl, Map<String, String> environment, Profiles profiles,
                           Terminal terminal) throws Problem {
        if (profileName != null && baseUrl != null) {
            throw new Problem("Give --profile or --base-url, not both.");
        }
        if (profileName == null && baseUrl == null) {
            throw new Problem("Say which account: --profile NAME (see dialdesk profiles list), or --base-url URL with "
                    + API_KEY_VARIABLE + " set to its key.");
        }
        if (baseUrl != null) {
            String checked;
            try {
                checked = BaseUrls.check(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new Problem("--base-url: " + e.getMessage());
            }
            return new Account(java.net.URI.create(checked).getHost(), checked, keyFromEnvironment(environment));
        }
        Profile profile = profiles.byName(profileName).orElseThrow(() -> new Problem("There is no profile \"" + profileName
                + "\". Profiles: " + String.join(", ", profiles.all().stream().map(Profile::name).toList()) + "."));
        if (profile.isSandbox()) {
            throw new Problem("The Sandbox profile runs inside the console window. For the command line, start one with"
                    + " \"dialdesk sandbox\" and use --base-url with its key in " + API_KEY_VARIABLE + ".");
        }
        return new Account(profile.name(), profile.baseUrl(), keyOf(profile, environment, profiles, terminal));
    }

    static ApiKey keyFromEnvironment(Map<String, String> environment) throws Problem {
        String key = environment.get(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new Problem("Set the environment variable " + API_KEY_VARIABLE + " to your API key "
                    + "(it is never taken as a command-line argument).");
        }
        try {
            return ApiKey.of(key);
        } catch (IllegalArgumentException e) {
            throw new Problem(API_KEY_VARIABLE + ": " + e.getMessage() + ".");
        }
    }

    private static ApiKey keyOf(Profile profile, Map<String, String> environment, Profiles profiles, Terminal terminal)
            throws Problem {
        try {
            if (profile.keyHolder() == KeyHolder.ENCRYPTED_FILE) {
                unlockKeyFile(environment, profiles, terminal);
            }
            Optional<ApiKey> key = profiles.key(profile);
            if (key.isEmpty()) {
                throw new Problem("No key is kept for " + profile.name() + " in the " + profile.keyHolder().label()
                        + (profile.keyHolder() == KeyHolder.SESSION ? " (that is the console window's memory)" : "")
                        + ". Set one with: dialdesk profiles edit \"" + profile.name() + "\" --new-key");
            }
            return key.get();
        } catch (SecretException e) {
            throw new Problem(e.getMessage());
        }
    }

    /** The passphrase from {@value #PASSPHRASE_VARIABLE}, else asked for. */
    static void unlockKeyFile(Map<String, String> environment, Profiles profiles, Terminal terminal)
            throws Problem, SecretException {
        if (profiles.secrets().file().isUnlocked()) {
            return;
        }
        String passphrase = environment.get(PASSPHRASE_VARIABLE);
        if (passphrase == null) {
            boolean exists = profiles.secrets().file().exists();
            try {
                passphrase = terminal.readSecret(exists ? "Passphrase of the key file: "
                        : "Choose a passphrase for the new key file (at least "
                        + org.dialdesk.profile.EncryptedFileSecrets.MIN_NEW_PASSPHRASE + " characters): ");
                // A new file's passphrase is typed twice: a slip would lock its keys away for good.
                if (!exists && passphrase != null && !passphrase.equals(terminal.readSecret("Type it again: "))) {
                    throw new Problem("The two passphrases differ; nothing was kept. Run the command again.");
                }
            } catch (IOException e) {
                throw new Problem("Could not read the passphrase: " + e.getMessage());
            }
        }
        if (passphrase == null || passphrase.isEmpty()) {
            throw new Problem("The key file needs its passphrase: type it when asked, or set " + PASSPHRASE_VARIABLE + ".");
        }
        profiles.secrets().file().unlock(passphrase.toCharArray());
    }
}
