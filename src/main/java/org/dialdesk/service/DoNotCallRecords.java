package org.dialdesk.service;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    private final DoNotCallList list;
    private final Clock clock;

    public DoNotCallRecords(DoNotCallList list, Clock clock) {
        this.list = list;
        this.clock = clock;
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
        return new Added(checked.e164(), added > 0);
    }

    /** Removes a number, however written; false when it was not listed. */
    public boolean remove(String number, String defaultCountry) throws SQLException {
        PhoneCheck.Result checked = PhoneCheck.check(number, defaultCountry);
        return checked.ok() && list.remove(checked.e164());
    }

    /**
     * Adds imported numbers, each row a number and, optionally, its own note ({@code note}
     * otherwise), in one transaction.
     */
    public Imported importRows(List<String[]> read, String defaultCountry, String note) throws SQLException {
        List<DoNotCallList.Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String[] row : read) {
            String number = row.length > 0 ? row[0] : "";
            PhoneCheck.Result checked = PhoneCheck.check(number, defaultCountry);
            if (!checked.ok()) {
                problems.add(number + ": " + checked.problem());
                continue;
            }
            String own = row.length > 1 && !row[1].isBlank() ? row[1] : note;
            entries.add(new DoNotCallList.Entry(checked.e164(), clock.instant(), own));
        }
        int added = list.add(entries);
        return new Imported(added, entries.size() - added, problems);
    }

    public long export(Path file) throws IOException, SQLException {
        return CsvExport.write(file, COLUMNS, sink -> list.forEach(entry -> sink.row(List.of(
                CsvExport.phone(entry.e164()), entry.added().toString(), CsvExport.text(entry.note())))), written -> { });
    }
}
