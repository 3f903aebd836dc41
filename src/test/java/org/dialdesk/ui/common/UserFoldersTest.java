package org.dialdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFoldersTest {
    @TempDir
    Path home;

    @Test
    void theXdgDocumentsFolderIsReadWithHomeFilledIn() throws Exception {
        assertNull(UserFolders.xdgDocuments(home), "no user-dirs file: nothing named");
        Files.createDirectories(home.resolve(".config"));
        Files.write(home.resolve(".config").resolve("user-dirs.dirs"),
                List.of("# written by xdg-user-dirs-update", "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"",
                        "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\""));
        assertEquals(home.resolve("Dokumente"), UserFolders.xdgDocuments(home));
    }
}
