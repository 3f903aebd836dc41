package org.dialdesk.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Where file dialogs start when there is no folder of the operator's own to start in. */
public final class UserFolders {
    private UserFolders() {
    }

    /**
     * The user's documents folder: on Linux the one XDG's user-dirs names (it is localised:
     * "Dokumente"), else ~/Documents, else the home folder itself.
     */
    public static Path documents() {
        Path home = Path.of(System.getProperty("user.home", "."));
        Path named = xdgDocuments(home);
        for (Path candidate : List.of(named == null ? home.resolve("Documents") : named, home.resolve("Documents"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return home;
    }

    /** XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs ("$HOME/Dokumente"), if the file says. */
    static Path xdgDocuments(Path home) {
        Path dirs = home.resolve(".config").resolve("user-dirs.dirs");
        if (!Files.isRegularFile(dirs)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(dirs)) {
                String entry = line.strip();
                if (entry.startsWith("XDG_DOCUMENTS_DIR=")) {
                    String value = entry.substring("XDG_DOCUMENTS_DIR=".length()).replace("\"", "");
                    return Path.of(value.replace("$HOME", home.toString()));
                }
            }
        } catch (IOException | InvalidPathException e) {
            return null; // an unreadable file: the usual folder will do
        }
        return null;
    }
}
