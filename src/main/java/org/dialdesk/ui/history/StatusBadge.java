package org.dialdesk.ui.history;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.dialdesk.domain.HistoryRow;

/**
 * A call's status as a coloured badge. The colour comes from a pseudo-class per status
 * ({@code :status-no-answer}), not a style class: switching pseudo-classes moves between styles
 * already matched, while a changed style class makes JavaFX match the node against every rule of
 * the style sheets again.
 */
final class StatusBadge extends Label {
    private final Colour colour = new Colour(this);

    StatusBadge() {
        getStyleClass().add("status-badge");
    }

    void setStatus(String status) {
        setText(status);
        colour.show(status);
    }

    /**
     * The table's status cell draws the badge itself (its own rounded background) rather than
     * holding a badge label: a label per row is another skin and text node to style and lay out
     * in every visible row on every filter keystroke, and it was the table's largest cost.
     */
    static final class Cell extends TableCell<HistoryRow, String> {
        private final Colour colour = new Colour(this);

        Cell() {
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(String status, boolean empty) {
            super.updateItem(status, empty);
            String shown = empty ? null : status;
            setText(shown);
            colour.show(shown);
        }
    }

    /** Keeps exactly one status pseudo-class switched on for a node: the current status's. */
    private static final class Colour {
        private final Node node;
        private PseudoClass current;

        Colour(Node node) {
            this.node = node;
        }

        void show(String status) {
            PseudoClass next = status == null || status.isBlank() ? null
                    : PseudoClass.getPseudoClass("status-" + status.toLowerCase(Locale.ROOT).replace(' ', '-'));
            if (next != current) { // pseudo-classes are interned: one instance per name
                if (current != null) {
                    node.pseudoClassStateChanged(current, false);
                }
                if (next != null) {
                    node.pseudoClassStateChanged(next, true);
                }
                current = next;
            }
        }
    }
}
