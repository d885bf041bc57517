package dev.cognitoconsole.connection;

import static dev.cognitoconsole.connection.ProfileLookup.profileNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.RecordingNotifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection bar says who the operator acts as, asked of STS per connection, off the UI thread. */
class ConnectionCallerTest {
    private static final String CONFIG = """
            [default]
            region = eu-west-1

            [profile prod]
            region = eu-central-1

            [profile local]
            region = us-east-1
            endpoint_url = http://127.0.0.1:9229
            """;
    private static final Map<String, CallerIdentity> KNOWN = Map.of(
            "default", new CallerIdentity("arn:aws:sts::111122223333:assumed-role/Support/ana", "111122223333"));

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final List<String> asked = new ArrayList<>();
    private final Function<Connection, Optional<CallerIdentity>> callers = c -> {
        asked.add(c.profile().name() + "@" + c.region());
        return Optional.ofNullable(KNOWN.get(c.profile().name()));
    };

    private ConnectionViewModel viewModel() throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(Files.writeString(dir.resolve("config"), CONFIG),
                Files.writeString(dir.resolve("credentials"), ""), "default");
        return new ConnectionViewModel(catalog, List.of("eu-west-1", "eu-central-1"), new FakeUserDirectory(),
                executor, new RecordingNotifier(), ConnectionMemory.NONE, callers);
    }

    @Test
    void showsTheCallerArnAndAccountOfTheChosenProfile() throws IOException {
        ConnectionViewModel vm = viewModel();

        vm.loadProfiles();

        assertThat(vm.callerProperty().get())
                .isEqualTo("Acting as arn:aws:sts::111122223333:assumed-role/Support/ana (account 111122223333)");
        assertThat(asked).containsExactly("default@eu-west-1");
    }

    @Test
    void saysWhenStsCannotTellAndAsksAgainWhenTheProfileChanges() throws IOException {
        ConnectionViewModel vm = viewModel();
        vm.loadProfiles();

        vm.profileProperty().set(profileNamed(vm, "prod"));

        assertThat(vm.callerProperty().get()).startsWith("Identity unknown").contains("prod");
        assertThat(asked).containsExactly("default@eu-west-1", "prod@eu-central-1");
    }

    @Test
    void aSignInForTheConnectionShownAsksWhoItActsAsAgain() throws IOException {
        ConnectionViewModel vm = viewModel();
        vm.loadProfiles();
        vm.profileProperty().set(profileNamed(vm, "prod"));
        assertThat(vm.callerIdentityProperty().get()).as("the session had expired").isNull();

        vm.credentialsRenewed(vm.connectionProperty().get());

        assertThat(asked).containsExactly("default@eu-west-1", "prod@eu-central-1", "prod@eu-central-1");
        vm.credentialsRenewed(new Connection(profileNamed(vm, "local"), "us-east-1"));
        assertThat(asked).as("a sign-in for another connection").hasSize(3);
    }

    @Test
    void replacedKeysInTheAwsFilesAskWhoTheConnectionActsAsAgain() throws IOException {
        ConnectionViewModel vm = viewModel();
        vm.loadProfiles();

        Files.writeString(dir.resolve("credentials"), "[default]\naws_access_key_id = AKIASTUBREPLACED0001\n");
        Files.setLastModifiedTime(dir.resolve("credentials"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
        vm.reloadProfilesIfChanged();

        assertThat(asked).containsExactly("default@eu-west-1", "default@eu-west-1");
    }

    @Test
    void aProfileWithItsOwnEndpointIsSaidToHaveNoStsThere() throws IOException {
        ConnectionViewModel vm = viewModel();
        vm.loadProfiles();

        vm.profileProperty().set(profileNamed(vm, "local"));

        assertThat(vm.callerProperty().get())
                .isEqualTo("Identity unknown: no STS answers at this endpoint (emulators have none)");
    }

    @Test
    void aLateAnswerForAnEarlierProfileNeverLands() throws IOException {
        ConnectionViewModel vm = viewModel();
        executor.holdWork();
        vm.loadProfiles();
        AwsProfile prod = profileNamed(vm, "prod");
        vm.profileProperty().set(prod);
        assertThat(vm.callerProperty().get()).startsWith("Checking");

        executor.runAll();

        assertThat(vm.callerProperty().get()).startsWith("Identity unknown").contains("prod");
    }

    @Test
    void withoutALookupNothingIsShown() throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(Files.writeString(dir.resolve("config"), CONFIG),
                Files.writeString(dir.resolve("credentials"), ""), "default");
        ConnectionViewModel vm = new ConnectionViewModel(catalog, List.of("eu-west-1"), new FakeUserDirectory(),
                executor, new RecordingNotifier());

        vm.loadProfiles();

        assertThat(vm.callerProperty().get()).isNull();
    }
}
