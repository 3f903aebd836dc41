package org.dialdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.Settings;
import org.dialdesk.ui.common.Frames;
import org.dialdesk.ui.common.Once;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.TaskRunner;
import org.dialdesk.ui.org.OrganisationViewModel;
import org.dialdesk.ui.shell.ShellView;
import org.dialdesk.ui.shell.ShellViewModel;

/**
 * The window's start-up, once it shows: the Sandbox profile's service starts and the profile opens
 * off the UI thread (or the one opening since before the toolkit started is awaited); then the
 * screens go in, the Dial form first.
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

    private final Path dataDir;
    private final Clock clock;
    private final Settings settings;
    private final CompletableFuture<ProfileSession> earlyProfile;
    /** The profile opening: the early one, or the one this start-up opens. Closed with it, even if it opens later. */
    private CompletableFuture<ProfileSession> opening;
    private final Window window;
    /** Hears whether the first screen's data came; null when no one asks. */
    private final FirstData onFirstData;
    private ProfileSession session;
    /** Watches the window stand still while the first screen is built; null once it is. */
    private FrameGaps gaps;
    private boolean closed;

    /**
     * @param earlyProfile the Sandbox profile already opening (see {@code App.launchGui}), or null to open it here
     */
    public StartUp(Path dataDir, Clock clock, Settings settings, CompletableFuture<ProfileSession> earlyProfile, Window window,
                   FirstData onFirstData) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.settings = settings;
        this.earlyProfile = earlyProfile;
        this.window = window;
        this.onFirstData = onFirstData;
    }

    /** How the window's embedded sandbox runs. */
    public static SandboxOptions sandboxOptions(Path dataDir, Clock clock, Settings settings) {
        return SandboxOptions.defaults(AppPaths.sandboxDir(dataDir), clock).withSpeed(settings.sandboxSpeed()).withKeptPort();
    }

    /** Starts the sandbox and opens its profile: call off the UI thread. */
    public static ProfileSession openSandboxProfile(Path dataDir, Clock clock, Callable<Sandbox> start) throws Exception {
        Sandbox sandbox = start.call();
        StartUpLog.step("sandbox started");
        ProfileSession profile = ProfileSession.openSandbox(dataDir, sandbox, clock);
        StartUpLog.step("profile open");
        return profile;
    }

    /** Opens the Sandbox profile (or awaits the one opening), then shows its screens. */
    public void begin() {
        gaps = new FrameGaps();
        ReadOnlyBooleanProperty shown = window.shellView().firstScreenShownProperty();
        Once.when(shown::get, () -> {
            StartUpLog.step("dial form whole");
            StartUpLog.note("longest UI-thread wait until then: " + stopWatchingFrames() + " ms");
        }, shown);
        window.shell().startingSandbox();
        SandboxOptions options = sandboxOptions(dataDir, clock, settings);
        opening = earlyProfile != null ? earlyProfile : new CompletableFuture<>();
        CompletableFuture<ProfileSession> opened = opening;
        Callable<ProfileSession> open = earlyProfile != null ? () -> await(earlyProfile) : () -> {
            try {
                ProfileSession profile = openSandboxProfile(dataDir, clock, () -> Sandbox.start(options));
                opened.complete(profile);
                return profile;
            } catch (Exception | Error e) {
                opened.completeExceptionally(e);
                throw e;
            }
        };
        window.runner().run(open, this::profileOpened, failure -> {
            stopWatchingFrames();
            window.shell().sandboxFailed(ErrorMessages.describe(failure));
            if (onFirstData != null) {
                onFirstData.failed("the sandbox dial service did not start: " + ErrorMessages.describe(failure));
            }
        });
    }

    /** The watch keeps frames coming while it runs, so it stops with the start-up, whatever its end. */
    private long stopWatchingFrames() {
        long longest = gaps == null ? 0 : gaps.stop();
        gaps = null;
        return longest;
    }

    private static ProfileSession await(CompletableFuture<ProfileSession> starting) throws Exception {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void profileOpened(ProfileSession profile) {
        if (closed) {
            profile.close(); // the window closed while it opened
            return;
        }
        session = profile;
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
        shell.connecting(profile.baseUrl());
        ScreenAssembly screens = new ScreenAssembly(window.shellView(), window.frames(), window.operatorZone(), profile);
        profile.createViewModels(window.runner(), clock.withZone(window.operatorZone()), settings, screens);
        profile.dial().loadPickers();
        if (profile.history().isEmpty()) {
            shell.reportReachability(ShellViewModel.ConnectionState.DEGRADED, profile.baseUrl(), profile.historyProblem());
        }
        screens.show();
        OrganisationViewModel organisation = profile.organisation();
        organisation.stateProperty().addListener((obs, old, state) -> {
            switch (state) {
                case LOADED -> shell.reportReachability(ShellViewModel.ConnectionState.ONLINE, profile.baseUrl(), "");
                case PARTLY_LOADED -> shell.reportReachability(ShellViewModel.ConnectionState.DEGRADED,
                        profile.baseUrl(), organisation.summaryProperty().get());
                case FAILED -> shell.reportReachability(ShellViewModel.ConnectionState.OFFLINE, profile.baseUrl(),
                        organisation.numbersErrorProperty().get());
                default -> { }
            }
            if (old == OrganisationViewModel.LoadState.LOADING && onFirstData != null) {
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
            opening.thenAccept(ProfileSession::close);
        }
    }
}
