package org.dialdesk;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.Level;
import org.dialdesk.api.DialDeskVersion;
import org.dialdesk.app.StartUpLog;
import org.dialdesk.cli.Cli;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.DataFolder;
import org.dialdesk.store.FileLogging;

/**
 * Entry point. With a command it runs the command-line interface and never loads the UI toolkit;
 * with no arguments (or only window options) it opens the console. A plain class, not an
 * {@code Application}, so the class-path jar starts without JavaFX on the module path.
 */
public final class Launcher {
    private static final Set<String> GUI_OPTIONS = Set.of(App.EXIT_WHEN_READY);

    private Launcher() {
    }

    public static void main(String[] args) {
        StartUpLog.begin();
        logToFiles();
        StartUpLog.step("logging set up");
        if (Arrays.stream(args).allMatch(GUI_OPTIONS::contains)) {
            System.exit(App.launchGui(args));
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, System.getenv(), Clock.systemUTC(), out, err));
    }

    /**
     * The data folder is made private, and logs, and whatever fails on a thread no one watches, go
     * to its log files.
     */
    private static void logToFiles() {
        Path dataDir = AppPaths.dataDir();
        String notPrivate = DataFolder.makePrivate(dataDir, !AppPaths.chosenByUser(System.getenv()));
        String notLogging = FileLogging.install(AppPaths.logDir(dataDir), Level.INFO, ZoneId.systemDefault());
        if (notLogging != null) {
            System.err.println("dialdesk: " + notLogging);
        }
        System.Logger log = System.getLogger("org.dialdesk");
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> log.log(System.Logger.Level.ERROR,
                "Uncaught on thread " + thread.getName(), failure));
        log.log(System.Logger.Level.INFO, "DialDesk " + DialDeskVersion.get() + " on Java "
                + Runtime.version() + ", data in " + dataDir);
        if (notPrivate != null) {
            log.log(System.Logger.Level.WARNING, notPrivate);
        }
    }
}
