package org.dialdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import org.dialdesk.api.ApiKey;
import org.dialdesk.profile.KeyHolder;
import org.dialdesk.profile.Profile;
import org.dialdesk.profile.Profiles;
import org.dialdesk.profile.SecretException;
import org.dialdesk.service.ConnectionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "profiles",
        mixinStandardHelpOptions = true,
        description = {
            "List, add, change, remove and test the accounts DialDesk dials on.",
            "A key is read from standard input or typed at a prompt (echo off), never taken as an argument;"
                    + " it is kept in the system keyring or the encrypted key file (passphrase from "
                    + Account.PASSPHRASE_VARIABLE + " or a prompt)."})
public final class ProfilesCommand {
    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final Clock clock;
    private final Supplier<Profiles> profilesSource;
    private final Terminal terminal;

    ProfilesCommand(Map<String, String> environment, Clock clock, Supplier<Profiles> profiles, Terminal terminal) {
        this.environment = environment;
        this.clock = clock;
        this.profilesSource = profiles;
        this.terminal = terminal;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Command(name = "list", description = "The profiles: name, base URL, where the key is kept; * marks the one the window opens.")
    int list() {
        Profile active = profiles().active();
        for (Profile profile : profiles().all()) {
            out().printf("%s %-28s %-44s %s%n", profile.id().equals(active.id()) ? "*" : " ", profile.name(),
                    profile.isSandbox() ? "(embedded, simulated calls)" : profile.baseUrl(),
                    profile.isSandbox() ? "no key" : "key in the " + profile.keyHolder().label());
        }
        return ExitCodes.OK;
    }

    @Command(name = "add", description = "Add a profile; its key is read from standard input or a prompt.")
    int add(@Option(names = "--name", required = true, paramLabel = "NAME") String name,
            @Option(names = "--base-url", paramLabel = "URL", defaultValue = Profile.VENDOR_BASE_URL,
                    description = "Default: ${DEFAULT-VALUE}") String baseUrl,
            @Option(names = "--colour", paramLabel = "#RRGGBB", defaultValue = Profile.DEFAULT_COLOUR) String colour,
            @Option(names = "--key-in", paramLabel = "keyring|file", defaultValue = "keyring",
                    description = "Where the key is kept: the system keyring (default) or the encrypted key file.") String keyIn,
            @Option(names = "--default-number", paramLabel = "ID") String defaultNumber,
            @Option(names = "--default-use-case", paramLabel = "ID") String defaultUseCase) {
        try {
            KeyHolder holder = holder(keyIn);
            ApiKey key = readKey("API key for " + name + ": ");
            if (holder == KeyHolder.ENCRYPTED_FILE) {
                Account.unlockKeyFile(environment, profiles(), terminal);
            }
            Profile added = profiles().add(new Profiles.Draft(name, baseUrl, colour, holder, defaultNumber, defaultUseCase), key);
            out().println("Added " + added.name() + " (" + added.baseUrl() + "); key in the " + holder.label() + ".");
            return ExitCodes.OK;
        } catch (IllegalArgumentException | Account.Problem | SecretException e) {
            err().println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err().println("Could not save the profile: " + e.getMessage());
            return ExitCodes.OTHER;
        }
    }

    @Command(name = "edit", description = "Change a profile; --new-key reads a new key from standard input or a prompt.")
    int edit(@Parameters(paramLabel = "PROFILE") String which,
             @Option(names = "--name", paramLabel = "NAME") String name,
             @Option(names = "--base-url", paramLabel = "URL") String baseUrl,
             @Option(names = "--colour", paramLabel = "#RRGGBB") String colour,
             @Option(names = "--key-in", paramLabel = "keyring|file") String keyIn,
             @Option(names = "--new-key", description = "Read a new key.") boolean newKey,
             @Option(names = "--default-number", paramLabel = "ID") String defaultNumber,
             @Option(names = "--default-use-case", paramLabel = "ID") String defaultUseCase) {
        try {
            Profile profile = user(which);
            KeyHolder holder = keyIn == null ? profile.keyHolder() : holder(keyIn);
            if (holder == KeyHolder.ENCRYPTED_FILE || profile.keyHolder() == KeyHolder.ENCRYPTED_FILE) {
                Account.unlockKeyFile(environment, profiles(), terminal);
            }
            Optional<ApiKey> key = newKey ? Optional.of(readKey("New API key for " + profile.name() + ": ")) : Optional.empty();
            Profile changed = profiles().update(profile.id(), new Profiles.Draft(
                    name != null ? name : profile.name(), baseUrl != null ? baseUrl : profile.baseUrl(),
                    colour != null ? colour : profile.colour(), holder,
                    defaultNumber != null ? defaultNumber : profile.defaultCallerNumberId(),
                    defaultUseCase != null ? defaultUseCase : profile.defaultUseCaseId()), key);
            out().println("Saved " + changed.name() + ".");
            return ExitCodes.OK;
        } catch (IllegalArgumentException | Account.Problem | SecretException e) {
            err().println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err().println("Could not save the profile: " + e.getMessage());
            return ExitCodes.OTHER;
        }
    }

    @Command(name = "remove", description = "Remove a profile and delete its key.")
    int remove(@Parameters(paramLabel = "PROFILE") String which) {
        try {
            Profile profile = user(which);
            if (profile.keyHolder() == KeyHolder.ENCRYPTED_FILE) {
                Account.unlockKeyFile(environment, profiles(), terminal);
            }
            profiles().remove(profile.id());
            out().println("Removed " + profile.name() + " and its key.");
            return ExitCodes.OK;
        } catch (IllegalArgumentException | Account.Problem | SecretException e) {
            err().println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err().println("Could not save the profiles: " + e.getMessage());
            return ExitCodes.OTHER;
        }
    }

    @Command(name = "test", description = "One cheap read with the profile's key: connected (and how fast) or what is wrong.")
    int test(@Parameters(paramLabel = "PROFILE") String which) {
        try {
            Account account = Account.resolve(which, null, environment, profiles(), terminal);
            ConnectionCheck.Result result = new ConnectionCheck(clock, System::nanoTime, Duration.ofSeconds(10))
                    .run(account.baseUrl(), account.key());
            if (result.ok()) {
                out().println(account.name() + ": " + result.summary());
                return ExitCodes.OK;
            }
            err().println(account.name() + ": " + result.summary());
            err().println(result.advice());
            return ExitCodes.OTHER;
        } catch (Account.Problem e) {
            err().println(e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }

    private Profile user(String which) throws Account.Problem {
        Profile profile = profiles().byName(which).orElseThrow(() -> new Account.Problem("There is no profile \"" + which
                + "\"; see dialdesk profiles list."));
        if (profile.isSandbox()) {
            throw new Account.Problem("The Sandbox profile is built in and cannot be changed.");
        }
        return profile;
    }

    private static KeyHolder holder(String keyIn) throws Account.Problem {
        return switch (keyIn.toLowerCase(Locale.ROOT)) {
            case "keyring" -> KeyHolder.KEYRING;
            case "file" -> KeyHolder.ENCRYPTED_FILE;
            default -> throw new Account.Problem("--key-in: \"" + keyIn + "\" is not keyring or file.");
        };
    }

    private ApiKey readKey(String prompt) throws Account.Problem {
        String typed;
        try {
            typed = terminal.readSecret(prompt);
        } catch (IOException e) {
            throw new Account.Problem("Could not read the key: " + e.getMessage());
        }
        if (typed == null || typed.isBlank()) {
            throw new Account.Problem("No key was given: pipe it in (e.g. dialdesk profiles add ... < key.txt) or type it"
                    + " when asked.");
        }
        try {
            return ApiKey.of(typed);
        } catch (IllegalArgumentException e) {
            throw new Account.Problem("The key: " + e.getMessage() + ".");
        }
    }

    private Profiles profiles() {
        return profilesSource.get();
    }
}
