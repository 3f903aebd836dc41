package org.dialdesk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens a folder in the system's file manager (the About dialog's "Open folder"). The toolkit's
 * own way (HostServices) prints a failure to standard error and returns as if it worked, so the
 * operator would be told nothing; this says why it did not open: no opener, or an opener with
 * nothing to open folders with (xdg-open on a machine without a desktop says so and exits 3).
 * Call off the UI thread: it waits a moment for the opener's answer.
 */
public class FolderOpener {
    private final String osName;

    public FolderOpener(String osName) {
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    /** The command that opens {@code folder} on this system. */
    List<String> command(Path folder) {
        if (osName.startsWith("windows")) {
            return List.of("explorer.exe", folder.toString());
        }
        if (osName.startsWith("mac")) {
            return List.of("open", folder.toString());
        }
        return List.of("xdg-open", folder.toString());
    }

    /** How long the opener has to say it failed; a file manager that opens stays past it or exits 0. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    /** Explorer hands the folder to the Explorer already running and exits 1 even when it opened. */
    boolean exitStatusMeansSomething() {
        return !osName.startsWith("windows");
    }

    public void open(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder); // the log folder, say, before anything was logged
        List<String> command = command(folder);
        // What the opener says goes to a file, not a pipe: an opener that runs the file manager in
        // the foreground would otherwise hold a pipe no one reads.
        Path said = Files.createTempFile("dialdesk-open-folder", ".txt");
        try {
            Process opener;
            try {
                opener = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(said.toFile()).start();
            } catch (IOException e) {
                throw new IOException(command.get(0) + " could not be started", e);
            }
            opener.getOutputStream().close();
            if (!opener.waitFor(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                return; // still running: it is the file manager, or it handed the folder to one
            }
            if (opener.exitValue() != 0 && exitStatusMeansSomething()) {
                String lastLine = Files.readString(said, StandardCharsets.UTF_8).strip().lines()
                        .reduce((first, next) -> next).orElse("");
                throw new IOException(command.get(0) + " could not open it" + (lastLine.isEmpty() ? "" : ": " + lastLine));
            }
        } finally {
            Files.deleteIfExists(said); // an opener still running keeps writing to its own, unlinked, copy
        }
    }
}
