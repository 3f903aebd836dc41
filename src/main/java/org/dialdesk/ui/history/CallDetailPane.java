package org.dialdesk.ui.history;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dialdesk.api.Call;
import org.dialdesk.api.CallStatus;
import org.dialdesk.api.Json;
import org.dialdesk.api.Transcript;
import org.dialdesk.domain.CallTimes;
import org.dialdesk.ui.common.FormFields;

/** The selected call: its fields, what can be done with it, its data and its transcript as a conversation. */
final class CallDetailPane extends ScrollPane {
    private static final DateTimeFormatter SCHEDULED = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");
    private final HistoryViewModel vm;
    private final ZoneId zone;
    private final CallTimes times;
    private final VBox box = new VBox(10);
    private final Label empty = new Label("Select a call to see its details and transcript.");
    private final Label title = new Label();
    private final StatusBadge statusBadge = new StatusBadge();
    private final GridPane fields = new GridPane();
    private final TextArea json = new TextArea();
    private final VBox transcript = new VBox(6);
    private final Button cancel = new Button("Cancel call");
    private final Button stop = new Button("Stop call");
    private final VBox content;

    /** {@code zone}: the operator's, which scheduled times are shown in. */
    CallDetailPane(HistoryViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        this.times = new CallTimes(zone);
        box.setId("callDetail");
        box.setPadding(new Insets(12));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        title.getStyleClass().add(Styles.TITLE_4);
        statusBadge.setId("detailStatus");
        fields.setHgap(10);
        fields.setVgap(4);
        json.setId("detailJson");
        json.setEditable(false);
        json.setPrefRowCount(6);
        json.setWrapText(true);
        json.getStyleClass().add("monospace");
        transcript.setId("transcriptView");
        Label message = new Label();
        message.setId("detailMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.WARNING);
        FormFields.showWhenSet(message, vm.detailMessageProperty());

        Label hidden = new Label();
        hidden.setId("detailHiddenByFilter");
        hidden.setWrapText(true);
        hidden.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        FormFields.showWhenSet(hidden, vm.hiddenByFilterProperty());
        Hyperlink showAll = new Hyperlink("Clear filters");
        showAll.setId("detailClearFilters");
        showAll.getStyleClass().add(Styles.TEXT_SMALL);
        showAll.setOnAction(e -> vm.clearFilters());
        showAll.visibleProperty().bind(hidden.visibleProperty());
        showAll.managedProperty().bind(showAll.visibleProperty());
        VBox hiddenNote = new VBox(0, hidden, showAll); // a narrow pane wraps the sentence rather than scroll sideways
        hiddenNote.visibleProperty().bind(hidden.visibleProperty());
        hiddenNote.managedProperty().bind(hiddenNote.visibleProperty());

        content = new VBox(10, new FlowPane(8, 4, title, statusBadge), hiddenNote, fields, actions(), message,
                section("Params, metadata and what was learnt"), json, section("Transcript"), transcript);
        vm.selectedCallProperty().addListener((obs, old, call) -> show(call));
        vm.transcriptProperty().addListener((obs, old, t) -> showTranscript(t));
        box.getChildren().setAll(empty);
        setContent(box);
        setFitToWidth(true);
    }

    private FlowPane actions() {
        cancel.setId("cancelCallButton");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        cancel.setOnAction(e -> confirm("Cancel the call to " + whom() + when() + "?", "It will not be placed.",
                vm::cancelSelected));
        stop.setId("stopCallButton");
        stop.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        stop.setOnAction(e -> confirm("Hang up the call to " + whom() + "?", "The agent will end the call now.",
                vm::stopSelected));
        Button dialAgain = new Button("Dial again");
        dialAgain.setId("dialAgainFromHistoryButton");
        dialAgain.getStyleClass().add(Styles.SMALL);
        dialAgain.setOnAction(e -> vm.dialAgainSelected());
        Button copyId = new Button("Copy ID");
        copyId.setId("copyIdFromHistoryButton");
        copyId.getStyleClass().add(Styles.SMALL);
        copyId.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(vm.selectedCallProperty().get().id());
            Clipboard.getSystemClipboard().setContent(clip);
        });
        Button doNotCall = new Button("Do not call again");
        doNotCall.setId("doNotCallFromHistoryButton");
        doNotCall.getStyleClass().add(Styles.SMALL);
        doNotCall.setOnAction(e -> confirm("Put " + whom() + " on the do-not-call list?",
                "No profile will dial this number again, single or bulk, until it is removed (dialdesk dnc remove).",
                vm::doNotCallSelected));
        doNotCall.setVisible(vm.canListCallee());
        doNotCall.setManaged(vm.canListCallee());
        for (Button b : List.of(cancel, stop, dialAgain, copyId, doNotCall)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // wrap to a second line rather than cut labels
        }
        return new FlowPane(6, 6, cancel, stop, dialAgain, copyId, doNotCall);
    }

    private void show(Call call) {
        if (call == null) {
            box.getChildren().setAll(empty);
            return;
        }
        box.getChildren().setAll(content);
        title.setText(call.to() == null ? call.id() : call.to());
        statusBadge.setStatus(call.status() == null ? "" : call.status().wireName());
        fields.getChildren().clear();
        int row = 0;
        for (String[] f : new String[][] {{"ID", call.id()}, {"Created", times.local(call.created())},
            {"Caller", call.from()}, {"Use case", call.useCase() == null ? null : call.useCase().name()},
            {"Agent", call.agent() == null ? null : call.agent().name()}, {"Language", call.language()},
            {"Campaign", call.campaignId()}, {"Scheduled for", times.local(call.scheduledFor())},
            {"Max minutes", call.maxDurationMins() == null ? null : call.maxDurationMins().toString()},
            {"Duration", call.duration() == null ? null : call.duration() + " s"}, {"Prompt", call.promptId()},
            {"Classification", call.classification() == null ? null
                    : call.classification().tag() + ": " + call.classification().reasoning()},
            {"Notes", call.notes() == null || call.notes().isEmpty() ? null
                    : String.join(" · ", call.notes().stream().map(n -> n.content()).toList())}}) {
            if (f[1] == null || f[1].isBlank()) {
                continue;
            }
            Label key = new Label(f[0]);
            key.getStyleClass().add(Styles.TEXT_MUTED);
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(f[1]);
            value.setWrapText(true);
            String exact = f[0].equals("Created") ? CallTimes.utc(call.created())
                    : f[0].equals("Scheduled for") ? CallTimes.utc(call.scheduledFor()) : null;
            if (exact != null) {
                value.setId(f[0].equals("Created") ? "detailCreated" : "detailScheduledFor");
                value.setTooltip(new Tooltip(exact));
            }
            fields.addRow(row++, key, value);
        }
        json.setText(detailJson(call));
        CallStatus s = call.status() == null ? CallStatus.UNKNOWN : call.status();
        cancel.setDisable(!s.isCancellable());
        stop.setDisable(!s.isLive());
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    /** What the call carried and what was learnt; a part it has none of is left out, not shown as null. */
    private static String detailJson(Call call) {
        ObjectNode node = Json.mapper().createObjectNode();
        putIfAny(node, "params", call.params());
        putIfAny(node, "metadata", call.metadata());
        putIfAny(node, "extraction", call.extraction());
        return node.isEmpty() ? "(none)" : node.toPrettyString();
    }

    private static void putIfAny(ObjectNode node, String name, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            node.set(name, value);
        }
    }

    private void showTranscript(Transcript conversation) {
        transcript.getChildren().clear();
        if (conversation == null || conversation.messages().isEmpty()) {
            Call call = vm.selectedCallProperty().get();
            boolean over = call != null && call.status() != null && call.status().isTerminal();
            Label none = new Label(over ? "No conversation: the call ended without one." : "No conversation yet.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            transcript.getChildren().add(none);
            return;
        }
        for (Transcript.Message m : conversation.messages()) {
            double start = m.start() == null ? 0 : m.start();
            Label line = new Label(String.format("%d:%02d  %s: %s", (int) start / 60, (int) start % 60,
                    speaker(m.role()), m.content()));
            line.setWrapText(true);
            line.getStyleClass().addAll("transcript-line", "role-" + m.role());
            transcript.getChildren().add(line);
        }
    }

    /** The selected call's callee, as the operator confirms what they act on. */
    private String whom() {
        Call call = vm.selectedCallProperty().get();
        return call == null || call.to() == null ? "this number" : call.to();
    }

    /** " scheduled for Mon 15 Jun 17:00" in the operator's zone, or nothing for a call not scheduled. */
    private String when() {
        Call call = vm.selectedCallProperty().get();
        if (call == null || call.scheduledFor() == null) {
            return "";
        }
        try {
            return " scheduled for " + SCHEDULED.format(Instant.parse(call.scheduledFor()).atZone(zone));
        } catch (DateTimeParseException e) {
            return " scheduled for " + call.scheduledFor();
        }
    }

    /** Who said a line, as a supervisor names them. */
    static String speaker(String role) {
        if (role == null) {
            return "?";
        }
        return switch (role) {
            case "assistant" -> "Agent";
            case "user" -> "Callee";
            case "tool" -> "Tool";
            case "system" -> "System";
            default -> role;
        };
    }

    private void confirm(String header, String text, Runnable action) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.NO, ButtonType.YES);
        alert.setHeaderText(header);
        alert.initOwner(getScene().getWindow());
        alert.showAndWait().filter(ButtonType.YES::equals).ifPresent(b -> action.run());
    }
}
