package org.dialdesk.ui.dial;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dialdesk.ui.common.BusyRing;
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.Navigation;
import org.dialdesk.ui.common.TabMovesFocus;

/**
 * The dial form's bottom: a banner saying what just happened (the last dial's outcome with what to
 * do next, an Undo after Clear or "Dial again", what a copy put on the clipboard), one line that
 * opens for details, and beneath it the form's own actions (copy as curl, clear, dial). The banner
 * spans the window, so a long message never takes width from the form.
 */
final class DialActionBar extends VBox {
    private static final String[] TINTS = {"banner-success", "banner-danger", "banner-warning", "banner-info"};
    private final DialViewModel vm;

    DialActionBar(DialViewModel vm, FormFields form, Navigation navigation) {
        this.vm = vm;
        vm.outcomeProperty().addListener((obs, old, outcome) -> {
            if (outcome == DialViewModel.Outcome.REJECTED || outcome == DialViewModel.Outcome.NOT_SENT) {
                form.touchAll(List.copyOf(vm.errors().keySet())); // the service named them: show them all
            }
        });
        HBox banner = banner(navigation);
        keepFocusThroughADial();

        // Names the fields; a click (or Enter on it) shows every problem and goes to the first.
        Hyperlink attention = new Hyperlink();
        attention.setId("formProblems");
        attention.getStyleClass().add(Styles.TEXT_SMALL);
        attention.textProperty().bind(vm.problemsSummaryProperty());
        attention.visibleProperty().bind(vm.problemsSummaryProperty().isNotEmpty());
        attention.setOnAction(e -> form.showProblems(List.copyOf(vm.problemFields())));
        attention.setMinWidth(0);
        attention.setTextOverrun(OverrunStyle.ELLIPSIS);
        Tooltip problems = new Tooltip();
        problems.textProperty().bind(vm.requestPreviewProperty());
        attention.setTooltip(problems);

        Button curl = new Button("Cop_y as curl");
        curl.setId("copyCurlButton");
        curl.setOnAction(e -> {
            copy(vm.curlProperty().get());
            vm.curlCopied();
        });
        curl.disableProperty().bind(vm.validProperty().not());
        curl.setTooltip(new Tooltip("Copy this dial as a curl command (Alt+Y); the key stays in $DIALDESK_API_KEY"));
        Button clear = new Button("_Clear");
        clear.setId("clearButton");
        clear.setOnAction(e -> {
            vm.clear();
            form.untouchAll();
        });
        clear.disableProperty().bind(vm.inFlightProperty());
        clear.setTooltip(new Tooltip("Empty the form (Alt+C); Undo brings it back"));
        Node progress = BusyRing.of(20);
        progress.visibleProperty().bind(vm.inFlightProperty().or(vm.checkingHistoryProperty()));
        Button dial = new Button("_Dial");
        dial.setId("dialButton");
        dial.getStyleClass().add(Styles.ACCENT);
        dial.setDefaultButton(false);
        dial.setMinWidth(110);
        // On a live account the button names it: a supervisor with several open in a day sees where the call goes.
        String on = vm.liveAccount().map(account -> " on " + account.replace("_", "__")).orElse("");
        dial.textProperty().bind(Bindings.when(vm.inFlightProperty()).then("Dialling…")
                .otherwise(Bindings.when(vm.scheduleLaterProperty()).then("_Schedule" + on).otherwise("_Dial" + on)));
        dial.disableProperty().bind(vm.canDialProperty().not());
        dial.setOnAction(e -> DialConfirm.dial(vm, this));
        Tooltip dialTip = new Tooltip();
        dialTip.textProperty().bind(Bindings.when(vm.scheduleLaterProperty())
                .then("Schedule the call (Ctrl+Enter, or Alt+S)").otherwise("Place the call (Ctrl+Enter, or Alt+D)"));
        dial.setTooltip(dialTip);
        for (Button b : List.of(curl, clear)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(attention, Priority.SOMETIMES);
        HBox actions = new HBox(8, attention, gap, progress, curl, clear, dial);
        actions.setAlignment(Pos.CENTER_RIGHT);
        getChildren().setAll(banner, actions);
        setSpacing(8);
        setPadding(new Insets(10, 20, 10, 20));
        getStyleClass().add("dial-action-bar");
    }

    /**
     * The Dial button is disabled while its dial is under way, and JavaFX would hand its focus to
     * the next control, the status bar's theme toggle, where Space flips the theme. The focus waits
     * on this bar instead, and goes on to what comes next: Dial again, or back to Dial.
     */
    private void keepFocusThroughADial() {
        vm.inFlightProperty().addListener((obs, was, inFlight) -> {
            if (getScene() == null) {
                return;
            }
            Node owner = getScene().getFocusOwner();
            if (inFlight) {
                if (owner != null && owner.getId() != null && owner.getId().equals("dialButton")) {
                    requestFocus();
                }
                return;
            }
            // After the outcome is in (it follows the end of the attempt): the buttons it shows are there then.
            Platform.runLater(() -> {
                Node now = getScene() == null ? null : getScene().getFocusOwner();
                if (now != this && now != null && TabMovesFocus.isWithin(now, getParent())) {
                    return; // the operator has moved on meanwhile
                }
                for (String id : List.of("#dialAgainButton", "#checkHistoryButton", "#dialButton")) {
                    Node next = lookup(id);
                    if (next != null && next.isVisible() && !next.isDisabled()) {
                        next.requestFocus();
                        return;
                    }
                }
            });
        });
    }

    /** The one line that says what just happened, tinted by how it went, with the buttons that follow from it. */
    private HBox banner(Navigation navigation) {
        StringBinding text = Bindings.createStringBinding(() -> {
            if (vm.copyNoticeProperty().get() != null) {
                return vm.copyNoticeProperty().get();
            }
            if (vm.outcomeProperty().get() != DialViewModel.Outcome.NONE || vm.inFlightProperty().get()) {
                return vm.outcomeMessageProperty().get(); // "Dialling +1…" while it is under way
            }
            return vm.undoMessageProperty().get() == null ? "" : vm.undoMessageProperty().get();
        }, vm.copyNoticeProperty(), vm.outcomeProperty(), vm.outcomeMessageProperty(), vm.undoMessageProperty(),
                vm.inFlightProperty());

        Label result = new Label();
        result.setId("dialResult");
        result.textProperty().bind(text);
        result.setMinWidth(0);
        result.setMaxWidth(Double.MAX_VALUE);
        result.setTextOverrun(OverrunStyle.ELLIPSIS);
        HBox.setHgrow(result, Priority.ALWAYS);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(text);
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        result.setTooltip(whole);
        // One line by default; the whole message on demand when it does not fit.
        Hyperlink details = new Hyperlink("Details");
        details.setId("resultDetailsLink");
        details.setMinWidth(Region.USE_PREF_SIZE);
        details.setOnAction(e -> {
            result.setWrapText(!result.isWrapText());
            details.setText(result.isWrapText() ? "Less" : "Details");
        });
        Runnable fits = () -> details.setVisible(result.isWrapText()
                || result.getWidth() > 0 && result.prefWidth(-1) > result.getWidth() + 0.5);
        result.widthProperty().addListener(o -> fits.run());
        text.addListener(o -> {
            result.setWrapText(false); // a new message starts on one line again
            details.setText("Details");
            fits.run();
        });
        details.managedProperty().bind(details.visibleProperty());

        Button copyId = smallButton("Copy ID", "copyCallIdButton", "Copy the call's ID");
        copyId.setOnAction(e -> {
            copy(vm.createdCallIdProperty().get());
            vm.callIdCopied();
        });
        showWhen(copyId, vm.createdCallIdProperty().isNotNull().and(vm.copyNoticeProperty().isNull()));
        Button inHistory = smallButton("Show in _history", "showInHistoryButton", "Open this call in History (Alt+H)");
        inHistory.setOnAction(e -> navigation.showInHistory(vm.createdCallIdProperty().get()));
        showWhen(inHistory, vm.createdCallIdProperty().isNotNull().and(new SimpleBooleanProperty(navigation.historyAvailable())));
        Button dialAgain = smallButton("Dial a_gain", "dialAgainButton", "Ready the same call to place again (Alt+G)");
        dialAgain.setOnAction(e -> {
            vm.dialAgain();
            Node dial = lookup("#dialButton");
            if (dial != null) {
                dial.requestFocus(); // the button pressed has gone; Dial is what comes next
            }
        });
        showWhen(dialAgain, vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.CREATED)
                .or(vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.FOUND_AFTER_ALL)));
        Button checkAgain = smallButton("Check history again", "checkHistoryButton",
                "Look again in call history for the call this dial may have made");
        checkAgain.setOnAction(e -> vm.checkHistory());
        checkAgain.disableProperty().bind(vm.checkingHistoryProperty());
        Button anyway = smallButton("Dial again anyway…", "dialAnywayButton",
                "Send it again knowing the first may have rung: asks first");
        anyway.getStyleClass().add(Styles.DANGER);
        anyway.setOnAction(e -> confirmDialAnyway());
        for (Button b : List.of(checkAgain, anyway)) {
            showWhen(b, vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.UNCERTAIN));
        }
        Button undo = smallButton("Und_o", "undoButton", "Bring back the form as it was before (Alt+O)");
        undo.setOnAction(e -> vm.undoReplace());
        showWhen(undo, vm.undoMessageProperty().isNotNull());
        Button sandboxKey = smallButton("Copy sandbox key", "copySandboxKeyButton",
                "Copy the sandbox's key, for $DIALDESK_API_KEY (only the sandbox's key is ever offered)");
        sandboxKey.setOnAction(e -> vm.sandboxKey().ifPresent(key -> {
            copy(key.reveal());
            vm.sandboxKeyCopied();
        }));
        showWhen(sandboxKey, vm.copyNoticeProperty().isNotNull().and(new SimpleBooleanProperty(vm.sandboxKey().isPresent())));

        HBox banner = new HBox(8, result, details, inHistory, copyId, dialAgain, checkAgain, anyway, undo, sandboxKey);
        banner.setId("resultBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("result-banner");
        banner.visibleProperty().bind(text.isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        Runnable tint = () -> {
            banner.getStyleClass().removeAll(TINTS);
            String kind = "banner-info";
            if (vm.copyNoticeProperty().get() == null) {
                switch (vm.outcomeProperty().get()) {
                    case CREATED, FOUND_AFTER_ALL -> kind = "banner-success";
                    case REJECTED, NOT_SENT -> kind = "banner-danger";
                    case UNCERTAIN -> kind = "banner-warning";
                    default -> { }
                }
            }
            banner.getStyleClass().add(kind);
        };
        vm.outcomeProperty().addListener(o -> tint.run());
        vm.copyNoticeProperty().addListener(o -> tint.run());
        tint.run();
        return banner;
    }

    private static Button smallButton(String text, String id, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    private void confirmDialAnyway() {
        // Whatever the form would ask before any dial (calling hours, empty variables) is asked here too.
        String also = vm.questionBeforeDialing().map(q -> "\n\n" + q.text().replaceFirst(" Dial anyway\\?$", "")).orElse("");
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "The last dial to this number may already have been placed. Sending it again can ring the "
                        + "person twice." + also + "\n\nSend it again?", ButtonType.CANCEL, ButtonType.YES);
        confirm.setHeaderText("Dial again without knowing the outcome?");
        confirm.initOwner(getScene() == null ? null : getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.YES::equals).ifPresent(b -> vm.dialAgainAnyway());
    }

    private static void copy(String text) {
        if (text == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
