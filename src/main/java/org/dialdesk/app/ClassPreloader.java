package org.dialdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Loads, on a thread of its own, the classes the console's screens need, in the order they are
 * first used, so that the UI thread finds them loaded as it builds the screens. Reading a class
 * from a jar is much of what building a screen costs the first time, and the UI thread keeps the
 * window waiting while it does it (the History benchmark's longest start-up waits were class
 * loading under CSS and skin creation). Nothing is initialised here: static initialisers still
 * run on the thread that first uses a class, so no initialisation order changes and no two
 * threads can wait on each other's class initialisation. Nor are the classes linked here: the way
 * to make the JVM link a class from Java, asking for its constructors, keeps their reflection data
 * (1.3 MB of heap for the list), and the waits were no shorter for it.
 *
 * <p>The list is {@value #LIST} next to this class, written by {@code packaging/make-preload-list.sh}
 * from what the console loads while it starts and the operator opens History; a name the code no
 * longer has is passed over.
 */
public final class ClassPreloader {
    static final String LIST = "preload.classes";
    private static final System.Logger LOG = System.getLogger(ClassPreloader.class.getName());

    private ClassPreloader() {
    }

    /**
     * Starts the loading on a daemon thread; the console goes on at once. {@code -Ddialdesk.preload=false}
     * leaves it out, to measure what it is worth.
     */
    public static void start() {
        if ("false".equals(System.getProperty("dialdesk.preload"))) {
            return;
        }
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try (InputStream list = ClassPreloader.class.getResourceAsStream(LIST)) {
                if (list == null) {
                    return;
                }
                int loaded = preload(new InputStreamReader(list, StandardCharsets.UTF_8), ClassPreloader.class.getClassLoader());
                StartUpLog.note(loaded + " classes loaded ahead in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
            } catch (IOException | RuntimeException e) {
                // Only the speed is at stake: the classes load where they are first used.
                LOG.log(System.Logger.Level.DEBUG, "Loading classes ahead stopped", e);
            }
        }, "dialdesk-class-loading");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Loads every class named in {@code names} (one binary name per line, with '/' or '.';
     * blank lines and lines starting with '#' are skipped); returns how many were found.
     */
    static int preload(Reader names, ClassLoader loader) throws IOException {
        int loaded = 0;
        BufferedReader lines = new BufferedReader(names);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                Class.forName(name.replace('/', '.'), false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // Renamed or gone since the list was written, or not on this platform.
            }
        }
        return loaded;
    }
}
