package dev.cognitoconsole.connection;

import static dev.cognitoconsole.connection.ProfileLookup.profileNamed;
import static dev.cognitoconsole.testing.FakeUserDirectory.LIST_POOLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.RecordingNotifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionViewModelTest {

    private static final List<String> KNOWN_REGIONS = List.of("eu-central-1", "eu-west-1", "us-east-1");
    private static final String CONFIG = """
            [default]
            region = eu-west-1

            [profile prod]
            region = eu-central-1

            [profile noregion]
            output = json

            [profile far]
            region = ap-southeast-7
            """;

    private static final UserPool DEFAULT_POOL = new UserPool("eu-west-1_Default1", "default-pool");
    private static final UserPool PROD_POOL = new UserPool("eu-central-1_Prod1", "prod-pool");

    @TempDir
    Path dir;

    private final FakeUserDirectory directory = new FakeUserDirectory()
            .addPools("default", "eu-west-1", DEFAULT_POOL)
            .addPools("prod", "eu-central-1", PROD_POOL);
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final RecordingNotifier notifier = new RecordingNotifier();

    private ConnectionViewModel viewModel(String preferredProfile) throws IOException {
        return viewModel(CONFIG, preferredProfile);
    }

    private ConnectionViewModel viewModel(String config, String preferredProfile) throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(Files.writeString(dir.resolve("config"), config),
                Files.writeString(dir.resolve("credentials"), ""), preferredProfile);
        return new ConnectionViewModel(catalog, KNOWN_REGIONS, directory, executor, notifier);
    }

    @Nested
    class Profiles {

        @Test
        void preselectsTheProfileThatAwsProfileNames() throws IOException {
            ConnectionViewModel vm = viewModel("prod");

            vm.loadProfiles();

            assertThat(vm.profiles()).extracting(AwsProfile::name)
                    .containsExactly("default", "far", "noregion", "prod");
            assertThat(vm.profileProperty().get().name()).isEqualTo("prod");
            assertThat(vm.regionProperty().get()).isEqualTo("eu-central-1");
            assertThat(vm.connectionProperty().get().profile().name()).isEqualTo("prod");
            assertThat(vm.connectionProperty().get().region()).isEqualTo("eu-central-1");
            assertThat(vm.emptyStateProperty().get()).isNull();
        }

        @Test
        void preselectsDefaultWhenAwsProfileNamesNoKnownProfile() throws IOException {
            ConnectionViewModel vm = viewModel("gone");

            vm.loadProfiles();

            assertThat(vm.profileProperty().get().name()).isEqualTo("default");
            assertThat(vm.regionProperty().get()).isEqualTo("eu-west-1");
        }

        @Test
        void preselectsTheFirstProfileWhenThereIsNoDefault() throws IOException {
            ConnectionViewModel vm = viewModel("[profile zulu]\nregion = eu-west-1\n"
                    + "[profile bravo]\nregion = eu-central-1\n", null);

            vm.loadProfiles();

            assertThat(vm.profileProperty().get().name()).isEqualTo("bravo");
            assertThat(vm.regionProperty().get()).isEqualTo("eu-central-1");
        }

        @Test
        void noProfilesSetsTheEmptyStateAndCallsNothing() throws IOException {
            ConnectionViewModel vm = viewModel("", null);

            vm.loadProfiles();

            assertThat(vm.profiles()).isEmpty();
            assertThat(vm.emptyStateProperty().get()).contains("No AWS profiles found").contains("aws configure");
            assertThat(vm.profileProperty().get()).isNull();
            assertThat(vm.connectionProperty().get()).isNull();
            assertThat(directory.calls()).isEmpty();
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void anUnreadableConfigFileShowsABannerAndTheEmptyState() throws IOException {
            // A directory where the config file should be: reading it fails whatever the SDK does with missing files.
            Path notAFile = Files.createDirectory(dir.resolve("config-dir"));
            ProfileCatalog catalog = ProfileCatalog.fromFiles(notAFile,
                    Files.writeString(dir.resolve("credentials"), ""), null);
            ConnectionViewModel vm = new ConnectionViewModel(catalog, KNOWN_REGIONS, directory, executor, notifier);

            vm.loadProfiles();

            assertThat(notifier.current().code()).isEqualTo("ProfileFileUnreadable");
            assertThat(notifier.current().severity()).isEqualTo(Notice.Severity.ERROR);
            assertThat(vm.emptyStateProperty().get()).contains("No AWS profiles found");
            assertThat(vm.connectionProperty().get()).isNull();
            assertThat(directory.calls()).isEmpty();
        }

        @Test
        void loadingProfilesAgainAfterTheFileEmptiedClearsTheEmptyStateOnlyWhenProfilesExist() throws IOException {
            ConnectionViewModel vm = viewModel("", null);
            vm.loadProfiles();
            assertThat(vm.emptyStateProperty().get()).isNotNull();

            Files.writeString(dir.resolve("config"), CONFIG);
            vm.loadProfiles();

            assertThat(vm.emptyStateProperty().get()).isNull();
            assertThat(vm.profileProperty().get().name()).isEqualTo("default");
        }
    }

    @Nested
    class FilesChanged {
        private final List<ProfileChanges> told = new ArrayList<>();

        private ConnectionViewModel loaded(String preferred) throws IOException {
            ConnectionViewModel vm = viewModel(preferred);
            vm.onProfileFilesChanged(told::add);
            vm.loadProfiles();
            return vm;
        }

        private void rewrite(String config) throws IOException {
            Path file = dir.resolve("config");
            long before = Files.getLastModifiedTime(file).toMillis();
            Files.writeString(file, config);
            // The fingerprint is size and time: make sure the edit shows in one of them even on a coarse clock.
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(before + 2_000));
        }

        @Test
        void unchangedFilesAreNotReadAgain() throws IOException {
            ConnectionViewModel vm = loaded("prod");

            assertThat(vm.reloadProfilesIfChanged()).isFalse();

            assertThat(told).isEmpty();
        }

        @Test
        void aNewProfileAppearsAndTheOneInUseStaysChosen() throws IOException {
            ConnectionViewModel vm = loaded("prod");
            vm.choosePool(PROD_POOL);
            directory.forgetCalls();

            rewrite(CONFIG + "\n[profile staging]\nregion = eu-west-1\n");

            assertThat(vm.reloadProfilesIfChanged()).isTrue();
            assertThat(vm.profiles()).extracting(AwsProfile::name).contains("staging");
            assertThat(vm.profileProperty().get().name()).isEqualTo("prod");
            assertThat(vm.selectionProperty().get().pool()).isEqualTo(PROD_POOL);
            assertThat(told).singleElement().satisfies(c -> {
                assertThat(c.added()).containsExactly("staging");
                assertThat(c.removed()).isEmpty();
                assertThat(c.summary()).isEqualTo("Added: staging.");
            });
            assertThat(directory.calls(FakeUserDirectory.LIST_POOLS)).as("pools read again with what the files say now")
                    .hasSize(1);
        }

        @Test
        void aChangedProfileReconnectsWithItsNewSettings() throws IOException {
            ConnectionViewModel vm = loaded("prod");

            rewrite(CONFIG.replace("region = eu-central-1", "region = eu-west-1"));
            vm.reloadProfilesIfChanged();

            assertThat(vm.connectionProperty().get().profile().region()).isEqualTo("eu-west-1");
            assertThat(vm.connectionProperty().get().region()).isEqualTo("eu-west-1");
        }

        @Test
        void whenTheProfileInUseIsRemovedAnotherIsChosenAndTheOperatorIsTold() throws IOException {
            ConnectionViewModel vm = loaded("prod");

            rewrite(CONFIG.replace("[profile prod]\nregion = eu-central-1\n", ""));
            vm.reloadProfilesIfChanged();

            assertThat(vm.profiles()).extracting(AwsProfile::name).doesNotContain("prod");
            assertThat(vm.profileProperty().get().name()).isEqualTo("default");
            assertThat(told).singleElement().satisfies(c -> {
                assertThat(c.currentRemoved()).isTrue();
                assertThat(c.summary()).contains("Removed: prod.", "Profile prod, which was in use, is gone.");
            });
        }

        @Test
        void aFileThatCannotBeReadKeepsTheProfilesReadBefore() throws IOException {
            ConnectionViewModel vm = loaded("prod");
            Path config = dir.resolve("config");
            Files.delete(config);
            Files.createDirectory(config);

            assertThat(vm.reloadProfilesIfChanged()).isTrue();

            assertThat(notifier.current().code()).isEqualTo("ProfileFileUnreadable");
            assertThat(notifier.current().advice()).contains("reads it again when it changes");
            assertThat(vm.profiles()).extracting(AwsProfile::name).contains("prod", "default");
            assertThat(vm.profileProperty().get().name()).isEqualTo("prod");
            assertThat(told).isEmpty();
        }

        @Test
        void atStartABrokenConfigFileIsReportedAndTheCredentialsFileStillServes() throws IOException {
            ProfileCatalog catalog = ProfileCatalog.fromFiles(
                    Files.writeString(dir.resolve("config"), "[profile broken\nregion = eu-west-1\n"),
                    Files.writeString(dir.resolve("credentials"), "[default]\naws_access_key_id = AKIAEXAMPLE\n"
                            + "aws_secret_access_key = example\n"), null);
            ConnectionViewModel vm = new ConnectionViewModel(catalog, KNOWN_REGIONS, directory, executor, notifier);

            vm.loadProfiles();

            assertThat(vm.profiles()).extracting(AwsProfile::name).containsExactly("default");
            assertThat(notifier.current().code()).isEqualTo("ProfileFileUnreadable");
            assertThat(notifier.current().message()).contains(dir.resolve("config").toString(), "line 1");
        }

        @Test
        void aFileBrokenWhileInUseKeepsEveryProfileReadBefore() throws IOException {
            ConnectionViewModel vm = loaded("prod");

            rewrite("[profile broken\nregion = eu-west-1\n");

            assertThat(vm.reloadProfilesIfChanged()).isTrue();
            assertThat(vm.profiles()).extracting(AwsProfile::name).contains("prod", "default", "far");
            assertThat(vm.profileProperty().get().name()).isEqualTo("prod");
            assertThat(notifier.current().code()).isEqualTo("ProfileFileUnreadable");
            assertThat(told).isEmpty();
        }

        @Test
        void theFirstProfileEverEndsTheEmptyState() throws IOException {
            ConnectionViewModel vm = viewModel("", null);
            vm.loadProfiles();
            assertThat(vm.emptyStateProperty().get()).contains("picks it up as soon as the file is saved");

            rewrite("[default]\nregion = eu-west-1\n");
            vm.reloadProfilesIfChanged();

            assertThat(vm.emptyStateProperty().get()).isNull();
            assertThat(vm.profileProperty().get().name()).isEqualTo("default");
            assertThat(vm.connectionProperty().get()).isNotNull();
        }
    }

    @Nested
    class Regions {

        @Test
        void aProfileWithoutRegionKeepsTheRegionInUse() throws IOException {
            ConnectionViewModel vm = viewModel("prod");
            vm.loadProfiles();

            vm.profileProperty().set(profileNamed(vm, "noregion"));

            assertThat(vm.regionProperty().get()).isEqualTo("eu-central-1");
            assertThat(vm.connectionProperty().get().profile().name()).isEqualTo("noregion");
            assertThat(vm.connectionProperty().get().region()).isEqualTo("eu-central-1");
        }

        @Test
        void aProfileWithoutRegionFallsBackToUsEast1WhenNoRegionIsInUse() throws IOException {
            ConnectionViewModel vm = viewModel("noregion");

            vm.loadProfiles();

            assertThat(vm.regionProperty().get()).isEqualTo("us-east-1");
            assertThat(vm.connectionProperty().get().region()).isEqualTo("us-east-1");
            assertThat(directory.calls(LIST_POOLS)).extracting(FakeUserDirectory.Call::region)
                    .containsExactly("us-east-1");
        }

        @Test
        void aProfileRegionMissingFromTheKnownListIsAddedFirst() throws IOException {
            ConnectionViewModel vm = viewModel("far");

            vm.loadProfiles();

            assertThat(vm.regionProperty().get()).isEqualTo("ap-southeast-7");
            assertThat(vm.regions()).first().isEqualTo("ap-southeast-7");
            assertThat(vm.regions()).containsAll(KNOWN_REGIONS);
        }

        @Test
        void changingTheRegionReloadsPoolsForThatRegion() throws IOException {
            UserPool usPool = new UserPool("us-east-1_Us1", "us-pool");
            directory.addPools("default", "us-east-1", usPool);
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            vm.choosePool(DEFAULT_POOL);
            assertThat(vm.pools()).containsExactly(DEFAULT_POOL);

            vm.regionProperty().set("us-east-1");

            assertThat(vm.connectionProperty().get().region()).isEqualTo("us-east-1");
            assertThat(vm.pools()).containsExactly(usPool);
            assertThat(vm.selectionProperty().get()).as("a pool of the old region stays not selected").isNull();
            assertThat(directory.calls(LIST_POOLS)).extracting(FakeUserDirectory.Call::region)
                    .containsExactly("eu-west-1", "us-east-1");
        }

        @Test
        void aBlankRegionDisconnects() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            directory.forgetCalls();

            vm.regionProperty().set("  ");

            assertThat(vm.connectionProperty().get()).isNull();
            assertThat(vm.pools()).isEmpty();
            assertThat(directory.calls()).isEmpty();
        }

        @Test
        void settingTheSameRegionAgainDoesNotReload() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            directory.forgetCalls();

            vm.regionProperty().set(" eu-west-1 ");

            assertThat(vm.connectionProperty().get().region()).isEqualTo("eu-west-1");
            assertThat(directory.calls()).isEmpty();
        }
    }

    @Nested
    class Pools {

        @Test
        void loadsPoolsAcrossEveryNextTokenPage() throws IOException {
            List<UserPool> many = List.of(new UserPool("eu-west-1_A", "a"), new UserPool("eu-west-1_B", "b"),
                    new UserPool("eu-west-1_C", "c"), new UserPool("eu-west-1_D", "d"),
                    new UserPool("eu-west-1_E", "e"));
            FakeUserDirectory paged = new FakeUserDirectory().poolsPageSize(2)
                    .addPools("default", "eu-west-1", many.toArray(UserPool[]::new));
            ProfileCatalog catalog = ProfileCatalog.fromFiles(Files.writeString(dir.resolve("config"), CONFIG),
                    Files.writeString(dir.resolve("credentials"), ""), null);
            ConnectionViewModel vm = new ConnectionViewModel(catalog, KNOWN_REGIONS, paged, executor, notifier);

            vm.loadProfiles();

            assertThat(vm.pools()).containsExactlyElementsOf(many);
            assertThat(paged.calls(LIST_POOLS)).extracting(FakeUserDirectory.Call::argument)
                    .containsExactly(null, "pools-2", "pools-4");
            assertThat(vm.poolsLoadingProperty().get()).isFalse();
        }

        @Test
        void poolsLoadingIsTrueOnlyWhileTheListingIsInFlight() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            executor.holdWork();

            vm.loadProfiles();

            assertThat(vm.poolsLoadingProperty().get()).isTrue();
            assertThat(vm.pools()).isEmpty();

            executor.runAll();

            assertThat(vm.poolsLoadingProperty().get()).isFalse();
            assertThat(vm.pools()).containsExactly(DEFAULT_POOL);
        }

        @Test
        void switchingProfileWhilePoolsLoadCancelsTheOldListing() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            executor.holdWork();
            vm.loadProfiles();

            vm.profileProperty().set(profileNamed(vm, "prod"));
            executor.runAll();

            assertThat(vm.pools()).containsExactly(PROD_POOL);
            assertThat(vm.connectionProperty().get().profile().name()).isEqualTo("prod");
            assertThat(directory.calls(LIST_POOLS)).extracting(FakeUserDirectory.Call::profile)
                    .as("the cancelled listing never started").containsExactly("prod");
            assertThat(vm.poolsLoadingProperty().get()).isFalse();
        }

        @Test
        void theLateAnswerOfAListingInFlightNeverLandsAfterASwitch() throws IOException {
            directory.poolsPageSize(1).addPools("default", "eu-west-1",
                    new UserPool("eu-west-1_Late2", "late-2"), new UserPool("eu-west-1_Late3", "late-3"));
            ConnectionViewModel vm = viewModel(null);
            executor.holdWork();
            vm.loadProfiles();
            boolean[] switched = {false};
            directory.onCall(LIST_POOLS, call -> {
                if (call.profile().equals("default") && !switched[0]) {
                    switched[0] = true; // the operator picks another profile while page 1 is on the wire
                    vm.profileProperty().set(profileNamed(vm, "prod"));
                }
            });

            executor.runNext(); // the default profile's listing: its first page answers after the switch

            assertThat(vm.pools()).isEmpty();
            assertThat(vm.poolsLoadingProperty().get()).isTrue();

            executor.runAll();

            assertThat(vm.pools()).containsExactly(PROD_POOL);
            assertThat(directory.calls(LIST_POOLS)).extracting(FakeUserDirectory.Call::profile)
                    .as("the abandoned listing fetched no further page").containsExactly("default", "prod");
        }

        @Test
        void aFailureOfAnAbandonedListingShowsNoBanner() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            executor.holdWork();
            vm.loadProfiles();
            directory.onCall(LIST_POOLS, call -> {
                if (call.profile().equals("default")) {
                    vm.profileProperty().set(profileNamed(vm, "prod"));
                    throw new ConsoleFailure.InternalError(LIST_POOLS, "boom", "req-1", null);
                }
            });

            executor.runAll();

            assertThat(notifier.shown()).isEmpty();
            assertThat(vm.pools()).containsExactly(PROD_POOL);
        }

        @Test
        void reloadPoolsListsAgain() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            UserPool added = new UserPool("eu-west-1_New1", "new");
            directory.addPools("default", "eu-west-1", added);

            vm.reloadPools();

            assertThat(vm.pools()).containsExactly(DEFAULT_POOL, added);
            assertThat(directory.calls(LIST_POOLS)).hasSize(2);
        }

        @Test
        void reloadPoolsWithoutAConnectionCallsNothing() throws IOException {
            ConnectionViewModel vm = viewModel(null);

            vm.reloadPools();

            assertThat(directory.calls()).isEmpty();
            assertThat(vm.poolsLoadingProperty().get()).isFalse();
        }
    }

    @Nested
    class Failures {

        @Test
        void throttledListingShowsARateLimitBannerWhoseRetryLoadsAgain() throws IOException {
            directory.failNext(LIST_POOLS, new ConsoleFailure.TooManyRequests(LIST_POOLS, "Rate exceeded",
                    "req-42", null));
            ConnectionViewModel vm = viewModel(null);

            vm.loadProfiles();

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("TooManyRequestsException");
            assertThat(notice.title()).startsWith("Loading pools failed").contains("Rate limit");
            assertThat(notice.requestId()).isEqualTo("req-42");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Retry");
            assertThat(vm.poolsLoadingProperty().get()).isFalse();
            assertThat(vm.pools()).isEmpty();

            notifier.press("Retry");

            assertThat(vm.pools()).containsExactly(DEFAULT_POOL);
            assertThat(notifier.current()).isNull();
            assertThat(directory.calls(LIST_POOLS)).hasSize(2);
        }

        @Test
        void expiredSsoCredentialsNameTheLoginCommand() throws IOException {
            directory.failNext(LIST_POOLS, new ConsoleFailure.CredentialsUnavailable(LIST_POOLS, null, "default",
                    true, "Token is expired", null, null));
            ConnectionViewModel vm = viewModel(null);

            vm.loadProfiles();

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("CredentialsUnavailable");
            assertThat(notice.advice()).contains("aws sso login --profile default");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Retry");
        }

        @Test
        void accessDeniedNamesTheIamActionAndOffersNoRetry() throws IOException {
            directory.failNext(LIST_POOLS, new ConsoleFailure.AccessDenied(LIST_POOLS, "AccessDeniedException",
                    "not authorized", "req-7", null));
            ConnectionViewModel vm = viewModel(null);

            vm.loadProfiles();

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("AccessDenied");
            assertThat(notice.message()).contains("cognito-idp:ListUserPools");
            assertThat(notice.actions()).isEmpty();
        }

        @Test
        void aReadFailureSaysNothingAboutChanges() throws IOException {
            directory.failNext(LIST_POOLS, new ConsoleFailure.NetworkUnreachable(LIST_POOLS,
                    "https://cognito-idp.eu-west-1.amazonaws.com", "Connect timed out", null));
            ConnectionViewModel vm = viewModel(null);

            vm.loadProfiles();

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("NetworkUnreachable");
            assertThat(notice.advice()).doesNotContain("changed");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Retry");
        }
    }

    @Nested
    class PoolChoice {

        @Test
        void choosingAListedPoolSelectsItOnTheConnection() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();

            vm.choosePool(DEFAULT_POOL);

            PoolSelection selection = vm.selectionProperty().get();
            assertThat(selection.pool()).isEqualTo(DEFAULT_POOL);
            assertThat(selection.connection()).isEqualTo(vm.connectionProperty().get());
            assertThat(vm.poolIdProblemProperty().get()).isNull();
        }

        @Test
        void aTypedValidIdIsSelectedWithoutAName() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            directory.forgetCalls();

            vm.choosePoolId("  eu-west-1_Typed9  ");

            assertThat(vm.selectionProperty().get().pool()).isEqualTo(new UserPool("eu-west-1_Typed9", null));
            assertThat(vm.poolIdProblemProperty().get()).isNull();
            assertThat(directory.calls()).as("choosing checks locally; the users table makes the call").isEmpty();
        }

        @Test
        void aTypedIdOfAListedPoolPicksUpItsName() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();

            vm.choosePoolId(DEFAULT_POOL.id());

            assertThat(vm.selectionProperty().get().pool()).isEqualTo(DEFAULT_POOL);
        }

        @Test
        void choosingTheSamePoolAgainDoesNotFireASelectionChange() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            vm.choosePool(DEFAULT_POOL);
            int[] changes = {0};
            vm.selectionProperty().addListener((obs, old, now) -> changes[0]++);

            vm.choosePoolId(DEFAULT_POOL.id());

            assertThat(changes[0]).isZero();
        }

        @Test
        void choosingNoPoolClearsTheSelection() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            vm.choosePool(DEFAULT_POOL);

            vm.choosePool(null);

            assertThat(vm.selectionProperty().get()).isNull();
            assertThat(vm.poolIdProblemProperty().get()).isNull();
        }

        @Test
        void switchingProfileClearsTheSelection() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            vm.choosePool(DEFAULT_POOL);

            vm.profileProperty().set(profileNamed(vm, "prod"));

            assertThat(vm.selectionProperty().get()).isNull();
            assertThat(vm.pools()).containsExactly(PROD_POOL);
        }

        @Test
        void choosingWithoutAConnectionSelectsNothing() throws IOException {
            ConnectionViewModel vm = viewModel("", null);
            vm.loadProfiles();

            vm.choosePoolId("eu-west-1_AbC123");

            assertThat(vm.selectionProperty().get()).isNull();
            assertThat(directory.calls()).isEmpty();
        }

        static Stream<Arguments> invalidIds() {
            return Stream.of(
                    Arguments.of("empty", "", "Enter a user pool id"),
                    Arguments.of("blank", "   ", "Enter a user pool id"),
                    Arguments.of("56 characters", "eu-west-1_" + "A".repeat(46), "at most 55 characters; this one has 56"),
                    Arguments.of("no underscore", "no-underscore", "\"no-underscore\" is not a user pool id"),
                    Arguments.of("inner space", "eu-west-1_ab c", "\"eu-west-1_ab c\" is not a user pool id"),
                    Arguments.of("control character", "eu-west-1_ab\u0007c", "eu-west-1_ab\\u0007c"),
                    Arguments.of("NUL", "eu-west-1\u0000_abc", "eu-west-1\\u0000_abc"),
                    Arguments.of("null", null, "Enter a user pool id"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidIds")
        void anInvalidTypedIdGivesTheProblemNoSelectionAndNoCall(String label, String typed, String expected)
                throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            vm.choosePool(DEFAULT_POOL);
            directory.forgetCalls();

            vm.choosePoolId(typed);

            assertThat(vm.poolIdProblemProperty().get()).contains(expected);
            assertThat(vm.selectionProperty().get()).isNull();
            assertThat(directory.calls()).isEmpty();
        }

        @Test
        void aValidIdAfterAnInvalidOneClearsTheProblem() throws IOException {
            ConnectionViewModel vm = viewModel(null);
            vm.loadProfiles();
            vm.choosePoolId("no-underscore");
            assertThat(vm.poolIdProblemProperty().get()).isNotNull();

            vm.choosePoolId("eu-west-1_Fixed1");

            assertThat(vm.poolIdProblemProperty().get()).isNull();
            assertThat(vm.selectionProperty().get().poolId()).isEqualTo("eu-west-1_Fixed1");
        }
    }
}
