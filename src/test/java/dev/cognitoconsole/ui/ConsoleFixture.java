package dev.cognitoconsole.ui;

import dev.cognitoconsole.app.Console;
import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.settings.SettingsService;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Starts the real console in a UI test's stage: over AWS files whose profile's {@code endpoint_url} points at
 * WireMock or cognito-local, with client settings that fail fast, in a window of the usual size.
 */
final class ConsoleFixture {
    static final double WIDTH = 1200;
    static final double HEIGHT = 760;

    private ConsoleFixture() {
    }

    /** Short limits, and {@code maxAttempts} attempts per call (the first included). */
    static ClientSettings quick(int maxAttempts) {
        return new ClientSettings(maxAttempts, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** The catalog over {@code files}, preferring their profile. */
    static ProfileCatalog catalog(AwsConfigFiles files) {
        return ProfileCatalog.fromFiles(files.config(), files.credentials(), AwsConfigFiles.PROFILE);
    }

    /** A console over {@code files}, with {@link #quick} settings, shown at the usual size and started. */
    static Console start(Stage stage, AwsConfigFiles files, int maxAttempts) {
        return show(stage, Console.create(catalog(files), quick(maxAttempts), stage));
    }

    /** As {@link #start(Stage, AwsConfigFiles, int)}, keeping its preferences in {@code preferences}. */
    static Console start(Stage stage, AwsConfigFiles files, int maxAttempts, SettingsService preferences) {
        return show(stage, Console.create(catalog(files), quick(maxAttempts), preferences, stage));
    }

    /** Shows {@code console} in {@code stage} at the usual size and starts it. */
    static Console show(Stage stage, Console console) {
        return show(stage, console, WIDTH, HEIGHT);
    }

    /** Shows {@code console} in {@code stage} at this size and starts it. */
    static Console show(Stage stage, Console console, double width, double height) {
        stage.setScene(new Scene(console.root(), width, height));
        Console.setMinimumSize(stage);
        stage.show();
        console.start();
        return console;
    }
}
