package org.dialdesk.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The one logging set-up: everything logged in the process (the console's own
 * {@code System.Logger}s, the UI toolkit's and the libraries' {@code java.util.logging}) goes to
 * rotating files in the data folder. Five files of at most 5 MB each: {@code dialdesk-0.log} is
 * the newest. Only what stops the program (a window that cannot open, a failure no one caught)
 * also goes to standard error, for whoever started it from a terminal.
 */
public final class FileLogging {
    static final int FILE_LIMIT_BYTES = 5 * 1024 * 1024;
    static final int FILE_COUNT = 5;
    static final String FILE_PATTERN = "dialdesk-%g.log";

    private FileLogging() {
    }

    /** Held here: a logger whose level was set is forgotten by the log manager once nothing holds it. */
    private static final Logger QUIETED = Logger.getLogger("org.freedesktop");

    /**
     * Sends every log record at {@code level} and above to the files in {@code logDir}, instead of
     * standard error. When the folder cannot be written, logging stays as it was and the reason is
     * returned.
     *
     * @return null when the files are in use, else why not
     */
    public static String install(Path logDir, Level level, ZoneId zone) {
        Handler files;
        try {
            Files.createDirectories(logDir);
            // Another DialDesk writing the same files (the window and a command) gets its own set:
            // the handler adds a number when the first set is locked.
            files = new FileHandler(logDir.resolve(FILE_PATTERN).toString(), FILE_LIMIT_BYTES,
                    FILE_COUNT, true);
        } catch (IOException | RuntimeException e) {
            return "Cannot write logs in " + logDir + ": " + e.getMessage();
        }
        files.setFormatter(new OneLine(zone));
        files.setLevel(level);
        Handler terminal = new ConsoleHandler();
        terminal.setFormatter(files.getFormatter());
        terminal.setLevel(Level.SEVERE);
        LogManager.getLogManager().reset(); // drops the JDK's console handler, which writes from INFO up
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        root.addHandler(files);
        root.addHandler(terminal);
        // The keyring's D-Bus library notes every connection and signal at INFO: only its problems are kept.
        QUIETED.setLevel(Level.WARNING);
        return null;
    }

    /** {@code 2026-12-02T09:15:02.481+01:00 WARNING org.dialdesk: message}, then the stack trace if any. */
    static final class OneLine extends Formatter {
        private final DateTimeFormatter time;

        OneLine(ZoneId zone) {
            time = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT).withZone(zone);
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder(160)
                    .append(time.format(record.getInstant())).append(' ')
                    .append(record.getLevel().getName()).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
