package org.dialdesk.ui.history;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * A call's status as a coloured badge. The colour comes from a pseudo-class per status
 * ({@code :status-no-answer}), not a style class: switching pseudo-classes moves between styles
 * already matched, while a changed style class makes JavaFX match the badge against every rule of
 * the style sheets again, for each row whose status differs on every scroll or filter keystroke.
 */
final class StatusBadge extends Label {
    private PseudoClass current;

    StatusBadge() {
        getStyleClass().add("status-badge");
    }

    void setStatus(String status) {
        setText(status);
        PseudoClass next = status == null || status.isBlank() ? null
                : PseudoClass.getPseudoClass("status-" + status.toLowerCase(Locale.ROOT).replace(' ', '-'));
        if (next != current) { // pseudo-classes are interned: one instance per name
            if (current != null) {
                pseudoClassStateChanged(current, false);
            }
            if (next != null) {
                pseudoClassStateChanged(next, true);
            }
            current = next;
        }
    }
}
