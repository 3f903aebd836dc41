package org.dialdesk.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab and Shift+Tab leave a multi-line editor for the next or previous field, as in every other
 * field of a form, instead of typing a tab character (a JSON editor's Format does the indenting).
 * JavaFX 21 has no public call to move focus on, so the order is found here as its own default
 * is: the scene's focus-traversable, shown and enabled nodes, depth first.
 */
public final class TabMovesFocus {
    private TabMovesFocus() {
    }

    public static void install(Node editor) {
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
                e.consume();
                move(editor, !e.isShiftDown());
            }
        });
        // The character a Tab types arrives on its own; it must not reach the text either.
        editor.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("\t".equals(e.getCharacter()) && !e.isControlDown()) {
                e.consume();
            }
        });
    }

    /** Focuses the node after (or before) {@code from} in the scene's traversal order; wraps around. */
    static void move(Node from, boolean forward) {
        if (from.getScene() == null || from.getScene().getRoot() == null) {
            return;
        }
        List<Node> order = new ArrayList<>();
        collect(from.getScene().getRoot(), from, order);
        int at = order.indexOf(from);
        if (at < 0 || order.size() < 2) {
            return;
        }
        int next = Math.floorMod(at + (forward ? 1 : -1), order.size());
        order.get(next).requestFocus();
    }

    /**
     * Puts the caret in the first field of {@code area} in traversal order (a text field, a
     * picker, a table), past buttons above it such as "Refresh lists"; else on its first control.
     */
    public static void focusFirstIn(Node area) {
        List<Node> order = new ArrayList<>();
        collect(area, null, order);
        order.stream().filter(n -> n instanceof TextInputControl || n instanceof ComboBoxBase || n instanceof Control
                        && !(n instanceof ButtonBase) && !(n instanceof Labeled))
                .findFirst().or(() -> order.stream().findFirst()).ifPresent(Node::requestFocus);
    }

    /** Whether {@code node} is {@code area} or inside it: where the focus owner is, for example. */
    public static boolean isWithin(Node node, Node area) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == area) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Node node, Node from, List<Node> into) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node == from || node.isFocusTraversable()) {
            into.add(node);
            return; // a control's own parts are not stops of their own
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, from, into);
            }
        }
    }
}
