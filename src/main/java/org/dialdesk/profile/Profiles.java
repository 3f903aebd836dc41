package org.dialdesk.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.dialdesk.api.ApiKey;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.store.AuditLog;

/**
 * The profiles: the built-in Sandbox first, then the user's, with their keys in the stores each
 * names. Every change is in the audit log. The key goes in before the profile is saved, and out
 * before it is removed, so a failure leaves neither a profile without its key nor a key without
 * its profile. Blocks (keyring, disk): call it off the UI thread.
 */
public final class Profiles {
    private static final System.Logger LOG = System.getLogger("org.dialdesk.profile");

    /** A profile's fields as typed, before it has an id. */
    public record Draft(String name, String baseUrl, String colour, KeyHolder keyHolder, String defaultCallerNumberId,
                        String defaultUseCaseId) {
        Profile as(String id) {
            return new Profile(id, name.strip(), org.dialdesk.api.BaseUrls.check(baseUrl), colour.strip(), keyHolder,
                    defaultCallerNumberId, defaultUseCaseId);
        }

        public static Draft of(Profile profile) {
            return new Draft(profile.name(), profile.baseUrl(), profile.colour(), profile.keyHolder(),
                    profile.defaultCallerNumberId(), profile.defaultUseCaseId());
        }
    }

