package org.dialdesk.ui.dial;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.dialdesk.ui.common.BusyRing;
import org.dialdesk.ui.common.FormFields;
import org.dialdesk.ui.common.Navigation;

/**
 * The dial form's bottom bar: what became of the last dial and what to do next (copy its ID, show
 * it in history, dial again; for an uncertain one, check history again or knowingly dial anyway),
 * and the form's own actions (copy as curl, clear, dial).
 */
final class DialActionBar extends HBox {
    private final DialViewModel vm;

    DialActionBar(DialViewModel vm, FormFields form, Navigation navigation) {
        this.vm = vm;
        Label result = new Label();
        result.setId("dialResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.outcomeMessageProperty());
        vm.outcomeProperty().addListener((obs, old, outcome) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            switch (outcome) {
                case CREATED, FOUND_AFTER_ALL -> result.getStyleClass().add(Styles.SUCCESS);
                case REJECTED, NOT_SENT -> result.getStyleClass().add(Styles.DANGER);
                case UNCERTAIN -> result.getStyleClass().add(Styles.WARNING);
                default -> { }
            }
            if (outcome == DialViewModel.Outcome.REJECTED || outcome == DialViewModel.Outcome.NOT_SENT) {
                form.touchAll(List.copyOf(vm.errors().keySet())); // the service named them: show them all
            }
        });

        Button copyId = new Button("Copy ID");
        copyId.setId("copyCallIdButton");
        copyId.getStyleClass().add(Styles.SMALL);
        copyId.setOnAction(e -> copy(vm.createdCallIdProperty().get()));
        copyId.visibleProperty().bind(vm.createdCallIdProperty().isNotNull());
        copyId.managedProperty().bind(copyId.visibleProperty());
        Button inHistory = new Button("Show in history");
        inHistory.setId("showInHistoryButton");
        inHistory.getStyleClass().add(Styles.SMALL);
        inHistory.setOnAction(e -> navigation.showInHistory(vm.createdCallIdProperty().get()));
        inHistory.visibleProperty().bind(vm.createdCallIdProperty().isNotNull().and(
                new SimpleBooleanProperty(navigation.historyAvailable())));
        inHistory.managedProperty().bind(inHistory.visibleProperty());
        Button dialAgain = new Button("Dial a_gain");
        dialAgain.setId("dialAgainButton");
        dialAgain.getStyleClass().add(Styles.SMALL);
        dialAgain.setOnAction(e -> vm.dialAgain());
        dialAgain.visibleProperty().bind(vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.CREATED)
                .or(vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.FOUND_AFTER_ALL)));
        dialAgain.managedProperty().bind(dialAgain.visibleProperty());
        Button checkAgain = new Button("Check history again");
        checkAgain.setId("checkHistoryButton");
        checkAgain.getStyleClass().add(Styles.SMALL);
        checkAgain.setOnAction(e -> vm.checkHistory());
        checkAgain.disableProperty().bind(vm.checkingHistoryProperty());
        Button anyway = new Button("Dial again anyway…");
        anyway.setId("dialAnywayButton");
        anyway.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        anyway.setOnAction(e -> confirmDialAnyway());
        for (Button b : List.of(checkAgain, anyway)) {
            b.visibleProperty().bind(vm.outcomeProperty().isEqualTo(DialViewModel.Outcome.UNCERTAIN));
            b.managedProperty().bind(b.visibleProperty());
        }

        // Names the fields; a click (or Enter on it) shows every problem and goes to the first.
        Hyperlink attention = new Hyperlink();
        attention.setId("formProblems");
        attention.getStyleClass().add(Styles.TEXT_SMALL);
        attention.textProperty().bind(vm.problemsSummaryProperty());
        attention.visibleProperty().bind(vm.problemsSummaryProperty().isNotEmpty());
        attention.setOnAction(e -> form.showProblems(List.copyOf(vm.problemFields())));
        Tooltip problems = new Tooltip();
        problems.textProperty().bind(vm.requestPreviewProperty());
        attention.setTooltip(problems);

        Button curl = new Button("Copy as curl");
        curl.setId("copyCurlButton");
        curl.setOnAction(e -> copy(vm.curlProperty().get()));
        curl.disableProperty().bind(vm.validProperty().not());
        Button clear = new Button("Clear");
        clear.setId("clearButton");
        clear.setOnAction(e -> {
            vm.clear();
            form.untouchAll();
        });
        clear.disableProperty().bind(vm.inFlightProperty());
        Node progress = BusyRing.of(20);
        progress.visibleProperty().bind(vm.inFlightProperty().or(vm.checkingHistoryProperty()));
        Button dial = new Button("_Dial");
        dial.setId("dialButton");
        dial.getStyleClass().add(Styles.ACCENT);
        dial.setDefaultButton(false);
        dial.setMinWidth(110);
        dial.textProperty().bind(Bindings.when(vm.inFlightProperty()).then("Dialling…")
                .otherwise(Bindings.when(vm.scheduleLaterProperty()).then("_Schedule").otherwise("_Dial")));
        dial.disableProperty().bind(vm.canDialProperty().not());
        dial.setOnAction(e -> DialConfirm.dial(vm, this));
        dial.setTooltip(new Tooltip("Place the call (Ctrl+Enter)"));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        for (Button b : List.of(copyId, inHistory, dialAgain, checkAgain, anyway)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox resultBox = new HBox(8, result, inHistory, copyId, dialAgain, checkAgain, anyway);
        resultBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.SOMETIMES);
        HBox.setHgrow(resultBox, Priority.ALWAYS);
        HBox buttons = new HBox(8, attention, progress, curl, clear, dial);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().setAll(resultBox, gap, buttons);
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 20, 10, 20));
        getStyleClass().add("dial-action-bar");
    }

    private void confirmDialAnyway() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "The last dial to this number may already have been placed. Sending it again can ring the "
                        + "person twice. Send it again?", ButtonType.CANCEL, ButtonType.YES);
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
