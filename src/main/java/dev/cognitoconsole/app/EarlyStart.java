package dev.cognitoconsole.app;

import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.settings.SettingsStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that needs no JavaFX toolkit, done on a second thread while the toolkit starts: configuring
 * logging and reading the settings (with Jackson, whose first use costs as much as the read). On two cores
 * this takes both off the path to the first frame; the application thread waits for them only when it
 * builds the window.
 */
final class EarlyStart {
    private final CompletableFuture<SettingsService> settings = new CompletableFuture<>();
    private final Supplier<SettingsService> readSettings;

    private EarlyStart(Supplier<SettingsService> readSettings) {
        this.readSettings = readSettings;
    }

    /**
     * The settings from the operator's settings file. Not in ConsoleApp: the early thread would initialise that
     * class, whose initialisation marks the toolkit as started.
     */
    static SettingsService readSettings() {
        return new SettingsService(new SettingsStore(AppPaths.settingsFile(), Clock.systemUTC()));
    }

    /** Starts the work; {@code readSettings} reads the settings file (on the second thread). */
    static EarlyStart begin(Supplier<SettingsService> readSettings) {
        EarlyStart early = new EarlyStart(readSettings);
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
    }

    /** The settings, once read; a failure to read them is thrown here, on the caller's thread. */
    SettingsService settings() {
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
