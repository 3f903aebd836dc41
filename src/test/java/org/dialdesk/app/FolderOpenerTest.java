package org.dialdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderOpenerTest {
    @TempDir
    Path dir;

    @Test
    void eachSystemsFileManager() {
        Path folder = Path.of("/data/logs");
        assertEquals(List.of("xdg-open", "/data/logs"), new FolderOpener("Linux").command(folder));
        assertEquals(List.of("open", "/data/logs"), new FolderOpener("Mac OS X").command(folder));
        assertEquals(List.of("explorer.exe", folder.toString()), new FolderOpener("Windows 11").command(folder));
    }

    @Test
    void aMissingFileManagerIsSaidSoAndTheFolderIsMadeForWhenThereIsOne() {
        Path logs = dir.resolve("logs");
        // No real file manager pops up in a test: the command is one that does not exist.
        FolderOpener opener = new FolderOpener("Linux") {
            @Override
            List<String> command(Path folder) {
                return List.of("dialdesk-test-no-such-file-manager", folder.toString());
            }
        };
        IOException failure = assertThrows(IOException.class, () -> opener.open(logs));
        assertEquals("dialdesk-test-no-such-file-manager could not be started", failure.getMessage());
        assertTrue(Files.isDirectory(logs));
    }

    @Test
    void onWindowsExplorersExitStatusIsNotTakenForAFailure() throws Exception {
        // explorer.exe exits 1 when it hands the folder to the Explorer already running.
        FolderOpener explorer = new FolderOpener("Windows 11") {
            @Override
            List<String> command(Path folder) {
                return List.of("sh", "-c", "exit 1");
            }
        };
        explorer.open(dir);
        assertTrue(new FolderOpener("Linux").exitStatusMeansSomething());
    }

    @Test
    void anOpenerThatFailsIsHeardWithWhatItSaid() {
        FolderOpener opener = new FolderOpener("Linux") {
            @Override
            List<String> command(Path folder) {
                return List.of("sh", "-c", "echo 'xdg-open: no method available for opening " + folder + "'; exit 3");
            }
        };
        IOException failure = assertThrows(IOException.class, () -> opener.open(dir));
        assertEquals("sh could not open it: xdg-open: no method available for opening " + dir, failure.getMessage());
    }
}
