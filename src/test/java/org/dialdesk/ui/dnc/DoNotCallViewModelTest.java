package org.dialdesk.ui.dnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.dialdesk.bulk.DoNotCallSheet;
import org.dialdesk.service.DoNotCallRecords;
import org.dialdesk.store.DoNotCallList;
import org.dialdesk.testing.DirectTaskRunner;
import org.dialdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The do-not-call screen's model over a real list file: what a supervisor sees after each step. */
class DoNotCallViewModelTest {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    Path dir;
    final DirectTaskRunner runner = new DirectTaskRunner();
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T16:00:00Z"));
    DoNotCallList list;
    DoNotCallRecords records;
    DoNotCallViewModel vm;

    @BeforeEach
    void open() throws Exception {
        list = new DoNotCallList(dir.resolve("do-not-call.db"));
        records = new DoNotCallRecords(list, clock);
        vm = new DoNotCallViewModel(records, DoNotCallSheet::lines, runner, "US", CHICAGO);
    }

    @AfterEach
    void close() throws Exception {
        list.close();
    }

    List<String> shownE164s() {
        return vm.rows().stream().map(DoNotCallViewModel.Row::e164).toList();
    }

    @Test
    void listsEveryNumberNewestFirstForPeopleAndAsDialledInTheDisplayZone() throws Exception {
        records.add("+13125550100", "US", "asked us");
        clock.advance(java.time.Duration.ofHours(1));
        records.add("020 7946 0000", "GB", "");
        vm.refresh();
        assertEquals(List.of("+442079460000", "+13125550100"), shownE164s());
        DoNotCallViewModel.Row older = vm.rows().get(1);
        assertEquals("+1 312-555-0100", older.number());
        assertEquals("2026-06-15 11:00:00", older.added(), "16:00 UTC is 11:00 in Chicago");
        assertEquals("asked us", older.note());
        assertEquals("2 numbers", vm.summaryProperty().get());
        assertEquals("America/Chicago", vm.zoneName());
    }

    @Test
    void searchKeepsNumbersHoweverTheirDigitsAreTypedAndNotesHoldingTheText() throws Exception {
        records.add("+13125550100", "US", "Asked us on the phone");
        records.add("+13125550199", "US", "lawyer's letter");
        records.add("+442079460000", "US", "");
        vm.refresh();

        vm.searchProperty().set("(312) 555-01");
        assertEquals(2, vm.rows().size());
        vm.searchProperty().set("555-0199");
        assertEquals(List.of("+13125550199"), shownE164s());
        vm.searchProperty().set("020 7946"); // as dialled in Britain: not the digits of its E.164
        assertEquals(List.of("+442079460000"), shownE164s());
        vm.searchProperty().set("+44 20 7946 0000");
        assertEquals(List.of("+442079460000"), shownE164s());
        vm.searchProperty().set("LAWYER");
        assertEquals(List.of("+13125550199"), shownE164s());
        assertEquals("1 of 3 numbers", vm.summaryProperty().get());
        vm.searchProperty().set("");
        assertEquals(3, vm.rows().size());
        assertEquals("3 numbers", vm.summaryProperty().get());
    }

    @Test
    void aNumberTypedIsCheckedAsTheDialFormChecksItAndAddedWithItsNote() throws Exception {
        vm.refresh();
        vm.phoneProperty().set("(312) 555-01");
        assertTrue(vm.phoneProblemProperty().get() != null, "checked as typed");
        vm.phoneProperty().set("(312) 555-0100");
        assertNull(vm.phoneProblemProperty().get());
        assertEquals("+1 312-555-0100 · United States", vm.phoneSummaryProperty().get());
        vm.noteProperty().set("  asked us  ");

        vm.add();

        assertEquals(List.of("+13125550100"), shownE164s());
        assertEquals("asked us", vm.rows().get(0).note());
        assertEquals("Listed +1 312-555-0100: no profile dials it from now on.", vm.messageProperty().get());
        assertEquals("", vm.phoneProperty().get(), "a fresh field for the next number");
        assertEquals("", vm.noteProperty().get());
        assertNull(vm.phoneProblemProperty().get());
        assertEquals("+13125550100", vm.justAddedProperty().get().e164(), "the table shows the number added");
        assertTrue(list.find("+13125550100").isPresent());
    }

