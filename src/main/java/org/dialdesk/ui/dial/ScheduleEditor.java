package org.dialdesk.ui.dial;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
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
        CheckBox later = new CheckBox("Schedule for la_ter");
        later.setId("scheduleLaterToggle");
        later.selectedProperty().bindBidirectional(vm.scheduleLaterProperty());
        DatePicker date = new DatePicker();
        date.setId("scheduleDate");
        date.setConverter(new TypedDateConverter(vm.dateLocale(), date.getEditor()));
        date.valueProperty().bindBidirectional(vm.scheduleDateProperty());
        date.getEditor().textProperty().bindBidirectional(vm.scheduleDateTextProperty());
        date.setPromptText("yyyy-mm-dd");
        date.setPrefWidth(150);
        date.setMinWidth(130);
        date.setAccessibleText("Date to call on: type it as year-month-day or in your locale's short form, or pick it");
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
        zone.getItems().setAll(vm.scheduleZoneChoices());
        zone.valueProperty().bindBidirectional(vm.scheduleZoneProperty());
        // Searched by what the label says: "pacific", "los angeles", "utc−08".
        zone.setConverter(FormFields.converter(vm::zoneLabel));
        zone.setPromptText("Time zone");
        zone.setAccessibleText("Time zone of the date and time above");
        HBox.setHgrow(zone, Priority.ALWAYS);
        zone.setMaxWidth(Double.MAX_VALUE);
        // It stretches to its row anyway; without a preferred width the first layout would measure
        // a cell for each of the ~600 zones to find the widest name.
        zone.setPrefWidth(200);
        HBox dateAndTime = new HBox(8, date, time);
        dateAndTime.setAlignment(Pos.CENTER_LEFT);
        time.setMinWidth(70);
        // The zone has a line of its own: its names are long ("Central Time — Chicago (UTC−06:00)").
        VBox when = new VBox(6, dateAndTime, zone);
        when.disableProperty().bind(vm.scheduleLaterProperty().not());

        SearchableComboBox<ZoneId> calleeZone = new SearchableComboBox<>();
        calleeZone.setId("calleeZonePicker");
        // A fresh list each time rather than the view model's changing in place: the searchable
        // box's inner filtered list reads stale indexes when its source changes under an open cell.
        calleeZone.setItems(FXCollections.observableArrayList(vm.calleeZoneChoices()));
        vm.calleeZoneChoices().addListener((ListChangeListener<ZoneId>) change -> {
            ZoneId chosen = vm.calleeZoneProperty().get();
            calleeZone.setItems(FXCollections.observableArrayList(vm.calleeZoneChoices()));
            calleeZone.setValue(vm.calleeZoneChoices().contains(chosen) ? chosen : null);
        });
        calleeZone.setConverter(FormFields.converter(vm::zoneLabel));
        calleeZone.setPromptText("Callee's time zone");
        calleeZone.setAccessibleText("Callee's time zone, for the calling-hours check");
        calleeZone.setMaxWidth(Double.MAX_VALUE);
        calleeZone.valueProperty().bindBidirectional(vm.calleeZoneProperty());
        Label calleeZoneLabel = new Label("Callee's zone");
        calleeZoneLabel.setLabelFor(calleeZone);
        calleeZoneLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox.setHgrow(calleeZone, Priority.ALWAYS);
        HBox calleeZoneRow = new HBox(8, calleeZoneLabel, calleeZone);
        calleeZoneRow.setAlignment(Pos.CENTER_LEFT);
        calleeZoneRow.visibleProperty().bind(Bindings.isNotEmpty(vm.calleeZoneChoices()));
        calleeZoneRow.managedProperty().bind(calleeZoneRow.visibleProperty());

        Label summary = FormFields.hint("scheduleSummary");
        summary.textProperty().bind(vm.scheduleSummaryProperty());
        Label warning = new Label();
        warning.setId("callingHoursWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.WARNING);
        FormFields.showWhenSet(warning, vm.callingHoursWarningProperty());
        VBox box = new VBox(6, later, when, calleeZoneRow, summary, warning);
        return form.field("When", DialViewModel.SCHEDULE, box, null, null, later);
    }
}
