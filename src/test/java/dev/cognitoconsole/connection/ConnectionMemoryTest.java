package dev.cognitoconsole.connection;

import static dev.cognitoconsole.connection.ProfileLookup.profileNamed;
import static dev.cognitoconsole.testing.FakeUserDirectory.LIST_POOLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.AwsFiles;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.RecordingNotifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the connection bar uses what it remembers: last profile, per profile its region and pool. */
class ConnectionMemoryTest {

    private static final List<String> KNOWN_REGIONS = List.of("eu-central-1", "eu-west-1", "us-east-1");
    private static final String CONFIG = """
            [default]
            region = eu-west-1

            [profile staff]
            region = eu-central-1

            [profile prod]
            region = eu-central-1
            """;

    private static final UserPool DEFAULT_POOL = new UserPool("eu-west-1_Default1", "default-pool");
    private static final UserPool STAFF_POOL = new UserPool("eu-central-1_Staff0001", "staff-a");
    private static final UserPool STAFF_OTHER = new UserPool("eu-central-1_Staff0002", "staff-b");
    private static final UserPool STAFF_US = new UserPool("us-east-1_StaffUs01", "staff-us");
    private static final UserPool PROD_POOL = new UserPool("eu-central-1_Prod0001", "prod-pool");

    @TempDir
    Path dir;

    private final FakeUserDirectory directory = new FakeUserDirectory()
            .addPools("default", "eu-west-1", DEFAULT_POOL)
            .addPools("staff", "eu-central-1", STAFF_POOL, STAFF_OTHER)
            .addPools("staff", "us-east-1", STAFF_US)
            .addPools("prod", "eu-central-1", PROD_POOL);
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final MapMemory memory = new MapMemory();
    private ProfileCatalog catalog;

    @BeforeEach
    void writeAwsFiles() throws IOException {
        catalog = AwsFiles.catalog(dir, CONFIG, null);
    }

    private ConnectionViewModel viewModel() {
        return viewModel(catalog);
    }

    private ConnectionViewModel viewModel(ProfileCatalog profiles) {
        return new ConnectionViewModel(profiles, KNOWN_REGIONS, directory, executor, notifier, memory);
    }

    /** A view model whose memory holds {@code staff} as the profile used last, with this region and pool. */
    private ConnectionViewModel staffUsedLastIn(String region, String poolId) {
        memory.lastProfile = "staff";
        memory.connections.put("staff", new Last(region, poolId));
        return viewModel();
    }

    /** A view model that has loaded the profiles. */
    private ConnectionViewModel loaded(ConnectionViewModel vm) {
        vm.loadProfiles();
        return vm;
    }

    private static String selectedPoolId(ConnectionViewModel vm) {
        return vm.selectionProperty().get() == null ? null : vm.selectionProperty().get().poolId();
    }

    @Nested
    class Profile {

        @Test
        void theProfileUsedLastIsPreselectedOverDefault() {
            memory.lastProfile = "staff";
            ConnectionViewModel vm = viewModel();

            vm.loadProfiles();

            assertThat(vm.profileProperty().get().name()).isEqualTo("staff");
            assertThat(vm.connectionProperty().get().profile().name()).isEqualTo("staff");
            assertThat(directory.calls(LIST_POOLS)).extracting(FakeUserDirectory.Call::profile)
                    .as("the default profile's pools are never listed").containsExactly("staff");
        }

        @Test
        void aProfileUsedLastThatIsGoneFallsBackToDefault() {
            memory.lastProfile = "deleted";
            ConnectionViewModel vm = viewModel();

            vm.loadProfiles();

            assertThat(vm.profileProperty().get().name()).isEqualTo("default");
        }

        @Test
        void awsProfileWinsOverTheProfileUsedLast() {
            memory.lastProfile = "staff";

            AwsFiles.withAwsProfile("prod", dir, () -> {
                ConnectionViewModel vm = loaded(viewModel(ProfileCatalog.fromEnvironment()));

                assertThat(vm.profiles()).extracting(AwsProfile::name).containsExactly("default", "prod", "staff");
                assertThat(vm.profileProperty().get().name()).isEqualTo("prod");
            });
        }

        @Test
        void anAwsProfileThatNamesNoProfileLeavesTheProfileUsedLast() {
            memory.lastProfile = "staff";

            AwsFiles.withAwsProfile("typo", dir, () -> {
                ConnectionViewModel vm = loaded(viewModel(ProfileCatalog.fromEnvironment()));

                assertThat(vm.profileProperty().get().name()).isEqualTo("staff");
            });
        }
    }

    @Nested
    class Region {

