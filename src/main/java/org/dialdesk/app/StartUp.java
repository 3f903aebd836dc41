package org.dialdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.Settings;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.TaskRunner;
import org.dialdesk.ui.common.UiWarmUp;
import org.dialdesk.ui.org.OrganisationViewModel;
import org.dialdesk.ui.shell.ShellView;
import org.dialdesk.ui.shell.ShellViewModel;

/**
 * The window's start-up, once it shows: the Sandbox profile's service starts (or the one started
 * before the toolkit is awaited) and the profile opens off the UI thread, while the screens'
 * controls warm up beside it; when both are done the screens go in, a frame at a time.
 */
public final class StartUp implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.dialdesk");

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
    private final CompletableFuture<Sandbox> earlySandbox;
    private final Window window;
    /** Hears whether the first screen's data came; null when no one asks. */
    private final FirstData onFirstData;
    /** See {@link #showWhenReady}. */
    private boolean controlsWarmedUp;
    private ProfileSession opened;
    private ProfileSession session;
    private boolean closed;

    /**
     * @param earlySandbox a sandbox already starting (see {@code App.launchGui}), or null to start one here
     */
    public StartUp(Path dataDir, Clock clock, Settings settings, CompletableFuture<Sandbox> earlySandbox, Window window,
                   FirstData onFirstData) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.settings = settings;
        this.earlySandbox = earlySandbox;
        this.window = window;
        this.onFirstData = onFirstData;
    }

    /** How the window's embedded sandbox runs. */
    public static SandboxOptions sandboxOptions(Path dataDir, Clock clock, Settings settings) {
        return SandboxOptions.defaults(AppPaths.sandboxDir(dataDir), clock).withSpeed(settings.sandboxSpeed()).withKeptPort();
    }

    /** Starts the sandbox and opens its profile, and warms up the controls beside it. */
    public void begin(List<String> stylesheets) {
        window.shell().startingSandbox();
        SandboxOptions options = sandboxOptions(dataDir, clock, settings);
        Callable<Sandbox> start = earlySandbox != null ? () -> awaitStart(earlySandbox) : () -> Sandbox.start(options);
        window.runner().run(() -> ProfileSession.openSandbox(dataDir, start.call(), clock), this::profileOpened, failure -> {
            window.shell().sandboxFailed(ErrorMessages.describe(failure));
            if (onFirstData != null) {
                onFirstData.failed("the sandbox dial service did not start: " + ErrorMessages.describe(failure));
            }
        });
        window.runner().run(() -> {
            UiWarmUp.run(stylesheets);
            return null;
        }, done -> warmedUp(), failure -> {
            LOG.log(System.Logger.Level.DEBUG, "Warming up the screens' controls failed", failure);
            warmedUp();
        });
    }

    private static Sandbox awaitStart(CompletableFuture<Sandbox> starting) throws Exception {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void warmedUp() {
        controlsWarmedUp = true;
        showWhenReady();
    }

    private void profileOpened(ProfileSession profile) {
        if (closed) {
            profile.close(); // the window closed while it opened
            return;
        }
        opened = profile;
        showWhenReady();
    }

    /**
     * The screens are built once the profile is open and the controls are warmed up (see
     * {@link UiWarmUp}): both run beside each other while the window opens, and a screen built while
     * the other core still loads classes would freeze the window instead.
     */
    private void showWhenReady() {
        if (controlsWarmedUp && opened != null) {
            session = opened;
            opened = null;
            show(session);
        }
    }

    private void show(ProfileSession profile) {
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
                    onFirstData.arrived();
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
        window.frames().cancel();
        if (session != null) {
            session.close();
        }
        if (opened != null) {
            opened.close();
        }
    }
}
