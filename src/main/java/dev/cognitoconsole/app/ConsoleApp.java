package dev.cognitoconsole.app;

import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.settings.SettingsService;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the console from the operator's AWS files and shows it. */
public final class ConsoleApp extends Application {
    static {
        // JavaFX makes this class once its toolkit runs; the logger below then configures logging.
        Main.STARTUP.mark("toolkit");
    }

    /**
     * Taken once the settings are handed over, not when this class is initialised: the early-start thread sets up
     * logging meanwhile, and SLF4J hands a logger asked for on another thread during its set-up a stand-in that,
     * asked for at the wrong moment, stays silent for good. It dropped the start-up milestones in 2 launches of
     * about 140 on a busy machine, and would have dropped the uncaught-exception reports with them.
     */
    private Logger log;
    private Console console;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        loadDefaultStylesheet();
        // Read while the toolkit started, unless the application was launched some other way than Main. Logging is
        // set up before the settings are read, so from here on a logger is the real one.
        SettingsService settings = Main.early != null ? Main.early.settings() : EarlyStart.readSettings();
        log = LoggerFactory.getLogger(ConsoleApp.class);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                log.error("Uncaught exception on {}", thread.getName(), error));
        Main.STARTUP.mark("settings");
        console = Console.create(ProfileCatalog.fromEnvironment(), ClientSettings.defaults(), settings, stage);
        console.openPagesWith(getHostServices()::showDocument);
        this.stage = stage;
        Scene scene = new Scene(console.root(), 1280, 760);
        stage.setScene(scene);
        stage.setTitle("Cognito Admin Console");
        console.restoreLayout(stage);
        Main.STARTUP.mark("built");
        stage.show();
        Main.STARTUP.mark("shown");
        startAfterFirstFrame();
        log.info("Console started; log folder {}", AppPaths.logDir());
    }

    /**
     * JavaFX loads its default stylesheet (Modena, 150 KB in binary form) when the first control class is initialised,
     * on this thread; done before waiting for the settings, it fills the time the settings thread still needs.
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
     * window has been drawn once: on two cores they would otherwise delay the first frame by seconds.
     */
    private void startAfterFirstFrame() {
        Main.STARTUP.markFirstFrame(() -> {
            log.info("Start-up milestones (ms since launch): {}", Main.STARTUP.summary());
            console.start();
            // The window's icons (six PNGs decoded) wait too: 35-45 ms of the application thread.
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
