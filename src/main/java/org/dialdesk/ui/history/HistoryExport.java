package org.dialdesk.ui.history;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialdesk.domain.HistoryRow;
import org.dialdesk.service.CallsCsv;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/** Call history to a CSV file, off the UI thread, with its progress and how it ended. */
final class HistoryExport {
    private final TaskRunner runner;
    private final Clock clock;
    /** Hears the folder each export goes to: the next one starts there. */
    private final Consumer<Path> folderKeeper;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    HistoryExport(TaskRunner runner, Clock clock, Consumer<Path> folderKeeper) {
        this.runner = runner;
        this.clock = clock;
        this.folderKeeper = folderKeeper;
    }

    /** The export file's suggested name, with today's date on the operator's clock. */
    String suggestedFileName() {
        return "dialdesk-calls-" + LocalDate.now(clock) + ".csv";
    }

    /** Writes {@code rows} to a CSV file a spreadsheet opens cleanly. */
    void write(Path file, List<HistoryRow> rows) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            folderKeeper.accept(folder);
        }
        List<HistoryRow> snapshot = List.copyOf(rows);
        ZoneId zone = clock.getZone();
        progress.set(0);
        message.set("Exporting " + String.format(Locale.ROOT, "%,d", snapshot.size()) + " calls…");
        runner.run(() -> {
            // Progress hops to the UI thread on its own; one arriving after the end must not revive the bar.
            CallsCsv.write(file, snapshot, zone, done -> runner.later(Duration.ZERO, () -> {
                if (progress.get() >= 0) {
                    progress.set(snapshot.isEmpty() ? 1 : (double) done / snapshot.size());
                }
            }));
            return snapshot.size();
        }, count -> {
            progress.set(-1);
            message.set(String.format(Locale.ROOT, "Exported %,d calls to %s", count, file));
        }, failure -> {
            progress.set(-1);
            message.set("Export failed: " + ErrorMessages.describe(failure));
        });
    }

    /** {@code folder} as a path, if it names one that is still there. */
    static Optional<Path> existingFolder(String folder) {
        if (folder == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(folder);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    ReadOnlyDoubleProperty progress() { return progress.getReadOnlyProperty(); }
    ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
}
