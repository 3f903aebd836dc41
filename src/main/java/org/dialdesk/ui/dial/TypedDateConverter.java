package org.dialdesk.ui.dial;

import java.time.LocalDate;
import java.util.Locale;
import javafx.util.StringConverter;
import org.dialdesk.domain.DialInputs;

/**
 * The schedule date's text both ways, without ever throwing: the picker's own converter reads only
 * the locale's short form and throws on anything else, which leaves the operator with a silently
 * refused date. Text that is no date is kept as typed (the picker would otherwise wipe it when its
 * value becomes empty), so the form can quote it and say which forms work.
 */
final class TypedDateConverter extends StringConverter<LocalDate> {
    private final Locale locale;
    /** The last text that was no date: what an empty value shows, so the typing stays put. */
    private String refused = "";

    TypedDateConverter(Locale locale) {
        this.locale = locale;
    }

    @Override
    public String toString(LocalDate date) {
        if (date == null) {
            return refused;
        }
        refused = "";
        return DialInputs.showDate(date);
    }

    @Override
    public LocalDate fromString(String text) {
        DialInputs.Read<LocalDate> read = DialInputs.date(text, locale);
        refused = read.problem() == null ? "" : text.strip();
        return read.value();
    }
}
