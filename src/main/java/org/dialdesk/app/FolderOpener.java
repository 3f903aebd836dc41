package org.dialdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a folder in the system's file manager (the About dialog's "Open folder"). The toolkit's
 * own way (HostServices) prints a failure to standard error and returns as if it worked, so the
 * operator would be told nothing; this says when the opener cannot be started.
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

    public void open(Path folder) throws IOException {
        Files.createDirectories(folder); // the log folder, say, before anything was logged
        List<String> command = command(folder);
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " could not be started", e);
        }
    }
}
