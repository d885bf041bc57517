package dev.cognitoconsole.find;

import static dev.cognitoconsole.testing.FakeUserDirectory.LIST_POOLS;
import static dev.cognitoconsole.testing.FakeUserDirectory.LIST_USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.DirectExecutorService;
import dev.cognitoconsole.testing.FakeUserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class FindViewModelTest {
    private static final AwsProfile SUPPORT = new AwsProfile("support", "eu-west-1", null, ProfileKind.SSO);
    private static final AwsProfile PROD = new AwsProfile("prod", "us-east-1", null, ProfileKind.STATIC_KEYS);
    private static final Connection SUPPORT_EU = new Connection(SUPPORT, "eu-west-1");
    private static final UserPool CUSTOMERS = new UserPool("eu-west-1_Cust01", "customers");
    private static final UserPool STAFF = new UserPool("eu-west-1_Staff01", "staff");
    private static final UserPool ORDERS = new UserPool("us-east-1_Orders1", "orders");
    private static final List<String> REGIONS = List.of("af-south-1", "eu-west-1", "fips-us-east-1", "me-south-1",
            "us-east-1", "us-gov-west-1");

    private final FakeUserDirectory directory = new FakeUserDirectory()
            .addPools("support", "eu-west-1", CUSTOMERS, STAFF)
            .addPools("prod", "us-east-1", ORDERS)
            .addUsers(CUSTOMERS.id(), user("ann", "ann@example.com"), user("bob", "bob@example.com"))
            .addUsers(STAFF.id(), user("ann.staff", "ann@example.com"))
            .addUsers(ORDERS.id(), user("ann-orders", "ann@example.com"));
    private final SimpleObjectProperty<Connection> current = new SimpleObjectProperty<>(SUPPORT_EU);
    private final ObservableList<AwsProfile> profiles = FXCollections.observableArrayList(SUPPORT, PROD);
    private final SettingsService settings = SettingsService.inMemory();
    private final List<Connection> askedWho = new ArrayList<>();

    private FindViewModel viewModel(Function<Connection, Optional<CallerIdentity>> callers) {
        return new FindViewModel(new PoolLists(directory), directory, callers, new CurrentThreadTaskExecutor(),
                new DirectExecutorService(), current, profiles, REGIONS, settings);
    }

    private FindViewModel viewModel() {
        return viewModel(place -> {
            askedWho.add(place);
            return Optional.of(new CallerIdentity("arn:aws:iam::111122223333:user/ops",
                    place.profile() == PROD ? "999988887777" : "111122223333"));
        });
    }

    private static PoolUser user(String username, String email) {
        return new PoolUser(username, "sub-" + username, email, true, "CONFIRMED", Instant.EPOCH, Instant.EPOCH,
                Map.of("email", email));
    }

    private static List<String> found(FindViewModel model) {
        return model.results().stream().map(f -> f.pool().id() + "/" + f.user().username()).toList();
    }

    @Test
    void anEmailIsSearchedAsAnEmailInEveryPoolOfTheCurrentPlace() {
        FindViewModel model = viewModel();
        model.textProperty().set(" ann@example.com ");

        model.find();

        assertThat(found(model)).containsExactlyInAnyOrder(CUSTOMERS.id() + "/ann", STAFF.id() + "/ann.staff");
        assertThat(model.searchedProperty().get()).isEqualTo(new UserFilter(UserFilter.Attribute.EMAIL,
                UserFilter.Match.STARTS_WITH, "ann@example.com"));
        assertThat(model.results()).allSatisfy(f -> {
            assertThat(f.account()).isEqualTo("111122223333");
            assertThat(f.profile()).isEqualTo("support");
            assertThat(f.region()).isEqualTo("eu-west-1");
        });
        assertThat(model.summaryProperty().get()).isEqualTo("2 users found in 2 pools (all searched).");
        assertThat(model.progressTextProperty().get()).isEqualTo("2 of 2 pools");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.notSearched()).isEmpty();
    }

    @Test
    void theOperatorsAttributeAndMatchWinOverTheGuess() {
        FindViewModel model = viewModel();
        model.textProperty().set("ann");
        model.attributeProperty().set(UserFilter.Attribute.USERNAME);
        model.matchProperty().set(UserFilter.Match.EXACT);

        model.find();

        assertThat(model.guessedProperty().get()).isEqualTo(UserFilter.Attribute.USERNAME);
        assertThat(found(model)).containsExactly(CUSTOMERS.id() + "/ann");
        assertThat(directory.lastFilter()).isEqualTo(new UserFilter(UserFilter.Attribute.USERNAME,
                UserFilter.Match.EXACT, "ann"));
    }

    @Test
    void chosenProfilesAreSearchedEachInItsRegionAndRemembered() {
        FindViewModel model = viewModel();
        model.scopeProperty().set(new FindScope(FindScope.Mode.CHOSEN, List.of(
                new FindScope.Chosen("support", false), new FindScope.Chosen("prod", false))));
        model.textProperty().set("ann@");

        model.find();

        assertThat(found(model)).containsExactlyInAnyOrder(CUSTOMERS.id() + "/ann", STAFF.id() + "/ann.staff",
                ORDERS.id() + "/ann-orders");
        assertThat(model.results()).filteredOn(f -> f.pool().equals(ORDERS))
                .singleElement().satisfies(f -> assertThat(f.account()).isEqualTo("999988887777"));
        assertThat(settings.get().findScope()).isEqualTo(new dev.cognitoconsole.settings.Settings.FindScope(
                "CHOSEN", List.of(new dev.cognitoconsole.settings.Settings.FindProfile("support", false),
                new dev.cognitoconsole.settings.Settings.FindProfile("prod", false))));
        assertThat(FindScope.fromSettings(settings.get().findScope())).isEqualTo(model.scopeProperty().get());
    }

    @Test
    void allRegionsMeansTheCommercialRegionsOnceEach() {
        FindViewModel model = viewModel();
        model.scopeProperty().set(FindScope.DEFAULT.withMode(FindScope.Mode.CURRENT_ALL_REGIONS));
        model.textProperty().set("ann");

        model.find();

        assertThat(directory.calls(LIST_POOLS)).extracting(FakeUserDirectory.Call::region)
                .containsExactlyInAnyOrder("af-south-1", "eu-west-1", "me-south-1", "us-east-1");
    }

    @Test
    void everyUserOfAPrefixIsFoundOnceAcrossPagesAndPools() {
        directory.usersPageSize(7);
        directory.addUsers(CUSTOMERS.id(), FakeUserDirectory.users("carol", 40));
        directory.addUsers(STAFF.id(), FakeUserDirectory.users("carol-staff", 30));
        FindViewModel model = viewModel();
        model.textProperty().set("carol");

        model.find();

        assertThat(model.results()).hasSize(70);
        assertThat(found(model)).doesNotHaveDuplicates();
        assertThat(model.summaryProperty().get()).isEqualTo("70 users found in 2 pools (all searched).");
    }

    @Test
    void thePoolListsAreKeptUntilRefreshed() {
        FindViewModel model = viewModel();
        model.textProperty().set("ann");
        model.find();
        model.find();

        assertThat(directory.calls(LIST_POOLS)).hasSize(1);
        assertThat(directory.calls(LIST_USERS)).hasSize(4);
        assertThat(askedWho).as("the account is asked once per profile").hasSize(1);

        model.refreshPools();
        model.find();
        assertThat(directory.calls(LIST_POOLS)).hasSize(2);
    }

    @Test
    void aPoolThatFailsIsNamedWithItsReasonAndTheSearchGoesOnElsewhere() {
        directory.onCall(LIST_USERS, call -> {
            if (call.poolId().equals(STAFF.id())) {
                throw new ConsoleFailure.AccessDenied(LIST_USERS, "AccessDeniedException",
                        "not authorized to perform: cognito-idp:ListUsers", "req-1", null);
            }
        });
        FindViewModel model = viewModel();
        model.textProperty().set("ann@example.com");

        model.find();

        assertThat(found(model)).containsExactly(CUSTOMERS.id() + "/ann");
        assertThat(model.notSearched()).singleElement().satisfies(line -> {
            assertThat(line.where()).isEqualTo("Pool staff  (eu-west-1_Staff01) · support · eu-west-1");
            assertThat(line.reason()).contains("may not call cognito-idp:ListUsers");
            assertThat(line.fix()).contains("Ask your AWS administrator");
        });
        assertThat(model.summaryProperty().get()).startsWith("Searched 1 of 2 pools: 1 user found there.")
                .contains("See Not searched");
    }

    @Test
    void anExpiredSsoProfileIsOneLineOfferingSignInWhichSearchesAgain() {
        directory.onCall(LIST_POOLS, call -> {
            if (call.profile().equals("support")) {
                throw new ConsoleFailure.CredentialsUnavailable(LIST_POOLS, null, "support", true,
                        "Token is expired", null, null);
            }
        });
        List<Notice.SignInRequest> signIns = new ArrayList<>();
        FindViewModel model = viewModel();
        model.setSignIn(signIns::add);
        model.scopeProperty().set(new FindScope(FindScope.Mode.CHOSEN, List.of(
                new FindScope.Chosen("support", true), new FindScope.Chosen("prod", false))));
        model.textProperty().set("ann@example.com");

        model.find();

        assertThat(found(model)).containsExactly(ORDERS.id() + "/ann-orders");
        assertThat(model.notSearched()).singleElement().satisfies(line -> {
            assertThat(line.where()).isEqualTo("Profile support (every region)");
            assertThat(line.signIn()).isNotNull();
        });
        assertThat(model.summaryProperty().get()).doesNotContainIgnoringCase("no user found")
                .contains("1 of 1 pool").contains("could not be listed");

        model.signIn(model.notSearched().get(0));
        assertThat(signIns).hasSize(1);
        int before = directory.calls(LIST_USERS).size();
        signIns.get(0).retry().run();
        assertThat(directory.calls(LIST_USERS).size()).as("the retry searches again").isGreaterThan(before);
    }

    @Test
    void regionsTheAccountHasNotEnabledShareOneLineAndTheOtherRegionsAreSearched() {
        directory.addPools("support", "us-east-1", ORDERS);
        directory.onCall(LIST_POOLS, call -> {
            if (call.region().equals("af-south-1") || call.region().equals("me-south-1")) {
                throw new ConsoleFailure.CredentialsUnavailable(LIST_POOLS, "UnrecognizedClientException", "support",
                        ConsoleFailure.CredentialsUnavailable.Recovery.SSO_SIGN_IN,
                        "The security token included in the request is invalid.", null, "req-2", null);
            }
        });
        FindViewModel model = viewModel();
        model.scopeProperty().set(FindScope.DEFAULT.withMode(FindScope.Mode.CURRENT_ALL_REGIONS));
        model.textProperty().set("ann@example.com");

        model.find();

        assertThat(found(model)).containsExactlyInAnyOrder(CUSTOMERS.id() + "/ann", STAFF.id() + "/ann.staff",
                ORDERS.id() + "/ann-orders");
        assertThat(model.notSearched()).singleElement().satisfies(line -> {
            assertThat(line.where()).isEqualTo("Regions af-south-1, me-south-1 · profile support");
            assertThat(line.reason()).contains("not enabled for the account");
            assertThat(line.fix()).contains("Enable the region");
        });
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsCalled() {
        FindViewModel model = viewModel();
        model.textProperty().set("   ");
        model.find();
        assertThat(model.problemProperty().get()).isEqualTo("Type the start of the username to search for.");

        current.set(null);
        model.textProperty().set("ann");
        model.find();
        assertThat(model.problemProperty().get()).isEqualTo("Pick a profile and a region first.");
        assertThat(directory.calls()).isEmpty();
    }

    @Test
    void openingAResultHandsItToTheOpener() {
        List<FoundUser> opened = new ArrayList<>();
        FindViewModel model = viewModel();
        model.setOpener(opened::add);
        model.textProperty().set("bob@");
        model.find();

        model.open(model.results().get(0));

        assertThat(opened).extracting(f -> f.selection().poolId(), f -> f.user().username())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CUSTOMERS.id(), "bob"));
    }

    @Test
    void aLateResultFromAStoppedSearchNeverShowsInTheNextOne() throws InterruptedException {
        CountDownLatch lateCallStarted = new CountDownLatch(1);
        CountDownLatch releaseLateCall = new CountDownLatch(1);
        CountDownLatch lateCallAnswered = new CountDownLatch(1);
        directory.onCall(LIST_USERS, call -> {
            if (directory.lastFilter() == null || !"ann".equals(directory.lastFilter().value())) {
                return;
            }
            lateCallStarted.countDown();
            // Stop interrupts the call; it answers anyway, late, as a call already on the wire would.
            boolean interrupted = false;
            while (releaseLateCall.getCount() > 0) {
                try {
                    releaseLateCall.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            lateCallAnswered.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        LinkedBlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(uiThread::add, 2)) {
            FindViewModel model = new FindViewModel(new PoolLists(directory), directory, null, executor, workers,
                    current, profiles, REGIONS, settings);
            directory.onCall(LIST_USERS, call -> { });
            model.textProperty().set("ann");
            model.find();
            assertThat(lateCallStarted.await(10, TimeUnit.SECONDS)).isTrue();

            model.stop();
            model.textProperty().set("bob");
            model.find();
            releaseLateCall.countDown();
            assertThat(lateCallAnswered.await(10, TimeUnit.SECONDS)).isTrue();
            while (model.runningProperty().get()) {
                uiThread.take().run();
            }
            workers.shutdown();
            assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            for (Runnable update = uiThread.poll(); update != null; update = uiThread.poll()) {
                update.run();
            }

            assertThat(found(model)).containsExactly(CUSTOMERS.id() + "/bob");
        } finally {
            workers.shutdownNow();
        }
    }
}
