package org.dialdesk;

import java.nio.file.Path;
import java.time.Clock;
import org.dialdesk.profile.SecretStores;

/** Lets the benchmarks start the whole console, as the launcher does, on a folder they prepared. */
public final class BenchLaunch {
    private BenchLaunch() {
    }

    /** Blocks until the console exits, like {@code Application.launch}. */
    public static int launchGui(Path dataDir) {
        return App.launchGui(new String[0], App.Environment.of(dataDir, Clock.systemUTC(), false, SecretStores.system(dataDir)));
    }

    /** As {@link #launchGui}, exiting once the console has its first data (as {@code --exit-when-ready} does). */
    public static int launchGuiUntilReady(Path dataDir) {
        return App.launchGui(new String[0], App.Environment.of(dataDir, Clock.systemUTC(), true, SecretStores.system(dataDir)));
    }
}
