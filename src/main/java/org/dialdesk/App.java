package org.dialdesk;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.dialdesk.service.HistorySync;
import org.dialdesk.api.ApiKey;
import org.dialdesk.api.ClientConfig;
import org.dialdesk.api.DialClient;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import java.time.LocalTime;
import java.time.ZoneId;
import org.dialdesk.service.DialService;
import org.dialdesk.store.AppPaths;
import org.dialdesk.store.DialMemoryStore;
import org.dialdesk.store.HistoryCache;
import org.dialdesk.store.TableLayoutStore;

import org.dialdesk.ui.history.HistoryView;
import org.dialdesk.ui.history.HistoryViewModel;
import org.dialdesk.domain.CalleeZones;
import org.dialdesk.ui.dial.DialView;
import org.dialdesk.domain.PhoneCheck;
import org.dialdesk.ui.dial.DialViewModel;
import org.dialdesk.store.Settings;
import org.dialdesk.store.SettingsStore;
import org.dialdesk.service.ErrorMessages;
import org.dialdesk.ui.common.FirstFrameClasses;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.FxTaskRunner;
import org.dialdesk.ui.common.TaskRunner;
import org.dialdesk.ui.common.UiWarmUp;
import org.dialdesk.ui.org.OrganisationView;
import org.dialdesk.ui.org.OrganisationViewModel;
import org.dialdesk.ui.shell.ShellView;
import org.dialdesk.ui.shell.ShellViewModel;

/** The composition root: builds every service, view model and view, and tears them down on exit. */
public class App extends Application {
    public static final String EXIT_WHEN_READY = "--exit-when-ready";
    private static final System.Logger LOG = System.getLogger("org.dialdesk");
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;
    /** Application.launch builds the App itself, so the exit status comes back this way. */
    private static final AtomicInteger EXIT_STATUS = new AtomicInteger();

    /**
     * What differs between a real run and a test run. {@code earlySandbox}, when given, is a
     * sandbox already starting (see {@link #launchGui}); otherwise the app starts one itself.
     */
    public record Environment(Path dataDir, Clock clock, boolean exitWhenReady, CompletableFuture<Sandbox> earlySandbox,
                              Settings settings) {
        public static Environment fromSystem(List<String> args) {
            return new Environment(AppPaths.dataDir(), Clock.systemUTC(), args.contains(EXIT_WHEN_READY), null, null);
        }

        /** A sandbox already starting, with the settings that were read to start it. */
        Environment withEarlySandbox(CompletableFuture<Sandbox> starting, Settings readSettings) {
            return new Environment(dataDir, clock, exitWhenReady, starting, readSettings);
        }
    }

    /** Application.launch builds the App by reflection, so the launch environment comes this way. */
    private static final AtomicReference<Environment> LAUNCH_ENVIRONMENT = new AtomicReference<>();

    private Environment environment;
    private SettingsStore settingsStore;
    private Settings settings;
    private TaskRunner runner;
    private Stage stage;
    private ShellViewModel shell;
    private ShellView shellView;
    private Sandbox sandbox;
    private DialClient client;
    private DialMemoryStore dialMemory;
    private HistoryCache historyCache;
    private HistoryViewModel history;
    private TableLayoutStore historyLayout;
    /** See {@link #showProfileWhenReady}. */
    private boolean controlsWarmedUp;
    private ProfileData profileToShow;
    private static final String SANDBOX_PROFILE = "sandbox";

    public App() {
    }

    App(Environment environment) {
        this.environment = environment;
    }

    /**
     * Starts the sandbox on its own thread before the UI toolkit, so its start-up (SQLite, HTTP
     * server) overlaps the toolkit's instead of following it. The toolkit does not exist yet, so
     * this one task cannot go through the UI's task runner.
     */
    static int launchGui(String[] args) {
        return launchGui(args, Environment.fromSystem(List.of(args)));
    }

