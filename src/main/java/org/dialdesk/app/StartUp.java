package org.dialdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import org.dialdesk.api.ApiKey;
import java.util.Optional;
import org.dialdesk.profile.EncryptedFileSecrets;
import org.dialdesk.profile.KeyHolder;
import org.dialdesk.profile.Profile;
import org.dialdesk.profile.SecretException;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.store.AppPaths;
import org.dialdesk.domain.Settings;
import org.dialdesk.ui.common.Frames;
import org.dialdesk.ui.common.Once;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.TaskRunner;
import org.dialdesk.ui.org.OrganisationViewModel;
import org.dialdesk.ui.shell.ShellView;
import org.dialdesk.ui.shell.ShellViewModel;

/**
 * The window's profile sessions: at start the last active profile opens off the UI thread (or the
 * one opening since before the toolkit started is awaited), then its screens go in, the Dial form
 * first; a switch opens the next profile, and only once it is open are the old one's screens
 * taken out and its session closed, so a profile that cannot open leaves the open one as it was.
 */
public final class StartUp implements AutoCloseable {
    /** For smoke tests and start-up benchmarks: whether the first screen came up with its data. */
    public interface FirstData {
        void arrived();

        /** {@code why} says what the status bar says. */
        void failed(String why);
    }

    /** What the start-up needs from the window that runs it. */
    public record Window(TaskRunner runner, ShellViewModel shell, ShellView shellView, OnePerFrame frames,
                         ZoneId operatorZone) {
    }

    /** A profile opened; {@code notice} says why it is not the one asked for (null when it is). */
    public record Opened(ProfileSession session, String notice) {
    }

    private final Path dataDir;
    private final Clock clock;
    /** As last applied from the Settings screen: a profile opens with these. */
    private Settings settings;
    private final ConsoleParts console;
    private final CompletableFuture<Opened> earlyProfile;
    /** The profile opening: the early one, or one this class opens. Closed with it, even if it opens later. */
    private CompletableFuture<Opened> opening;
    private final Window window;
    /** Hears whether the first screen's data came; null when no one asks. */
    private final FirstData onFirstData;
    private ProfileSession session;
    /** The open profile's screens, as they go in. */
    private ScreenAssembly screens;
    /** The profile being opened now; null when none is. One opens at a time. */
    private Profile inFlight;
    /** Settings were applied while a profile opened: it opens again once it has. */
    private boolean reopenAfterOpening;
    /** Done once the last session switched away from has closed. */
    private CompletableFuture<Void> lastClosed = CompletableFuture.completedFuture(null);
    /** Watches the window stand still while the first screen is built; null once it is. */
    private FrameGaps gaps;
    private boolean closed;