    private final ProfileStore store;
    private final SecretStores secrets;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Profiles(Path dataDir, SecretStores secrets, AuditLog audit, Clock clock) {
        this.store = new ProfileStore(dataDir);
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    public SecretStores secrets() {
        return secrets;
    }

    /** The Sandbox, then the user's profiles in the order they were added. */
    public synchronized List<Profile> all() {
        List<Profile> all = new ArrayList<>();
        all.add(Profile.SANDBOX);
        all.addAll(store.load().profiles());
        return all;
    }

    public Optional<Profile> byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Matches the name ignoring case (as the command line's {@code --profile} does). */
    public Optional<Profile> byName(String name) {
        String sought = name.strip();
        return all().stream().filter(p -> p.name().equalsIgnoreCase(sought) || p.id().equals(sought)).findFirst();
    }

    /** The profile open last; the Sandbox when none was or it has gone. */
    public Profile active() {
        return byId(store.load().active()).orElse(Profile.SANDBOX);
    }

    public synchronized void setActive(Profile profile) throws IOException {
        ProfileStore.Stored stored = store.load();
        if (!stored.active().equals(profile.id())) {
            store.save(new ProfileStore.Stored(profile.id(), stored.profiles()));
        }
        record(profile, AuditEntry.Action.PROFILE_OPENED, "Opened profile " + profile.name(), AuditEntry.Outcome.DONE);
    }

    /** Checks every field; the first problem found, in words for the operator. */
    private void check(Draft draft, String exceptId) {
        List<Profile> others = all().stream().filter(p -> !p.id().equals(exceptId)).toList();
        Optional<String> problem = ProfileRules.nameProblem(draft.name(), others)
                .or(() -> ProfileRules.baseUrlProblem(draft.baseUrl()))
                .or(() -> ProfileRules.colourProblem(draft.colour()))
                .or(() -> draft.keyHolder() == null ? Optional.of("Choose where the key is kept.") : Optional.empty());
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Keeps the key where the draft says, then saves the profile. */
    public synchronized Profile add(Draft draft, ApiKey key) throws SecretException, IOException {
        check(draft, null);
        Profile profile = draft.as("p-" + HexFormat.of().formatHex(bytes()));
        secrets.of(profile.keyHolder()).put(profile.id(), key);
        ProfileStore.Stored stored = store.load();
        List<Profile> profiles = new ArrayList<>(stored.profiles());
        profiles.add(profile);
        try {
            store.save(new ProfileStore.Stored(stored.active(), profiles));
        } catch (IOException e) {
            forgetQuietly(profile);
            throw e;
        }
        record(profile, AuditEntry.Action.PROFILE_ADDED, "Added profile " + profile.name() + " at " + profile.baseUrl()
                + "; key in the " + profile.keyHolder().label(), AuditEntry.Outcome.DONE);
        return profile;
    }

    /** Ids are random, not from the name: a renamed profile keeps its folder and its key's place. */
    private byte[] bytes() {
        byte[] id = new byte[5];
        random.nextBytes(id);
        return id;
    }

    /**
     * Saves changed fields; with {@code newKey} the key is replaced. A key moved to another holder
     * is put there first and then removed from the old one.
     */
    public synchronized Profile update(String id, Draft draft, Optional<ApiKey> newKey) throws SecretException, IOException {
        Profile before = byId(id).filter(p -> !p.isSandbox())
                .orElseThrow(() -> new IllegalArgumentException("There is no profile " + id + " to change."));
        check(draft, id);
        Profile after = draft.as(id);
        boolean moved = after.keyHolder() != before.keyHolder();
        if (newKey.isPresent() || moved) {
            ApiKey key = newKey.isPresent() ? newKey.get() : secrets.of(before.keyHolder()).get(id)
                    .orElseThrow(() -> new SecretException("The key of " + before.name() + " is not in the "
                            + before.keyHolder().label() + " any more; paste it again to keep it elsewhere."));
            secrets.of(after.keyHolder()).put(id, key);
        }
        replace(before, after);
        if (moved) {
            try {
                secrets.of(before.keyHolder()).delete(id);
            } catch (SecretException e) {
                LOG.log(System.Logger.Level.WARNING, "The old copy of a moved key could not be removed: " + e.getMessage());
            }
        }
        List<String> changes = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changes.add("renamed from " + before.name());
        }
        if (!before.baseUrl().equals(after.baseUrl())) {
            changes.add("base URL " + after.baseUrl());
        }
        if (newKey.isPresent()) {
            changes.add("new key");
        }
        if (moved) {
            changes.add("key moved to the " + after.keyHolder().label());
        }
        if (!before.colour().equals(after.colour())) {
            changes.add("colour " + after.colour());
        }
        record(after, AuditEntry.Action.PROFILE_CHANGED, "Changed profile " + after.name()
                + (changes.isEmpty() ? "" : ": " + String.join(", ", changes)), AuditEntry.Outcome.DONE);
        return after;
    }

    /** A copy named "… (copy)", with the same key in the same holder. */
    public synchronized Profile duplicate(String id) throws SecretException, IOException {
        Profile original = byId(id).filter(p -> !p.isSandbox())
                .orElseThrow(() -> new IllegalArgumentException("The Sandbox cannot be duplicated; add a profile instead."));
        ApiKey key = secrets.of(original.keyHolder()).get(id).orElseThrow(() -> new SecretException(
                "The key of " + original.name() + " is not in the " + original.keyHolder().label() + "; open the profile"
                        + " and paste it again before duplicating."));
        String name = original.name() + " (copy)";
        for (int n = 2; byName(name).isPresent(); n++) {
            name = original.name() + " (copy " + n + ")";
        }
        Draft draft = Draft.of(original);
        return add(new Draft(name, draft.baseUrl(), draft.colour(), draft.keyHolder(), draft.defaultCallerNumberId(),
                draft.defaultUseCaseId()), key);
    }

    /** Removes the key, then the profile. When the key cannot be removed, the profile stays and the reason is thrown. */
    public synchronized void remove(String id) throws SecretException, IOException {
        Profile profile = byId(id).filter(p -> !p.isSandbox())
                .orElseThrow(() -> new IllegalArgumentException("The Sandbox profile cannot be removed."));
        secrets.of(profile.keyHolder()).delete(id);
        ProfileStore.Stored stored = store.load();
        List<Profile> profiles = new ArrayList<>(stored.profiles());
        profiles.removeIf(p -> p.id().equals(id));
        store.save(new ProfileStore.Stored(stored.active().equals(id) ? Profile.SANDBOX_ID : stored.active(), profiles));
        record(profile, AuditEntry.Action.PROFILE_REMOVED, "Removed profile " + profile.name() + " and its key",
                AuditEntry.Outcome.DONE);
    }

    /** The profile's key, from where it is kept; empty when it is not there (e.g. kept for a session that ended). */
    public Optional<ApiKey> key(Profile profile) throws SecretException {
        if (profile.isSandbox()) {
            return Optional.empty();
        }
        return secrets.of(profile.keyHolder()).get(profile.id());
    }

    private void replace(Profile before, Profile after) throws IOException {
        ProfileStore.Stored stored = store.load();
        List<Profile> profiles = new ArrayList<>(stored.profiles());
        profiles.replaceAll(p -> p.id().equals(before.id()) ? after : p);
        store.save(new ProfileStore.Stored(stored.active(), profiles));
    }

    private void forgetQuietly(Profile profile) {
        try {
            secrets.of(profile.keyHolder()).delete(profile.id());
        } catch (SecretException e) {
            LOG.log(System.Logger.Level.WARNING, "A key kept for a profile that could not be saved stays: " + e.getMessage());
        }
    }

    private void record(Profile profile, AuditEntry.Action action, String summary, AuditEntry.Outcome outcome) {
        if (audit == null) {
            return;
        }
        try {
            audit.append(new AuditEntry(clock.instant(), profile.name(), action, summary, outcome, null));
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not write to the audit log: " + e.getMessage());
        }
    }
}
