package org.dialdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data folder holds call history (callees' numbers, transcripts), drafts, logs and the
 * sandbox's key: it is its owner's alone. Files in it are made with the usual permissions (readable
 * by all), so the folder itself is what keeps others out.
 */
public final class DataFolder {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataFolder() {
    }

    /**
     * Makes the folder if it is not there, readable by its owner only, and, if {@code existingToo},
     * takes other users' access away from one that exists. Where the file system has no POSIX
     * permissions (Windows, where the profile folder is its user's already) it only makes it.
     *
     * @param existingToo false for a folder someone chose ({@code DIALDESK_HOME}): it may be shared
     *                    on purpose, or be a folder with other things in it
     * @return null when done, else what went wrong (DialDesk still runs)
     */
    public static String makePrivate(Path dataDir, boolean existingToo) {
        try {
            boolean posix = Files.getFileAttributeView(existingAncestor(dataDir), PosixFileAttributeView.class) != null;
            if (Files.isDirectory(dataDir) && !existingToo) {
                return null;
            }
            if (!Files.isDirectory(dataDir)) {
                if (posix) {
                    Files.createDirectories(dataDir.toAbsolutePath().getParent());
                    Files.createDirectory(dataDir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createDirectories(dataDir);
                }
            }
            if (posix && !Files.getPosixFilePermissions(dataDir).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(dataDir, OWNER_ONLY);
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return "Cannot make the data folder " + dataDir + " private: " + e.getMessage();
        }
    }

    private static Path existingAncestor(Path path) {
        Path at = path.toAbsolutePath();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at == null ? path.toAbsolutePath().getRoot() : at;
    }
}
