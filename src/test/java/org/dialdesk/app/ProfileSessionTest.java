package org.dialdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.dialdesk.domain.DialMemory;
import org.dialdesk.profile.Profile;
import org.dialdesk.domain.CallingHours;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.testing.DirectTaskRunner;
import org.dialdesk.ui.history.HistoryViewModel;
import org.dialdesk.testing.MutableClock;
import org.dialdesk.testing.NoNavigation;
import org.dialdesk.testing.TestClocks;
import org.junit.jupiter.api.io.TempDir;
import org.dialdesk.domain.Theme;
import org.dialdesk.domain.Settings;
import org.junit.jupiter.api.Test;

/** Settings a person edited by hand never keep the console from starting. */
class ProfileSessionTest {
    static Settings callingHours(String start, String end) {
        return new Settings(Theme.LIGHT, null, 1.0, "US", start, end);
    }

    @Test
    void callingHoursComeFromSettings() {
        assertEquals(new CallingHours(LocalTime.of(9, 0), LocalTime.of(20, 0)),
                ProfileSession.dialRules(callingHours("09:00", "20:00")).callingHours());
    }

    @Test
    void hoursThatEndBeforeTheyStartOrCannotBeReadAreTheDefaults() {
        assertEquals(ProfileSession.DEFAULT_CALLING_HOURS, ProfileSession.dialRules(callingHours("21:00", "08:00")).callingHours());
        assertEquals(ProfileSession.DEFAULT_CALLING_HOURS, ProfileSession.dialRules(callingHours("09:00", "09:00")).callingHours());
        assertEquals(ProfileSession.DEFAULT_CALLING_HOURS, ProfileSession.dialRules(callingHours("22:00", "9pm")).callingHours(),
                "an end that cannot be read falls back to 21:00, before the start");
        assertEquals(new CallingHours(LocalTime.of(8, 0), LocalTime.of(20, 0)),
                ProfileSession.dialRules(callingHours("eight", "20:00")).callingHours());
    }

    @Test
    void aProfilesDefaultCallerAndUseCaseFillTheFormOnlyWhereItHasNoChoiceOfItsOwn() {
        Profile acme = new Profile("p-1", "Acme", "https://api.acme.example/v1", null, null, "640000000000000000000002",
                "650000000000000000000003");
        DialMemory fresh = ProfileSession.withProfileDefaults(DialMemory.empty(), acme);
        assertEquals(Map.of("number_id", "640000000000000000000002", "use_case_id", "650000000000000000000003"),
                fresh.lastChoices());
        DialMemory used = DialMemory.empty().afterDial(null, Map.of("number_id", "640000000000000000000001"));
        assertEquals(Map.of("number_id", "640000000000000000000001", "use_case_id", "650000000000000000000003"),
                ProfileSession.withProfileDefaults(used, acme).lastChoices());
        assertEquals(DialMemory.empty(), ProfileSession.withProfileDefaults(DialMemory.empty(), Profile.SANDBOX));
    }

    @TempDir
    Path dir;

    @Test
    void aCallPlacedFromTheFormShowsInHistoryWithoutWaitingForThePoll() throws Exception {
        MutableClock clock = new MutableClock(TestClocks.START);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock).withClock(clock, false));
             ProfileSession session = ProfileSession.openSandbox(dir, sandbox, clock, null, Settings.defaults())) {
            DirectTaskRunner runner = new DirectTaskRunner();
            session.createViewModels(runner, clock.withZone(ZoneId.of("America/Chicago")), callingHours("08:00", "21:00"),
                    new NoNavigation());
            HistoryViewModel history = session.history().orElseThrow();
            history.open();
            assertEquals(0, history.rows().size());
            session.dial().loadPickers();
            session.dial().numberIdProperty().set(session.dial().numbers().get(0).id());
            session.dial().phoneProperty().set("+14155550129");
            session.dial().dial();
            String placed = session.dial().createdCallIdProperty().get();
            assertTrue(history.rows().stream().anyMatch(r -> r.id().equals(placed)), "in the history the moment it is placed");
        }
    }

    @Test
    void closingTheSessionClosesEverythingOfTheProfileAndNothingAnswersAfter() throws Exception {
        MutableClock clock = new MutableClock(TestClocks.START);
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox"), clock).withClock(clock, false));
        ProfileSession session = ProfileSession.openSandbox(dir, sandbox, clock, null, Settings.defaults());
        session.createViewModels(new DirectTaskRunner(), clock.withZone(ZoneId.of("America/Chicago")),
                callingHours("08:00", "21:00"), new NoNavigation());
        session.dial().loadPickers();
        assertEquals(4, session.dial().numbers().size(), "the profile's lists came through its own client");
        session.history().orElseThrow().open();
        session.dial().phoneProperty().set("+14155550125");

        session.close();
        assertThrows(ConnectException.class, () -> get(sandbox.baseUrl()), "the sandbox it ran on has stopped");
        assertTrue(Files.readString(dir.resolve("profiles").resolve(Profile.SANDBOX_ID).resolve("dial.json"))
                .contains("+14155550125"), "the draft was written before the store closed");
        session.close(); // twice is harmless
    }

    private static int get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/numbers").toURL().openConnection();
        connection.setConnectTimeout(2000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
