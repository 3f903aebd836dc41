package org.dialdesk.ui.settings;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.dialdesk.domain.Theme;
import org.dialdesk.ui.common.FormFields;

/** Theme, phones, calling window, polling, time zone and timeouts; each checked as typed, applied at once. */
public final class SettingsView extends ScrollPane {
    public SettingsView(SettingsViewModel vm) {
        setId("settingsView");
        setFitToWidth(true);
        FormFields fields = new FormFields(vm.errors());

        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_3);

        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("settingsTheme");
        theme.getItems().setAll(Theme.values());
        theme.setConverter(FormFields.converter(t -> t == null ? "" : switch (t) {
            case LIGHT -> "Light";
            case DARK -> "Dark";
            case SYSTEM -> "Follow the system";
        }));
        theme.valueProperty().bindBidirectional(vm.themeProperty());

        TextField country = field("settingsCountry", vm.countryProperty(), "US");
        country.setPrefColumnCount(4);
        country.setMaxWidth(90);
        Label countryHint = hint("National numbers (e.g. (415) 555-0123) are read in this country; the command line's too.");

        TextField start = field("settingsHoursStart", vm.hoursStartProperty(), "08:00");
        TextField end = field("settingsHoursEnd", vm.hoursEndProperty(), "21:00");
        start.setPrefColumnCount(5);
        end.setPrefColumnCount(5);
        HBox hours = new HBox(6, start, new Label("to"), end, new Label("callee's local time"));
        hours.setAlignment(Pos.CENTER_LEFT);

        TextField poll = field("settingsPoll", vm.pollSecondsProperty(), "30");
        poll.setPrefColumnCount(4);
        HBox pollRow = new HBox(6, poll, new Label("seconds between checks for changes while no call is live"));
        pollRow.setAlignment(Pos.CENTER_LEFT);

        SearchableComboBox<ZoneId> zone = new SearchableComboBox<>();
        zone.setId("settingsZone");
        zone.getItems().setAll(vm.zoneChoices());
        // Searched by what the label says: "chicago", "central", "utc−06".
        zone.setConverter(FormFields.converter(z -> z == null ? "" : vm.zoneLabel(z)));
        zone.setValue(zoneOf(vm.zoneProperty().get(), vm.systemZone()));
        // The computer's own zone is kept as "follow the computer" (blank), so it moves with it.
        zone.valueProperty().addListener((obs, old, picked) -> vm.zoneProperty().set(
                picked == null || picked.equals(vm.systemZone()) ? "" : picked.getId()));
        vm.zoneProperty().addListener((obs, old, now) -> {
            ZoneId shown = zoneOf(now, vm.systemZone());
            if (!shown.equals(zone.getValue())) {
                zone.setValue(shown);
            }
        });
        zone.setPrefWidth(360);

        TextField connect = field("settingsConnectTimeout", vm.connectTimeoutProperty(), "5");
        TextField read = field("settingsReadTimeout", vm.readTimeoutProperty(), "30");
        connect.setPrefColumnCount(4);
        read.setPrefColumnCount(4);
        HBox timeouts = new HBox(6, new Label("connect"), connect, new Label("s   answer"), read, new Label("s"));
        timeouts.setAlignment(Pos.CENTER_LEFT);

        TextField chunk = field("settingsBulkChunk", vm.bulkChunkProperty(), "10");
        TextField rate = field("settingsBulkRate", vm.bulkRateProperty(), "2");
        chunk.setPrefColumnCount(4);
        rate.setPrefColumnCount(4);
        HBox bulk = new HBox(6, chunk, new Label("rows a request,  at most"), rate, new Label("dials a second"));
        bulk.setAlignment(Pos.CENTER_LEFT);

        Button apply = new Button("_Apply");
        apply.setId("applySettingsButton");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(true);
        // Never disabled: pressed, a disabled button would hand its focus to the status bar.
        apply.setOnAction(e -> {
            if (!vm.apply()) {
                fields.showProblems(SettingsViewModel.FIELDS);
            }
        });
        Button revert = new Button("Revert");
        revert.setId("revertSettingsButton");
        revert.disableProperty().bind(vm.changedProperty().not());
        revert.setOnAction(e -> vm.revert());
        Label message = new Label();
        message.setId("settingsMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        FormFields.showWhenSet(message, vm.messageProperty());

        VBox form = new VBox(14, title,
                fields.field("_Theme", "theme", theme),
                fields.field("Default _country for phone numbers", SettingsViewModel.COUNTRY, country, null, countryHint, country),
                fields.field("Legal calling _window", SettingsViewModel.CALLING_HOURS, hours, null,
                        hint("A dial outside it is asked about first; in the US the TCPA's is 8:00 to 21:00."), start),
                fields.field("History _polling", SettingsViewModel.POLL, pollRow, null, null, poll),
                fields.field("Display time _zone", SettingsViewModel.ZONE, zone, null,
                        hint("Schedules are typed, and history and the audit log are shown, in this zone."), zone),
                fields.field("Request _timeouts", SettingsViewModel.TIMEOUTS, timeouts, null,
                        hint("How long to wait for the service to accept a connection, and for its answer."), connect),
                fields.field("_Bulk pace", SettingsViewModel.BULK, bulk, null,
                        hint("What a bulk run starts with; a run slows down by itself when the service asks it to."), chunk),
                new HBox(8, apply, revert), message);
        fields.watchOperator(form);
        form.setPadding(new Insets(16));
        form.setMaxWidth(720);
        setContent(form);
    }

    private static ZoneId zoneOf(String id, ZoneId system) {
        try {
            return id == null || id.isBlank() ? system : ZoneId.of(id);
        } catch (RuntimeException e) {
            return system;
        }
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return hint;
    }

}
