package dev.cognitoconsole.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsStoreTest {
    private static final Instant NOW = Instant.parse("2025-02-03T04:05:06Z");
    /** The name a file set aside at {@link #NOW} gets. */
    private static final String ASIDE = "settings.json.unusable-20250203-040506";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("settings.json");
    }

    private SettingsStore store() {
        return new SettingsStore(file(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Settings with every field set to something other than its default. */
    static Settings everyField() {
        return new Settings(Settings.CURRENT_VERSION, "staff",
                Map.of("staff", new Settings.LastConnection("eu-central-1", "eu-central-1_Staff0001"),
                        "default", new Settings.LastConnection("eu-west-1", "eu-west-1_Default1"),
                        "no-pool-yet", new Settings.LastConnection("us-east-1", null)),
                new Settings.WindowBounds(-8.0, 24.5, 1440.0, 900.0, true),
                List.of(new Settings.ColumnLayout("usernameColumn", 220.5),
                        new Settings.ColumnLayout("emailColumn", 310.0),
                        new Settings.ColumnLayout("enabledColumn", 90.0)),
                22, 7, Set.of("prod", "prod-eu"), Set.of("123456789012"), "/home/desk/exports", 33,
                new Settings.DetailsPane(false, 0.5),
                new Settings.FindScope("CHOSEN", List.of(new Settings.FindProfile("staff", true),
                        new Settings.FindProfile("prod", false))));
    }

    private Settings.WindowBounds window(double x, double y, double width, double height) {
        return new Settings.WindowBounds(x, y, width, height, false);
    }

    @Nested
    class RoundTrip {

        @Test
        void everyFieldComesBackEqual() throws IOException {
            store().save(everyField());

            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.problem()).isNull();
            assertThat(loaded.settings()).isEqualTo(everyField());
        }

        @Test
        void theDefaultsComeBackEqual() throws IOException {
            store().save(Settings.defaults());

            assertThat(store().load().settings()).isEqualTo(Settings.defaults());
        }

        @Test
        void aMissingFileGivesTheDefaultsWithoutAProblem() {
            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.settings()).isEqualTo(Settings.defaults());
            assertThat(loaded.problem()).isNull();
            assertThat(file()).doesNotExist();
        }

        @Test
        void savingCreatesTheMissingFolders() throws IOException {
            Path nested = dir.resolve("config/cognito-admin-console/settings.json");
            SettingsStore store = new SettingsStore(nested, Clock.systemUTC());

            store.save(everyField());

            assertThat(nested).isRegularFile();
            assertThat(new SettingsStore(nested, Clock.systemUTC()).load().settings()).isEqualTo(everyField());
        }

        @Test
        void savingLeavesNoTemporaryFileBehind() throws IOException {
            store().save(everyField());
            store().save(Settings.defaults().withBudgets(3, 4));

            assertThat(dir.resolve("settings.json.tmp")).doesNotExist();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).extracting(p -> p.getFileName().toString())
                        .as("the lock file stays, so two consoles never race to make it")
                        .containsExactlyInAnyOrder("settings.json", "settings.json.lock");
            }
        }

        @Test
        void anUpdateIsAppliedToWhatAnotherConsoleSavedMeanwhile() throws IOException {
            store().save(everyField());

            SettingsStore.Loaded saved = store().update(Settings.defaults(), s -> s.withBudgets(3, 4));

            assertThat(saved.problem()).isNull();
            assertThat(saved.settings()).isEqualTo(everyField().withBudgets(3, 4));
            assertThat(store().load().settings()).isEqualTo(everyField().withBudgets(3, 4));
        }

        @Test
        void savingAgainReplacesTheOldContent() throws IOException {
            store().save(everyField());

            store().save(Settings.defaults().withBudgets(3, 4));

            assertThat(store().load().settings()).isEqualTo(Settings.defaults().withBudgets(3, 4));
        }

        @Test
        void unknownKeysFromANewerMinorWriterAreIgnored() throws IOException {
            Files.writeString(file(), """
                    {"version": 1, "lastProfile": "staff", "theme": "dark",
                     "window": {"x": 0, "y": 0, "width": 800, "height": 600, "maximized": false, "screen": 2}}
                    """);

            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.problem()).isNull();
            assertThat(loaded.settings().lastProfile()).isEqualTo("staff");
            assertThat(loaded.settings().window()).isEqualTo(window(0, 0, 800, 600));
        }

        @Test
        void missingKeysTakeEmptyValuesAndDefaultBudgets() throws IOException {
            Files.writeString(file(), "{\"version\": 1}");

            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.problem()).isNull();
            assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        }
    }

    @Nested
    class NoSecrets {

        @Test
        void theWrittenFileHoldsNothingThatLooksLikeASecret() throws IOException {
            store().save(everyField());

            String text = Files.readString(file()).toLowerCase(Locale.ROOT);

            assertThat(text).doesNotContain("aws_secret", "secret", "token", "password", "credential",
                    "access_key", "accesskey", "session");
        }

        @Test
        void noKeyAtAnyDepthIsNamedLikeASecret() throws IOException {
            store().save(everyField());

            List<String> keys = keysOf(new ObjectMapper().readTree(file().toFile()));

            assertThat(keys).contains("version", "lastProfile", "connections", "region", "poolId", "window",
                    "columns", "listUsersPerSecond", "updatesPerSecond", "productionProfiles");
            assertThat(keys).allSatisfy(key -> assertThat(key.toLowerCase(Locale.ROOT))
                    .doesNotContain("secret", "token", "password", "credential", "accesskey", "session"));
        }

        private List<String> keysOf(JsonNode node) {
            List<String> keys = new ArrayList<>();
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    keys.add(field.getKey());
                    keys.addAll(keysOf(field.getValue()));
                }
            } else if (node.isArray()) {
                node.forEach(element -> keys.addAll(keysOf(element)));
            }
            return keys;
        }
    }

    @Nested
    class OwnerOnly {

        @Test
        void theFileAndItsLockAreReadableByTheOwnerOnly() throws IOException {
            store().save(everyField());

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("settings.json.lock"))))
                    .isEqualTo("rw-------");
        }

        @Test
        void aFileOthersCouldReadIsOwnerOnlyAfterTheNextSave() throws IOException {
            Files.writeString(file(), "{\"version\": 1, \"productionProfiles\": [\"prod\"]}");
            Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

            store().update(store().load().settings(), s -> s.withBudgets(3, 4));

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
            assertThat(store().load().settings().productionProfiles()).containsExactly("prod");
        }
    }

    @Nested
    class UnusableFiles {

        static Stream<Arguments> damaged() {
            return Stream.of(
                    Arguments.of("truncated", utf8("{\"version\": 1, \"lastProfile\": \"sta")),
                    Arguments.of("not JSON", utf8("lastProfile = staff\n")),
                    Arguments.of("empty", new byte[0]),
                    Arguments.of("NUL bytes after a power cut", new byte[64]),
                    Arguments.of("not UTF-8", new byte[] {'{', (byte) 0xC3, '(', '}'}),
                    Arguments.of("garbage read as UTF-32", new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF,
                            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}),
                    Arguments.of("a JSON array", utf8("[1, 2, 3]")),
                    Arguments.of("a JSON string", utf8("\"settings\"")),
                    Arguments.of("the JSON null", utf8("null")),
                    Arguments.of("version not a number", utf8("{\"version\": \"one\"}")),
                    Arguments.of("version a boolean", utf8("{\"version\": true}")),
                    Arguments.of("version beyond int", utf8("{\"version\": 99999999999}")),
                    Arguments.of("budget not a number", utf8("{\"version\": 1, \"listUsersPerSecond\": \"many\"}")),
                    Arguments.of("connections a list", utf8("{\"version\": 1, \"connections\": [\"staff\"]}")),
                    Arguments.of("a null connection", utf8("{\"version\": 1, \"connections\": {\"staff\": null}}")),
                    Arguments.of("window a number", utf8("{\"version\": 1, \"window\": 42}")),
                    Arguments.of("columns an object", utf8("{\"version\": 1, \"columns\": {\"id\": \"x\"}}")),
                    Arguments.of("a null column", utf8("{\"version\": 1, \"columns\": [null]}")),
                    Arguments.of("a null production profile",
                            utf8("{\"version\": 1, \"productionProfiles\": [null]}")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("damaged")
        void aDamagedFileIsSetAsideWithItsBytesAndTheConsoleStartsWithDefaults(String label, byte[] content)
                throws IOException {
            Files.write(file(), content);

            SettingsStore.Loaded loaded = store().load();

            Path aside = dir.resolve(ASIDE);
            assertThat(loaded.settings()).isEqualTo(Settings.defaults());
            assertThat(loaded.problem()).contains(aside.toString()).contains("default settings");
            assertThat(aside).as("the original is kept under a new name").exists();
            assertThat(Files.readAllBytes(aside)).isEqualTo(content);
            assertThat(file()).as("the damaged file no longer stands in the way").doesNotExist();
        }

        @Test
        void aFileOfAnUnknownVersionIsSetAsideNamingTheVersion() throws IOException {
            String newer = """
                    {"version": 99, "lastProfile": "staff", "listUsersPerSecond": 20, "updatesPerSecond": 5}
                    """;
            Files.writeString(file(), newer);

            SettingsStore.Loaded loaded = store().load();

            Path aside = dir.resolve(ASIDE);
            assertThat(loaded.settings()).isEqualTo(Settings.defaults());
            assertThat(loaded.problem()).contains("version").contains("99").contains(aside.toString());
            assertThat(Files.readString(aside)).isEqualTo(newer);
            assertThat(file()).doesNotExist();
        }

        @Test
        void aFileWithoutAVersionCountsAsAnotherVersion() throws IOException {
            Files.writeString(file(), "{\"lastProfile\": \"staff\"}");

            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.settings()).isEqualTo(Settings.defaults());
            assertThat(loaded.problem()).contains("version");
            assertThat(dir.resolve(ASIDE)).exists();
        }

        @Test
        void afterSettingAFileAsideTheNextStartIsCleanAndSavingWorks() throws IOException {
            Files.writeString(file(), "{not json");
            store().load();

            SettingsStore.Loaded next = store().load();
            store().save(everyField());

            assertThat(next.problem()).isNull();
            assertThat(next.settings()).isEqualTo(Settings.defaults());
            assertThat(store().load().settings()).isEqualTo(everyField());
            assertThat(Files.readString(dir.resolve(ASIDE))).isEqualTo("{not json");
        }

        @Test
        void aFileDamagedBeforeAnUpdateIsSetAsideAndTheChangeGoesOnTheLastKnownSettings() throws IOException {
            Files.writeString(file(), "{\"version\": 1, \"productionProfiles\": [");

            SettingsStore.Loaded saved = store().update(everyField(), s -> s.withBudgets(3, 4));

            Path aside = dir.resolve(ASIDE);
            assertThat(aside).hasContent("{\"version\": 1, \"productionProfiles\": [");
            assertThat(saved.problem()).contains("damaged").contains(aside.toString());
            assertThat(store().load().settings()).isEqualTo(everyField().withBudgets(3, 4));
        }

        @Test
        void aSecondFileSetAsideInTheSameSecondDoesNotReplaceTheFirst() throws IOException {
            Files.writeString(file(), "{ first");
            store().load();
            Files.writeString(file(), "{ second");

            SettingsStore.Loaded saved = store().update(Settings.defaults(), s -> s.withBudgets(3, 4));

            assertThat(dir.resolve(ASIDE)).hasContent("{ first");
            assertThat(dir.resolve(ASIDE + "-2")).hasContent("{ second");
            assertThat(saved.problem()).contains(ASIDE + "-2");
        }

        @Test
        void aFileOfAnotherVersionIsSetAsideBeforeAnUpdateToo() throws IOException {
            Files.writeString(file(), "{\"version\": 2, \"productionProfiles\": [\"prod\"]}");

            SettingsStore.Loaded saved = store().update(Settings.defaults(), s -> s.withBudgets(3, 4));

            assertThat(dir.resolve(ASIDE)).hasContent("{\"version\": 2, \"productionProfiles\": [\"prod\"]}");
            assertThat(saved.problem()).contains("version").contains(ASIDE);
        }

        @Test
        void aFolderWhereTheFileShouldBeIsNeverSavedOver() throws IOException {
            Files.createDirectory(file());

            assertThatThrownBy(() -> store().save(everyField()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot be read").hasMessageContaining("left as it is");
            assertThat(file()).isDirectory();
        }

        @Test
        void aFolderWhereTheFileShouldBeIsReportedAndLeftAlone() throws IOException {
            Files.createDirectory(file());

            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.settings()).isEqualTo(Settings.defaults());
            assertThat(loaded.problem()).contains(file().toString()).contains("cannot be read");
            assertThat(file()).isDirectory();
        }
    }

    @Nested
    class Sanitising {

        @ParameterizedTest(name = "list {0} -> {2}, updates {1} -> {3}")
        @CsvSource({
                "0, 0, 15, 10",
                "-5, -1, 15, 10",
                "999, 999, 30, 25",
                "31, 26, 30, 25",
                "1, 1, 1, 1",
                "30, 25, 30, 25"})
        void budgetsOutsideTheQuotasComeBackInside(int list, int updates, int expectedList, int expectedUpdates)
                throws IOException {
            Files.writeString(file(), """
                    {"version": 1, "listUsersPerSecond": %d, "updatesPerSecond": %d}
                    """.formatted(list, updates));

            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.problem()).isNull();
            assertThat(loaded.settings().listUsersPerSecond()).isEqualTo(expectedList);
            assertThat(loaded.settings().updatesPerSecond()).isEqualTo(expectedUpdates);
        }

        @ParameterizedTest(name = "reads {0} -> {1}, divider {2} -> {3}")
        @CsvSource({"0, 20, 1.5, 0.7", "999, 50, 0.05, 0.7", "12, 12, 0.5, 0.5"})
        void theDetailPaneBudgetAndDividerComeBackInside(int reads, int expectedReads, double divider,
                                                         double expectedDivider) throws IOException {
            Files.writeString(file(), """
                    {"version": 1, "userResourceReadsPerSecond": %d, "details": {"shown": false, "divider": %s}}
                    """.formatted(reads, divider));

            Settings read = store().load().settings();

            assertThat(read.userResourceReadsPerSecond()).isEqualTo(expectedReads);
            assertThat(read.details().divider()).isEqualTo(expectedDivider);
        }

        static Stream<Arguments> unusableWindows() {
            return Stream.of(
                    Arguments.of("10 x 10", "{\"x\": 0, \"y\": 0, \"width\": 10, \"height\": 10}"),
                    Arguments.of("too narrow", "{\"x\": 0, \"y\": 0, \"width\": 399, \"height\": 600}"),
                    Arguments.of("too low", "{\"x\": 0, \"y\": 0, \"width\": 800, \"height\": 299}"),
                    Arguments.of("huge", "{\"x\": 0, \"y\": 0, \"width\": 20001, \"height\": 600}"),
                    Arguments.of("negative size", "{\"x\": 0, \"y\": 0, \"width\": -800, \"height\": -600}"),
                    Arguments.of("NaN x", "{\"x\": \"NaN\", \"y\": 0, \"width\": 800, \"height\": 600}"),
                    Arguments.of("infinite y", "{\"x\": 0, \"y\": 1e400, \"width\": 800, \"height\": 600}"),
                    Arguments.of("NaN width", "{\"x\": 0, \"y\": 0, \"width\": \"NaN\", \"height\": 600}"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("unusableWindows")
        void anUnusableWindowIsForgotten(String label, String window) throws IOException {
            Files.writeString(file(), "{\"version\": 1, \"lastProfile\": \"staff\", \"window\": " + window + "}");

            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.problem()).isNull();
            assertThat(loaded.settings().window()).isNull();
            assertThat(loaded.settings().lastProfile()).as("the rest is kept").isEqualTo("staff");
        }

        @Test
        void aWindowPartlyOffTheScreenOriginIsKept() throws IOException {
            Settings.WindowBounds maximizedOnWindows = new Settings.WindowBounds(-8, -8, 1936, 1056, true);
            store().save(Settings.defaults().withWindow(maximizedOnWindows));

            assertThat(store().load().settings().window()).isEqualTo(maximizedOnWindows);
        }

        @Test
        void columnsWithoutIdOrWithAnAbsurdWidthAreDropped() throws IOException {
            Files.writeString(file(), """
                    {"version": 1, "columns": [
                      {"id": "usernameColumn", "width": 200},
                      {"id": "emailColumn", "width": 0},
                      {"id": "statusColumn", "width": -40},
                      {"width": 120},
                      {"id": "subColumn", "width": 5000},
                      {"id": "createdColumn", "width": "NaN"},
                      {"id": "enabledColumn", "width": 90}
                    ]}
                    """);

            SettingsStore.Loaded loaded = store().load();

            assertThat(loaded.problem()).isNull();
            assertThat(loaded.settings().columns()).containsExactly(
                    new Settings.ColumnLayout("usernameColumn", 200),
                    new Settings.ColumnLayout("enabledColumn", 90));
        }

        @Test
        void productionAccountsThatAreNotTwelveDigitsAreDropped() throws IOException {
            Files.writeString(file(), """
                    {"version": 1, "productionProfiles": ["prod"],
                     "productionAccounts": ["123456789012", "12345", "12345678901a", "", "210987654321"]}
                    """);

            Settings read = store().load().settings();

            assertThat(read.productionProfiles()).containsExactly("prod");
            assertThat(read.productionAccounts()).containsExactlyInAnyOrder("123456789012", "210987654321");
        }

        @Test
        void savingWritesSanitisedValuesToo() throws IOException {
            Settings odd = Settings.defaults()
                    .withBudgets(0, 999)
                    .withWindow(new Settings.WindowBounds(Double.NaN, 0, 10, 10, false))
                    .withColumns(List.of(new Settings.ColumnLayout("emailColumn", 0),
                            new Settings.ColumnLayout("usernameColumn", 150)));

            store().save(odd);

            String text = Files.readString(file());
            assertThat(text).doesNotContain("NaN").doesNotContain("emailColumn");
            Settings read = store().load().settings();
            assertThat(read.listUsersPerSecond()).isEqualTo(15);
            assertThat(read.updatesPerSecond()).isEqualTo(25);
            assertThat(read.window()).isNull();
            assertThat(read.columns()).containsExactly(new Settings.ColumnLayout("usernameColumn", 150));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
