package dev.cognitoconsole.users;

import static dev.cognitoconsole.testing.FakeUserDirectory.LIST_USERS;
import static dev.cognitoconsole.testing.FakeUserDirectory.users;
import static dev.cognitoconsole.testing.Fixtures.CONNECTION;
import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserFilter.Attribute;
import dev.cognitoconsole.model.UserFilter.Match;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.MutableClock;
import dev.cognitoconsole.testing.RecordingDialogService;
import dev.cognitoconsole.testing.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Large-pool listing through {@link UsersViewModel}: batching, Stop / Continue, throttling, search, sort. */
class UserListingTest {

    private static final Duration ONE_PUBLISH_INTERVAL = UserListing.PUBLISH_INTERVAL;

    private final FakeUserDirectory directory = new FakeUserDirectory();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final AtomicLong nanoClock = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();
    private final MutableClock wallClock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final UsersViewModel vm = new UsersViewModel(directory, executor, notifier, dialogs, nanoClock::get,
            sleeps::add, wallClock);

    private List<String> names() {
        return vm.rows().stream().map(r -> r.getUser().username()).toList();
    }

    private List<String> visibleNames() {
        return vm.visibleRows().stream().map(r -> r.getUser().username()).toList();
    }

    private static List<String> namesOf(List<PoolUser> poolUsers) {
        return poolUsers.stream().map(PoolUser::username).toList();
    }

    private List<String> listUsersTokens() {
        return directory.calls(LIST_USERS).stream().map(FakeUserDirectory.Call::argument).toList();
    }

    /** Each page takes one publish interval on the fake clock, so every page reaches the table on arrival. */
    private void everyPageTakesOneInterval() {
        directory.onCall(LIST_USERS, call -> nanoClock.addAndGet(ONE_PUBLISH_INTERVAL.toNanos()));
    }

    /** The operator presses Stop while the page with this token is on the wire (once). */
    private void stopOnceWhileRequesting(String token) {
        boolean[] pressed = {false};
        directory.onCall(LIST_USERS, call -> {
            if (!pressed[0] && token.equals(call.argument())) {
                pressed[0] = true;
                vm.stop();
            }
        });
    }

    private static ConsoleFailure.TooManyRequests throttled() {
        return new ConsoleFailure.TooManyRequests(LIST_USERS, "Rate exceeded", "req-throttle", null);
    }

