package org.dialdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dialdesk.domain.Settings;
import org.dialdesk.domain.Theme;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    final List<Settings> applied = new ArrayList<>();
    final Settings start = Settings.defaults().withWindow(new Settings.WindowBounds(1, 2, 900, 700, false));
    final SettingsViewModel vm = new SettingsViewModel(start,
            org.dialdesk.testing.TestClocks.ticking().withZone(ZoneId.of("Europe/Berlin")), applied::add);

    @Test
    void eachFieldIsCheckedAsTypedAndNothingWrongIsApplied() {
        assertFalse(vm.changedProperty().get());
        vm.countryProperty().set("XX");
        vm.hoursStartProperty().set("21:00");
        vm.hoursEndProperty().set("8pm");
        vm.pollSecondsProperty().set("2");
        vm.zoneProperty().set("Mars/Olympus");
        vm.readTimeoutProperty().set("ten");
        assertEquals("\"XX\" is not a country code; use two letters, e.g. US, GB or DE.", vm.errors().get(SettingsViewModel.COUNTRY));
        assertEquals("Write the end as HH:mm, e.g. 21:00.", vm.errors().get(SettingsViewModel.CALLING_HOURS));
        assertEquals("The polling interval is 5 to 600 seconds.", vm.errors().get(SettingsViewModel.POLL));
        assertTrue(vm.errors().get(SettingsViewModel.ZONE).contains("not a time zone"));
        assertTrue(vm.errors().get(SettingsViewModel.TIMEOUTS).startsWith("The answer timeout is a whole number"));
        assertFalse(vm.apply());
        assertEquals(List.of(), applied);
        assertEquals("Fix the fields marked first; nothing was changed.", vm.messageProperty().get());

        vm.hoursEndProperty().set("20:00");
        assertEquals("The calling window must end after it starts (21:00–20:00).", vm.errors().get(SettingsViewModel.CALLING_HOURS));
    }

    @Test
    void bulkPaceIsCheckedAndApplied() {
        assertEquals("10", vm.bulkChunkProperty().get());
        assertEquals("2", vm.bulkRateProperty().get());
        vm.bulkChunkProperty().set("500");
        assertEquals("A chunk is 1 to 100 rows.", vm.errors().get(SettingsViewModel.BULK));
        vm.bulkChunkProperty().set("25");
        vm.bulkRateProperty().set("fast");
        assertEquals("The pace is a number of dials a second, e.g. 2 or 0.5.", vm.errors().get(SettingsViewModel.BULK));
        vm.bulkRateProperty().set("0.5");
        assertTrue(vm.apply());
        assertEquals(25, applied.get(0).bulkChunk());
        assertEquals(0.5, applied.get(0).bulkRate());
    }

    @Test
    void applyHandsOverTheTypedSettingsKeepingTheWindowAndRevertGoesBack() {
        vm.countryProperty().set("gb");
        vm.hoursStartProperty().set("09:00");
        vm.pollSecondsProperty().set("15");
        vm.zoneProperty().set("Europe/London");
        vm.connectTimeoutProperty().set("3");
        assertTrue(vm.changedProperty().get());
        assertTrue(vm.apply());
        Settings taken = applied.get(0);
        assertEquals("GB", taken.defaultCountry());
        assertEquals("09:00", taken.callingHoursStart());
        assertEquals(15, taken.pollSeconds());
        assertEquals(ZoneId.of("Europe/London"), taken.zone(ZoneId.of("Europe/Berlin")));
        assertEquals(3, taken.connectTimeoutSeconds());
        assertEquals(start.window(), taken.window());
        assertFalse(vm.changedProperty().get());

        vm.pollSecondsProperty().set("60");
        vm.revert();
        assertEquals("15", vm.pollSecondsProperty().get());
        vm.zoneProperty().set("");
        assertTrue(vm.apply());
        assertEquals(ZoneId.of("Europe/Berlin"), applied.get(1).zone(ZoneId.of("Europe/Berlin")), "blank: the computer's zone");
    }

    @Test
    void theThemeIsAppliedAsItIsPicked() {
        vm.themeProperty().set(Theme.SYSTEM);
        assertEquals(Theme.SYSTEM, applied.get(0).theme());
        assertFalse(vm.changedProperty().get(), "nothing else is waiting to be applied");
    }

    @Test
    void aHandEditedFileWithWrongValuesReadsAsTheDefaults() {
        Settings read = new Settings(Theme.DARK, null, 1.0, "US", "08:00", "21:00", 0, "Nowhere/Land", -1, 100_000);
        assertEquals(Settings.DEFAULT_POLL_SECONDS, read.pollSeconds());
        assertEquals(null, read.displayZone());
        assertEquals(Settings.DEFAULT_CONNECT_TIMEOUT_SECONDS, read.connectTimeoutSeconds());
        assertEquals(Settings.DEFAULT_READ_TIMEOUT_SECONDS, read.readTimeoutSeconds());
    }
}
