package org.dialdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLoggingTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() throws Exception {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.close();
        }
        LogManager.getLogManager().readConfiguration(); // back to the JDK's console logging for other tests
    }

    @Test
    void everythingLoggedGoesToTheDataFoldersLogFileOneLineEach() throws Exception {
        Path logs = dir.resolve("logs");
        assertNull(FileLogging.install(logs, Level.INFO, ZoneId.of("UTC")));
        System.getLogger("org.dialdesk").log(System.Logger.Level.WARNING, "Could not save settings: disk full");
        Logger.getLogger("javafx").info("from the toolkit");
        Logger.getLogger("org.dialdesk").fine("below the level: not written");
        System.getLogger("org.dialdesk").log(System.Logger.Level.ERROR, "Uncaught", new IllegalStateException("boom"));
        Arrays.stream(Logger.getLogger("").getHandlers()).forEach(Handler::flush);

        String written = Files.readString(logs.resolve("dialdesk-0.log"));
        assertTrue(written.matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00 WARNING org.dialdesk: "
                + "Could not save settings: disk full\\R.*"), written);
        assertTrue(written.contains(" INFO javafx: from the toolkit"), written);
        assertTrue(written.contains("java.lang.IllegalStateException: boom"), "with its stack trace: " + written);
        assertTrue(!written.contains("below the level"), written);
        assertEquals(List.of(Level.SEVERE), Arrays.stream(Logger.getLogger("").getHandlers())
                .filter(h -> h instanceof ConsoleHandler).map(Handler::getLevel).toList(),
                "only what stops the program goes to a terminal too");
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesLoggingAsItWasAndSaysWhy() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("logs"), "a file where the folder should be");
        Handler[] before = Logger.getLogger("").getHandlers();
        String why = FileLogging.install(notAFolder, Level.INFO, ZoneId.of("UTC"));
        assertNotNull(why);
        assertTrue(why.startsWith("Cannot write logs in " + notAFolder), why);
        assertEquals(Arrays.asList(before), Arrays.asList(Logger.getLogger("").getHandlers()));
    }

    @Test
    void theLineSaysWhenInTheGivenZone() {
        LogRecord record = new LogRecord(Level.INFO, "Opened {0}");
        record.setParameters(new Object[] {"History"});
        record.setLoggerName("org.dialdesk");
        record.setInstant(Instant.parse("2026-06-15T09:05:02.481Z"));
        assertEquals("2026-06-15T11:05:02.481+02:00 INFO org.dialdesk: Opened History" + System.lineSeparator(),
                new FileLogging.OneLine(ZoneId.of("Europe/Berlin")).format(record));
    }

    @Test
    void theFilesRotateAtTheirLimit() throws Exception {
        Path logs = dir.resolve("logs");
        assertNull(FileLogging.install(logs, Level.INFO, ZoneId.of("UTC")));
        Logger logger = Logger.getLogger("org.dialdesk.rotation");
        String line = "x".repeat(1000);
        for (int i = 0; i < FileLogging.FILE_LIMIT_BYTES / 1000 + 100; i++) {
            logger.info(line);
        }
        assertTrue(Files.exists(logs.resolve("dialdesk-1.log")), "a second file once the first is full");
        assertTrue(Files.size(logs.resolve("dialdesk-1.log")) <= FileLogging.FILE_LIMIT_BYTES + 2000);
    }
}