    /** As {@link #launchGui(String[])}, in a given environment (benchmarks run the whole console on a prepared folder). */
    static int launchGui(String[] args, Environment environment) {
        Settings launchSettings = new SettingsStore(environment.dataDir()).load();
        SandboxOptions options = sandboxOptions(environment, launchSettings);
        CompletableFuture<Sandbox> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                starting.complete(Sandbox.start(options));
            } catch (Throwable failure) {
                starting.completeExceptionally(failure);
            }
        }, "dialdesk-sandbox-start");
        starter.setDaemon(true);
        starter.start();
        LAUNCH_ENVIRONMENT.set(environment.withEarlySandbox(starting, launchSettings));
        FirstFrameClasses.loadInBackground(); // while the toolkit starts
        Application.launch(App.class, args);
        return EXIT_STATUS.get();
    }

    private static SandboxOptions sandboxOptions(Environment environment, Settings settings) {
        return SandboxOptions.defaults(AppPaths.sandboxDir(environment.dataDir()), environment.clock())
                .withSpeed(settings.sandboxSpeed());
    }

    @Override
    public void start(Stage primaryStage) {
        if (environment == null) {
            Environment launched = LAUNCH_ENVIRONMENT.getAndSet(null);
            environment = launched != null ? launched : Environment.fromSystem(getParameters().getRaw());
        }
        stage = primaryStage;
        settingsStore = new SettingsStore(environment.dataDir());
        settings = environment.settings() != null ? environment.settings() : settingsStore.load();
        runner = new FxTaskRunner(4);

        shell = new ShellViewModel(settings.theme(), this::saveTheme);
        applyTheme(settings.theme());
        shell.themeProperty().addListener((obs, old, theme) -> applyTheme(theme));
        shellView = new ShellView(shell);

        Scene scene = new Scene(shellView);
        scene.getStylesheets().add(Objects.requireNonNull(App.class.getResource("ui/dialdesk.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("DialDesk");
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    App.class.getResourceAsStream("icons/dialdesk-" + size + ".png"))));
        }
        placeWindow(settings.window());
        stage.show();

        startSandbox();
        List<String> stylesheets = List.copyOf(scene.getStylesheets());
        runner.run(() -> {
            UiWarmUp.run(stylesheets);
            return null;
        }, done -> warmedUp(), failure -> {
            LOG.log(System.Logger.Level.DEBUG, "Warming up the screens' controls failed", failure);
            warmedUp();
        });
    }

    private void warmedUp() {
        controlsWarmedUp = true;
        showProfileWhenReady();
    }

    private void profileOpened(ProfileData profile) {
        profileToShow = profile;
        showProfileWhenReady();
    }

    /**
     * The screens are built once the profile is open and the controls are warmed up (see
     * {@link UiWarmUp}): both run beside each other while the window opens, and a screen built while
     * the other core still loads classes would freeze the window instead.
     */
    private void showProfileWhenReady() {
        if (controlsWarmedUp && profileToShow != null) {
            ProfileData profile = profileToShow;
            profileToShow = null;
            connectToSandbox(profile);
        }
    }

    private void startSandbox() {
        shell.startingSandbox();
        CompletableFuture<Sandbox> early = environment.earlySandbox();
        SandboxOptions options = sandboxOptions(environment, settings);
        Callable<Sandbox> start = early != null ? () -> awaitStart(early) : () -> Sandbox.start(options);
        runner.run(() -> openProfile(start.call()), this::profileOpened, failure -> {
            shell.sandboxFailed(ErrorMessages.describe(failure));
            if (environment.exitWhenReady()) {
                System.err.println("not ready: " + ErrorMessages.describe(failure));
                exit(1);
            }
        });
    }

    /**
     * Everything the profile's screens read from disk, read off the UI thread before they are built,
     * and the client (its first use loads the HTTP stack's classes, tens of milliseconds).
     */
    private record ProfileData(Sandbox sandbox, DialClient client, DialMemoryStore dialMemory,
                               DialMemoryStore.DialMemory dialDraft, CalleeZones calleeZones, HistoryCache historyCache,
                               String historyProblem, TableLayoutStore historyLayout,
                               TableLayoutStore.Layout savedLayout) {
    }

    private ProfileData openProfile(Sandbox started) {
        Path profileDir = environment.dataDir().resolve("profiles").resolve(SANDBOX_PROFILE);
        try {
            DialMemoryStore memory = new DialMemoryStore(environment.dataDir(), SANDBOX_PROFILE);
            TableLayoutStore layout = new TableLayoutStore(profileDir.resolve("history-table.json"));
            HistoryCache cache = null;
            String problem = null;
            try {
                cache = new HistoryCache(profileDir.resolve("history.db"));
            } catch (java.sql.SQLException e) {
                LOG.log(System.Logger.Level.ERROR, "Call history cache unavailable", e);
                problem = "call history cache unavailable: " + e.getMessage();
            }
            PhoneCheck.loadAllCountries();
            DialClient profileClient = new DialClient(ClientConfig.of(started.baseUrl(), ApiKey.of(started.apiKey())),
                    environment.clock());
            return new ProfileData(started, profileClient, memory, memory.load(), CalleeZones.load(), cache, problem,
                    layout, layout.load());
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private static Sandbox awaitStart(CompletableFuture<Sandbox> starting) throws Exception {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void connectToSandbox(ProfileData profile) {
        Sandbox started = profile.sandbox();
        sandbox = started;
        client = profile.client();
        shell.connecting(started.baseUrl());

        dialMemory = profile.dialMemory();
        historyLayout = profile.historyLayout();
        historyCache = profile.historyCache();
        // Schedules are typed in the operator's own zone by default.
        DialViewModel dial = new DialViewModel(client, new DialService(client, environment.clock()), runner, environment.clock().withZone(ZoneId.systemDefault()),
                dialRules(settings), profile.calleeZones(), dialMemory, profile.dialDraft());
        dial.refreshPickers();
        OrganisationViewModel organisation = new OrganisationViewModel(client, runner, environment.clock());
        if (historyCache != null) {
            history = new HistoryViewModel(new HistorySync(client, historyCache, environment.clock()), runner,
                    environment.clock().withZone(ZoneId.systemDefault()), call -> {
                        dial.prefill(call);
                        shellView.select("dial");
                    });
        } else {
            shell.reportReachability(ShellViewModel.ConnectionState.DEGRADED, started.baseUrl(), profile.historyProblem());
        }
        // One screen per frame, after this frame (which made the view models): each screen's first
        // styling is long, and together they would freeze the window. The Dial form comes first and
        // queues its own fields as it goes in; the other screens are queued behind them.
        OnePerFrame.run(List.of(() -> {
            DialView dialView = new DialView(dial);
            shellView.addArea("dial", "Dial", dialView, dialView.builtProperty());
            OnePerFrame.run(List.of(() -> {
                if (history != null) {
                    shellView.addArea("history", "History", new HistoryView(history, ZoneId.systemDefault(),
                            number -> dial.numbers().stream().filter(n -> number.equals(n.number())).map(n -> n.title())
                                    .findFirst().orElse(number), historyLayout, profile.savedLayout()));
                    dialView.setShowInHistory(id -> {
                        history.reveal(id);
                        shellView.select("history");
                    });
                }
            }, () -> shellView.addArea("organisation", "Organisation", new OrganisationView(organisation))));
            if (history != null) {
                // Once every screen is in place: reading 100,000 cached calls on the other core while the
                // screens are styled frame by frame made those frames wait for the CPU.
                OnePerFrame.whenAllDone(history::open);
            }
        }));

        organisation.stateProperty().addListener((obs, old, state) -> {
            switch (state) {
                case LOADED -> shell.reportReachability(ShellViewModel.ConnectionState.ONLINE, started.baseUrl(), "");
                case PARTLY_LOADED -> shell.reportReachability(ShellViewModel.ConnectionState.DEGRADED,
                        started.baseUrl(), organisation.summaryProperty().get());
                case FAILED -> shell.reportReachability(ShellViewModel.ConnectionState.OFFLINE, started.baseUrl(),
                        organisation.numbersErrorProperty().get());
                default -> { }
            }
            if (old == OrganisationViewModel.LoadState.LOADING && environment.exitWhenReady()) {
                reportReady(state == OrganisationViewModel.LoadState.LOADED);
            }
        });
        organisation.refresh();
    }

    private static DialViewModel.Rules dialRules(Settings settings) {
        return new DialViewModel.Rules(settings.defaultCountry(), parseTime(settings.callingHoursStart(), LocalTime.of(8, 0)),
                parseTime(settings.callingHoursEnd(), LocalTime.of(21, 0)));
    }

    private static LocalTime parseTime(String text, LocalTime fallback) {
        try {
            return LocalTime.parse(text);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Calling hours setting \"" + text + "\" is not HH:mm; using " + fallback);
            return fallback;
        }
    }

    /** For smoke tests and start-up benchmarks: the first screen is up with its data. */
    private void reportReady(boolean loaded) {
        if (!loaded) {
            System.err.println("not ready: the first screen's data could not be loaded");
            exit(1);
            return;
        }
        long sinceJvmStart = System.currentTimeMillis() - ProcessHandle.current().info().startInstant()
                .map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        System.out.println("ready " + sinceJvmStart + " ms");
        exit(0);
    }

    private void exit(int status) {
        EXIT_STATUS.set(status);
        Platform.exit();
    }

    private void applyTheme(Settings.Theme theme) {
        Application.setUserAgentStylesheet(theme == Settings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void saveTheme(Settings.Theme theme) {
        settings = settings.withTheme(theme);
        saveSettings();
    }

    private void saveSettings() {
        try {
            settingsStore.save(settings);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save settings: " + e.getMessage());
        }
    }

    /** Restores the last window if it still fits a screen; else a default size that fits. */
    private void placeWindow(Settings.WindowBounds saved) {
        if (saved != null && saved.width() >= 200 && saved.height() >= 200
                && !Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height()).isEmpty()) {
            stage.setX(saved.x());
            stage.setY(saved.y());
            stage.setWidth(saved.width());
            stage.setHeight(saved.height());
            stage.setMaximized(saved.maximized());
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        stage.centerOnScreen();
    }

    @Override
    public void stop() {
        if (stage != null && !environment.exitWhenReady()) {
            settings = settings.withWindow(new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
            saveSettings();
        }
        if (runner != null) {
            runner.shutdown();
        }
        if (history != null) {
            history.close();
        }
        if (historyLayout != null) {
            historyLayout.close();
        }
        if (dialMemory != null) {
            dialMemory.close();
        }
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (historyCache != null) {
            try {
                historyCache.close();
            } catch (java.sql.SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "Closing the history cache failed", e);
            }
        }
    }
}
