package org.dialdesk;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import org.dialdesk.cli.Cli;

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
        if (Arrays.stream(args).allMatch(GUI_OPTIONS::contains)) {
            System.exit(App.launchGui(args));
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, System.getenv(), Clock.systemUTC(), out, err));
    }
}
