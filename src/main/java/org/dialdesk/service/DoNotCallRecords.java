package org.dialdesk.service;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dialdesk.domain.AuditEntry;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.store.DoNotCallList;

/**
 * The do-not-call list as the screen and {@code dialdesk dnc} use it: numbers read as the dial form
 * reads them (so "(312) 555-0100" and "+13125550100" are one entry), added, removed, imported from
 * and exported to CSV.
 */
public final class DoNotCallRecords {
    public static final List<String> COLUMNS = List.of("phone", "added", "note");

    /** What an import did: how many were new, how many were listed already, and the lines it could not read. */
    public record Imported(int added, int alreadyListed, List<String> problems) {
    }

    /** Numbers named in one audit entry about a removal; past them it says how many more. */
    static final int NAMED_IN_AUDIT = 20;

    private final DoNotCallList list;
    private final Clock clock;
    private final AuditTrail audit;

    public DoNotCallRecords(DoNotCallList list, Clock clock) {
        this(list, clock, AuditTrail.NONE);
    }

    /**
     * @param audit where each change to the list is recorded: who may be rung again is a
     *              compliance question, so a number taken off the list is as much on record as a dial
     */
    public DoNotCallRecords(DoNotCallList list, Clock clock, AuditTrail audit) {
        this.list = list;
        this.clock = clock;
        this.audit = audit;
    }

    /** A number added: its E.164 form, and whether it was new to the list (a listed one keeps its date and note). */
    public record Added(String e164, boolean isNew) {
    }

    /**
     * Adds one number.
     *
     * @throws IllegalArgumentException with the number's problem when it is not one
     */
    public Added add(String number, String defaultCountry, String note) throws SQLException {
        PhoneCheck.Result checked = PhoneCheck.check(number, defaultCountry);
        if (!checked.ok()) {
            throw new IllegalArgumentException(number + ": " + checked.problem());
        }
        int added = list.add(List.of(new DoNotCallList.Entry(checked.e164(), clock.instant(), note)));
        if (added > 0) {
            audit.record(AuditEntry.Action.DO_NOT_CALL_ADDED, "Added " + checked.e164() + " to the do-not-call list"
                    + (note == null || note.isBlank() ? "" : " (" + note.strip() + ")"), AuditEntry.Outcome.DONE, null);
        }
        return new Added(checked.e164(), added > 0);
    }

    /** Removes a number, however written; false when it was not listed. */
    public boolean remove(String number, String defaultCountry) throws SQLException {
        PhoneCheck.Result checked = PhoneCheck.check(number, defaultCountry);
        if (!checked.ok() || !list.remove(checked.e164())) {
            return false;
        }
        audit.record(AuditEntry.Action.DO_NOT_CALL_REMOVED, "Removed " + checked.e164() + " from the do-not-call list",
                AuditEntry.Outcome.DONE, null);
        return true;
    }

    /** One line of a file to import: its row as a spreadsheet shows it, the number, and its own note ("" for none). */
    public record Line(int row, String number, String note) {
        public Line {
            number = number == null ? "" : number;
            note = note == null ? "" : note;
        }
    }

    /**
     * Adds imported numbers, each with its own note or {@code note} when it has none, in one
     * transaction (a failure adds none). A line that is not a number is named in the answer
     * ("row 4 \"call me\": Not a phone number…") so it can be found in the file and fixed.
     *
     * @param source the file's name, for the audit log
     */
    public Imported importLines(List<Line> lines, String defaultCountry, String note, String source) throws SQLException {
        List<DoNotCallList.Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Line line : lines) {
            if (line.number().isBlank()) {
                problems.add("row " + line.row() + ": no number in the phone column");
                continue;
            }
            PhoneCheck.Result checked = PhoneCheck.check(line.number(), defaultCountry);
            if (!checked.ok()) {
                problems.add("row " + line.row() + " \"" + line.number().strip() + "\": " + checked.problem());
                continue;
            }
            String own = line.note().isBlank() ? note : line.note();
            entries.add(new DoNotCallList.Entry(checked.e164(), clock.instant(), own));
        }
        int added = list.add(entries);
        audit.record(AuditEntry.Action.DO_NOT_CALL_IMPORTED, "Imported " + source + " into the do-not-call list: "
                + added + " added, " + (entries.size() - added) + " listed already, " + problems.size()
                + (problems.size() == 1 ? " line" : " lines") + " not read", AuditEntry.Outcome.DONE, null);
        return new Imported(added, entries.size() - added, problems);
    }

    /** One number on the list, as the screen shows it. */
    public record Listed(String e164, Instant added, String note) {
    }

    /** Every number on the list, the newest first. */
    public List<Listed> all() throws SQLException {
        List<Listed> all = new ArrayList<>();
        list.forEach(entry -> all.add(new Listed(entry.e164(), entry.added(), entry.note())));
        return all;
    }

    /** Removes numbers as listed (E.164), in one transaction; returns how many were on the list. */
    public int removeListed(List<String> e164s) throws SQLException {
        int removed = list.remove(e164s);
        if (removed == 1 && e164s.size() == 1) {
            audit.record(AuditEntry.Action.DO_NOT_CALL_REMOVED, "Removed " + e164s.get(0) + " from the do-not-call list",
                    AuditEntry.Outcome.DONE, null);
        } else if (removed > 0) {
            String named = String.join(", ", e164s.subList(0, Math.min(e164s.size(), NAMED_IN_AUDIT)));
            int more = e164s.size() - NAMED_IN_AUDIT;
            audit.record(AuditEntry.Action.DO_NOT_CALL_REMOVED, "Removed " + removed + (removed == 1 ? " number" : " numbers")
                    + " from the do-not-call list: " + named + (more > 0 ? " and " + more + " more" : ""),
                    AuditEntry.Outcome.DONE, null);
        }
        return removed;
    }

    public long export(Path file) throws IOException, SQLException {
        return CsvExport.write(file, COLUMNS, sink -> list.forEach(entry -> sink.row(List.of(
                CsvExport.phone(entry.e164()), entry.added().toString(), CsvExport.text(entry.note())))), written -> { });
    }
}
