package org.dialdesk.ui.settings;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.dialdesk.domain.Settings;
import org.dialdesk.domain.SettingsRules;
import org.dialdesk.domain.Theme;
import org.dialdesk.domain.ZoneNames;

/**
 * The Settings screen: each field checked as typed; Apply takes them up at once (the theme as it
 * is picked), and nothing invalid is ever applied or saved.
 */
public final class SettingsViewModel {
    public static final String COUNTRY = "default_country";
    public static final String CALLING_HOURS = "calling_hours";
    public static final String POLL = "poll_seconds";
    public static final String ZONE = "display_zone";
    /** Both timeouts share a row, and its one problem line. */
    public static final String TIMEOUTS = "timeouts";
    public static final String BULK = "bulk";
    static final List<String> FIELDS = List.of(COUNTRY, CALLING_HOURS, POLL, ZONE, TIMEOUTS, BULK);

    private final Consumer<Settings> applier;
    private final ZoneId systemZone;
    private final Clock clock;
    private Settings applied;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final StringProperty country = new SimpleStringProperty();
    private final StringProperty hoursStart = new SimpleStringProperty();
    private final StringProperty hoursEnd = new SimpleStringProperty();
    private final StringProperty pollSeconds = new SimpleStringProperty();
    private final StringProperty zone = new SimpleStringProperty();
    private final StringProperty connectTimeout = new SimpleStringProperty();
    private final StringProperty readTimeout = new SimpleStringProperty();
    private final StringProperty bulkChunk = new SimpleStringProperty();
    private final StringProperty bulkRate = new SimpleStringProperty();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<String, String> errorsView = FXCollections.unmodifiableObservableMap(errors);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    /** {@code applier} saves the settings and hands them to whatever uses them. */
    /** {@code clock}'s zone is the computer's; its "now" names the zones' offsets. */
    public SettingsViewModel(Settings current, Clock clock, Consumer<Settings> applier) {
        this.applier = applier;
        this.clock = clock;
        this.systemZone = clock.getZone();
        this.applied = current;
        show(current);
        for (StringProperty field : List.of(country, hoursStart, hoursEnd, pollSeconds, zone, connectTimeout, readTimeout,
                bulkChunk, bulkRate)) {
            field.addListener((obs, old, now) -> check());
        }
        theme.addListener((obs, old, now) -> {
            if (now != null && now != applied.theme()) {
                applied = applied.withTheme(now); // seen at once: nothing to check
                applier.accept(applied);
                check();
            }
        });
        check();
    }

    private void show(Settings settings) {
        theme.set(settings.theme());
        country.set(settings.defaultCountry());
        hoursStart.set(settings.callingHoursStart());
        hoursEnd.set(settings.callingHoursEnd());
        pollSeconds.set(Integer.toString(settings.pollSeconds()));
        zone.set(settings.displayZone() == null ? "" : settings.displayZone());
        connectTimeout.set(Integer.toString(settings.connectTimeoutSeconds()));
        readTimeout.set(Integer.toString(settings.readTimeoutSeconds()));
        bulkChunk.set(Integer.toString(settings.bulkChunk()));
        bulkRate.set(rateText(settings.bulkRate()));
    }

    private static String rateText(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private void check() {
        errors.clear();
        SettingsRules.countryProblem(country.get()).ifPresent(p -> errors.put(COUNTRY, p));
        SettingsRules.callingHoursProblem(hoursStart.get(), hoursEnd.get()).ifPresent(p -> errors.put(CALLING_HOURS, p));
        SettingsRules.secondsProblem(pollSeconds.get(), SettingsRules.MIN_POLL_SECONDS, SettingsRules.MAX_POLL_SECONDS,
                "The polling interval").ifPresent(p -> errors.put(POLL, p));
        SettingsRules.zoneProblem(zone.get()).ifPresent(p -> errors.put(ZONE, p));
        SettingsRules.secondsProblem(connectTimeout.get(), SettingsRules.MIN_TIMEOUT_SECONDS, SettingsRules.MAX_TIMEOUT_SECONDS,
                "The connect timeout").ifPresent(p -> errors.put(TIMEOUTS, p));
        SettingsRules.secondsProblem(readTimeout.get(), SettingsRules.MIN_TIMEOUT_SECONDS, SettingsRules.MAX_TIMEOUT_SECONDS,
                "The answer timeout").ifPresent(p -> errors.putIfAbsent(TIMEOUTS, p));
        SettingsRules.bulkChunkProblem(bulkChunk.get()).ifPresent(p -> errors.put(BULK, p));
        SettingsRules.bulkRateProblem(bulkRate.get()).ifPresent(p -> errors.putIfAbsent(BULK, p));
        changed.set(typed().map(t -> !t.equals(applied)).orElse(true));
        if (changed.get()) {
            message.set(null);
        }
    }

    /** The settings as typed, when every field is right. */
    private Optional<Settings> typed() {
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Settings(theme.get(), applied.window(), applied.sandboxSpeed(),
                country.get().strip().toUpperCase(java.util.Locale.ROOT), hoursStart.get().strip(), hoursEnd.get().strip(),
                Integer.parseInt(pollSeconds.get().strip()), zone.get().isBlank() ? null : zone.get().strip(),
                Integer.parseInt(connectTimeout.get().strip()), Integer.parseInt(readTimeout.get().strip()),
                Integer.parseInt(bulkChunk.get().strip()), Double.parseDouble(bulkRate.get().strip())));
    }

    /** Applies and saves what is typed; returns false (and applies nothing) while a field is wrong. */
    public boolean apply() {
        Optional<Settings> typed = typed();
        if (typed.isEmpty()) {
            message.set("Fix the fields marked first; nothing was changed.");
            return false;
        }
        if (typed.get().equals(applied)) {
            message.set("Nothing changed: these are the settings in use.");
            return true;
        }
        applied = typed.get();
        applier.accept(applied);
        changed.set(false);
        message.set("Applied. When they concern the open profile, it opens again with them; a half-typed dial is kept.");
        return true;
    }

    /** Back to what is applied. */
    public void revert() {
        show(applied);
        check();
    }

    /** The zone shown when none is chosen: the computer's. */
    public ZoneId systemZone() {
        return systemZone;
    }

    /** The zones to pick from, west to east. */
    public List<ZoneId> zoneChoices() {
        return ZoneNames.choices(clock.instant(), systemZone);
    }

    /** "Central Time — Chicago (UTC−06:00)"; the computer's own says so. */
    public String zoneLabel(ZoneId zone) {
        String label = ZoneNames.label(zone, clock.instant());
        return zone.equals(systemZone) ? label + " · this computer's" : label;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public StringProperty hoursStartProperty() {
        return hoursStart;
    }

    public StringProperty hoursEndProperty() {
        return hoursEnd;
    }

    public StringProperty pollSecondsProperty() {
        return pollSeconds;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public StringProperty connectTimeoutProperty() {
        return connectTimeout;
    }

    public StringProperty bulkChunkProperty() {
        return bulkChunk;
    }

    public StringProperty bulkRateProperty() {
        return bulkRate;
    }

    public StringProperty readTimeoutProperty() {
        return readTimeout;
    }

    public ObservableMap<String, String> errors() {
        return errorsView;
    }

    /** True while what is typed differs from what is applied (or a field is wrong). */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
