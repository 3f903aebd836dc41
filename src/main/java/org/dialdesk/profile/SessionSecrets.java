package org.dialdesk.profile;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dialdesk.api.ApiKey;

/** Keys held in memory for this run only: where no keyring works and the operator wants no key file. */
public final class SessionSecrets implements SecretStore {
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public KeyHolder holder() {
        return KeyHolder.SESSION;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public void put(String profileId, ApiKey key) {
        keys.put(profileId, key);
    }

    @Override
    public Optional<ApiKey> get(String profileId) {
        return Optional.ofNullable(keys.get(profileId));
    }

    @Override
    public void delete(String profileId) {
        keys.remove(profileId);
    }
}
