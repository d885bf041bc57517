package dev.cognitoconsole.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsServiceTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("settings.json");
    }

    private SettingsService service(Path file) {
        return new SettingsService(new SettingsStore(file, Clock.systemUTC()));
    }

    @Test
    void rememberWritesAtOnce() {
        SettingsService running = service(file());

        running.remember("staff", "eu-central-1", "eu-central-1_Staff0001");

        SettingsService nextStart = service(file());
        assertThat(nextStart.get().lastProfile()).isEqualTo("staff");
        assertThat(nextStart.lastFor("staff"))
                .contains(new Settings.LastConnection("eu-central-1", "eu-central-1_Staff0001"));
        assertThat(nextStart.loadProblem()).isEmpty();
    }

    @Test
    void rememberKeepsOneConnectionPerProfile() {
        SettingsService running = service(file());

        running.remember("staff", "eu-central-1", "eu-central-1_Staff0001");
        running.remember("default", "eu-west-1", "eu-west-1_Default1");
        running.remember("staff", "us-east-1", "us-east-1_Staff0002");

        SettingsService nextStart = service(file());
        assertThat(nextStart.get().lastProfile()).isEqualTo("staff");
        assertThat(nextStart.lastFor("staff")).contains(new Settings.LastConnection("us-east-1", "us-east-1_Staff0002"));
        assertThat(nextStart.lastFor("default"))
                .contains(new Settings.LastConnection("eu-west-1", "eu-west-1_Default1"));
        assertThat(nextStart.lastFor("nobody")).isEmpty();
    }

    @Test
    void updateAloneWritesNothingUntilSave() {
        SettingsService running = service(file());

        running.update(s -> s.withBudgets(20, 5));

        assertThat(file()).doesNotExist();
        assertThat(running.save()).isEmpty();
        assertThat(service(file()).get().listUsersPerSecond()).isEqualTo(20);
        assertThat(service(file()).get().updatesPerSecond()).isEqualTo(5);
    }

    @Test
    void inMemorySettingsStartAsDefaultsAndNeverWrite() throws IOException {
        String before = System.getProperty("console.configDir");
        System.setProperty("console.configDir", dir.toString());
        try {
            SettingsService memory = SettingsService.inMemory();

            memory.remember("staff", "eu-central-1", "eu-central-1_Staff0001");
            memory.update(s -> s.withBudgets(20, 5));
            Optional<String> saved = memory.save();

            assertThat(saved).isEmpty();
            assertThat(memory.loadProblem()).isEmpty();
            assertThat(memory.get().lastProfile()).isEqualTo("staff");
            assertThat(memory.get().listUsersPerSecond()).isEqualTo(20);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).as("nothing written where the settings file would go").isEmpty();
            }
        } finally {
            restore("console.configDir", before);
        }
    }

    @Test
    void aFailedSaveIsReportedNotThrown() throws IOException {
        Path blocker = Files.writeString(dir.resolve("cognito-admin-console"), "a file, not a folder");
        SettingsService running = service(blocker.resolve("settings.json"));

        Optional<String> problem = running.save();

        assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                .contains("could not be saved").contains(blocker.resolve("settings.json").toString()));
        assertThat(Files.readString(blocker)).isEqualTo("a file, not a folder");
    }

    @Test
    void aFailedRememberKeepsTheConnectionInMemory() throws IOException {
        Path blocker = Files.writeString(dir.resolve("cognito-admin-console"), "a file, not a folder");
        SettingsService running = service(blocker.resolve("settings.json"));

        running.remember("staff", "eu-central-1", "eu-central-1_Staff0001");

        assertThat(running.lastFor("staff"))
                .contains(new Settings.LastConnection("eu-central-1", "eu-central-1_Staff0001"));
    }

    @Test
    void aSetAsideFileIsReportedOnceAsTheLoadProblem() throws IOException {
        Files.writeString(file(), "{ damaged");

        SettingsService running = service(file());

        assertThat(running.get()).isEqualTo(Settings.defaults());
        assertThat(running.loadProblem()).hasValueSatisfying(message -> assertThat(message)
                .contains("damaged").contains("settings.json.unusable-"));
        assertThat(service(file()).loadProblem()).as("the next start is clean").isEmpty();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
