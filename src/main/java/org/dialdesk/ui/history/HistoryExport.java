package org.dialdesk.ui.history;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialdesk.domain.CallFilter;
import org.dialdesk.domain.HistoryOrder;
import org.dialdesk.service.HistorySync;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/** Call history to a CSV file, off the UI thread, with its progress and how it ended. */
final class HistoryExport {
    private final HistorySync sync;
    private final TaskRunner runner;
    private final Clock clock;
    /** Hears the folder each export goes to: the next one starts there. */
    private final Consumer<Path> folderKeeper;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    HistoryExport(HistorySync sync, TaskRunner runner, Clock clock, Consumer<Path> folderKeeper) {
        this.sync = sync;
        this.runner = runner;
        this.clock = clock;
        this.folderKeeper = folderKeeper;
    }

    /** The export file's suggested name, with today's date on the operator's clock. */
    String suggestedFileName() {
        return "dialdesk-calls-" + LocalDate.now(clock) + ".csv";
    }

    /**
     * Writes the rows {@code filter} lets through, in {@code order}, to a CSV file a spreadsheet
     * opens cleanly: read from the cache as they are written, so a million rows are never all in
     * memory. {@code expected}: how many there are, for the progress bar.
     */
    void write(Path file, CallFilter filter, HistoryOrder order, long expected) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            folderKeeper.accept(folder);
        }
        ZoneId zone = clock.getZone();
        progress.set(0);
        message.set("Exporting " + String.format(Locale.ROOT, "%,d", expected) + " calls…");
        runner.run(() -> sync.export(file, filter, order, zone, done -> runner.later(Duration.ZERO, () -> {
            // Progress hops to the UI thread on its own; one arriving after the end must not revive the bar.
            if (progress.get() >= 0) {
                progress.set(expected <= 0 ? 1 : Math.min(1, (double) done / expected));
            }
        })), count -> {
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
