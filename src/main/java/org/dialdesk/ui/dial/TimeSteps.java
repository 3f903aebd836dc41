package org.dialdesk.ui.dial;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Stepping a typed "H:mm" time with the arrow keys, to the next multiple of the step. */
public final class TimeSteps {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private TimeSteps() {
    }

    public static String step(String text, int minutes) {
        LocalTime time;
        try {
            time = LocalTime.parse(text == null ? "" : text.strip(), TIME);
        } catch (DateTimeParseException e) {
            return "9:00";
        }
        int total = time.getHour() * 60 + time.getMinute();
        int size = Math.abs(minutes);
        int next = minutes > 0 ? (total / size + 1) * size : ((total + size - 1) / size - 1) * size;
        next = Math.floorMod(next, 24 * 60);
        return LocalTime.of(next / 60, next % 60).format(TIME);
    }
}
