package org.dialdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.domain.Theme;
import org.dialdesk.store.Settings;
import org.junit.jupiter.api.Test;

/** Settings a person edited by hand never keep the console from starting. */
class ProfileSessionTest {
    static Settings callingHours(String start, String end) {
        return new Settings(Theme.LIGHT, null, 1.0, "US", start, end);
    }

    @Test
    void callingHoursComeFromSettings() {
        assertEquals(new CallingHours(LocalTime.of(9, 0), LocalTime.of(20, 0)),
                ProfileSession.dialRules(callingHours("09:00", "20:00")).callingHours());
    }

    @Test
    void hoursThatEndBeforeTheyStartOrCannotBeReadAreTheDefaults() {
        assertEquals(ProfileSession.DEFAULT_CALLING_HOURS, ProfileSession.dialRules(callingHours("21:00", "08:00")).callingHours());
        assertEquals(ProfileSession.DEFAULT_CALLING_HOURS, ProfileSession.dialRules(callingHours("09:00", "09:00")).callingHours());
        assertEquals(ProfileSession.DEFAULT_CALLING_HOURS, ProfileSession.dialRules(callingHours("22:00", "9pm")).callingHours(),
                "an end that cannot be read falls back to 21:00, before the start");
        assertEquals(new CallingHours(LocalTime.of(8, 0), LocalTime.of(20, 0)),
                ProfileSession.dialRules(callingHours("eight", "20:00")).callingHours());
    }
}
