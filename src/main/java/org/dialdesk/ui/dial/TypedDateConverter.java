package org.dialdesk.ui.dial;

import java.time.LocalDate;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.dialdesk.domain.DialInputs;

/**
 * The schedule date's text both ways, without ever throwing: the picker's own converter reads only
 * the locale's short form and throws on anything else, which left the operator with a silently
 * refused date. Text that is no date is put back as typed once the picker has emptied its field
 * (it empties it whenever its value is empty), so the form can quote it and say which forms work.
 */
final class TypedDateConverter extends StringConverter<LocalDate> {
    private final Locale locale;
    private final TextField editor;

    TypedDateConverter(Locale locale, TextField editor) {
        this.locale = locale;
        this.editor = editor;
    }

    @Override
    public String toString(LocalDate date) {
        return date == null ? "" : DialInputs.showDate(date);
    }

    @Override
    public LocalDate fromString(String text) {
        DialInputs.Read<LocalDate> read = DialInputs.date(text, locale);
        if (read.problem() != null) {
            String typed = text.strip();
            // The picker clears its field right after this returns; the typing comes back a pulse later.
            Platform.runLater(() -> {
                if (editor.getText() == null || editor.getText().isEmpty()) {
                    editor.setText(typed);
                }
            });
        }
        return read.value();
    }
}
