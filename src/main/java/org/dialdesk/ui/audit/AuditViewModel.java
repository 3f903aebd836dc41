package org.dialdesk.ui.audit;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.service.AuditRecords;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The audit log screen: the newest entries that match the filter, read again as the filter
 * changes (the newest answer wins), and an export of every match. It only reads: entries are
 * written by the services that act.
 */
public final class AuditViewModel {
    /** Entries shown at most: the export has every one. */
    static final int SHOWN = 5_000;

    /** One row: its time already in the operator's zone. */
    public record Row(String at, String profile, String action, String summary, String outcome, String callId) {
    }

    private final AuditRecords records;
    private final TaskRunner runner;
    private DateTimeFormatter time;
    private final ReadOnlyStringWrapper zoneName = new ReadOnlyStringWrapper();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty();
    private final ObjectProperty<AuditEntry.Action> action = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    /** Only the answer to the newest read is shown. */
    private long generation;

    /** {@code records} is null when the audit log could not be opened: the screen says so. */
    public AuditViewModel(AuditRecords records, TaskRunner runner, ZoneId zone) {
        this.records = records;
        this.runner = runner;
        showTimesIn(zone);
        text.addListener((obs, old, now) -> refresh());
        profile.addListener((obs, old, now) -> refresh());
        action.addListener((obs, old, now) -> refresh());
        if (records == null) {
            problem.set("The audit log could not be opened, so actions are not being recorded; the log file says why.");
        }
    }

    /** Times are shown in the operator's display zone, as History shows them; a changed zone reads the rows again. */
    public void showTimesIn(ZoneId zone) {
        time = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        zoneName.set(zone.getId());
        if (!rows.isEmpty()) {
            refresh();
        }
    }

    /** The zone the times are in, for the column's title. */
    public ReadOnlyStringProperty zoneNameProperty() {
        return zoneName.getReadOnlyProperty();
    }

    private AuditRecords.Filter filter() {
        String typed = text.get() == null || text.get().isBlank() ? null : text.get();
        return new AuditRecords.Filter(typed, profile.get(), action.get(), null, null);
    }

    /** Reads the newest matching entries again. */
    public void refresh() {
        if (records == null) {
            return;
        }
        long mine = ++generation;
        AuditRecords.Filter filter = filter();
        runner.run(() -> records.read(filter, SHOWN), page -> {
            if (mine != generation) {
                return;
            }
            rows.setAll(page.entries().stream().map(this::row).toList());
            if (!profiles.equals(page.profiles())) {
                String chosen = profile.get();
                profiles.setAll(page.profiles());
                profile.set(chosen);
            }
            summary.set(page.matching() > page.entries().size()
                    ? String.format("Newest %,d of %,d entries (export has all)", page.entries().size(), page.matching())
                    : String.format("%,d %s", page.matching(), page.matching() == 1 ? "entry" : "entries"));
            problem.set(null);
        }, failure -> {
            if (mine == generation) {
                problem.set("The audit log could not be read: " + ErrorMessages.describe(failure));
            }
        });
    }

    private Row row(AuditEntry entry) {
        return new Row(time.format(entry.at()), entry.profile(), words(entry.action().name()), entry.summary(),
                words(entry.outcome().name()), entry.callId() == null ? "" : entry.callId());
    }

    /** PROFILE_ADDED → "Profile added". */
    static String words(String constant) {
        String spaced = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** Every entry that matches the filter, to {@code file}. */
    public void export(Path file) {
        if (records == null) {
            return;
        }
        exporting.set(true);
        AuditRecords.Filter filter = filter();
        runner.run(() -> records.export(file, filter), count -> {
            exporting.set(false);
            summary.set(String.format("Exported %,d %s to %s", count, count == 1 ? "entry" : "entries", file));
        }, failure -> {
            exporting.set(false);
            problem.set("Not exported: " + ErrorMessages.describe(failure));
        });
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ObservableList<String> profiles() {
        return profilesView;
    }

    public List<AuditEntry.Action> actions() {
        return List.of(AuditEntry.Action.values());
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public ObjectProperty<AuditEntry.Action> actionProperty() {
        return action;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }
}
