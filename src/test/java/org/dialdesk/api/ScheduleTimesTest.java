package org.dialdesk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTimesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-12-01T09:30[America/Chicago]         | 2026-12-01T15:30:00Z",
        "2026-12-01T09:30-06:00                    | 2026-12-01T15:30:00Z",
        "2026-12-01T15:30Z                         | 2026-12-01T15:30:00Z",
        "2026-12-01T15:30:45.5Z                    | 2026-12-01T15:30:45.500Z",
        "2026-07-01T09:30[Europe/Berlin]           | 2026-07-01T07:30:00Z",
        "2026-11-01T01:30-05:00[America/Chicago]   | 2026-11-01T06:30:00Z",
        "2026-11-01T01:30-06:00[America/Chicago]   | 2026-11-01T07:30:00Z",
        "2026-03-08T03:00[America/Chicago]         | 2026-03-08T08:00:00Z",
    })
    void parsesToUtc(String text, String expected) {
        assertEquals(Instant.parse(expected), ScheduleTimes.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-03-08T02:30[America/Chicago]         | does not exist",
        "2026-03-29T02:15[Europe/Berlin]           | does not exist",
        "2026-11-01T01:30[America/Chicago]         | happens twice",
        "2026-10-25T02:30[Europe/Berlin]           | happens twice",
        "2026-12-01T09:30                          | Add a time zone",
        "2026-12-01T09:30-05:00[America/Chicago]   | not a time that exists",
        "tomorrow 9am                              | not an ISO date-time",
        "2026-12-01T09:30[Mars/Olympus]            | not an ISO date-time",
    })
    void explainsWhatIsWrong(String text, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleTimes.parse(text));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
