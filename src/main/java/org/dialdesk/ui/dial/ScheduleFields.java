package org.dialdesk.ui.dial;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialdesk.api.UseCase;
import org.dialdesk.domain.CallingRule;
import org.dialdesk.domain.DialInputs;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.domain.ZoneNames;

/**
 * The dial form's "When": now or a typed date, time and zone, read into the instant to send; what
 * that instant is for the callee; and whether it falls inside both calling windows.
 */
final class ScheduleFields {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter UNDERSTOOD = DateTimeFormatter.ofPattern("EEE d MMM uuuu, H:mm", Locale.ENGLISH);

    private final Clock clock;
    private final Locale dateLocale;
    private final CallingRule callingRule;
    private final List<ZoneId> zoneChoices;

    private final BooleanProperty later = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    /** The date as typed, before the picker takes it: what is read while typing, and what a refusal quotes. */
    private final StringProperty dateText = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>();
    private final ObjectProperty<ZoneId> calleeZone = new SimpleObjectProperty<>();

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper();
    private final ObservableList<ZoneId> calleeZoneChoices = FXCollections.observableArrayList();
    private final ObservableList<ZoneId> calleeZoneChoicesView = FXCollections.unmodifiableObservableList(calleeZoneChoices);
    /** Each calling window the time breaks, in words: a question before dialing. */
    private List<String> outsideHours = List.of();

    /** @param clock "now", in the zone schedules are typed in by default */
    ScheduleFields(Clock clock, Locale dateLocale, CallingRule callingRule) {
        this.clock = clock;
        this.dateLocale = dateLocale;
        this.callingRule = callingRule;
        this.zoneChoices = ZoneNames.choices(clock.instant(), clock.getZone());
        zone.set(clock.getZone());
    }

    List<Observable> inputs() {
        return List.of(later, date, dateText, time, zone, calleeZone);
    }

    /** The instant to send, or null for "now" or when it cannot be read (the problem goes in {@code found}). */
    Instant read(Map<String, String> found, String field) {
        if (!later.get()) {
            return null;
        }
        ZoneId typedIn = zone.get() == null ? clock.getZone() : zone.get();
        LocalDate day = date.get();
        String typed = dateText.get();
        if (typed != null && !typed.isBlank()) {
            DialInputs.Read<LocalDate> read = DialInputs.date(typed, dateLocale);
            if (read.problem() != null) {
                found.put(field, read.problem());
                return null;
            }
            day = read.value();
        }
        DialInputs.Read<Instant> read = DialInputs.schedule(day, time.get(), typedIn);
        if (read.problem() != null) {
            found.put(field, read.problem());
        }
        return read.value();
    }

    /** What will be sent as UTC, and what time it will be for the callee, against both calling windows. */
    void describe(PhoneCheck.Result phone, Instant scheduledFor, UseCase useCase) {
        Instant when = scheduledFor != null ? scheduledFor : clock.instant();
        String utc = later.get() ? "" : "Dials now"; // scheduled but not readable yet: the field says why
        if (scheduledFor != null) {
            ZoneId typedIn = zone.get() == null ? clock.getZone() : zone.get();
            // What the typed date and time were read as, then what goes on the wire.
            utc = scheduledFor.atZone(typedIn).format(UNDERSTOOD) + " " + ZoneNames.shortLabel(typedIn, scheduledFor)
                    + " · sends scheduled_for " + scheduledFor + " (UTC)";
        }
        CallingRule.Verdict verdict = callingRule.check(phone, when, calleeZone.get(), useCase);
        summary.set(verdict.calleeTime() == null || utc.isEmpty() ? utc : utc + " · callee's time "
                + verdict.calleeTime().format(LOCAL) + " (" + ZoneNames.shortLabel(verdict.calleeTime().getZone(), when) + ")");
        // A schedule still being typed has no time to judge yet; "now" would be the wrong one.
        boolean judged = !utc.isEmpty();
        warning.set(judged ? verdict.warning().orElse(null) : null);
        outsideHours = judged ? verdict.breaches().stream().map(CallingRule.Breach::message).toList() : List.of();
        if (!calleeZoneChoices.equals(verdict.zoneChoices())) {
            calleeZoneChoices.setAll(verdict.zoneChoices());
        }
    }

    List<String> outsideHours() {
        return outsideHours;
    }

    /** "Pacific Time — Los Angeles (UTC−08:00)", with the offset in force now. */
    String zoneLabel(ZoneId zoneId) {
        return ZoneNames.label(zoneId, clock.instant());
    }

    List<ZoneId> zoneChoices() { return zoneChoices; }
    Locale dateLocale() { return dateLocale; }
    BooleanProperty later() { return later; }
    ObjectProperty<LocalDate> date() { return date; }
    StringProperty dateText() { return dateText; }
    StringProperty time() { return time; }
    ObjectProperty<ZoneId> zone() { return zone; }
    ObjectProperty<ZoneId> calleeZone() { return calleeZone; }
    ReadOnlyStringProperty summary() { return summary.getReadOnlyProperty(); }
    ReadOnlyStringProperty warning() { return warning.getReadOnlyProperty(); }
    ObservableList<ZoneId> calleeZoneChoices() { return calleeZoneChoicesView; }
}