        @Test
        void theRegionUsedLastWithTheProfileWinsOverTheProfilesOwnRegion() {
            ConnectionViewModel vm = staffUsedLastIn("us-east-1", null);

            vm.loadProfiles();

            assertThat(vm.regionProperty().get()).isEqualTo("us-east-1");
            assertThat(vm.pools()).containsExactly(STAFF_US);
            assertThat(directory.calls(LIST_POOLS)).extracting(FakeUserDirectory.Call::region)
                    .as("the profile's own region is never listed").containsExactly("us-east-1");
        }

        @Test
        void aRegionUsedLastOutsideTheKnownListIsOfferedFirst() {
            ConnectionViewModel vm = staffUsedLastIn("ap-southeast-7", null);

            vm.loadProfiles();

            assertThat(vm.regionProperty().get()).isEqualTo("ap-southeast-7");
            assertThat(vm.regions()).first().isEqualTo("ap-southeast-7");
        }

        @Test
        void eachProfileGetsItsOwnRegionUsedLast() {
            ConnectionViewModel vm = staffUsedLastIn("us-east-1", null);
            vm.loadProfiles();

            vm.profileProperty().set(profileNamed(vm, "prod"));

            assertThat(vm.regionProperty().get()).as("prod has no memory: its own region").isEqualTo("eu-central-1");

            vm.profileProperty().set(profileNamed(vm, "staff"));

            assertThat(vm.regionProperty().get()).isEqualTo("us-east-1");
        }
    }

    @Nested
    class Pool {

        @Test
        void thePoolUsedLastIsSelectedOnceThePoolsAreListed() {
            ConnectionViewModel vm = staffUsedLastIn("eu-central-1", STAFF_OTHER.id());
            executor.holdWork();

            vm.loadProfiles();

            assertThat(vm.selectionProperty().get()).as("not before the list is in").isNull();

            executor.runAll();

            assertThat(vm.selectionProperty().get().pool()).isEqualTo(STAFF_OTHER);
            assertThat(vm.selectionProperty().get().connection()).isEqualTo(vm.connectionProperty().get());
        }

        @Test
        void aPoolUsedLastThatIsNoLongerListedIsNotSelected() {
            ConnectionViewModel vm = staffUsedLastIn("eu-central-1", "eu-central-1_Deleted01");

            vm.loadProfiles();

            assertThat(vm.pools()).containsExactly(STAFF_POOL, STAFF_OTHER);
            assertThat(vm.selectionProperty().get()).isNull();
            assertThat(vm.poolIdProblemProperty().get()).isNull();
            assertThat(memory.remembered).as("nothing new to remember").isEmpty();
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void aPoolUsedLastInAnotherRegionIsNotSelectedHere() {
            ConnectionViewModel vm = staffUsedLastIn("us-east-1", STAFF_US.id());
            vm.loadProfiles();
            assertThat(selectedPoolId(vm)).isEqualTo(STAFF_US.id());

            vm.regionProperty().set("eu-central-1");

            assertThat(vm.pools()).containsExactly(STAFF_POOL, STAFF_OTHER);
            assertThat(vm.selectionProperty().get()).isNull();

            vm.regionProperty().set("us-east-1");

            assertThat(selectedPoolId(vm)).as("back in its region, it comes back").isEqualTo(STAFF_US.id());
        }

        @Test
        void switchingProfilesRestoresEachProfilesPool() {
            memory.lastProfile = "staff";
            memory.connections.put("staff", new Last("eu-central-1", STAFF_OTHER.id()));
            memory.connections.put("prod", new Last("eu-central-1", PROD_POOL.id()));
            ConnectionViewModel vm = loaded(viewModel());

            vm.profileProperty().set(profileNamed(vm, "prod"));

            assertThat(vm.selectionProperty().get().pool()).isEqualTo(PROD_POOL);

            vm.profileProperty().set(profileNamed(vm, "staff"));

            assertThat(vm.selectionProperty().get().pool()).isEqualTo(STAFF_OTHER);
        }

        @Test
        void aManualReloadAfterTheOperatorClearedThePoolDoesNotBringItBack() {
            ConnectionViewModel vm = staffUsedLastIn("eu-central-1", STAFF_OTHER.id());
            vm.loadProfiles();
            vm.choosePool(null);

            vm.reloadPools();

            assertThat(directory.calls(LIST_POOLS)).hasSize(2);
            assertThat(vm.pools()).containsExactly(STAFF_POOL, STAFF_OTHER);
            assertThat(vm.selectionProperty().get()).isNull();
        }

        @Test
        void aPoolTheOperatorPicksWhileTheListLoadsIsKept() {
            ConnectionViewModel vm = staffUsedLastIn("eu-central-1", STAFF_OTHER.id());
            executor.holdWork();
            vm.loadProfiles();

            vm.choosePoolId(STAFF_POOL.id());
            executor.runAll();

            assertThat(selectedPoolId(vm)).isEqualTo(STAFF_POOL.id());
        }

        @Test
        void aPoolPickedWhileTheListLoadedThenClearedStaysClearedOnReload() {
            ConnectionViewModel vm = staffUsedLastIn("eu-central-1", STAFF_OTHER.id());
            executor.holdWork();
            vm.loadProfiles();
            vm.choosePoolId(STAFF_POOL.id());
            executor.runAll();
            vm.choosePool(null);

            vm.reloadPools();
            executor.runAll();

            assertThat(vm.selectionProperty().get()).as("the operator's clearing stands").isNull();
        }

        @Test
        void aFailedListingRestoresThePoolWhenItsRetrySucceeds() {
            memory.lastProfile = "staff";
            memory.connections.put("staff", new Last("eu-central-1", STAFF_OTHER.id()));
            directory.failNext(LIST_POOLS, new ConsoleFailure.TooManyRequests(LIST_POOLS,
                    "Rate exceeded", "req-1", null));
            ConnectionViewModel vm = loaded(viewModel());
            assertThat(vm.selectionProperty().get()).isNull();

            notifier.press("Retry");

            assertThat(vm.selectionProperty().get().pool()).isEqualTo(STAFF_OTHER);
        }
    }

