package org.dialdesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads ahead, on a background thread, the classes the renderer needs for the window's first frame.
 * The renderer loads them (about 150, from the UI toolkit's jar) while it paints that frame, and the
 * UI thread waits for that frame to finish before it starts the next: the window's first moments
 * were its longest wait, 80–120 ms in the History benchmark, and 50–80 ms with the classes read
 * ahead while the toolkit starts. Classes are only loaded, never initialized, so no toolkit code
 * runs here. The list is made by {@code org.dialdesk.bench.FirstFrameClassList} (see the README);
 * a name missing from another toolkit version is skipped.
 */
public final class FirstFrameClasses {
    static final String LIST = "first-frame-classes.txt";

    private FirstFrameClasses() {
    }

    /** Starts reading them ahead; returns at once. */
    public static void loadInBackground() {
        Thread thread = new Thread(FirstFrameClasses::load, "dialdesk-first-frame-classes");
        thread.setDaemon(true);
        thread.start();
    }

    /** The names on the list: one per line, {@code #} starts a comment. */
    static List<String> names() throws IOException {
        try (InputStream in = FirstFrameClasses.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    /** @return how many of the listed classes could be loaded */
    static int load() {
        int loaded = 0;
        try {
            for (String name : names()) {
                try {
                    Class.forName(name, false, FirstFrameClasses.class.getClassLoader());
                    loaded++;
                } catch (ClassNotFoundException | LinkageError notInThisVersion) {
                    // Only a head start is lost: the renderer loads what it needs in any case.
                }
            }
        } catch (IOException unreadable) {
            // The same: nothing is read ahead.
        }
        return loaded;
    }
}
