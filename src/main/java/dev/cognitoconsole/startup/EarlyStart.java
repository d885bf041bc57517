package dev.cognitoconsole.startup;

import dev.cognitoconsole.common.AppPaths;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.settings.SettingsStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that needs no JavaFX toolkit, done on a second thread while the toolkit starts: configuring
 * logging and reading the settings, so that the application thread waits for them only when it builds the window
 * (docs/performance.md). Once the settings are handed over, the thread does the JVM's one-time work that the
 * application thread would otherwise meet while it builds the window ({@link #warmUp}).
 */
public final class EarlyStart {
    private final CompletableFuture<SettingsService> settings = new CompletableFuture<>();
    private final Supplier<SettingsService> readSettings;
    private final Runnable warmUp;

    private EarlyStart(Supplier<SettingsService> readSettings, Runnable warmUp) {
        this.readSettings = readSettings;
        this.warmUp = warmUp;
    }

    /** The settings from the operator's settings file. */
    public static SettingsService readSettings() {
        return new SettingsService(new SettingsStore(AppPaths.settingsFile(), Clock.systemUTC()));
    }

    /**
     * JavaFX's controls ask for a {@link System.Logger} when their first skins are made, and the JDK's first logger
     * searches every jar on the class path for a logging backend: asked for here first, that search is over by the
     * time the window needs it (docs/performance.md).
     */
    static void warmUp() {
        System.getLogger("javafx.scene.control").isLoggable(System.Logger.Level.DEBUG);
    }

    /** Starts the work; {@code readSettings} reads the settings file (on the second thread), then {@link #warmUp}. */
    public static EarlyStart begin(Supplier<SettingsService> readSettings) {
        return begin(readSettings, EarlyStart::warmUp);
    }

    /** As {@link #begin(Supplier)}, with {@code warmUp} run once the settings are handed over. */
    static EarlyStart begin(Supplier<SettingsService> readSettings, Runnable warmUp) {
        EarlyStart early = new EarlyStart(readSettings, warmUp);
        Thread thread = new Thread(early::run, "console-early-start");
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    private void run() {
        try {
            LoggerFactory.getLogger(EarlyStart.class);
            settings.complete(readSettings.get());
        } catch (RuntimeException | Error e) {
            settings.completeExceptionally(e);
        }
        try {
            warmUp.run();
        } catch (RuntimeException e) {
            // Only a head start: whatever failed here is met, and reported, where it is needed.
            LoggerFactory.getLogger(EarlyStart.class).debug("Start-up warm-up failed", e);
        }
    }

    /**
     * The settings, once read; a failure to read them is thrown here, on the caller's thread. Logging is set up before
     * they are read, so a thread that takes an SLF4J logger only after this returns gets the real one (see
     * {@code app.ConsoleApp}).
     */
    public SettingsService settings() {
        try {
            return settings.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        }
    }
}