    /** Nine users, two per page, stopped after the first two pages reached the table. */
    private void loadNineAndStopAfterFourRows() {
        directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 9));
        everyPageTakesOneInterval();
        stopOnceWhileRequesting("users-2-4");
        vm.show(POOL_A);
        assertThat(names()).containsExactly("a0001", "a0002", "a0003", "a0004");
    }

    @Nested
    class StopAndContinue {

        @Test
        void stopMidLoadKeepsTheRowsAndOffersContinue() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 9));
            everyPageTakesOneInterval();
            stopOnceWhileRequesting("users-2-4");
            executor.holdWork();
            vm.show(POOL_A);

            executor.runNext();

            assertThat(names()).as("the pages that reached the table stay")
                    .containsExactly("a0001", "a0002", "a0003", "a0004");
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(vm.canContinueProperty().get()).isTrue();
            assertThat(vm.countTextProperty().get()).isEqualTo("4 users, more in the pool");
            assertThat(vm.activityProperty().get()).contains("Stopped");
            assertThat(executor.pending()).as("nothing more is asked of Cognito").isZero();
            assertThat(listUsersTokens()).containsExactly(null, "users-1-2", "users-2-4");
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void stopBeforeTheFirstPageLeavesNothingToContinue() {
            directory.addUsers(POOL_A.poolId(), users("a", 3));
            executor.holdWork();
            vm.show(POOL_A);

            vm.stop();
            executor.runAll();

            assertThat(vm.rows()).isEmpty();
            assertThat(vm.canContinueProperty().get()).isFalse();
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(directory.calls(LIST_USERS)).isEmpty();
        }

        @Test
        void continueResumesAfterTheLastPageShownAndEveryUserAppearsOnceInOrder() {
            loadNineAndStopAfterFourRows();
            directory.forgetCalls();
            executor.holdWork();

            vm.continueLoading();

            assertThat(vm.loadingProperty().get()).isTrue();
            assertThat(vm.canContinueProperty().get()).isFalse();
            assertThat(vm.activityProperty().get()).as("the Stopped note is gone while the list loads again").isNull();

            executor.runAll();

            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 9)));
            assertThat(listUsersTokens()).containsExactly("users-2-4", "users-3-6", "users-4-8");
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(vm.canContinueProperty().get()).isFalse();
            assertThat(vm.countTextProperty().get()).isEqualTo("9 users");
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void rowsFetchedButNotYetShownWhenStoppedAreFetchedAgainByContinue() {
            // The clock never moves: page 2 waits to be batched when Stop comes, and is not shown.
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 7));
            stopOnceWhileRequesting("users-2-4");
            vm.show(POOL_A);
            assertThat(names()).containsExactly("a0001", "a0002");
            directory.forgetCalls();

            vm.continueLoading();

            assertThat(listUsersTokens()).first().isEqualTo("users-1-2");
            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 7)));
        }

        @Test
        void continueJustWithinTheTokenLifetimeStillResumes() {
            loadNineAndStopAfterFourRows();
            wallClock.advance(Duration.ofMinutes(54));
            directory.forgetCalls();

            vm.continueLoading();

            assertThat(listUsersTokens()).first().isEqualTo("users-2-4");
            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 9)));
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void continueAfterFiftySixMinutesOffersReloadAndCallsNothing() {
            loadNineAndStopAfterFourRows();
            wallClock.advance(Duration.ofMinutes(56));
            directory.forgetCalls();

            vm.continueLoading();

            assertThat(directory.calls(LIST_USERS)).as("an expired token is not sent").isEmpty();
            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("PaginationTokenExpired");
            assertThat(notice.severity()).isEqualTo(Notice.Severity.WARNING);
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Reload");
            assertThat(vm.canContinueProperty().get()).isFalse();
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(vm.activityProperty().get()).as("no note promising that Continue works").isNull();
            assertThat(names()).as("the loaded rows stay").hasSize(4);
        }

        @Test
        void reloadFromTheExpiredNoticeListsFromTheFirstPage() {
            loadNineAndStopAfterFourRows();
            wallClock.advance(Duration.ofMinutes(56));
            vm.continueLoading();
            directory.forgetCalls();

            notifier.press("Reload");

            assertThat(listUsersTokens()).first().isNull();
            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 9)));
            assertThat(notifier.current()).isNull();
            assertThat(vm.countTextProperty().get()).isEqualTo("9 users");
        }

        @Test
        void aTokenRejectedMidwayThroughAResumedLoadOffersReload() {
            loadNineAndStopAfterFourRows();
            boolean[] rejected = {false};
            directory.onCall(LIST_USERS, call -> {
                if (!rejected[0] && "users-3-6".equals(call.argument())) {
                    rejected[0] = true;
                    throw new ConsoleFailure.InvalidParameter(LIST_USERS, "Invalid pagination token", "req-tok", null);
                }
            });

            vm.continueLoading();

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("PaginationTokenExpired");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Reload");
            assertThat(names()).as("rows loaded before the rejection stay").containsExactlyElementsOf(
                    namesOf(users("a", 6)));
            assertThat(vm.canContinueProperty().get()).isFalse();
            assertThat(vm.loadingProperty().get()).isFalse();

            directory.forgetCalls();
            notifier.press("Reload");

            assertThat(listUsersTokens()).first().isNull();
            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 9)));
        }

        @Test
        void anInvalidParameterOnContinueThatIsNotAboutTheTokenIsShownAsItIs() {
            loadNineAndStopAfterFourRows();
            directory.failNext(LIST_USERS, new ConsoleFailure.InvalidParameter(LIST_USERS, "Limit is out of range",
                    "req-lim", null));

            vm.continueLoading();

            assertThat(notifier.current().code()).isEqualTo("InvalidParameterException");
            assertThat(notifier.current().requestId()).isEqualTo("req-lim");
        }
    }

    @Nested
    class Throttling {

        @Test
        void throttledPagesAreRetriedQuietlyWithGrowingWaitsAndNoRowIsLostOrDoubled() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 9));
            Set<String> throttledTokens = Set.of("users-1-2", "users-3-6");
            Map<String, Integer> attempts = new HashMap<>();
            List<String> activityOnRetry = new ArrayList<>();
            directory.onCall(LIST_USERS, call -> {
                int attempt = attempts.merge(String.valueOf(call.argument()), 1, Integer::sum);
                if (attempt > 1) {
                    activityOnRetry.add(vm.activityProperty().get());
                }
                if (call.argument() != null && throttledTokens.contains(call.argument()) && attempt <= 2) {
                    throw throttled();
                }
            });
            List<String> activity = new ArrayList<>();
            vm.activityProperty().addListener((obs, old, now) -> activity.add(now));

            vm.show(POOL_A);

            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 9)));
            assertThat(listUsersTokens()).containsExactly(null, "users-1-2", "users-1-2", "users-1-2",
                    "users-2-4", "users-3-6", "users-3-6", "users-3-6", "users-4-8");
            assertThat(activityOnRetry).as("while retrying, the status line says why").hasSize(4)
                    .allSatisfy(text -> assertThat(text).contains("throttling"));
            assertThat(activity).anySatisfy(text -> assertThat(text).contains("throttling"));
            assertThat(vm.activityProperty().get()).isNull();
            assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                    Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(notifier.shown()).as("absorbed throttling is not a banner").isEmpty();
            assertThat(vm.countTextProperty().get()).isEqualTo("9 users");
        }

        @Test
        void throttlingOnEveryTryEndsInARateLimitBannerAfterSixTriesKeepingTheRows() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 9));
            boolean[] quotaBack = {false};
            directory.onCall(LIST_USERS, call -> {
                if (!quotaBack[0] && "users-2-4".equals(call.argument())) {
                    throw throttled();
                }
            });

            vm.show(POOL_A);

            assertThat(listUsersTokens()).filteredOn("users-2-4"::equals).hasSize(UserListing.THROTTLE_TRIES);
            assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(4), Duration.ofSeconds(8));
            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("TooManyRequestsException");
            assertThat(notice.requestId()).isEqualTo("req-throttle");
            assertThat(notice.actions()).extracting(Notice.Action::label).contains("Retry");
            assertThat(names()).as("the rows loaded so far stay").containsExactly("a0001", "a0002", "a0003", "a0004");
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(vm.activityProperty().get()).isNull();
            assertThat(vm.canContinueProperty().get()).isTrue();
            assertThat(vm.countTextProperty().get()).isEqualTo("4 users, more in the pool");

            quotaBack[0] = true;
            directory.forgetCalls();
            vm.continueLoading();

            assertThat(listUsersTokens()).first().isEqualTo("users-2-4");
            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 9)));
            assertThat(notifier.current()).as("the stale rate-limit banner is gone").isNull();
        }

        @Test
        void retryOnTheRateLimitBannerContinuesWhereTheListStopped() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 5));
            boolean[] quotaBack = {false};
            directory.onCall(LIST_USERS, call -> {
                if (!quotaBack[0] && "users-1-2".equals(call.argument())) {
                    throw throttled();
                }
            });
            vm.show(POOL_A);
            quotaBack[0] = true;
            directory.forgetCalls();

            notifier.press("Retry");

            assertThat(listUsersTokens()).containsExactly("users-1-2", "users-2-4");
            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 5)));
        }
    }

    // Four users whose attributes differ, so that each search attribute picks its own subset.
    private static final List<PoolUser> PEOPLE = List.of(
            person("jdoe42", "CONFIRMED", true, "john@example.com", "+15550100001", "John Doe", "John", "Doe",
                    "johnny", "0f3c-aaaa"),
            person("msmith", "UNCONFIRMED", false, "mary@example.org", "+447700900002", "Mary Smith", "Mary",
                    "Smith", "mary", "7b21-bbbb"),
            person("kwong", "FORCE_CHANGE_PASSWORD", true, "kate.wong@example.com", "+15550100003", "Kate Wong",
                    "Kate", "Wong", "katie", "c9d8-cccc"),
            person("jdoe7", "CONFIRMED", false, "jane@example.com", "+61255500004", "Jane Doe", "Jane", "Doe",
                    "jane", "e5f6-dddd"));

    private static PoolUser person(String username, String status, boolean enabled, String email, String phone,
                                   String name, String given, String family, String preferred, String sub) {
        Map<String, String> attributes = Map.of("email", email, "phone_number", phone, "name", name,
                "given_name", given, "family_name", family, "preferred_username", preferred, "sub", sub);
        return new PoolUser(username, sub, email, enabled, status, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"), attributes);
    }

    private void showPeople() {
        directory.addUsers(POOL_A.poolId(), PEOPLE);
        vm.show(POOL_A);
        directory.forgetCalls();
    }

    @Nested
    class Search {

        static Stream<Arguments> oneSearchPerAttribute() {
            return Stream.of(
                    Arguments.of(new UserFilter(Attribute.USERNAME, Match.STARTS_WITH, "jdoe"), List.of("jdoe42", "jdoe7")),
                    Arguments.of(new UserFilter(Attribute.EMAIL, Match.EXACT, "mary@example.org"), List.of("msmith")),
                    Arguments.of(new UserFilter(Attribute.PHONE_NUMBER, Match.STARTS_WITH, "+1555"),
                            List.of("jdoe42", "kwong")),
                    Arguments.of(new UserFilter(Attribute.NAME, Match.EXACT, "Kate Wong"), List.of("kwong")),
                    Arguments.of(new UserFilter(Attribute.GIVEN_NAME, Match.STARTS_WITH, "Ja"), List.of("jdoe7")),
                    Arguments.of(new UserFilter(Attribute.FAMILY_NAME, Match.EXACT, "Doe"), List.of("jdoe42", "jdoe7")),
                    Arguments.of(new UserFilter(Attribute.PREFERRED_USERNAME, Match.STARTS_WITH, "ma"), List.of("msmith")),
                    Arguments.of(new UserFilter(Attribute.SUB, Match.EXACT, "c9d8-cccc"), List.of("kwong")),
                    Arguments.of(new UserFilter(Attribute.CONFIRMATION_STATUS, Match.EXACT, "CONFIRMED"),
                            List.of("jdoe42", "jdoe7")),
                    Arguments.of(new UserFilter(Attribute.ENABLED_STATE, Match.EXACT, "Disabled"),
                            List.of("msmith", "jdoe7")));
        }

        @Test
        void theSearchesBelowCoverEveryAttribute() {
            assertThat(oneSearchPerAttribute().map(a -> ((UserFilter) a.get()[0]).attribute()))
                    .containsExactlyInAnyOrder(Attribute.values());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("oneSearchPerAttribute")
        void eachAttributeIsSearchedOnTheServerAndOnlyMatchesAreListed(UserFilter filter, List<String> matches) {
            directory.usersPageSize(1);
            showPeople();

            vm.search(filter);

            assertThat(directory.lastFilter()).as("the filter reaches ListUsers, on every page").isEqualTo(filter);
            assertThat(listUsersTokens()).as("a search lists from the first page").first().isNull();
            assertThat(directory.calls(LIST_USERS)).hasSize(matches.size());
            assertThat(names()).containsExactlyElementsOf(matches);
            assertThat(vm.searchProperty().get()).isEqualTo(filter);
            assertThat(vm.searchProblemProperty().get()).isNull();
            assertThat(vm.countTextProperty().get()).isEqualTo(
                    (matches.size() == 1 ? "1 user" : matches.size() + " users") + " matching " + filter.describe());
        }

        static Stream<Arguments> invalidSearches() {
            return Stream.of(
                    Arguments.of("an empty exact value", new UserFilter(Attribute.EMAIL, Match.EXACT, ""),
                            "Type the exact email"),
                    Arguments.of("a value holding a tab", new UserFilter(Attribute.USERNAME, Match.STARTS_WITH, "jd\toe"),
                            "control character"),
                    Arguments.of("an over-long value", new UserFilter(Attribute.EMAIL, Match.STARTS_WITH, "a".repeat(250)),
                            "too long"),
                    Arguments.of("Maybe for Enabled / Disabled", new UserFilter(Attribute.ENABLED_STATE, Match.EXACT,
                            "Maybe"), "Enabled, Disabled"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidSearches")
        void anInvalidSearchExplainsWhyAndCallsNothing(String what, UserFilter filter, String explanation) {
            showPeople();

            vm.search(filter);

            assertThat(vm.searchProblemProperty().get()).contains(explanation);
            assertThat(directory.calls()).isEmpty();
            assertThat(vm.searchProperty().get()).isNull();
            assertThat(names()).as("the table is left as it was").containsExactlyElementsOf(namesOf(PEOPLE));
            assertThat(vm.loadingProperty().get()).isFalse();
        }

        @Test
        void aValidSearchAfterAnInvalidOneClearsTheProblem() {
            showPeople();
            vm.search(new UserFilter(Attribute.EMAIL, Match.EXACT, ""));

            vm.search(new UserFilter(Attribute.EMAIL, Match.EXACT, "john@example.com"));

            assertThat(vm.searchProblemProperty().get()).isNull();
            assertThat(names()).containsExactly("jdoe42");
        }

        @Test
        void clearSearchListsEveryoneAgain() {
            showPeople();
            vm.search(new UserFilter(Attribute.FAMILY_NAME, Match.EXACT, "Doe"));
            assertThat(names()).containsExactly("jdoe42", "jdoe7");
            directory.forgetCalls();

            vm.clearSearch();

            assertThat(vm.searchProperty().get()).isNull();
            assertThat(directory.lastFilter()).isNull();
            assertThat(listUsersTokens()).first().isNull();
            assertThat(names()).containsExactlyElementsOf(namesOf(PEOPLE));
            assertThat(vm.countTextProperty().get()).isEqualTo("4 users");
        }

        @Test
        void clearSearchWithNoSearchInForceCallsNothing() {
            showPeople();

            vm.clearSearch();

            assertThat(directory.calls()).isEmpty();
        }

        @Test
        void searchingWithNoPoolAsksForOne() {
            vm.search(new UserFilter(Attribute.USERNAME, Match.STARTS_WITH, "jdoe"));

            assertThat(vm.searchProblemProperty().get()).isEqualTo("Pick a pool first.");
            assertThat(directory.calls()).isEmpty();
            assertThat(vm.searchProperty().get()).isNull();
        }
    }

    @Nested
    class QuickFilter {

        @Test
        void narrowsTheVisibleRowsByUsernameEmailNameOrSubIgnoringCase() {
            showPeople();

            vm.quickFilterProperty().set("JDOE");
            assertThat(visibleNames()).as("by username").containsExactly("jdoe42", "jdoe7");
            assertThat(vm.countTextProperty().get()).isEqualTo("2 shown of 4 users");

            vm.quickFilterProperty().set("EXAMPLE.ORG");
            assertThat(visibleNames()).as("by email").containsExactly("msmith");
            assertThat(vm.countTextProperty().get()).isEqualTo("1 shown of 4 users");

            vm.quickFilterProperty().set("kate w");
            assertThat(visibleNames()).as("by name").containsExactly("kwong");

            vm.quickFilterProperty().set("E5F6-DDDD");
            assertThat(visibleNames()).as("by sub").containsExactly("jdoe7");

            vm.quickFilterProperty().set("nobody");
            assertThat(visibleNames()).isEmpty();
            assertThat(vm.countTextProperty().get()).isEqualTo("0 shown of 4 users");

            assertThat(vm.rows()).as("the loaded rows are untouched").hasSize(4);
            assertThat(directory.calls()).as("the quick filter never calls Cognito").isEmpty();
        }

        @Test
        void clearingTheFilterShowsEveryRowAgain() {
            showPeople();
            vm.quickFilterProperty().set("jdoe");

            vm.quickFilterProperty().set("");

            assertThat(visibleNames()).containsExactlyElementsOf(namesOf(PEOPLE));
            assertThat(vm.countTextProperty().get()).isEqualTo("4 users");
        }

        @Test
        void blankTextFiltersNothing() {
            showPeople();

            vm.quickFilterProperty().set("   ");

            assertThat(vm.visibleRows()).hasSize(4);
            assertThat(vm.countTextProperty().get()).isEqualTo("4 users");
        }

        @Test
        void rowsArrivingLaterAreFilteredToo() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 5)).addUsers(POOL_A.poolId(), PEOPLE);
            vm.quickFilterProperty().set("kwong");

            vm.show(POOL_A);

            assertThat(visibleNames()).containsExactly("kwong");
            assertThat(vm.countTextProperty().get()).isEqualTo("1 shown of 9 users");
        }
    }

    private static final SortKey.Order USERNAME_UP = new SortKey.Order(SortKey.USERNAME, true);
    private static final SortKey.Order USERNAME_DOWN = new SortKey.Order(SortKey.USERNAME, false);

    private static PoolUser dated(String username, String status, String created) {
        return new PoolUser(username, "sub-" + username, username + "@example.com", true, status,
                created == null ? null : Instant.parse(created), null, Map.of());
    }

    // Loaded in this order; the names differ in case, and two users have no creation date.
    private static final List<PoolUser> UNSORTED = List.of(
            dated("carol", "CONFIRMED", "2024-03-01T00:00:00Z"),
            dated("Alice", "UNCONFIRMED", null),
            dated("bob", "CONFIRMED", "2024-01-01T00:00:00Z"),
            dated("dave", "UNCONFIRMED", "2024-02-01T00:00:00Z"),
            dated("erin", "CONFIRMED", null));

    private void showUnsorted() {
        directory.addUsers(POOL_A.poolId(), UNSORTED);
        vm.show(POOL_A);
    }

    @Nested
    class Sorting {

        @Test
        void byUsernameAscendingIgnoringCase() {
            showUnsorted();

            vm.sort(List.of(USERNAME_UP));

            assertThat(names()).containsExactly("Alice", "bob", "carol", "dave", "erin");
            assertThat(vm.sortingProperty().get()).isFalse();
        }

        @Test
        void byUsernameDescending() {
            showUnsorted();

            vm.sort(List.of(USERNAME_DOWN));

            assertThat(names()).containsExactly("erin", "dave", "carol", "bob", "Alice");
        }

        @Test
        void byCreatedWithUndatedUsersLast() {
            showUnsorted();

            vm.sort(List.of(new SortKey.Order(SortKey.CREATED, true)));

            assertThat(names()).containsExactly("bob", "dave", "carol", "Alice", "erin");
        }

        @Test
        void byStatusThenUsernameDescending() {
            showUnsorted();

            vm.sort(List.of(new SortKey.Order(SortKey.STATUS, true), USERNAME_DOWN));

            assertThat(names()).containsExactly("erin", "carol", "bob", "dave", "Alice");
        }

        @Test
        void theQuickFilterKeepsTheSortedOrder() {
            showUnsorted();
            vm.quickFilterProperty().set("r");

            vm.sort(List.of(USERNAME_DOWN));

            assertThat(visibleNames()).containsExactly("erin", "carol");
        }

        @Test
        void sortingRunsAsBackgroundWork() {
            showUnsorted();
            executor.holdWork();

            vm.sort(List.of(USERNAME_UP));

            assertThat(names()).as("nothing moves before the background work ran")
                    .containsExactlyElementsOf(namesOf(UNSORTED));
            assertThat(vm.sortingProperty().get()).isTrue();
            assertThat(executor.pending()).isEqualTo(1);

            executor.runAll();

            assertThat(names()).containsExactly("Alice", "bob", "carol", "dave", "erin");
            assertThat(vm.sortingProperty().get()).isFalse();
        }

        @Test
        void aChangeConfirmedBeforeTheSortRunsIsSortedByTheStateItShows() {
            showUnsorted();
            executor.holdWork();
            vm.sort(List.of(new SortKey.Order(SortKey.ENABLED, true), USERNAME_UP));
            PoolUser carol = UNSORTED.get(0);
            PoolUser disabledCarol = new PoolUser(carol.username(), carol.sub(), carol.email(), false,
                    carol.status(), carol.created(), carol.lastModified(), carol.attributes());

            vm.showRead(POOL_A, List.of(disabledCarol));
            executor.runAll();

            assertThat(names()).as("disabled first, then by username")
                    .containsExactly("carol", "Alice", "bob", "dave", "erin");
        }

        @Test
        void rowsAppendedWhileASortRunsStayInTheTableAfterIt() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 7));
            everyPageTakesOneInterval();
            directory.onCall(LIST_USERS, call -> {
                if ("users-1-2".equals(call.argument())) {
                    vm.sort(List.of(USERNAME_DOWN)); // two rows shown; the sort waits for a worker
                } else if ("users-3-6".equals(call.argument())) {
                    throw new ConsoleFailure.InternalError(LIST_USERS, "fault", "req-f", null);
                }
            });
            executor.holdWork();
            vm.show(POOL_A);

            executor.runNext(); // the load: pages 2 and 3 arrive, then it fails
            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 6)));
            executor.runAll(); // the sort

            assertThat(names()).as("the sorted rows, then the rows that arrived meanwhile, in arrival order")
                    .containsExactly("a0002", "a0001", "a0003", "a0004", "a0005", "a0006");
            assertThat(vm.sortingProperty().get()).isFalse();
        }

        @Test
        void aSortRequestedWhileLoadingIsAppliedToEveryRowWhenTheLoadEnds() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 7));
            directory.onCall(LIST_USERS, call -> {
                if ("users-1-2".equals(call.argument())) {
                    vm.sort(List.of(USERNAME_DOWN));
                }
            });
            executor.holdWork();
            vm.show(POOL_A);

            executor.runNext(); // the load
            assertThat(vm.loadingProperty().get()).isFalse();
            executor.runAll(); // the sorts

            List<String> descending = new ArrayList<>(namesOf(users("a", 7)));
            descending.sort(Comparator.reverseOrder());
            assertThat(names()).containsExactlyElementsOf(descending);
            assertThat(vm.sortingProperty().get()).isFalse();
        }

        @Test
        void aSortChosenBeforeThePoolIsLoadedAppliesWhenItIs() {
            vm.sort(List.of(USERNAME_UP));
            directory.addUsers(POOL_A.poolId(), UNSORTED);

            vm.show(POOL_A);

            assertThat(names()).containsExactly("Alice", "bob", "carol", "dave", "erin");
        }

        @Test
        void stopWhileASortRunsStillSortsTheLoadedRowsAndEndsTheBusyState() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 9));
            everyPageTakesOneInterval();
            directory.onCall(LIST_USERS, call -> {
                if ("users-2-4".equals(call.argument())) {
                    vm.sort(List.of(USERNAME_DOWN));
                } else if ("users-3-6".equals(call.argument())) {
                    vm.stop();
                }
            });
            executor.holdWork();
            vm.show(POOL_A);

            executor.runAll();

            assertThat(names()).containsExactly("a0006", "a0005", "a0004", "a0003", "a0002", "a0001");
            assertThat(vm.sortingProperty().get()).as("no busy indicator left behind").isFalse();
            assertThat(vm.canContinueProperty().get()).isTrue();
        }

        @Test
        void aFailedReloadWhileASortRunsEndsTheBusyState() {
            showUnsorted();
            executor.holdWork();
            vm.sort(List.of(USERNAME_UP));
            directory.failNext(LIST_USERS, new ConsoleFailure.InternalError(LIST_USERS, "fault", "req-f", null));

            vm.refresh();
            executor.runAll();

            assertThat(vm.sortingProperty().get()).isFalse();
            assertThat(vm.rows()).isEmpty();
            assertThat(notifier.current().code()).isEqualTo("InternalErrorException");
        }
    }

    @Nested
    class Batching {

        private static final Duration ROUND_TRIP = Duration.ofMillis(35);

        @Test
        void atMostOneTableUpdatePerIntervalWithTheFirstPageAtOnce() {
            directory.usersPageSize(10).addUsers(POOL_A.poolId(), users("a", 300));
            List<Integer> shownWhenPageTwoWasAsked = new ArrayList<>();
            directory.onCall(LIST_USERS, call -> {
                if ("users-1-10".equals(call.argument())) {
                    shownWhenPageTwoWasAsked.add(vm.rows().size());
                }
                nanoClock.addAndGet(ROUND_TRIP.toNanos());
            });
            executor.holdWork();
            vm.show(POOL_A);
            List<Long> updateTimes = new ArrayList<>();
            List<Integer> batchSizes = new ArrayList<>();
            vm.rows().addListener((ListChangeListener<UserRow>) change -> {
                updateTimes.add(nanoClock.get());
                while (change.next()) {
                    batchSizes.add(change.getAddedSize());
                }
            });

            executor.runAll();

            assertThat(shownWhenPageTwoWasAsked).as("the first page is on screen after one round trip")
                    .containsExactly(10);
            assertThat(updateTimes.get(0)).isEqualTo(ROUND_TRIP.toNanos());
            for (int i = 1; i < updateTimes.size() - 1; i++) {
                assertThat(updateTimes.get(i) - updateTimes.get(i - 1))
                        .as("time between table updates %d and %d", i - 1, i)
                        .isGreaterThanOrEqualTo(ONE_PUBLISH_INTERVAL.toNanos());
            }
            long elapsed = nanoClock.get();
            assertThat((long) updateTimes.size()).as("one update per interval, plus the first and the last page")
                    .isLessThanOrEqualTo(elapsed / ONE_PUBLISH_INTERVAL.toNanos() + 2);
            assertThat(updateTimes.size()).isLessThan(30);
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
            assertThat(names()).containsExactlyElementsOf(namesOf(users("a", 300)));
            assertThat(vm.countTextProperty().get()).isEqualTo("300 users");
        }
    }
}
