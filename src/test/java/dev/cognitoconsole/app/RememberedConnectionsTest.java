package dev.cognitoconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.settings.SettingsStore;
import dev.cognitoconsole.testing.AwsFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RememberedConnectionsTest {

    @TempDir
    Path dir;

    private SettingsService fileSettings() {
        return new SettingsService(new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC()));
    }

    @Nested
    class Memory {

        @Test
        void freshSettingsRememberNothing() {
            RememberedConnections memory = new RememberedConnections(SettingsService.inMemory());

            assertThat(memory.lastProfile()).isEmpty();
            assertThat(memory.lastRegion("staff")).isEmpty();
            assertThat(memory.lastPool("staff", "eu-central-1")).isEmpty();
        }

        @Test
        void remembersTheProfileAndItsRegionAndPool() {
            RememberedConnections memory = new RememberedConnections(SettingsService.inMemory());

            memory.remember("staff", "eu-central-1", "eu-central-1_Staff0001");

            assertThat(memory.lastProfile()).contains("staff");
            assertThat(memory.lastRegion("staff")).contains("eu-central-1");
            assertThat(memory.lastPool("staff", "eu-central-1")).contains("eu-central-1_Staff0001");
            assertThat(memory.lastPool("staff", "us-east-1")).as("only in the region it was used in").isEmpty();
            assertThat(memory.lastRegion("prod")).isEmpty();
            assertThat(memory.lastPool("prod", "eu-central-1")).isEmpty();
        }

        @Test
        void theLastChoiceOfAProfileReplacesItsEarlierOne() {
            RememberedConnections memory = new RememberedConnections(SettingsService.inMemory());
            memory.remember("staff", "eu-central-1", "eu-central-1_Staff0001");
            memory.remember("prod", "eu-west-1", "eu-west-1_Prod0001");

            memory.remember("staff", "us-east-1", "us-east-1_Staff0002");

            assertThat(memory.lastProfile()).contains("staff");
            assertThat(memory.lastRegion("staff")).contains("us-east-1");
            assertThat(memory.lastPool("staff", "eu-central-1")).isEmpty();
            assertThat(memory.lastPool("staff", "us-east-1")).contains("us-east-1_Staff0002");
            assertThat(memory.lastPool("prod", "eu-west-1")).contains("eu-west-1_Prod0001");
        }

        @Test
        void theNextStartRemembersWhatThisOneChose() {
            new RememberedConnections(fileSettings()).remember("staff", "eu-central-1", "eu-central-1_Staff0001");

            RememberedConnections nextStart = new RememberedConnections(fileSettings());

            assertThat(nextStart.lastProfile()).contains("staff");
            assertThat(nextStart.lastRegion("staff")).contains("eu-central-1");
            assertThat(nextStart.lastPool("staff", "eu-central-1")).contains("eu-central-1_Staff0001");
        }
    }

    /** The order {@link ProfileCatalog#preselected(List, String)} applies with what the memory holds. */
    @Nested
    class Preselection {
        private static final String CONFIG = """
                [default]
                region = eu-west-1

                [profile prod]
                region = eu-central-1

                [profile staff]
                region = eu-central-1
                """;

        private ProfileCatalog catalog(String preferred) throws IOException {
            return AwsFiles.catalog(dir, CONFIG, preferred);
        }

        private Optional<String> preselected(ProfileCatalog catalog, String lastUsed) {
            List<AwsProfile> profiles = catalog.profiles();
            return catalog.preselected(profiles, lastUsed).map(AwsProfile::name);
        }

        @Test
        void theProfileUsedLastWinsOverDefault() throws IOException {
            RememberedConnections memory = new RememberedConnections(SettingsService.inMemory());
            memory.remember("staff", "eu-central-1", "eu-central-1_Staff0001");

            assertThat(preselected(catalog(null), memory.lastProfile().orElse(null))).contains("staff");
        }

        @Test
        void withoutMemoryDefaultIsPreselected() throws IOException {
            assertThat(preselected(catalog(null), null)).contains("default");
        }

        @Test
        void aProfileUsedLastThatIsGoneFallsBackToDefault() throws IOException {
            assertThat(preselected(catalog(null), "deleted")).contains("default");
        }

        @Test
        void noProfilesGiveNothingWhateverWasUsedLast() throws IOException {
            assertThat(catalog(null).preselected(List.of(), "staff")).isEmpty();
        }

        @Test
        void theProfileUsedLastWinsOverTheFilesPreferredProfile() throws IOException {
            // Only AWS_PROFILE outranks the memory; a preferred profile of explicit files is a default.
            assertThat(preselected(catalog("prod"), "staff")).contains("staff");
            assertThat(preselected(catalog("prod"), null)).contains("prod");
        }

        @Test
        void awsProfileWinsOverTheProfileUsedLast() throws IOException {
            catalog(null); // writes the files
            AwsFiles.withAwsProfile("prod", dir, () ->
                    assertThat(preselected(ProfileCatalog.fromEnvironment(), "staff")).contains("prod"));
        }

        @Test
        void anAwsProfileNamingNoProfileLeavesTheProfileUsedLast() throws IOException {
            catalog(null);
            AwsFiles.withAwsProfile("typo", dir, () ->
                    assertThat(preselected(ProfileCatalog.fromEnvironment(), "staff")).contains("staff"));
        }
    }
}