    @Test
    void aNumberThatIsNotOneStaysInTheFieldWithItsProblem() throws Exception {
        vm.add();
        assertEquals("Enter the number to list.", vm.phoneProblemProperty().get(), "Add on an empty field says why");

        vm.phoneProperty().set("call me maybe");
        vm.noteProperty().set("asked us");
        vm.add();

        assertEquals("call me maybe", vm.phoneProperty().get());
        assertEquals("asked us", vm.noteProperty().get());
        assertTrue(vm.phoneProblemProperty().get().startsWith("Not a phone number"), vm.phoneProblemProperty().get());
        assertEquals(0, list.count());
    }

    @Test
    void aNumberListedAlreadyIsSaidToBeAndKeepsItsDateAndNote() throws Exception {
        records.add("+13125550100", "US", "asked us");
        vm.refresh();
        clock.advance(java.time.Duration.ofDays(1));
        vm.phoneProperty().set("312 555 0100");
        vm.noteProperty().set("again");

        vm.add();

        assertEquals("+1 312-555-0100 was on the list already; its date and note are as they were.",
                vm.messageProperty().get());
        assertEquals(List.of("+13125550100"), shownE164s());
        assertEquals("asked us", vm.rows().get(0).note());
        assertEquals("2026-06-15 11:00:00", vm.rows().get(0).added());
    }

    @Test
    void aNumberThatCannotBeWrittenStaysInTheFieldWithWhatToDo() throws Exception {
        vm.phoneProperty().set("(312) 555-0100");
        list.close(); // the file is gone from under the screen

        vm.add();

        assertEquals("(312) 555-0100", vm.phoneProperty().get());
        assertTrue(vm.phoneProblemProperty().get().startsWith("Not listed (")
                && vm.phoneProblemProperty().get().endsWith("press Add to try again."), vm.phoneProblemProperty().get());
        assertFalse(vm.busyProperty().get());
        list = new DoNotCallList(dir.resolve("do-not-call.db"));
    }

    @Test
    void removesTheChosenNumbersAndNamesThemWhenAsking() throws Exception {
        records.add("+13125550100", "US", "");
        records.add("+13125550101", "US", "");
        records.add("+13125550102", "US", "");
        vm.refresh();
        List<DoNotCallViewModel.Row> chosen = vm.rows().stream()
                .filter(r -> !r.e164().equals("+13125550101")).toList();

        assertEquals("Remove +1 312-555-0100, +1 312-555-0102 from the do-not-call list?", vm.removalQuestion(chosen));
        vm.remove(chosen);

        assertEquals(List.of("+13125550101"), shownE164s());
        assertEquals(1, list.count());
        assertEquals("Removed 2 numbers from the list.", vm.messageProperty().get());
        vm.remove(List.copyOf(vm.rows()));
        assertEquals("Removed +1 312-555-0101 from the list.", vm.messageProperty().get());
        assertEquals(0, list.count());
    }

    @Test
    void aLongRemovalNamesTheFirstNumbersAndCountsTheRest() throws Exception {
        for (int i = 0; i < 12; i++) {
            records.add(String.format("+1312555%04d", 100 + i), "US", "");
        }
        vm.refresh();
        String question = vm.removalQuestion(List.copyOf(vm.rows()));
        assertTrue(question.endsWith(" and 2 more from the do-not-call list?"), question);
    }

