package dev.cognitoconsole.common;

import java.nio.file.Path;
import java.util.Locale;

/** Where the console keeps its own files, following each operating system's custom. */
public final class AppPaths {
    static final String APP_FOLDER = "cognito-admin-console";

    private AppPaths() {
    }

    /** The data folder (logs, later the audit log): XDG_DATA_HOME on Linux, %LOCALAPPDATA% on Windows. */
    public static Path dataDir() {
        String override = System.getProperty("console.dataDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData/Local")).resolve(APP_FOLDER);
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support").resolve(APP_FOLDER);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve(APP_FOLDER);
    }

    /** The settings file: XDG_CONFIG_HOME on Linux, %APPDATA% on Windows, Application Support on macOS. */
    public static Path settingsFile() {
        String override = System.getProperty("console.configDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve("settings.json");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        Path dir;
        if (os.contains("win")) {
            String roaming = System.getenv("APPDATA");
            dir = (roaming != null ? Path.of(roaming) : home.resolve("AppData/Roaming")).resolve(APP_FOLDER);
        } else if (os.contains("mac")) {
            dir = home.resolve("Library/Application Support").resolve(APP_FOLDER);
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve(APP_FOLDER);
        }
        return dir.resolve("settings.json");
    }

    /**
     * The audit log: every change, before and after, as JSON Lines. Past 10 MiB it is renamed
     * {@code audit-<yyyyMMdd-HHmmss>.jsonl} in the same folder and kept; the folder is readable by its owner only.
     */
    public static Path auditFile() {
        return dataDir().resolve("audit").resolve("audit.jsonl");
    }

    /** The real bulk run in hand, kept until it ends (see BulkJournal). */
    public static Path bulkRunFile() {
        return dataDir().resolve("bulk").resolve("bulk-run.jsonl");
    }

    public static Path logDir() {
        return dataDir().resolve("logs");
    }
}
