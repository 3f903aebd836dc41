package org.dialdesk;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import org.dialdesk.ui.common.Once;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.dialdesk.api.DialDeskVersion;
import org.dialdesk.app.ClassPreloader;
import org.dialdesk.app.FolderOpener;
import org.dialdesk.app.ConsoleParts;
import org.dialdesk.app.ProfileSession;
import org.dialdesk.domain.ZoneNames;
import org.dialdesk.profile.SecretStores;
import org.dialdesk.service.AuditRecords;
import org.dialdesk.service.ConnectionCheck;
import org.dialdesk.ui.audit.AuditView;
import org.dialdesk.ui.audit.AuditViewModel;
import org.dialdesk.ui.profiles.ProfilesView;
import org.dialdesk.ui.profiles.ProfilesViewModel;
import java.time.Duration;
import org.dialdesk.app.StartUp;
import org.dialdesk.app.StartUpLog;
import org.dialdesk.app.SystemTheme;
import org.dialdesk.ui.settings.SettingsView;
import org.dialdesk.ui.settings.SettingsViewModel;
import org.dialdesk.sandbox.Sandbox;
import org.dialdesk.sandbox.SandboxOptions;
import org.dialdesk.store.AppPaths;
import org.dialdesk.domain.Theme;
import org.dialdesk.domain.Settings;
import org.dialdesk.store.SettingsStore;
import org.dialdesk.ui.about.AboutView;
import org.dialdesk.ui.about.AboutViewModel;
import org.dialdesk.ui.common.FxTaskRunner;
import org.dialdesk.ui.common.OnePerFrame;
import org.dialdesk.ui.common.TaskRunner;
import org.dialdesk.ui.dial.DialView;
import org.dialdesk.ui.shell.ShellView;
import org.dialdesk.ui.shell.ShellViewModel;

/**
 * The JavaFX entry and composition root: reads the system clock and the settings, makes the window
 * and hands the start-up sequence ({@link StartUp}) what it needs; on exit it saves the window and
 * closes the profile.
 */
public class App extends Application {
    public static final String EXIT_WHEN_READY = "--exit-when-ready";
    private static final System.Logger LOG = System.getLogger("org.dialdesk");
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;
    /** Application.launch builds the App itself, so the exit status comes back this way. */
    private static final AtomicInteger EXIT_STATUS = new AtomicInteger();

    /**
     * What differs between a real run and a test run. {@code earlyProfile}, when given, is the
     * Sandbox profile already opening (see {@link #launchGui}); otherwise the app opens it itself.
     */
    public record Environment(Path dataDir, Clock clock, boolean exitWhenReady, SecretStores secrets,
                              CompletableFuture<StartUp.Opened> earlyProfile, Settings settings, ConsoleParts console) {
        public static Environment fromSystem(List<String> args) {
            Path dataDir = AppPaths.dataDir();
            return new Environment(dataDir, Clock.systemUTC(), args.contains(EXIT_WHEN_READY), SecretStores.system(dataDir),
                    null, null, null);
        }

        /** For tests and benchmarks: a data folder, a clock, and where keys are kept. */
        public static Environment of(Path dataDir, Clock clock, boolean exitWhenReady, SecretStores secrets) {
            return new Environment(dataDir, clock, exitWhenReady, secrets, null, null, null);
        }

        /** The profile already opening, with the settings that were read to start its sandbox. */
        Environment withEarlyProfile(CompletableFuture<StartUp.Opened> opening, Settings readSettings, ConsoleParts parts) {
            return new Environment(dataDir, clock, exitWhenReady, secrets, opening, readSettings, parts);
        }
    }

    /** Application.launch builds the App by reflection, so the launch environment comes this way. */
    private static final AtomicReference<Environment> LAUNCH_ENVIRONMENT = new AtomicReference<>();

    private Environment environment;
    private SettingsStore settingsStore;
    private Settings settings;
    private TaskRunner runner;
    private Stage stage;
    private StartUp startUp;
    private ConsoleParts console;
    private ShellViewModel shell;
    private AuditViewModel auditScreen;

    public App() {
    }

    App(Environment environment) {
        this.environment = environment;
    }

