package org.dialdesk.ui.dial;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Dial, asking first when the view model says there is something to ask (the Dial button and Ctrl+Enter alike). */
final class DialConfirm {
    static final ButtonType DIAL_ANYWAY = new ButtonType("Dial anyway", ButtonBar.ButtonData.YES);

    private DialConfirm() {
    }

    static void dial(DialViewModel vm, Node owner) {
        if (!vm.canDialProperty().get()) {
            return;
        }
        DialViewModel.Question question = vm.questionBeforeDialing().orElse(null);
        if (question == null) {
            vm.dial();
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question.text(), ButtonType.CANCEL, DIAL_ANYWAY);
        ask.setHeaderText(question.header());
        ask.initOwner(owner.getScene() == null ? null : owner.getScene().getWindow());
        // Enter keeps the form as it is: ringing late or with parts of the script empty takes a deliberate click.
        ((Button) ask.getDialogPane().lookupButton(DIAL_ANYWAY)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ask.showAndWait().filter(DIAL_ANYWAY::equals).ifPresent(answer -> vm.dial());
    }
}
