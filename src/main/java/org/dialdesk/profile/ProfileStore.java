package org.dialdesk.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dialdesk.store.JsonFile;

/**
 * The user's profiles and which one was open last, as {@code profiles.json} in the data folder.
 * Never a key in it: keys are in a {@link SecretStore}. Read again on every use, so a profile the
 * command line added shows in the window and the other way round.
 */
final class ProfileStore {
    record Stored(@JsonProperty("active") String active, @JsonProperty("profiles") List<Profile> profiles) {
        Stored {
            active = active == null ? Profile.SANDBOX_ID : active;
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    private final JsonFile<Stored> file;

    ProfileStore(Path dataDir) {
        file = new JsonFile<>(dataDir.resolve("profiles.json"), Stored.class);
    }

    Stored load() {
        return file.load(() -> new Stored(null, null));
    }

    void save(Stored stored) throws IOException {
        file.save(stored);
    }
}
