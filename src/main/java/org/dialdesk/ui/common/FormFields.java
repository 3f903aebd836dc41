package org.dialdesk.ui.common;

import atlantafx.base.theme.Styles;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Labelled form fields with their problem shown beneath: a field's problem shows once the operator
 * has been in it (not on a fresh form), and goes as soon as it is fixed. One per form; the form's
 * problems come from its view model's read-only map, field key to message.
 */
public final class FormFields {
    private final ObservableMap<String, String> errors;
    /** Fields the operator has been in: their problems show only then. */
    private final Set<String> touched = new HashSet<>();
    private final Map<String, Label> errorLabels = new HashMap<>();
    /** Where each field's caret goes: what "show me the problem" focuses. */
    private final Map<String, Node> focusTargets = new HashMap<>();
    /** Focus moves on its own while the window opens; only the operator's own moves mark fields touched. */
    private boolean operatorActive;

    public FormFields(ObservableMap<String, String> errors) {
        this.errors = errors;
        errors.addListener((MapChangeListener<String, String>) change -> refresh(change.getKey()));
    }

    /** From the operator's first key or click inside {@code form}, leaving a field marks it touched. */
    public void watchOperator(Node form) {
        form.addEventFilter(KeyEvent.KEY_PRESSED, e -> operatorActive = true);
        form.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> operatorActive = true);
    }

    public VBox field(String label, String errorKey, Node input) {
        return field(label, errorKey, input, null, null, input);
    }

    /**
     * A labelled field with its mnemonic ({@code _} in the label), its problem once touched and
     * optional extras: {@code manual} (a typed-ID fallback) and {@code below} (a hint).
     * {@code focusTarget} is what the label's mnemonic focuses and what marks the field touched.
     */
    public VBox field(String label, String errorKey, Node input, Node manual, Node below, Node focusTarget) {
        Label caption = new Label(label);
        caption.setMnemonicParsing(true);
        caption.setLabelFor(focusTarget);
        caption.getStyleClass().add("field-label");
        if (focusTarget instanceof Control control && control.getAccessibleText() == null) {
            control.setAccessibleText(label.replace("_", ""));
        }
        VBox box = new VBox(4, caption, input);
        if (manual != null) {
            box.getChildren().add(manual);
        }
        if (below != null) {
            box.getChildren().add(below);
        }
        box.getChildren().add(errorLabel(errorKey));
        focusTargets.putIfAbsent(errorKey, focusTarget);
        touchOnFocusLoss(focusTarget, errorKey);
        if (input != focusTarget) {
            touchOnFocusLoss(input, errorKey); // e.g. metadata: the caret is in a row, not on "Add field"
        }
        if (manual != null) {
            touchOnFocusLoss(manual, errorKey);
        }
        return box;
    }

    /** Shows the problems of these fields whether or not the operator has been in them (e.g. after the service named them). */
    public void touchAll(Collection<String> keys) {
        touched.addAll(keys);
        keys.forEach(this::refresh);
    }

    /** Shows every problem and puts the caret in the first of {@code keys} the form has (a scrolling form scrolls to it). */
    public void showProblems(List<String> keys) {
        touchAll(keys);
        keys.stream().map(focusTargets::get).filter(Objects::nonNull).findFirst().ifPresent(target -> {
            target.requestFocus();
            for (Node at = target; at != null; at = at.getParent()) {
                if (at instanceof ScrollPane scroll) {
                    scrollTo(scroll, target);
                    break;
                }
            }
        });
    }

    private static void scrollTo(ScrollPane scroll, Node target) {
        Bounds content = scroll.getContent().getLayoutBounds();
        Bounds in = scroll.getContent().sceneToLocal(target.localToScene(target.getLayoutBounds()));
        double hidden = content.getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, in.getMinY() / hidden)));
        }
    }

    /** A fresh form: problems wait for the operator again. */
    public void untouchAll() {
        touched.clear();
        errorLabels.keySet().forEach(this::refresh);
    }

    private Label errorLabel(String key) {
        return errorLabels.computeIfAbsent(key, k -> {
            Label error = new Label();
            error.setId(k.replace("_", "") + "Error");
            error.setWrapText(true);
            error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
            error.managedProperty().bind(error.visibleProperty());
            error.setVisible(false);
            return error;
        });
    }

    private void refresh(String key) {
        Label label = errorLabels.get(key);
        if (label == null) {
            return;
        }
        String message = errors.get(key);
        label.setText(message);
        label.setVisible(message != null && touched.contains(key));
    }

    /**
     * Marks the field touched when the caret leaves {@code node} or anything inside it: a picker's
     * search field, a code editor's text, a metadata row's key and value.
     */
    private void touchOnFocusLoss(Node node, String key) {
        node.focusWithinProperty().addListener((obs, was, within) -> {
            if (!within && operatorActive) {
                touched.add(key);
                refresh(key);
            }
        });
    }

    /** A small muted line under a field. */
    public static Label hint(String id) {
        Label hint = new Label();
        hint.setId(id);
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return hint;
    }

    /** The label shows {@code text}, and takes no room while it is null. */
    public static void showWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotNull(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Shows items as {@code text} says; a picker that is never typed in needs no way back. */
    public static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    /**
     * A picker with a ✕ that takes its choice back, to the default it stands for (Delete in the
     * picker does the same): {@code id} is set to {@code none} ("" or null, as the model keeps "no
     * choice"). The ✕ is there only while something is chosen, and Tab skips it (one stop a field);
     * its ID is the picker's with "Clear" after it.
     */
    public static javafx.scene.layout.HBox withClear(javafx.scene.control.ComboBox<?> picker,
                                                     javafx.beans.property.StringProperty id, String none) {
        javafx.scene.control.Button clear = new javafx.scene.control.Button("✕");
        if (picker.getId() != null) {
            clear.setId(picker.getId() + "Clear");
        }
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setAccessibleText("Clear this choice");
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> id.set(none));
        clear.setTooltip(new javafx.scene.control.Tooltip("Back to the default (Delete in the picker)"));
        javafx.beans.binding.BooleanBinding chosen = Bindings.createBooleanBinding(
                () -> id.get() != null && !id.get().isEmpty(), id);
        picker.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == javafx.scene.input.KeyCode.DELETE || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE)
                    && chosen.get() && !picker.isShowing()) {
                id.set(none);
                e.consume();
            }
        });
        clear.visibleProperty().bind(chosen);
        clear.managedProperty().bind(clear.visibleProperty()); // the picker takes the whole row until there is a choice
        clear.disableProperty().bind(picker.disableProperty());
        picker.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(picker, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(4, picker, clear);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /**
     * What a use case picker says while none is chosen: which use case the caller number's default
     * is, by name; or that the account's lists do not name it (then its prompt's variables and hours
     * are not checked here, and the service decides).
     */
    public static javafx.beans.binding.StringBinding defaultUseCaseText(ObservableStringValue numberId,
            javafx.collections.ObservableList<org.dialdesk.api.CallerNumber> numbers,
            javafx.collections.ObservableList<org.dialdesk.api.UseCase> useCases) {
        return Bindings.createStringBinding(() -> {
            org.dialdesk.api.CallerNumber number = numbers.stream().filter(n -> n.id().equals(numberId.get())).findFirst()
                    .orElse(null);
            if (number == null) {
                return "The caller number's default";
            }
            if (number.useCaseId() == null) {
                return "None: the number has no default";
            }
            return useCases.stream().filter(u -> number.useCaseId().equals(u.id())).findFirst()
                    .map(u -> "Default: " + (u.name() == null ? u.id() : u.name()))
                    .orElse("Default " + number.useCaseId() + ", not in the account's list: not checked");
        }, numberId, numbers, useCases);
    }
}
