package dev.cognitoconsole.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-03T04:05:06Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("settings.json");
    }

    private SettingsService service(Path file) {
        return new SettingsService(new SettingsStore(file, CLOCK));
    }

    private void onDisk(Settings settings) throws IOException {
        new SettingsStore(file(), CLOCK).save(settings);
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

    @Nested
    class TwoConsoles {

        @Test
        void aMarkMadeInOneConsoleSurvivesAPoolPickInTheOther() {
            SettingsService first = service(file());
            SettingsService second = service(file());

            second.update(s -> s.withProductionProfile("prod", true));
            assertThat(second.save()).isEmpty();
            first.remember("staff", "eu-central-1", "eu-central-1_Staff0001");

            Settings saved = service(file()).get();
            assertThat(saved.productionProfiles()).containsExactly("prod");
            assertThat(saved.lastProfile()).isEqualTo("staff");
            assertThat(first.get().productionProfiles()).as("the first console now sees the mark too")
                    .containsExactly("prod");
        }

        @Test
        void aMarkTakenAwayInOneConsoleStaysAwayAfterTheOtherSavesItsLayout() throws IOException {
            onDisk(Settings.defaults().withProductionProfile("prod", true).withProductionProfile("prod-eu", true));
            SettingsService first = service(file());
            SettingsService second = service(file());

            second.update(s -> s.withProductionProfile("prod", false));
            assertThat(second.save()).isEmpty();
            first.update(s -> s.withWindow(new Settings.WindowBounds(0, 0, 1024, 768, false))
                    .withColumns(List.of(new Settings.ColumnLayout("usernameColumn", 200))));
            assertThat(first.save()).isEmpty();

            Settings saved = service(file()).get();
            assertThat(saved.productionProfiles()).containsExactly("prod-eu");
            assertThat(saved.window()).isEqualTo(new Settings.WindowBounds(0, 0, 1024, 768, false));
        }

        @Test
        void eachConsoleKeepsItsOwnChangeWhenBothChangeTheSameMarks() throws IOException {
            onDisk(Settings.defaults().withProductionProfile("old", true));
            SettingsService first = service(file());
            SettingsService second = service(file());

            first.update(s -> s.withProductionProfile("old", false));
            second.update(s -> s.withProductionProfile("new", true));
            first.save();
            second.save();

            assertThat(service(file()).get().productionProfiles()).containsExactly("new");
        }

        @Test
        void aChangeWhoseSaveFailedIsWrittenByTheNextSave() throws IOException {
            Path folder = Files.createDirectory(dir.resolve("elsewhere"));
            Path link = Files.createSymbolicLink(dir.resolve("linked.json"), folder);
            SettingsService running = service(link);
            running.update(s -> s.withProductionProfile("prod", true));
            assertThat(running.save()).isPresent();

            Files.delete(link);
            running.remember("staff", "eu-central-1", "eu-central-1_Staff0001");

            assertThat(service(link).get().productionProfiles()).containsExactly("prod");
        }

        @Test
        void savesFromTwoConsolesAtOnceAllLand() throws Exception {
            SettingsService first = service(file());
            SettingsService second = service(file());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> IntStream.range(0, 25)
                        .forEach(i -> first.remember("first-" + i, "eu-west-1", null)));
                Future<?> b = pool.submit(() -> IntStream.range(0, 25)
                        .forEach(i -> second.remember("second-" + i, "eu-west-1", null)));
                a.get();
                b.get();
            } finally {
                pool.shutdown();
            }

            assertThat(service(file()).get().connections()).hasSize(50);
        }
    }

    @Nested
    class UnreadableFiles {

        @Test
        void aFileDamagedWhileTheConsoleRunsIsSetAsideBeforeAPoolPickIsSavedAndTheOperatorIsTold()
                throws IOException {
            onDisk(Settings.defaults().withProductionProfile("prod", true));
            SettingsService running = service(file());
            List<String> told = new ArrayList<>();
            running.onFileSetAside(told::add);
            String handEdited = "{\"version\": 1, \"productionProfiles\": [\"prod\", \"prod-eu\"";
            Files.writeString(file(), handEdited);

            running.remember("staff", "eu-central-1", "eu-central-1_Staff0001");

            Path aside = dir.resolve("settings.json.unusable-20250203-040506");
            assertThat(aside).as("the hand-edited file is kept").hasContent(handEdited);
            assertThat(told).singleElement().satisfies(message -> assertThat(message)
                    .contains("damaged").contains(aside.toString()));
            Settings saved = service(file()).get();
            assertThat(saved.productionProfiles()).as("the marks this console knew").containsExactly("prod");
            assertThat(saved.lastProfile()).isEqualTo("staff");
        }

        @Test
        void aSaveThatSetTheFileAsideStillCountsAsSaved() throws IOException {
            SettingsService running = service(file());
            Files.writeString(file(), "{ damaged");

            running.update(s -> s.withBudgets(20, 5));

            assertThat(running.save()).as("no 'not saved' message for a save that happened").isEmpty();
            assertThat(service(file()).get().listUsersPerSecond()).isEqualTo(20);
        }

        @Test
        void aFileThatCannotBeReadIsNeverSavedOver() throws IOException {
            // A link to a folder cannot be read even by root, as a file without read permission can by others.
            Path folder = Files.createDirectory(dir.resolve("elsewhere"));
            Files.createSymbolicLink(file(), folder);
            SettingsService running = service(file());
            assertThat(running.loadProblem()).hasValueSatisfying(message -> assertThat(message)
                    .contains("cannot be read").contains("will not overwrite"));

            running.update(s -> s.withProductionProfile("prod", true));
            Optional<String> problem = running.save();

            assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                    .contains("could not be saved").contains("cannot be read"));
            assertThat(file()).as("the unreadable file is left as it was").isSymbolicLink();
            assertThat(running.get().productionProfiles()).as("the mark holds for this run").containsExactly("prod");
        }

        @Test
        void aFileThatBecameUnreadableWhileTheConsoleRunsIsNeverSavedOver() throws IOException {
            onDisk(Settings.defaults().withProductionProfile("prod", true));
            SettingsService running = service(file());
            Files.delete(file());
            Files.createSymbolicLink(file(), Files.createDirectory(dir.resolve("elsewhere")));

            Optional<String> problem = running.save();

            assertThat(problem).hasValueSatisfying(message -> assertThat(message).contains("cannot be read"));
            assertThat(file()).isSymbolicLink();
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