    /**
     * Starts the sandbox and opens its profile on a thread of their own before the UI toolkit, so
     * that their start-up (SQLite, the HTTP server, the phone data, the pickers' lists) overlaps the
     * toolkit's and the window's instead of following them. The toolkit does not exist yet, so this
     * one task cannot go through the UI's task runner. The screens' classes are loaded ahead on a
     * third (see {@link ClassPreloader}).
     */
    static int launchGui(String[] args) {
        return launchGui(args, Environment.fromSystem(List.of(args)));
    }

    /** As {@link #launchGui(String[])}, in a given environment (benchmarks run the whole console on a prepared folder). */
    static int launchGui(String[] args, Environment environment) {
        ClassPreloader.start();
        Settings launchSettings = new SettingsStore(environment.dataDir()).load();
        SandboxOptions options = sandboxOptions(environment, launchSettings);
        CompletableFuture<StartUp.Opened> opening = new CompletableFuture<>();
        ConsoleParts parts = ConsoleParts.open(environment.dataDir(), environment.secrets(), environment.clock());
        Thread starter = new Thread(() -> {
            try {
                StartUp.Opened profile = StartUp.openFirst(environment.dataDir(), environment.clock(), parts, launchSettings,
                        () -> Sandbox.start(options));
                opening.complete(profile);
                readZoneRules(environment.clock());
                // While the window builds the first screen: its pickers then find the lists loaded.
                loadListsEarly(profile.session());
            } catch (Throwable failure) {
                opening.completeExceptionally(failure);
            }
        }, "dialdesk-sandbox-start");
        starter.setDaemon(true);
        starter.start();
        LAUNCH_ENVIRONMENT.set(environment.withEarlyProfile(opening, launchSettings, parts));
        try {
            Application.launch(App.class, args);
        } catch (RuntimeException toolkitFailed) {
            if (!noDisplay(toolkitFailed)) {
                throw toolkitFailed;
            }
            LOG.log(System.Logger.Level.WARNING, "No display to open the window on", toolkitFailed);
            System.err.println("dialdesk: the console needs a graphical display, and none could be opened (DISPLAY="
                    + System.getenv().getOrDefault("DISPLAY", "not set") + "). Start it from your desktop, or use the "
                    + "command line, which needs none: dialdesk --help");
            return 1;
        }
        return EXIT_STATUS.get();
    }

    /**
     * The schedule's zone list reads every zone's rules the first time (75 ms), which the dial
     * form's view model would otherwise do on the UI thread. Before the pickers' lists, which an
     * account reads over the network.
     */
    private static void readZoneRules(Clock clock) {
        try {
            ZoneNames.choices(clock.instant(), ZoneId.systemDefault());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Reading the time zones' rules at start failed; the dial form reads them", e);
        }
    }

    /** A list that fails is marked so in the directory, as when a screen loads it; the rest is logged. */
    private static void loadListsEarly(ProfileSession profile) {
        try {
            profile.loadLists();
            StartUpLog.step("pickers' lists loaded");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Loading the pickers' lists at start failed; the screens ask again", e);
        }
    }

