package org.dialdesk.profile;

import java.util.Optional;
import org.dialdesk.api.ApiKey;

/** Keeps API keys by profile id. Its methods may block (D-Bus, a key derivation): call them off the UI thread. */
public interface SecretStore {
    /** Which of the three holders this is. */
    KeyHolder holder();

    /** Empty when it can keep keys now; else why not, in the operator's words. */
    Optional<String> unavailableReason();

    void put(String profileId, ApiKey key) throws SecretException;

    /** The key kept for the profile, or empty when none is. */
    Optional<ApiKey> get(String profileId) throws SecretException;

    /** Forgets the profile's key; nothing happens when none is kept. */
    void delete(String profileId) throws SecretException;
}
