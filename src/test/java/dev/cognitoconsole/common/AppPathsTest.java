package dev.cognitoconsole.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the settings and data go on each operating system (read from system properties at each call). */
class AppPathsTest {
    private static final String[] KEYS = {"os.name", "user.home", "console.configDir", "console.dataDir"};
    private static final Path HOME = Path.of("/home/operator");

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void saveProperties() {
        for (String key : KEYS) {
            saved.put(key, System.getProperty(key));
        }
        System.clearProperty("console.configDir");
        System.clearProperty("console.dataDir");
        System.setProperty("user.home", HOME.toString());
    }

    @AfterEach
    void restoreProperties() {
        saved.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void explicitFoldersWin() {
        System.setProperty("console.configDir", "/tmp/console-config");
        System.setProperty("console.dataDir", "/tmp/console-data");

        assertThat(AppPaths.settingsFile()).isEqualTo(Path.of("/tmp/console-config/settings.json"));
        assertThat(AppPaths.dataDir()).isEqualTo(Path.of("/tmp/console-data"));
        assertThat(AppPaths.logDir()).isEqualTo(Path.of("/tmp/console-data/logs"));
    }

    @Test
    void blankExplicitFoldersAreIgnored() {
        System.setProperty("os.name", "Mac OS X");
        System.setProperty("console.configDir", " ");
        System.setProperty("console.dataDir", "");

        assertThat(AppPaths.settingsFile())
                .isEqualTo(HOME.resolve("Library/Application Support/cognito-admin-console/settings.json"));
    }

    @Test
    void linuxFollowsXdg() {
        System.setProperty("os.name", "Linux");

        assertThat(AppPaths.settingsFile())
                .isEqualTo(xdg("XDG_CONFIG_HOME", ".config").resolve("cognito-admin-console/settings.json"));
        assertThat(AppPaths.dataDir()).isEqualTo(xdg("XDG_DATA_HOME", ".local/share").resolve("cognito-admin-console"));
        assertThat(AppPaths.logDir()).isEqualTo(AppPaths.dataDir().resolve("logs"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        System.setProperty("os.name", "Mac OS X");

        assertThat(AppPaths.settingsFile())
                .isEqualTo(HOME.resolve("Library/Application Support/cognito-admin-console/settings.json"));
        assertThat(AppPaths.dataDir()).isEqualTo(HOME.resolve("Library/Application Support/cognito-admin-console"));
    }

    @Test
    void windowsKeepsSettingsRoamingAndDataLocal() {
        System.setProperty("os.name", "Windows 11");

        assertThat(AppPaths.settingsFile()).isEqualTo(windows("APPDATA", "AppData/Roaming")
                .resolve("cognito-admin-console").resolve("settings.json"));
        assertThat(AppPaths.dataDir()).isEqualTo(windows("LOCALAPPDATA", "AppData/Local")
                .resolve("cognito-admin-console"));
    }

    @Test
    void theSettingsFileIsNamedTheSameEverywhere() {
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 10", "FreeBSD"}) {
            System.setProperty("os.name", os);

            assertThat(AppPaths.settingsFile().getFileName()).as(os).isEqualTo(Path.of("settings.json"));
            assertThat(AppPaths.settingsFile().getParent().getFileName()).as(os)
                    .isEqualTo(Path.of("cognito-admin-console"));
        }
    }

    // The environment cannot be changed from a test: expect what it holds, or the documented fallback.
    private static Path xdg(String variable, String fallback) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank() ? Path.of(value) : HOME.resolve(fallback);
    }

    private static Path windows(String variable, String fallback) {
        String value = System.getenv(variable);
        return value != null ? Path.of(value) : HOME.resolve(fallback);
    }
}