    @Nested
    class Remembering {

        @Test
        void choosingAPoolRemembersProfileRegionAndPool() {
            ConnectionViewModel vm = loaded(viewModel());

            vm.choosePool(DEFAULT_POOL);

            assertThat(memory.remembered).containsExactly(new Remembered("default", "eu-west-1", DEFAULT_POOL.id()));
        }

        @Test
        void aTypedPoolIdIsRememberedStripped() {
            ConnectionViewModel vm = loaded(viewModel());

            vm.choosePoolId("  eu-west-1_Typed9 ");

            assertThat(memory.remembered).containsExactly(new Remembered("default", "eu-west-1", "eu-west-1_Typed9"));
        }

        @Test
        void anInvalidIdOrClearingRemembersNothing() {
            ConnectionViewModel vm = loaded(viewModel());

            vm.choosePoolId("not-a-pool-id");
            vm.choosePool(null);

            assertThat(memory.remembered).isEmpty();
        }

        @Test
        void choosingTheSamePoolAgainRemembersItOnce() {
            ConnectionViewModel vm = loaded(viewModel());

            vm.choosePool(DEFAULT_POOL);
            vm.choosePoolId(DEFAULT_POOL.id());

            assertThat(memory.remembered).hasSize(1);
        }

        @Test
        void theRegionAndProfileOfTheChoiceAreRememberedForTheNextStart() {
            ConnectionViewModel vm = loaded(viewModel());
            vm.profileProperty().set(profileNamed(vm, "staff"));
            vm.regionProperty().set("us-east-1");

            vm.choosePool(STAFF_US);

            assertThat(memory.remembered).containsExactly(new Remembered("staff", "us-east-1", STAFF_US.id()));
            directory.forgetCalls();
            ConnectionViewModel nextStart = viewModel();
            nextStart.loadProfiles();
            assertThat(nextStart.profileProperty().get().name()).isEqualTo("staff");
            assertThat(nextStart.regionProperty().get()).isEqualTo("us-east-1");
            assertThat(selectedPoolId(nextStart)).isEqualTo(STAFF_US.id());
            assertThat(directory.calls(LIST_POOLS)).hasSize(1);
        }
    }

    record Remembered(String profile, String region, String poolId) {
    }

    record Last(String region, String poolId) {
    }

    /** Remembers as the settings file does: the last profile, and per profile one region and pool. */
    static final class MapMemory implements ConnectionMemory {
        String lastProfile;
        final Map<String, Last> connections = new HashMap<>();
        final List<Remembered> remembered = new ArrayList<>();

        @Override
        public Optional<String> lastProfile() {
            return Optional.ofNullable(lastProfile);
        }

        @Override
        public Optional<String> lastRegion(String profile) {
            return Optional.ofNullable(connections.get(profile)).map(Last::region);
        }

        @Override
        public Optional<String> lastPool(String profile, String region) {
            return Optional.ofNullable(connections.get(profile))
                    .filter(last -> Objects.equals(last.region(), region))
                    .map(Last::poolId);
        }

        @Override
        public void remember(String profile, String region, String poolId) {
            remembered.add(new Remembered(profile, region, poolId));
            lastProfile = profile;
            connections.put(profile, new Last(region, poolId));
        }
    }
}