    @Test
    void importAddsTheNumbersAndNamesTheLinesItCouldNotRead() throws Exception {
        records.add("+13125550100", "US", "asked us");
        Path file = dir.resolve("complaints.csv");
        Files.writeString(file, "phone,reason\n(312) 555-0100,again\n(312) 555-0150,lawyer\n+44 20 7946 0000,\n"
                + "call me maybe,x\n,blank\n", StandardCharsets.UTF_8);

        vm.importFile(file);

        assertEquals("complaints.csv: 2 added, 1 already listed, 2 lines could not be read.", vm.messageProperty().get());
        assertEquals(2, vm.unreadLines().size());
        assertTrue(vm.unreadLines().get(0).startsWith("row 5 \"call me maybe\": Not a phone number"), vm.unreadLines().get(0));
        assertEquals("row 6: no number in the phone column", vm.unreadLines().get(1));
        assertEquals(3, vm.rows().size());
        assertEquals("lawyer", list.find("+13125550150").orElseThrow().note(), "a line's own note");
        assertEquals("imported from complaints.csv", list.find("+442079460000").orElseThrow().note(), "else the file's name");
        assertEquals("asked us", list.find("+13125550100").orElseThrow().note(), "a listed number keeps its note");

        vm.dismissUnreadLines();
        assertTrue(vm.unreadLines().isEmpty());
    }

    @Test
    void importListsTheNumbersOfEveryPhoneColumn() throws Exception {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, "name,phone,mobile\nAnn,(312) 555-0100,(312) 555-0101\nBob,,(312) 555-0102\nCy,,\n",
                StandardCharsets.UTF_8);

        vm.importFile(file);

        assertEquals("contacts.csv: 3 added, 0 already listed, 1 line could not be read.", vm.messageProperty().get());
        assertEquals(List.of("+13125550102", "+13125550101", "+13125550100"),
                vm.rows().stream().map(DoNotCallViewModel.Row::e164).sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void aFileThatCannotBeReadImportsNothingAndSaysWhy() throws Exception {
        vm.importFile(dir.resolve("missing.csv"));
        assertTrue(vm.problemProperty().get().startsWith("Nothing was imported from missing.csv: "),
                vm.problemProperty().get());
        assertEquals(0, list.count());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void exportWritesEveryListedNumber() throws Exception {
        records.add("+13125550100", "US", "asked us");
        records.add("+13125550101", "US", "");
        vm.searchProperty().set("asked"); // the export is the whole list, not the search
        Path file = dir.resolve("dnc.csv");

        vm.export(file);

        assertEquals("Exported 2 numbers to " + file + ".", vm.messageProperty().get());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).endsWith("phone,added,note"), lines.get(0));
    }

    @Test
    void anExportThatFailsSaysWhatToDo() throws Exception {
        vm.export(dir.resolve("no-such-folder").resolve("dnc.csv"));
        assertTrue(vm.problemProperty().get().startsWith("Not exported (")
                && vm.problemProperty().get().endsWith("Choose another folder or name and try again."), vm.problemProperty().get());
    }

    @Test
    void onlyTheNewestReadIsShown() throws Exception {
        records.add("+13125550100", "US", "");
        records.add("+13125550101", "US", "");
        runner.holdWork();
        vm.refresh();
        vm.refresh();
        runner.release(1); // the newer read answers first
        assertEquals(2, vm.rows().size());
        list.remove("+13125550100");
        runner.release(0);
        assertEquals(2, vm.rows().size(), "the older read's answer, come late, is dropped");
    }

    @Test
    void aListThatCouldNotBeOpenedIsSaidSoAndNothingActs() {
        DoNotCallViewModel unavailable = new DoNotCallViewModel("The do-not-call list cannot be opened (locked).",
                runner, CHICAGO);
        unavailable.refresh();
        unavailable.phoneProperty().set("+13125550100");
        unavailable.add();
        assertFalse(unavailable.available());
        assertEquals("The do-not-call list cannot be opened (locked).", unavailable.problemProperty().get());
        assertTrue(unavailable.rows().isEmpty());
    }

    @Test
    void aListThatCannotBeReadSaysWhatToDo() throws SQLException {
        list.close();
        vm.refresh();
        assertTrue(vm.problemProperty().get().startsWith("The do-not-call list could not be read ("), vm.problemProperty().get());
        list = new DoNotCallList(dir.resolve("do-not-call.db"));
    }
}
