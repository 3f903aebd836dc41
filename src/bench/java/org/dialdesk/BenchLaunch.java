package org.dialdesk;

import java.nio.file.Path;
import java.time.Clock;

/** Lets the benchmarks start the whole console, as the launcher does, on a folder they prepared. */
public final class BenchLaunch {
    private BenchLaunch() {
    }

    /** Blocks until the console exits, like {@code Application.launch}. */
    public static int launchGui(Path dataDir) {
        return App.launchGui(new String[0], new App.Environment(dataDir, Clock.systemUTC(), false, null, null));
    }

    /** As {@link #launchGui}, exiting once the console has its first data (as {@code --exit-when-ready} does). */
    public static int launchGuiUntilReady(Path dataDir) {
        return App.launchGui(new String[0], new App.Environment(dataDir, Clock.systemUTC(), true, null, null));
    }
}
