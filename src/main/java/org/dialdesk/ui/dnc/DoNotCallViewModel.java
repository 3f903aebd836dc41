package org.dialdesk.ui.dnc;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.ToldToOperator;
import org.dialdesk.service.DoNotCallRecords;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.TaskRunner;

/**
 * The do-not-call screen: every listed number, filtered as typed; a number added (checked as the
 * dial form checks it), numbers removed, a file imported, the list exported. The list is shared by
 * every profile and the command line, so it is read again after each change and whenever the
 * screen is shown; the newest read wins.
 */
public final class DoNotCallViewModel {
    /** Reads a file of numbers to import (the same reading as {@code dialdesk dnc import}). Off the UI thread. */
    @FunctionalInterface
    public interface NumbersFile {
        List<DoNotCallRecords.Line> read(Path file) throws Exception;
    }

    /**
     * One listed number: for people ("+1 312-555-0100"), as dialled (E.164), when (operator's zone)
     * and why; {@code nationalDigits} (null when the E.164 holds them) lets a search typed the
     * national way ("020 7946…") find it.
     */
    public record Row(String number, String e164, String added, String note, String nationalDigits) {
    }

    /** Names given in a removal's question; the rest are counted. */
    static final int NAMED_IN_QUESTION = 10;
    /** What a search made only of these is: a phone number, however it is written. */
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9+()./\\s-]+");

    private final DoNotCallRecords records;
    private final NumbersFile numbersFile;
    private final TaskRunner runner;
    private final String defaultCountry;
    private final DateTimeFormatter time;
    private final String zoneName;
    private final ObservableList<Row> all = FXCollections.observableArrayList();
    private final FilteredList<Row> shown = new FilteredList<>(all);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper phoneProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper phoneSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ObservableList<String> unreadLines = FXCollections.observableArrayList();
    private final ObservableList<String> unreadLinesView = FXCollections.unmodifiableObservableList(unreadLines);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** The number just added, once the list read after it holds it: the table shows it. */
    private final ReadOnlyObjectWrapper<Row> justAdded = new ReadOnlyObjectWrapper<>();
    /** Set by an add, taken by the read that follows it. */
    private String justAddedE164;
    /** Only the answer to the newest read is shown. */
    private long generation;
    /** The problem shown is the last read's: the next read that succeeds takes it away. */
    private boolean readFailed;

    /**
     * @param defaultCountry where national numbers are read (settings), as on the dial form
     * @param zone           the operator's display zone, as History and the audit log show times
     */
    public DoNotCallViewModel(DoNotCallRecords records, NumbersFile numbersFile, TaskRunner runner, String defaultCountry,
                              ZoneId zone) {
        this.records = records;
        this.numbersFile = numbersFile;
        this.runner = runner;
        this.defaultCountry = defaultCountry;
        this.time = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        this.zoneName = zone.getId();
        search.addListener((obs, old, typed) -> {
            shown.setPredicate(matching(typed));
            summarise();
        });
        phone.addListener((obs, old, typed) -> checkPhone(false));
    }

    /** The list could not be opened ({@code why} says so, and what to do): the screen shows only that. */
    public DoNotCallViewModel(String why, TaskRunner runner, ZoneId zone) {
        this(null, null, runner, null, zone);
        problem.set(why);
    }

    /** Reads the list again (it is shared: History, other windows and {@code dialdesk dnc} change it too). */
    public void refresh() {
        if (records == null) {
            return;
        }
        long mine = ++generation;
        runner.run(() -> records.all().stream().map(this::row).toList(), read -> {
            if (mine != generation) {
                return;
            }
            all.setAll(read);
            summarise();
            if (readFailed) {
                readFailed = false;
                problem.set(null); // only a read's own problem: what an add or export said stays
            }
            String added = justAddedE164;
            justAddedE164 = null;
            if (added != null) {
                justAdded.set(null); // the same number again is shown again
                justAdded.set(read.stream().filter(r -> r.e164().equals(added)).findFirst().orElse(null));
            }
        }, failure -> {
            if (mine == generation) {
                readFailed = true;
                problem.set("The do-not-call list could not be read (" + ErrorMessages.describe(failure)
                        + "). Press Refresh to try again; dials still check the list each time.");
            }
        });
    }

    private Row row(DoNotCallRecords.Listed listed) {
        PhoneCheck.Result read = PhoneCheck.check(listed.e164(), null);
        String forPeople = read.ok() ? read.international() : listed.e164();
        return new Row(forPeople, listed.e164(), time.format(listed.added()), listed.note(),
                PhoneCheck.nationalDigits(listed.e164()));
    }

    /**
     * What a search keeps: typed as a phone number (any format), the numbers holding those digits,
     * internationally or as dialled in their own country; any other text, the notes holding it.
     */
    Predicate<Row> matching(String typed) {
        if (typed == null || typed.isBlank()) {
            return row -> true;
        }
        String text = typed.strip().toLowerCase(Locale.ROOT);
        if (PHONE_CHARACTERS.matcher(text).matches() && text.chars().anyMatch(Character::isDigit)) {
            String digits = text.replaceAll("\\D", "");
            return row -> row.e164().contains(digits) || (row.nationalDigits() != null && row.nationalDigits().contains(digits));
        }
        return row -> row.note().toLowerCase(Locale.ROOT).contains(text) || row.number().toLowerCase(Locale.ROOT).contains(text);
    }

    private void summarise() {
        int total = all.size();
        String numbers = total == 1 ? "number" : "numbers";
        summary.set(shown.size() == total ? String.format("%,d %s", total, numbers)
                : String.format("%,d of %,d %s", shown.size(), total, numbers));
    }

    /** The phone as typed, read as the dial form reads it; a problem shows once there is something to read, or on Add. */
    private boolean checkPhone(boolean adding) {
        String typed = phone.get();
        PhoneCheck.Result checked = PhoneCheck.check(typed, defaultCountry);
        phoneSummary.set(checked.summary());
        boolean showProblem = adding || (typed != null && !typed.isBlank());
        phoneProblem.set(checked.ok() || !showProblem ? null
                : typed == null || typed.isBlank() ? "Enter the number to list." : checked.problem());
        return checked.ok();
    }

    /**
     * Lists the typed number with the typed note. A number that is not one stays in the field with
     * its problem beside it; so does one that could not be written, with what to do.
     */
    public void add() {
        if (records == null || busy.get() || !checkPhone(true)) {
            return;
        }
        String typed = phone.get();
        String why = note.get() == null ? "" : note.get().strip();
        started();
        runner.run(() -> records.add(typed, defaultCountry, why), added -> {
            busy.set(false);
            String forPeople = PhoneCheck.check(added.e164(), null).international();
            if (added.isNew()) {
                message.set("Listed " + forPeople + ": no profile dials it from now on.");
            } else {
                message.set(forPeople + " was on the list already; its date and note are as they were.");
            }
            phone.set("");
            note.set("");
            phoneProblem.set(null); // an emptied field is a fresh one
            justAddedE164 = added.e164();
            refresh();
        }, failure -> {
            busy.set(false);
            phoneProblem.set(failure instanceof IllegalArgumentException ? ErrorMessages.describe(failure)
                    : "Not listed (" + ErrorMessages.describe(failure) + "). The number is still here: press Add to try again.");
        });
    }

    /** The one question asked before removing {@code rows}, naming them. */
    public String removalQuestion(List<Row> rows) {
        List<String> named = rows.stream().limit(NAMED_IN_QUESTION).map(Row::number).toList();
        String names = String.join(", ", named);
        if (rows.size() > named.size()) {
            names += " and " + (rows.size() - named.size()) + " more";
        }
        return "Remove " + names + " from the do-not-call list?";
    }

    /** Takes these numbers off the list (asked first by the screen). */
    public void remove(List<Row> rows) {
        if (records == null || busy.get() || rows.isEmpty()) {
            return;
        }
        List<String> e164s = rows.stream().map(Row::e164).toList();
        String names = rows.size() == 1 ? rows.get(0).number() : String.format("%,d numbers", rows.size());
        started();
        runner.run(() -> records.removeListed(e164s), removed -> {
            busy.set(false);
            message.set(removed == e164s.size() ? "Removed " + names + " from the list."
                    : "Removed " + removed + " of " + e164s.size() + "; the others had been removed already.");
            refresh();
        }, failure -> {
            busy.set(false);
            problem.set("Nothing was removed (" + ErrorMessages.describe(failure) + "); the numbers are still listed."
                    + " Try Remove again.");
            refresh();
        });
    }

    /** Lists every number in {@code file}; the lines that are not numbers are named, to fix and import again. */
    public void importFile(Path file) {
        if (records == null || busy.get()) {
            return;
        }
        started();
        String fileNote = "imported from " + file.getFileName();
        runner.run(() -> records.importLines(numbersFile.read(file), defaultCountry, fileNote,
                String.valueOf(file.getFileName())), imported -> {
            busy.set(false);
            int unread = imported.problems().size();
            message.set(String.format("%s: %,d added, %,d already listed, %,d %s could not be read.", file.getFileName(),
                    imported.added(), imported.alreadyListed(), unread, unread == 1 ? "line" : "lines"));
            unreadLines.setAll(imported.problems());
            refresh();
        }, failure -> {
            busy.set(false);
            problem.set("Nothing was imported from " + file.getFileName() + ": " + ErrorMessages.describe(failure)
                    + (failure instanceof ToldToOperator ? "" : " The list is as it was; try again."));
        });
    }

    /** Writes every listed number to {@code file} (CSV: phone, added, note). */
    public void export(Path file) {
        if (records == null || busy.get()) {
            return;
        }
        started();
        runner.run(() -> records.export(file), count -> {
            busy.set(false);
            message.set(String.format("Exported %,d %s to %s.", count, count == 1 ? "number" : "numbers", file));
        }, failure -> {
            busy.set(false);
            problem.set("Not exported (" + ErrorMessages.describe(failure) + "). Choose another folder or name and try again.");
        });
    }

    private void started() {
        readFailed = false;
        busy.set(true);
        message.set(null);
        problem.set(null);
        unreadLines.clear();
    }

    /** The lines of the last import that were not numbers are no longer wanted on screen. */
    public void dismissUnreadLines() {
        unreadLines.clear();
    }

    /** Whether the list could be opened: without it nothing here can act. */
    public boolean available() {
        return records != null;
    }

    /** The listed numbers the search keeps, newest first. */
    public ObservableList<Row> rows() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** Why the typed number cannot be listed; null when it can (or nothing is typed yet). */
    public ReadOnlyStringProperty phoneProblemProperty() {
        return phoneProblem.getReadOnlyProperty();
    }

    /** "+1 312-555-0100 · United States" for a number that is one. */
    public ReadOnlyStringProperty phoneSummaryProperty() {
        return phoneSummary.getReadOnlyProperty();
    }

    /** "1,204 numbers", or "3 of 1,204 numbers" while searching. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last action did; null for nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What went wrong and what to do; null when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The last import's lines that were not numbers ("row 4 \"call me\": Not a phone number…"). */
    public ObservableList<String> unreadLines() {
        return unreadLinesView;
    }

    /** True while an add, removal, import or export runs: the buttons wait for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Row> justAddedProperty() {
        return justAdded.getReadOnlyProperty();
    }

    /** The zone the times are in, for the column's title. */
    public String zoneName() {
        return zoneName;
    }
}
