package org.dialdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
                "permissions are POSIX ones; elsewhere the folder is only made");
    }

    @Test
    void aNewDataFolderIsItsOwnersAlone() throws Exception {
        Path data = dir.resolve("share").resolve("dialdesk");
        assertNull(DataFolder.makePrivate(data, false));
        assertTrue(Files.isDirectory(data));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void anExistingOneOthersCouldReadIsClosedToThem() throws Exception {
        Path data = Files.createDirectory(dir.resolve("dialdesk"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path history = Files.writeString(data.resolve("history.db"), "calls");
        assertNull(DataFolder.makePrivate(data, true));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("calls", Files.readString(history), "what is in it stays");
    }

    @Test
    void anExistingFolderSomeoneChoseIsLeftAsItIs() throws Exception {
        Path chosen = Files.createDirectory(dir.resolve("team-demo"));
        Files.setPosixFilePermissions(chosen, PosixFilePermissions.fromString("rwxr-x---"));
        assertNull(DataFolder.makePrivate(chosen, false));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(chosen)));
    }
}