    /** The toolkit's own words when there is no display to open (GTK on Linux). */
    private static boolean noDisplay(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).contains("Unable to open DISPLAY")) {
                return true;
            }
        }
        return false;
    }

    private static SandboxOptions sandboxOptions(Environment environment, Settings settings) {
        return StartUp.sandboxOptions(environment.dataDir(), environment.clock(), settings);
    }

    @Override
    public void start(Stage primaryStage) {
        if (environment == null) {
            Environment launched = LAUNCH_ENVIRONMENT.getAndSet(null);
            environment = launched != null ? launched : Environment.fromSystem(getParameters().getRaw());
        }
        StartUpLog.step("toolkit up");
        Thread warmUp = new Thread(DialView::warmUp, "dialdesk-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        stage = primaryStage;
        settingsStore = new SettingsStore(environment.dataDir());
        settings = environment.settings() != null ? environment.settings() : settingsStore.load();
        console = environment.console() != null ? environment.console()
                : ConsoleParts.open(environment.dataDir(), environment.secrets(), environment.clock());
        runner = new FxTaskRunner(4);

        ShellViewModel shell = new ShellViewModel(settings.theme(), this::saveTheme);
        this.shell = shell;
        applyTheme(settings.theme());
        shell.themeProperty().addListener((obs, old, theme) -> applyTheme(theme));
        ShellView shellView = new ShellView(shell);
        shellView.setOnAbout(() -> AboutView.show(stage, about()));

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
        StartUpLog.step("window shown");

        // Schedules are typed, and history shown, in the operator's own zone.
        StartUp.Window window = new StartUp.Window(runner, shell, shellView, new OnePerFrame(), ZoneId.systemDefault());
        startUp = new StartUp(environment.dataDir(), environment.clock(), settings, console, environment.earlyProfile(),
                window, environment.exitWhenReady() ? reportReady() : null);
        startUp.begin();
        addConsoleScreens(shell, shellView, window);
    }

    /** The screens that belong to the console, not to a profile: they go in after the first screen. */
    private void addConsoleScreens(ShellViewModel shell, ShellView shellView, StartUp.Window window) {
        ProfilesViewModel profiles = new ProfilesViewModel(console.profiles(), runner,
                new ConnectionCheck(environment.clock(), System::nanoTime, Duration.ofSeconds(10)), shell::setProfiles,
                shell.activeProfileProperty(), startUp::reopen);
        AuditViewModel audit = new AuditViewModel(console.audit() == null ? null : new AuditRecords(console.audit()), runner,
                settings.zone(window.operatorZone()));
        this.auditScreen = audit;
        SettingsViewModel settingsScreen = new SettingsViewModel(settings, environment.clock().withZone(ZoneId.systemDefault()),
                this::applySettings);
        shell.themeProperty().addListener((obs, old, theme) -> settingsScreen.themeProperty().set(theme));
        // After the first screen is whole: they are not what the operator starts with, and building
        // them earlier would hold up the Dial form's frames.
        ReadOnlyBooleanProperty shown = shellView.firstScreenShownProperty();
        Once.when(shown::get, () -> window.frames().run(List.of(
                () -> shellView.addConsoleArea("profiles", "Profiles", new ProfilesView(profiles, window.frames())),
                () -> shellView.addConsoleArea("audit", "Audit log", new AuditView(audit)),
                () -> shellView.addConsoleArea("settings", "Settings", new SettingsView(settingsScreen)))), shown);
    }

    private AboutViewModel about() {
        Path dataDir = environment.dataDir();
        Runtime.Version java = Runtime.version();
        String javaRelease = java.feature() + "." + java.interim() + "." + java.update();
        return new AboutViewModel(DialDeskVersion.get(), javaRelease + " (" + System.getProperty("java.vm.vendor", "")
                + ", " + System.getProperty("os.name", "") + " " + System.getProperty("os.arch", "") + ")",
                dataDir, AppPaths.logDir(dataDir), AboutViewModel.bundled(javaRelease),
                new FolderOpener(System.getProperty("os.name", ""))::open, runner);
    }

    /** For smoke tests and start-up benchmarks: the first screen is up with its data, or why not. */
    private StartUp.FirstData reportReady() {
        return new StartUp.FirstData() {
            @Override
            public void arrived() {
                StartUpLog.step("ready");
                // From the launcher's first line: the JVM's own start time is only known to the
                // second on Linux. The start-up benchmark times the whole command from outside.
                System.out.println("ready " + StartUpLog.elapsedMillis() + " ms after the launcher started");
                exit(0);
            }

            @Override
            public void failed(String why) {
                System.err.println("not ready: " + why);
                exit(1);
            }
        };
    }

    private void exit(int status) {
        EXIT_STATUS.set(status);
        Platform.exit();
    }

    /** From the Settings screen: saved, and taken up at once (the open profile opens again when they concern it). */
    private void applySettings(Settings changed) {
        settings = changed.withWindow(settings.window());
        saveSettings();
        shell.showTheme(settings.theme());
        auditScreen.showTimesIn(settings.zone(ZoneId.systemDefault()));
        startUp.apply(settings);
    }

    private void applyTheme(Theme theme) {
        if (theme == Theme.SYSTEM) {
            // Asking the system runs a small process: light until it has answered.
            runner.run(() -> SystemTheme.prefersDark(System.getProperty("os.name", ""), System.getenv()),
                    dark -> useStylesheet(dark), failure -> useStylesheet(false));
            return;
        }
        useStylesheet(theme == Theme.DARK);
    }

    private static void useStylesheet(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void saveTheme(Theme theme) {
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
        if (startUp != null) {
            startUp.close(); // before the runner stops: a profile still opening is then closed too
        }
        if (runner != null) {
            runner.shutdown();
        }
        if (console != null) {
            console.close();
        }
    }
}
