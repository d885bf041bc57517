package dev.cognitoconsole.app;

import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.common.AppPaths;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.startup.EarlyStart;
import dev.cognitoconsole.startup.StartupClock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the console from the operator's AWS files and shows it. */
public final class ConsoleApp extends Application {
    /** JavaFX makes the application itself, with no arguments: the launcher leaves it its start-up here. */
    private static final AtomicReference<Launch> LAUNCH = new AtomicReference<>();

    private final StartupClock clock;
    private final Supplier<SettingsService> settings;
    /**
     * Taken once the settings are handed over, not when this class is initialised: the early-start thread sets up
     * logging meanwhile, and SLF4J hands a logger asked for on another thread during its set-up a stand-in that,
     * asked for at the wrong moment, stays silent for good (with the start-up milestones and uncaught-exception
     * reports).
     */
    private Logger log;
    private Console console;
    private Stage stage;

    /** This start's clock, and the settings as they are read. */
    private record Launch(StartupClock clock, Supplier<SettingsService> settings) {
    }

    /** Called by JavaFX once its toolkit runs. */
    public ConsoleApp() {
        this(handedOver());
    }

    private ConsoleApp(Launch launch) {
        this.clock = launch.clock();
        this.settings = launch.settings();
        clock.mark("toolkit");
    }

    /** What the launcher left; launched some other way than {@link #launch}, the settings are read when needed. */
    private static Launch handedOver() {
        Launch launch = LAUNCH.getAndSet(null);
        return launch != null ? launch : new Launch(new StartupClock(), EarlyStart::readSettings);
    }

    /**
     * Starts JavaFX with this application, and returns when it has exited.
     *
     * @param clock    the clock of this start, which the application marks up to its first frame
     * @param settings the settings, being read while the toolkit starts
     */
    static void launch(StartupClock clock, Supplier<SettingsService> settings, String[] args) {
        LAUNCH.set(new Launch(clock, settings));
        Application.launch(ConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        loadDefaultStylesheet();
        // Logging is set up before the settings are read, so from here on a logger is the real one.
        SettingsService settings = this.settings.get();
        log = LoggerFactory.getLogger(ConsoleApp.class);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                log.error("Uncaught exception on {}", thread.getName(), error));
        clock.mark("settings");
        console = Console.create(ProfileCatalog.fromEnvironment(), ClientSettings.defaults(), settings, stage);
        console.openPagesWith(getHostServices()::showDocument);
        this.stage = stage;
        Scene scene = new Scene(console.root(), 1280, 760);
        stage.setScene(scene);
        stage.setTitle("Cognito Admin Console");
        Console.setMinimumSize(stage);
        console.restoreLayout(stage);
        clock.mark("built");
        stage.show();
        clock.mark("shown");
        startAfterFirstFrame();
        log.info("Console started; log folder {}", AppPaths.logDir());
    }

    /**
     * JavaFX loads its default stylesheet (Modena) when the first control class is initialised, on this thread; done
     * before waiting for the settings, it fills the time the settings thread still needs.
     */
    private static void loadDefaultStylesheet() {
        try {
            Class.forName(Control.class.getName(), true, Control.class.getClassLoader());
        } catch (ClassNotFoundException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Reading the AWS files and the first calls (which load most of the SDK's classes) wait until the
     * window has been drawn once, since they would otherwise delay the first frame (docs/performance.md).
     */
    private void startAfterFirstFrame() {
        clock.markFirstFrame(() -> {
            log.info("Start-up milestones (ms since launch): {}", clock.summary());
            console.start();
            // The window's icons (six PNGs decoded) wait too, being no part of the first frame.
            Console.addIcons(stage);
        });
    }

    @Override
    public void stop() {
        if (console != null) {
            console.rememberLayout(stage);
            console.close();
        }
    }
}
