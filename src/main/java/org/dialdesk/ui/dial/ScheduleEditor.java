package org.dialdesk.ui.dial;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.dialdesk.ui.common.FormFields;

/** When to call: now, or a date, a time (arrow keys step it) and a zone; the UTC instant, the callee's time and calling hours. */
final class ScheduleEditor {
    private static final int STEP_MINUTES = 5;

    private ScheduleEditor() {
    }

    static Node of(DialViewModel vm, FormFields form) {
        CheckBox later = new CheckBox("Schedule for _later");
        later.setId("scheduleLaterToggle");
        later.selectedProperty().bindBidirectional(vm.scheduleLaterProperty());
        DatePicker date = new DatePicker();
        date.setId("scheduleDate");
        date.valueProperty().bindBidirectional(vm.scheduleDateProperty());
        date.setPrefWidth(150);
        date.setAccessibleText("Date to call on");
        TextField time = new TextField();
        time.setId("scheduleTime");
        time.setPromptText("9:30");
        time.setPrefColumnCount(5);
        time.setAccessibleText("Time to call at, hours and minutes; arrow keys step 5 minutes");
        time.textProperty().bindBidirectional(vm.scheduleTimeProperty());
        time.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                time.setText(TimeSteps.step(time.getText(), e.getCode() == KeyCode.UP ? STEP_MINUTES : -STEP_MINUTES));
                e.consume();
            }
        });
        SearchableComboBox<ZoneId> zone = new SearchableComboBox<>();
        zone.setId("scheduleZone");
        zone.getItems().setAll(ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList());
        zone.valueProperty().bindBidirectional(vm.scheduleZoneProperty());
        zone.setConverter(FormFields.converter(ZoneId::getId));
        zone.setAccessibleText("Time zone of the date and time above");
        HBox.setHgrow(zone, Priority.ALWAYS);
        zone.setMaxWidth(Double.MAX_VALUE);
        // It stretches to its row anyway; without a preferred width the first layout would measure
        // a cell for each of the ~600 zones to find the widest name.
        zone.setPrefWidth(200);
        HBox when = new HBox(8, date, time, zone);
        when.setAlignment(Pos.CENTER_LEFT);
        when.disableProperty().bind(vm.scheduleLaterProperty().not());

        ComboBox<ZoneId> calleeZone = new ComboBox<>();
        calleeZone.setId("calleeZonePicker");
        calleeZone.setItems(vm.calleeZoneChoices());
        calleeZone.setConverter(FormFields.converter(ZoneId::getId));
        calleeZone.setPromptText("Callee's time zone");
        calleeZone.valueProperty().bindBidirectional(vm.calleeZoneProperty());
        calleeZone.visibleProperty().bind(Bindings.isNotEmpty(vm.calleeZoneChoices()));
        calleeZone.managedProperty().bind(calleeZone.visibleProperty());

        Label summary = FormFields.hint("scheduleSummary");
        summary.textProperty().bind(vm.scheduleSummaryProperty());
        Label warning = new Label();
        warning.setId("callingHoursWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.WARNING);
        FormFields.showWhenSet(warning, vm.callingHoursWarningProperty());
        VBox box = new VBox(6, later, when, calleeZone, summary, warning);
        return form.field("When", DialViewModel.SCHEDULE, box, null, null, later);
    }
}