    /**
     * @param earlyProfile the first profile already opening (see {@code App.launchGui}), or null to open it here
     */
    public StartUp(Path dataDir, Clock clock, Settings settings, ConsoleParts console, CompletableFuture<Opened> earlyProfile,
                   Window window, FirstData onFirstData) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.settings = settings;
        this.console = console;
        this.earlyProfile = earlyProfile;
        this.window = window;
        this.onFirstData = onFirstData;
    }

    /** How the window's embedded sandbox runs. */
    public static SandboxOptions sandboxOptions(Path dataDir, Clock clock, Settings settings) {
        return SandboxOptions.defaults(AppPaths.sandboxDir(dataDir), clock).withSpeed(settings.sandboxSpeed()).withKeptPort();
    }

    /**
     * Opens the profile open last: a user's with its key, or the Sandbox on its started sandbox.
     * When the user's profile cannot open (its key is locked away or gone), the Sandbox opens
     * instead and the notice says why; nothing is then dialled on an account by surprise.
     */
    public static Opened openFirst(Path dataDir, Clock clock, ConsoleParts console, Settings settings,
                                   Callable<Sandbox> startSandbox) throws Exception {
        Profile wanted = console.openedLast();
        if (!wanted.isSandbox()) {
            try {
                return new Opened(openUsers(dataDir, clock, console, wanted, settings), null);
            } catch (SecretException | RuntimeException e) {
                String notice = wanted.name() + " was not opened: " + ErrorMessages.describe(e)
                        + " The Sandbox is open instead; pick " + wanted.name() + " in the profile switcher to open it.";
                return new Opened(openSandbox(dataDir, clock, console, settings, startSandbox), notice);
            }
        }
        return new Opened(openSandbox(dataDir, clock, console, settings, startSandbox), null);
    }

    static ProfileSession openUsers(Path dataDir, Clock clock, ConsoleParts console, Profile profile, Settings settings)
            throws SecretException {
        ApiKey key = console.profiles().key(profile).orElseThrow(() -> new SecretException("its key is not in the "
                + profile.keyHolder().label() + " any more. Paste it again on the Profiles screen."));
        ProfileSession opened = ProfileSession.open(dataDir, profile, key, clock, console.audit(), settings);
        StartUpLog.step("profile open");
        return opened;
    }

    /** Starts the sandbox and opens its profile: call off the UI thread. */
    public static ProfileSession openSandbox(Path dataDir, Clock clock, ConsoleParts console, Settings settings,
                                             Callable<Sandbox> start) throws Exception {
        Sandbox sandbox = start.call();
        StartUpLog.step("sandbox started");
        ProfileSession profile = ProfileSession.openSandbox(dataDir, sandbox, clock, console.audit(), settings);
        StartUpLog.step("profile open");
        return profile;
    }

    /** Opens the first profile (or awaits the one opening), then shows its screens. */
    public void begin() {
        gaps = new FrameGaps();
        ReadOnlyBooleanProperty shown = window.shellView().firstScreenShownProperty();
        Once.when(shown::get, () -> {
            StartUpLog.step("dial form whole");
            StartUpLog.note("longest UI-thread wait until then: " + stopWatchingFrames() + " ms");
        }, shown);
        window.shell().setProfiles(console.atStart());
        window.shell().setSwitcher(this::switchTo);
        Profile first = console.openedLast();
        if (first.isSandbox()) {
            window.shell().startingSandbox();
        } else {
            window.shell().connecting(first.baseUrl());
        }
        opening = earlyProfile != null ? earlyProfile : new CompletableFuture<>();
        CompletableFuture<Opened> opened = opening;
        Callable<Opened> open = earlyProfile != null ? () -> await(earlyProfile) : () -> {
            try {
                Opened profile = openFirst(dataDir, clock, console, settings,
                        () -> Sandbox.start(sandboxOptions(dataDir, clock, settings)));
                opened.complete(profile);
                return profile;
            } catch (Exception | Error e) {
                opened.completeExceptionally(e);
                throw e;
            }
        };
        inFlight = first;
        window.runner().run(open, this::firstOpened, failure -> {
            inFlight = null;
            stopWatchingFrames();
            window.shell().sandboxFailed(ErrorMessages.describe(failure));
            if (onFirstData != null) {
                onFirstData.failed("the sandbox dial service did not start: " + ErrorMessages.describe(failure));
            }
        });
    }

    /**
     * Opens {@code profile} off the UI thread; once it is open the old profile's screens make way
     * and its session closes. If it cannot open, the shell says why and the open profile stays.
     */
    public void switchTo(Profile profile) {
        switchTo(profile, false);
    }

    /**
     * New settings: what a profile opens with (timeouts, the form's rules, polling, the zone) is
     * taken up by opening the open profile again; its draft is kept on disk meanwhile, as on any switch.
     */
    public void apply(Settings changed) {
        boolean reopen = !sameForAProfile(settings, changed);
        settings = changed;
        if (reopen) {
            reopenWhenFree();
        }
    }

    /**
     * Opens the open profile again with the settings now in force, once nothing holds it: a profile
     * still opening is let finish (then opened again), a dial under way is let end.
     */
    private void reopenWhenFree() {
        if (inFlight != null) {
            reopenAfterOpening = true;
            return;
        }
        if (session == null) {
            return;
        }
        ProfileSession current = session;
        ReadOnlyBooleanProperty dialling = current.dial().inFlightProperty();
        Once.when(() -> !dialling.get(), () -> {
            if (session == current && inFlight == null) {
                window.shell().reopening(current.profile());
                switchTo(current.profile(), true);
            } else {
                reopenWhenFree();
            }
        }, dialling);
    }

    /** The open profile was changed (its address, key, name, colour): it opens again as it now is. */
    public void reopen(Profile changed) {
        if (session == null || !session.profile().id().equals(changed.id())) {
            return;
        }
        if (inFlight != null || session.dial().inFlightProperty().get()) {
            window.shell().tell(changed.name() + " was saved; it opens again with the changes once what is under way"
                    + " has ended (pick it in the switcher).");
            return;
        }
        window.shell().reopening(changed);
        switchTo(changed, true);
    }

    private static boolean sameForAProfile(Settings a, Settings b) {
        return a.defaultCountry().equals(b.defaultCountry()) && a.callingHoursStart().equals(b.callingHoursStart())
                && a.callingHoursEnd().equals(b.callingHoursEnd()) && a.pollSeconds().equals(b.pollSeconds())
                && java.util.Objects.equals(a.displayZone(), b.displayZone())
                && a.connectTimeoutSeconds().equals(b.connectTimeoutSeconds())
                && a.readTimeoutSeconds().equals(b.readTimeoutSeconds());
    }

    private void switchTo(Profile profile, boolean again) {
        if (inFlight != null) {
            window.shell().switchFailed(profile, inFlight.name() + " is still opening; pick again once it is open.");
            return;
        }
        Optional<String> stay = again || session == null ? Optional.empty() : reasonToStay(session);
        if (stay.isPresent()) {
            window.shell().switchFailed(profile, stay.get());
            return;
        }
        EncryptedFileSecrets keyFile = console.profiles().secrets().file();
        if (!profile.isSandbox() && profile.keyHolder() == KeyHolder.ENCRYPTED_FILE && !keyFile.isUnlocked()) {
            askPassphraseThenSwitch(profile, again, keyFile, null);
            return;
        }
        Settings opening = settings;
        if (again && session != null) {
            // The same profile again: its screens go and its session closes first, so that the new
            // one reads the draft the old one writes as it closes (and a sandbox is never run twice).
            takeOutScreens();
            ProfileSession old = session;
            session = null;
            closeLater(old);
        }
        CompletableFuture<Void> previousClosed = lastClosed;
        inFlight = profile;
        window.runner().run(() -> {
                    previousClosed.get(); // a profile opens once the one before has let go of its files and port
                    return profile.isSandbox()
                            ? openSandbox(dataDir, clock, console, opening, () -> Sandbox.start(sandboxOptions(dataDir, clock, opening)))
                            : openUsers(dataDir, clock, console, profile, opening);
                },
                opened -> {
                    inFlight = null;
                    if (closed) {
                        opened.close();
                        return;
                    }
                    ProfileSession old = session;
                    takeOutScreens();
                    session = opened;
                    if (old != null) {
                        closeLater(old);
                    }
                    show(opened);
                    if (!again) {
                        remember(opened.profile()); // opened again for new settings: not a change of profile
                    }
                    if (reopenAfterOpening) {
                        reopenAfterOpening = false;
                        reopenWhenFree(); // settings applied while it opened
                    }
                },
                failure -> {
                    inFlight = null;
                    if (session == null) {
                        window.shell().openFailed(profile.name() + " could not be opened again: " + ErrorMessages.describe(failure)
                                + " Pick a profile in the switcher.");
                    } else {
                        window.shell().switchFailed(profile, ErrorMessages.describe(failure));
                    }
                });
    }

    /**
     * Asked where the operator picked the profile, rather than sending them to another screen to
     * find out why not; a wrong passphrase asks again, saying so, until it is right or cancelled.
     */
    private void askPassphraseThenSwitch(Profile profile, boolean again, EncryptedFileSecrets keyFile, String problem) {
        Optional<char[]> passphrase = window.shellView().askPassphrase(profile.name(), keyFile.exists(), problem);
        if (passphrase.isEmpty()) {
            window.shell().switchFailed(profile, "its key is in the encrypted key file, and no passphrase was given.");
            return;
        }
        char[] typed = passphrase.get();
        window.runner().run(() -> {
            keyFile.unlock(typed);
            return null;
        }, unlocked -> switchTo(profile, again),
                failure -> askPassphraseThenSwitch(profile, again, keyFile, ErrorMessages.describe(failure)));
    }

    /**
     * A dial under way keeps the operator on its profile: its outcome shows only on its own form.
     * One whose outcome is unknown is asked about: leaving loses the form's "check history" for it.
     */
    private Optional<String> reasonToStay(ProfileSession current) {
        String name = current.profile().name();
        if (current.dial().inFlightProperty().get()) {
            return Optional.of("a dial on " + name + " is under way, and its outcome shows on its form. Switch once it has come.");
        }
        if (current.dial().lastDialUncertain() && !window.shellView().confirm("The last dial on " + name
                + " has an unknown outcome", "It may have rung. Its form looks it up in call history (Check history) and"
                + " keeps it from being sent again by mistake. Leave " + name + " anyway?", "Leave anyway")) {
            return Optional.of("you stayed on " + name + ", whose last dial's outcome is unknown.");
        }
        return Optional.empty();
    }

    /** The open profile's screens leave the window, and those of its still queued are never put in. */
    private void takeOutScreens() {
        if (screens != null) {
            screens.withdraw();
        }
        window.shellView().removeProfileScreens();
    }

    /** Closes a session off the UI thread (polling stops, drafts are written); the next profile waits for it. */
    private void closeLater(ProfileSession old) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lastClosed = done;
        window.runner().run(() -> {
            old.close();
            return null;
        }, ok -> done.complete(null), failure -> done.complete(null));
    }

    private void remember(Profile profile) {
        window.runner().run(() -> {
            console.profiles().setActive(profile);
            return null;
        }, done -> { }, failure -> window.shell().tell("Could not remember " + profile.name()
                + " as the profile to open next time: " + ErrorMessages.describe(failure)));
    }

    /** The watch keeps frames coming while it runs, so it stops with the start-up, whatever its end. */
    private long stopWatchingFrames() {
        long longest = gaps == null ? 0 : gaps.stop();
        gaps = null;
        return longest;
    }

    private static Opened await(CompletableFuture<Opened> starting) throws Exception {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void firstOpened(Opened opened) {
        inFlight = null;
        ProfileSession profile = opened.session();
        if (closed) {
            profile.close(); // the window closed while it opened
            return;
        }
        session = profile;
        if (opened.notice() != null) {
            window.shell().tell(opened.notice());
        }
        if (reopenAfterOpening) {
            reopenAfterOpening = false;
            Once.when(window.shellView().firstScreenShownProperty()::get, this::reopenWhenFree,
                    window.shellView().firstScreenShownProperty()); // settings applied while it opened
        }
        try {
            show(profile);
        } catch (RuntimeException e) {
            stopWatchingFrames();
            window.shell().sandboxFailed(ErrorMessages.describe(e));
            if (onFirstData != null) {
                onFirstData.failed("the first screen could not be built: " + ErrorMessages.describe(e));
            }
            throw e;
        }
    }

    private void show(ProfileSession profile) {
        StartUpLog.step("building the screens");
        ShellViewModel shell = window.shell();
        shell.showProfile(profile.profile());
        shell.connecting(profile.baseUrl());
        screens = new ScreenAssembly(window.shellView(), window.frames(), zone(), profile, shell::tell, shell::withdraw);
        profile.createViewModels(window.runner(), clock.withZone(zone()), settings, screens);
        profile.dial().loadPickers();
        if (profile.history().isEmpty()) {
            shell.reportReachability(ShellViewModel.ConnectionState.DEGRADED, profile.baseUrl(), profile.historyProblem());
        }
        screens.show();
        OrganisationViewModel organisation = profile.organisation();
        boolean first = onFirstData != null && !window.shellView().firstScreenShownProperty().get();
        organisation.stateProperty().addListener((obs, old, state) -> {
            if (session != profile) {
                return; // a profile switched away from
            }
            switch (state) {
                case LOADED -> shell.reportReachability(ShellViewModel.ConnectionState.ONLINE, profile.baseUrl(), "");
                case PARTLY_LOADED -> shell.reportReachability(ShellViewModel.ConnectionState.DEGRADED,
                        profile.baseUrl(), organisation.summaryProperty().get());
                case FAILED -> shell.reportReachability(ShellViewModel.ConnectionState.OFFLINE, profile.baseUrl(),
                        organisation.numbersErrorProperty().get());
                default -> { }
            }
            if (first && old == OrganisationViewModel.LoadState.LOADING) {
                if (state == OrganisationViewModel.LoadState.LOADED) {
                    // Ready is what the operator sees: the form whole, its pickers filled, painted.
                    ReadOnlyBooleanProperty formShown = window.shellView().firstScreenShownProperty();
                    StartUpLog.step("pickers' data in");
                    Once.when(formShown::get, () -> Frames.afterNextPaint(onFirstData::arrived), formShown);
                } else {
                    onFirstData.failed("the first screen's data could not be loaded: " + organisation.summaryProperty().get());
                }
            }
        });
        organisation.load();
    }

    /** The operator's zone: the one chosen in settings, else the computer's. */
    private ZoneId zone() {
        return settings.zone(window.operatorZone());
    }

    /** The profile open now, or null before the first has opened. */
    public ProfileSession session() {
        return session;
    }

    /** Closes the open profile (and one still opening, once it has). */
    @Override
    public void close() {
        closed = true;
        stopWatchingFrames();
        window.frames().cancel();
        if (session != null) {
            session.close();
        }
        if (opening != null) {
            // Still opening when the window closed (its task's answer may never come, the task
            // runner stopping): close it once it has opened, on the thread that opened it.
            opening.thenAccept(opened -> opened.session().close());
        }
    }
}
