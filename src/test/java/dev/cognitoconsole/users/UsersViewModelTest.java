package dev.cognitoconsole.users;

import static dev.cognitoconsole.testing.FakeUserDirectory.DISABLE_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.ENABLE_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.GET_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.LIST_USERS;
import static dev.cognitoconsole.testing.FakeUserDirectory.SIGN_OUT;
import static dev.cognitoconsole.testing.FakeUserDirectory.user;
import static dev.cognitoconsole.testing.FakeUserDirectory.users;
import static dev.cognitoconsole.testing.Fixtures.CONNECTION;
import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static dev.cognitoconsole.testing.Fixtures.POOL_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.audit.AuditUnavailable;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.MutableClock;
import dev.cognitoconsole.testing.RecordingDialogService;
import dev.cognitoconsole.testing.RecordingNotifier;
import dev.cognitoconsole.writes.ChangeEffects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsersViewModelTest {


    private final FakeUserDirectory directory = new FakeUserDirectory();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final AtomicLong clock = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();
    private final MutableClock wallClock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final UsersViewModel vm = new UsersViewModel(directory, executor, notifier, dialogs, clock::get,
            sleeps::add, wallClock);

    private List<String> shownUsernames() {
        return vm.rows().stream().map(r -> r.getUser().username()).toList();
    }

    private UserRow row(String username) {
        return vm.rows().stream().filter(r -> r.getUser().username().equals(username)).findFirst().orElseThrow();
    }

    private List<String> recordCountTexts() {
        List<String> texts = new ArrayList<>();
        vm.countTextProperty().addListener((obs, old, now) -> texts.add(now));
        return texts;
    }

    @Test
    void searchTextWithSpacesAroundItIsTrimmedAndTheOperatorIsTold() {
        directory.addUsers(POOL_A.poolId(), FakeUserDirectory.user("alice", true));
        vm.show(POOL_A);

        vm.search(new UserFilter(UserFilter.Attribute.USERNAME, UserFilter.Match.STARTS_WITH, "  ali "));

        assertThat(vm.searchProperty().get().value()).isEqualTo("ali");
        assertThat(vm.searchProblemProperty().get()).isNull();
        assertThat(vm.searchNoteProperty().get()).isEqualTo("Searched for \"ali\": the spaces around it were removed.");
    }

    @Test
    void enablingIsNotConfirmedAsADangerButDisablingIs() {
        PoolUser off = FakeUserDirectory.user("off", false);
        assertThat(UsersViewModel.confirmationFor(UserAction.ENABLE, off, POOL_A, false).danger()).isFalse();
        assertThat(UsersViewModel.confirmationFor(UserAction.DISABLE, off, POOL_A, false).danger()).isTrue();
    }

    @Nested
    class Loading {

        @Test
        void beforeAnyPoolNothingIsShown() {
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.countTextProperty().get()).isEqualTo("No pool selected");
            assertThat(vm.loadingProperty().get()).isFalse();
        }

        @Test
        void showLoadsEveryPageAndCountsWhileLoading() {
            directory.usersPageSize(3).addUsers(POOL_A.poolId(), users("a", 7));
            List<String> texts = recordCountTexts();

            vm.show(POOL_A);

            assertThat(vm.selectionProperty().get()).isEqualTo(POOL_A);
            assertThat(shownUsernames()).containsExactlyElementsOf(
                    users("a", 7).stream().map(PoolUser::username).toList());
            assertThat(texts).first().isEqualTo("0 users, loading…");
            assertThat(texts).contains("3 users, loading…").last().isEqualTo("7 users");
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(directory.calls(LIST_USERS)).extracting(FakeUserDirectory.Call::argument)
                    .containsExactly(null, "users-1-3", "users-2-6");
        }

        @Test
        void loadingIsTrueWhileTheFirstPageIsInFlight() {
            directory.addUsers(POOL_A.poolId(), users("a", 3));
            executor.holdWork();

            vm.show(POOL_A);

            assertThat(vm.loadingProperty().get()).isTrue();
            assertThat(vm.countTextProperty().get()).isEqualTo("0 users, loading…");

            executor.runAll();

            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(vm.countTextProperty().get()).isEqualTo("3 users");
        }

        @Test
        void pagesShorterThanTheLimitAndEmptyPagesDoNotEndTheListing() {
            // Cognito may return short or even empty pages while a PaginationToken says more remain.
            directory.usersPageSizes(60, 2, 0, 0, 5).usersPageSize(60).addUsers(POOL_A.poolId(), users("a", 70));

            vm.show(POOL_A);

            assertThat(vm.rows()).hasSize(70);
            assertThat(shownUsernames()).doesNotHaveDuplicates();
            assertThat(directory.calls(LIST_USERS)).hasSize(6);
            assertThat(vm.countTextProperty().get()).isEqualTo("70 users");
        }

        @Test
        void anEmptyPoolShowsNoRows() {
            directory.addUsers(POOL_A.poolId(), List.of());
            List<String> texts = recordCountTexts();

            vm.show(POOL_A);

            assertThat(vm.rows()).isEmpty();
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(texts).last().isEqualTo("0 users");
            assertThat(directory.calls(LIST_USERS)).hasSize(1);
        }

        @Test
        void oneUserIsCountedInTheSingular() {
            directory.addUsers(POOL_A.poolId(), user("solo", true));

            vm.show(POOL_A);

            assertThat(vm.countTextProperty().get()).isEqualTo("1 user");
        }

        @Test
        void largeCountsAreGrouped() {
            directory.addUsers(POOL_A.poolId(), users("a", 1234));

            vm.show(POOL_A);

            assertThat(vm.countTextProperty().get()).isEqualTo(String.format("%,d users", 1234));
        }

        @Test
        void showingNoPoolClearsTheTable() {
            directory.addUsers(POOL_A.poolId(), users("a", 3));
            vm.show(POOL_A);
            directory.forgetCalls();

            vm.show(null);

            assertThat(vm.rows()).isEmpty();
            assertThat(vm.countTextProperty().get()).isEqualTo("No pool selected");
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(directory.calls()).isEmpty();
        }

        @Test
        void switchingPoolBeforeTheLoadStartsCancelsIt() {
            directory.addUsers(POOL_A.poolId(), users("a", 3)).addUsers(POOL_B.poolId(), users("b", 2));
            executor.holdWork();
            vm.show(POOL_A);

            vm.show(POOL_B);
            executor.runAll();

            assertThat(shownUsernames()).containsExactly("b0001", "b0002");
            assertThat(directory.calls(LIST_USERS)).extracting(FakeUserDirectory.Call::poolId)
                    .containsOnly(POOL_B.poolId());
            assertThat(vm.countTextProperty().get()).isEqualTo("2 users");
        }

        @Test
        void switchingPoolMidLoadKeepsTheLatePagesOutOfTheNewTable() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 6))
                    .addUsers(POOL_B.poolId(), users("b", 3));
            executor.holdWork();
            vm.show(POOL_A);
            directory.onCall(LIST_USERS, call -> {
                if (call.poolId().equals(POOL_A.poolId()) && "users-1-2".equals(call.argument())) {
                    // Page 1 of pool A is on screen; page 2 is on the wire when the operator picks pool B.
                    assertThat(shownUsernames()).containsExactly("a0001", "a0002");
                    vm.show(POOL_B);
                }
            });

            executor.runNext(); // pool A's load, interrupted by the switch

            assertThat(vm.rows()).isEmpty();
            assertThat(vm.selectionProperty().get()).isEqualTo(POOL_B);
            assertThat(vm.loadingProperty().get()).isTrue();

            executor.runAll(); // pool B's load

            assertThat(shownUsernames()).containsExactly("b0001", "b0002", "b0003");
            assertThat(vm.countTextProperty().get()).isEqualTo("3 users");
            assertThat(directory.calls(LIST_USERS)).extracting(FakeUserDirectory.Call::poolId)
                    .as("pool A's listing stopped after the page in flight")
                    .containsExactly(POOL_A.poolId(), POOL_A.poolId(), POOL_B.poolId(), POOL_B.poolId());
        }

        @Test
        void refreshReloadsFromTheFirstPage() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 3));
            vm.show(POOL_A);
            directory.addUsers(POOL_A.poolId(), user("late", true));
            directory.forgetCalls();

            vm.refresh();

            assertThat(shownUsernames()).containsExactly("a0001", "a0002", "a0003", "late");
            assertThat(directory.calls(LIST_USERS)).extracting(FakeUserDirectory.Call::argument)
                    .startsWith((String) null).hasSize(2);
        }

        @Test
        void refreshWithoutAPoolCallsNothing() {
            vm.refresh();

            assertThat(directory.calls()).isEmpty();
            assertThat(vm.countTextProperty().get()).isEqualTo("No pool selected");
        }

        @Test
        void aListingFailureStopsLoadingAndOffersRetry() {
            directory.usersPageSize(2).addUsers(POOL_A.poolId(), users("a", 5));
            directory.onCall(LIST_USERS, call -> {
                if ("users-2-4".equals(call.argument()) && directory.calls(LIST_USERS).size() == 3) {
                    throw new ConsoleFailure.InternalError(LIST_USERS, "Internal error", "req-9", null);
                }
            });

            vm.show(POOL_A);

            assertThat(vm.rows()).as("the pages before the failure were kept").hasSize(4);
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(vm.canContinueProperty().get()).isTrue();
            assertThat(vm.countTextProperty().get()).isEqualTo("4 users, more in the pool");
            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("InternalErrorException");
            assertThat(notice.title()).isEqualTo("Loading users (4 loaded) failed — Cognito internal error");
            assertThat(notice.advice()).as("a read changes nothing").doesNotContain("changed");

            notifier.press("Retry");

            assertThat(vm.rows()).hasSize(5);
            assertThat(shownUsernames()).doesNotHaveDuplicates();
            assertThat(notifier.current()).isNull();
        }

        @Test
        void anUnknownPoolShowsResourceNotFound() {
            vm.show(POOL_A);

            assertThat(notifier.current().code()).isEqualTo("ResourceNotFoundException");
            assertThat(notifier.current().message()).contains(POOL_A.poolId());
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.loadingProperty().get()).isFalse();
        }
    }

    @Nested
    class Batching {

        private static final long PAGE_ROUND_TRIP = Duration.ofMillis(10).toNanos();

        @Test
        void fiftyPagesPublishFarFewerThanFiftyUpdatesAndLoseNoRow() {
            directory.usersPageSize(60).addUsers(POOL_A.poolId(), users("a", 50 * 60));
            directory.onCall(LIST_USERS, call -> clock.addAndGet(PAGE_ROUND_TRIP));
            executor.holdWork();
            vm.show(POOL_A);
            List<Integer> batchSizes = new ArrayList<>();
            vm.rows().addListener((ListChangeListener<UserRow>) change -> {
                while (change.next()) {
                    if (change.wasAdded()) {
                        batchSizes.add(change.getAddedSize());
                    }
                }
            });

            executor.runAll();

            assertThat(directory.calls(LIST_USERS)).hasSize(50);
            assertThat(batchSizes).as("the first page goes out at once").first().isEqualTo(60);
            assertThat(batchSizes.size()).as("one table update per 100 ms of pages, not one per page")
                    .isLessThanOrEqualTo(7);
            assertThat(executor.publishedUpdates()).isLessThan(10);
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3000);
            assertThat(shownUsernames()).containsExactlyElementsOf(
                    users("a", 3000).stream().map(PoolUser::username).toList());
            assertThat(vm.countTextProperty().get()).isEqualTo("3,000 users");
        }

        @Test
        void withASlowNetworkEveryPageIsPublished() {
            directory.usersPageSize(10).addUsers(POOL_A.poolId(), users("a", 50));
            directory.onCall(LIST_USERS, call -> clock.addAndGet(UserListing.PUBLISH_INTERVAL.toNanos()));
            executor.holdWork();
            vm.show(POOL_A);
            int[] updates = {0};
            vm.rows().addListener((ListChangeListener<UserRow>) change -> updates[0]++);

            executor.runAll();

            assertThat(updates[0]).isEqualTo(5);
            assertThat(vm.rows()).hasSize(50);
        }

        @Test
        void theLastPageIsPublishedEvenWhenItArrivesQuickly() {
            directory.usersPageSize(10).addUsers(POOL_A.poolId(), users("a", 25));
            // The clock never moves: only the first page and the last one may be published.

            vm.show(POOL_A);

            assertThat(vm.rows()).hasSize(25);
            assertThat(executor.publishedUpdates()).isEqualTo(3); // first page, the rest, the result
        }
    }

    @Nested
    class Toggle {

        private void showPoolWith(PoolUser... poolUsers) {
            directory.addUsers(POOL_A.poolId(), poolUsers);
            vm.show(POOL_A);
            directory.forgetCalls();
        }

        @Test
        void cancelInTheDialogCallsNothing() {
            showPoolWith(user("alice", true));
            dialogs.answer(false);

            vm.toggle(row("alice"));

            assertThat(dialogs.asked()).hasSize(1);
            assertThat(directory.calls()).isEmpty();
            assertThat(row("alice").isBusy()).isFalse();
            assertThat(row("alice").getUser().enabled()).isTrue();
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void theDialogNamesTheActionUserPoolProfileAndRegion() {
            showPoolWith(user("alice", true));
            dialogs.answer(false);

            vm.toggle(row("alice"));

            DialogService.Confirmation asked = dialogs.last();
            assertThat(asked.title()).isEqualTo("Disable user");
            assertThat(asked.header()).isEqualTo("Disable user alice?");
            assertThat(asked.confirmLabel()).isEqualTo("Disable user");
            assertThat(asked.details()).contains("alice@example.com", "customers", POOL_A.poolId(), "support",
                    "eu-west-1", "revokes the user's ID, access and refresh tokens", ChangeEffects.ISSUED_TOKENS);
        }

        @Test
        void aDisabledUserIsOfferedEnable() {
            showPoolWith(user("bob", false));
            dialogs.answer(false);

            vm.toggle(row("bob"));

            assertThat(dialogs.last().header()).isEqualTo("Enable user bob?");
            assertThat(dialogs.last().confirmLabel()).isEqualTo("Enable user");
        }

        @Test
        void confirmDisablesAndShowsTheStateReadBack() {
            showPoolWith(user("alice", true), user("bob", true));
            dialogs.answer(true);

            vm.toggle(row("alice"));

            assertThat(directory.calls()).extracting(FakeUserDirectory.Call::operation, FakeUserDirectory.Call::argument)
                    .containsExactly(tuple(DISABLE_USER, "alice"),
                            tuple(GET_USER, "alice"));
            assertThat(row("alice").getUser().enabled()).isFalse();
            assertThat(row("alice").nextAction()).isEqualTo(UserAction.ENABLE);
            assertThat(row("alice").isBusy()).isFalse();
            assertThat(row("bob").getUser().enabled()).isTrue();
            assertThat(vm.lastChangeProperty().get()).contains("alice", "disabled", "customers", "confirmed");
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void confirmEnablesADisabledUser() {
            showPoolWith(user("bob", false));
            dialogs.answer(true);

            vm.toggle(row("bob"));

            assertThat(directory.calls(ENABLE_USER)).hasSize(1);
            assertThat(directory.calls(DISABLE_USER)).isEmpty();
            assertThat(row("bob").getUser().enabled()).isTrue();
            assertThat(vm.lastChangeProperty().get()).contains("bob", "enabled");
        }

        @Test
        void whileInFlightTheRowIsBusyAndASecondToggleDoesNothing() {
            showPoolWith(user("alice", true));
            dialogs.answer(true);
            executor.holdWork();

            vm.toggle(row("alice"));

            assertThat(row("alice").runningProperty().get()).isEqualTo(UserAction.DISABLE);
            assertThat(row("alice").isBusy()).isTrue();

            vm.toggle(row("alice"));

            assertThat(dialogs.asked()).as("no second dialog").hasSize(1);
            assertThat(executor.pending()).as("no second call queued").isEqualTo(1);

            executor.runAll();

            assertThat(directory.calls(DISABLE_USER)).hasSize(1);
            assertThat(row("alice").runningProperty().get()).isNull();
            assertThat(row("alice").getUser().enabled()).isFalse();
        }

        @Test
        void aChangeThatDidNotApplyWarnsAndOffersRefresh() {
            showPoolWith(user("alice", true));
            directory.ignoreWrites();
            dialogs.answer(true);

            vm.toggle(row("alice"));

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("NotApplied");
            assertThat(notice.severity()).isEqualTo(Notice.Severity.WARNING);
            assertThat(notice.title()).contains("alice", "still enabled");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Refresh");
            assertThat(row("alice").getUser().enabled()).as("the row shows what Cognito reports").isTrue();
            assertThat(row("alice").isBusy()).isFalse();
            assertThat(vm.lastChangeProperty().get()).isNull();

            directory.forgetCalls();
            notifier.press("Refresh");

            assertThat(directory.calls(LIST_USERS)).hasSize(1);
        }

        @Test
        void aFailedReadBackWarnsThatTheChangeWasAcceptedAndOffersRefresh() {
            showPoolWith(user("alice", true));
            directory.failNext(GET_USER, new ConsoleFailure.InternalError(GET_USER, "Rate exceeded", "req-rb", null));
            dialogs.answer(true);

            vm.toggle(row("alice"));

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("ReadBackFailed");
            assertThat(notice.severity()).isEqualTo(Notice.Severity.WARNING);
            assertThat(notice.title()).contains("alice", "disabled");
            assertThat(notice.requestId()).isEqualTo("req-rb");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Refresh");
            assertThat(row("alice").isBusy()).isFalse();

            notifier.press("Refresh");

            assertThat(row("alice").getUser().enabled()).as("the reload shows the change").isFalse();
        }

        @Test
        void retryFromTheBannerRunsTheWriteAgain() {
            showPoolWith(user("alice", true));
            directory.failNext(DISABLE_USER, new ConsoleFailure.TooManyRequests(DISABLE_USER, "Rate exceeded",
                    "req-1", null));
            dialogs.answer(true);
            vm.toggle(row("alice"));
            assertThat(row("alice").getUser().enabled()).isTrue();

            notifier.press("Retry");

            assertThat(directory.calls(DISABLE_USER)).as("throttling is shown, never retried unasked").hasSize(2);
            assertThat(dialogs.asked()).as("the operator confirmed once already").hasSize(1);
            assertThat(row("alice").getUser().enabled()).isFalse();
            assertThat(notifier.current()).isNull();
            assertThat(vm.lastChangeProperty().get()).contains("alice", "disabled");
        }

        @Test
        void retryWhileTheRowIsBusyDoesNothing() {
            showPoolWith(user("alice", true));
            directory.failNext(DISABLE_USER, new ConsoleFailure.InternalError(DISABLE_USER, "fault", "req-1", null));
            dialogs.answer(true);
            vm.toggle(row("alice"));
            Notice failed = notifier.current();
            executor.holdWork();
            failed.actions().get(0).run().run(); // first Retry: in flight
            directory.forgetCalls();

            failed.actions().get(0).run().run(); // pressed again

            assertThat(executor.pending()).isEqualTo(1);
            executor.runAll();
            assertThat(directory.calls(DISABLE_USER)).hasSize(1);
        }

        @Test
        void aConfirmedChangeReachesTheRowShownAfterARefreshDuringTheWrite() {
            showPoolWith(user("alice", true));
            dialogs.answer(true);
            boolean[] refreshed = {false};
            directory.onCall(DISABLE_USER, call -> {
                if (!refreshed[0]) {
                    refreshed[0] = true; // the operator presses Refresh while AdminDisableUser is on the wire
                    vm.refresh();
                }
            });

            vm.toggle(row("alice"));

            assertThat(vm.lastChangeProperty().get()).contains("alice", "disabled");
            assertThat(row("alice").getUser().enabled()).as("the table agrees with the status line").isFalse();
        }

        @Test
        void toggleWithoutAPoolDoesNothing() {
            UserRow orphan = new UserRow(user("alice", true));
            dialogs.answer(true);

            vm.toggle(orphan);
            vm.toggle(null);

            assertThat(dialogs.asked()).isEmpty();
            assertThat(directory.calls()).isEmpty();
        }
    }

    @Nested
    class Safety {
        private final AtomicReference<String> blocked = new AtomicReference<>();
        private final AtomicBoolean production = new AtomicBoolean();
        private final UsersViewModel guarded = new UsersViewModel(directory, executor, notifier, dialogs, clock::get,
                sleeps::add, wallClock, AuditTrail.NONE, new WriteSafety() {
                    @Override
                    public Optional<String> writesBlocked() {
                        return Optional.ofNullable(blocked.get());
                    }

                    @Override
                    public boolean isProduction(Connection connection) {
                        return production.get() && connection.equals(CONNECTION);
                    }
                });

        private UserRow guardedRow(String username) {
            return guarded.rows().stream().filter(r -> r.getUser().username().equals(username)).findFirst()
                    .orElseThrow();
        }

        private void showPoolWith(PoolUser... poolUsers) {
            directory.addUsers(POOL_A.poolId(), poolUsers);
            guarded.show(POOL_A);
            directory.forgetCalls();
        }

        @Test
        void readOnlyModeAsksNothingCallsNothingAndSaysWhy() {
            showPoolWith(user("alice", true));
            blocked.set("Read-only mode is on: Disable and Enable are off.");
            dialogs.answer(true);

            guarded.toggle(guardedRow("alice"));

            assertThat(dialogs.asked()).isEmpty();
            assertThat(directory.calls()).isEmpty();
            assertThat(guardedRow("alice").getUser().enabled()).isTrue();
            assertThat(notifier.current().code()).isEqualTo("ReadOnly");
            assertThat(notifier.current().title()).contains("alice", "not changed");
            assertThat(notifier.current().message()).isEqualTo("Read-only mode is on: Disable and Enable are off.");
        }

        @Test
        void retryFromTheBannerAfterReadOnlyWasTurnedOnWritesNothing() {
            showPoolWith(user("alice", true));
            directory.failNext(DISABLE_USER, new ConsoleFailure.InternalError(DISABLE_USER, "fault", "req-1", null));
            directory.failNext(GET_USER, new ConsoleFailure.InternalError(GET_USER, "fault", "req-2", null));
            dialogs.answer(true);
            guarded.toggle(guardedRow("alice"));
            blocked.set("Read-only mode is on: Disable and Enable are off.");

            notifier.press("Retry");

            assertThat(directory.calls(DISABLE_USER)).hasSize(1);
            assertThat(notifier.current().code()).isEqualTo("ReadOnly");
            assertThat(guardedRow("alice").isBusy()).isFalse();
        }

        @Test
        void aChangeWhoseOutcomeLineCannotBeWrittenIsShownAsMade() {
            boolean[] broken = {false};
            UsersViewModel audited = new UsersViewModel(directory, executor, notifier, dialogs, clock::get,
                    sleeps::add, wallClock, new AuditTrail() {
                        @Override
                        public String attempt(Attempt attempt) {
                            broken[0] = true; // the disk fills up right after the attempt line
                            return "op-1";
                        }

                        @Override
                        public void outcome(String operationId, Attempt attempt, AuditEntry.Outcome outcome,
                                            ConsoleFailure failure, String detail) {
                            if (broken[0]) {
                                throw new AuditUnavailable("No space left on device", null);
                            }
                        }
                    }, WriteSafety.NONE);
            directory.addUsers(POOL_A.poolId(), user("alice", true));
            audited.show(POOL_A);
            dialogs.answer(true);

            audited.toggle(audited.rows().get(0));

            assertThat(directory.user(POOL_A.poolId(), "alice").enabled()).isFalse();
            assertThat(audited.rows().get(0).getUser().enabled()).isFalse();
            assertThat(notifier.current().title()).contains("alice disabled").doesNotContain("not");
            assertThat(notifier.current().message()).contains("No space left on device");
            assertThat(audited.lastChangeProperty().get()).contains("alice", "disabled");
        }

        @Test
        void aTargetFoundToBeProductionAfterAnOrdinaryConfirmationIsRefusedAndSaysWhy() {
            showPoolWith(user("alice", true));
            dialogs.answer(true);
            executor.holdWork();
            guarded.toggle(guardedRow("alice"));
            production.set(true); // the keys turned out to sign as a production account meanwhile

            executor.runAll();

            assertThat(directory.calls(DISABLE_USER)).isEmpty();
            assertThat(notifier.current().code()).isEqualTo("ProductionNotConfirmed");
            assertThat(notifier.current().title()).contains("alice", "was not changed");
            assertThat(notifier.current().advice()).contains("username typed");
            assertThat(guardedRow("alice").isBusy()).isFalse();
        }

        @Test
        void onProductionTheUsernameMustBeTyped() {
            showPoolWith(user("alice", true));
            production.set(true);
            dialogs.answer(false);

            guarded.toggle(guardedRow("alice"));

            DialogService.Confirmation asked = dialogs.last();
            assertThat(asked.typeToConfirm()).isEqualTo("alice");
            assertThat(asked.note()).startsWith("PRODUCTION").contains("Type the username");
            assertThat(asked.typedMatches("alic")).isFalse();
            assertThat(asked.typedMatches("Alice")).as("usernames are case-sensitive").isFalse();
            assertThat(asked.typedMatches(" alice ")).isTrue();
        }

        @Test
        void elsewhereAClickIsEnough() {
            showPoolWith(user("alice", true));
            dialogs.answer(true);

            guarded.toggle(guardedRow("alice"));

            assertThat(dialogs.last().typeToConfirm()).isNull();
            assertThat(dialogs.last().typedMatches(null)).isTrue();
            assertThat(directory.calls(DISABLE_USER)).hasSize(1);
        }

        @Nested
        class SignOutEverywhere {
            @Test
            void theConfirmationSaysWhatSignOutRevokesAndWhatStaysValid() {
                showPoolWith(user("alice", true));
                dialogs.answer(false);

                guarded.signOutEverywhere(guardedRow("alice"));

                DialogService.Confirmation asked = dialogs.last();
                assertThat(asked.title()).isEqualTo("Sign out everywhere");
                assertThat(asked.header()).isEqualTo("Sign out user alice everywhere?");
                assertThat(asked.confirmLabel()).isEqualTo("Sign out everywhere");
                assertThat(asked.note()).isEqualTo(ChangeEffects.of(UserAction.SIGN_OUT))
                        .contains("revokes the user's ID, access and refresh tokens", "checked locally by an app",
                                "stay valid until they expire", "access and ID token lifetime");
                assertThat(asked.details()).contains("alice@example.com", "customers", POOL_A.poolId(), "support");
                assertThat(asked.danger()).isTrue();
                assertThat(asked.typeToConfirm()).isNull();
                assertThat(directory.calls()).as("cancelled: nothing sent").isEmpty();
            }

            @Test
            void confirmedItSendsOneSignOutReadsNothingBackAndSaysItIsDone() {
                showPoolWith(user("alice", true), user("bob", true));
                dialogs.answer(true);

                guarded.signOutEverywhere(guardedRow("alice"));

                assertThat(directory.calls())
                        .extracting(FakeUserDirectory.Call::operation, FakeUserDirectory.Call::argument)
                        .containsExactly(tuple(SIGN_OUT, "alice"));
                assertThat(guarded.lastChangeProperty().get()).isEqualTo("alice signed out in customers  ("
                        + POOL_A.poolId() + ") — confirmed by Cognito");
                assertThat(guardedRow("alice").isBusy()).isFalse();
                assertThat(guardedRow("alice").getUser().enabled()).as("the account stays enabled").isTrue();
                assertThat(notifier.shown()).isEmpty();
            }

            @Test
            void readOnlyModeAsksNothingSendsNothingAndSaysWhy() {
                showPoolWith(user("alice", true));
                blocked.set("Read-only mode is on.");
                dialogs.answer(true);

                guarded.signOutEverywhere(guardedRow("alice"));

                assertThat(dialogs.asked()).isEmpty();
                assertThat(directory.calls()).isEmpty();
                assertThat(notifier.current().code()).isEqualTo("ReadOnly");
                assertThat(notifier.current().title()).contains("alice", "not changed");
            }

            @Test
            void onProductionTheUsernameMustBeTyped() {
                showPoolWith(user("alice", true));
                production.set(true);
                dialogs.answer(false);

                guarded.signOutEverywhere(guardedRow("alice"));

                assertThat(dialogs.last().typeToConfirm()).isEqualTo("alice");
                assertThat(dialogs.last().note()).startsWith("PRODUCTION").contains("Type the username",
                        "ID, access and refresh tokens");
                assertThat(directory.calls()).isEmpty();
            }

            @Test
            void aTargetFoundToBeProductionAfterAnOrdinaryConfirmationSendsNothing() {
                showPoolWith(user("alice", true));
                dialogs.answer(true);
                executor.holdWork();
                guarded.signOutEverywhere(guardedRow("alice"));
                production.set(true);

                executor.runAll();

                assertThat(directory.calls(SIGN_OUT)).isEmpty();
                assertThat(notifier.current().code()).isEqualTo("ProductionNotConfirmed");
                assertThat(notifier.current().advice()).contains("Sign out", "username typed");
            }

            @Test
            void aDisabledUserIsNotOfferedItAndTheNoticeSaysWhy() {
                showPoolWith(user("bob", false));
                dialogs.answer(true);

                assertThat(guarded.signOutUnavailable(guardedRow("bob"))).get().asString()
                        .contains("bob is disabled", "already revoked");
                guarded.signOutEverywhere(guardedRow("bob"));

                assertThat(dialogs.asked()).isEmpty();
                assertThat(directory.calls()).isEmpty();
                assertThat(notifier.current().code()).isEqualTo("SignOutUnavailable");
                assertThat(notifier.current().message()).contains("already revoked");
            }

            @Test
            void whileInFlightTheRowShowsSigningOutAndASecondRequestSendsNothing() {
                showPoolWith(user("alice", true));
                dialogs.answer(true);
                executor.holdWork();

                guarded.signOutEverywhere(guardedRow("alice"));
                guarded.signOutEverywhere(guardedRow("alice"));
                guarded.toggle(guardedRow("alice"));

                assertThat(guardedRow("alice").runningProperty().get()).isEqualTo(UserAction.SIGN_OUT);
                executor.runAll();
                assertThat(directory.calls(SIGN_OUT)).hasSize(1);
                assertThat(directory.calls(DISABLE_USER)).isEmpty();
                assertThat(dialogs.asked()).hasSize(1);
            }
        }
    }

    @Nested
    class WriteFailures {

        record Expected(String code, String titlePart, List<String> actions, String outcome) {
        }

        static Stream<Arguments> everyKind() {
            return failuresOf(DISABLE_USER, "alice was not changed.", "Whether alice was changed is not known");
        }

        static Stream<Arguments> everySignOutFailure() {
            return failuresOf(SIGN_OUT, "alice was not signed out.", "Whether alice was signed out is not known");
        }

        static Stream<Arguments> failuresOf(String operation, String notChanged, String unknown) {
            return Stream.of(
                    Arguments.of(new ConsoleFailure.ResourceNotFound(operation, "no pool", "r1", null),
                            new Expected("ResourceNotFoundException", "User pool not found", List.of("Reload"), notChanged)),
                    Arguments.of(new ConsoleFailure.InvalidParameter(operation, "bad", "r2", null),
                            new Expected("InvalidParameterException", "rejected", List.of(), notChanged)),
                    Arguments.of(new ConsoleFailure.TooManyRequests(operation, "slow down", "r3", null),
                            new Expected("TooManyRequestsException", "Rate limit", List.of("Retry"), notChanged)),
                    Arguments.of(new ConsoleFailure.NotAuthorized(operation, "refused", "r4", null),
                            new Expected("NotAuthorizedException", "refused", List.of(), notChanged)),
                    Arguments.of(new ConsoleFailure.UserNotFound(operation, "gone", "r5", null),
                            new Expected("UserNotFoundException", "User not found", List.of("Refresh"), notChanged)),
                    Arguments.of(new ConsoleFailure.InternalError(operation, "fault", "r6", null),
                            new Expected("InternalErrorException", "internal error", List.of("Retry"), unknown)),
                    Arguments.of(new ConsoleFailure.NetworkUnreachable(operation, CONNECTION.endpoint(),
                                    "Read timed out", null),
                            new Expected("NetworkUnreachable", "Cannot reach Cognito", List.of("Retry"), unknown)),
                    Arguments.of(new ConsoleFailure.CredentialsUnavailable(operation, null, "support", true,
                                    "Token is expired", null, null),
                            new Expected("CredentialsUnavailable", "Credentials", List.of("Retry"), notChanged)),
                    Arguments.of(new ConsoleFailure.AccessDenied(operation, "AccessDeniedException", "denied",
                                    "r9", null),
                            new Expected("AccessDenied", "Access denied", List.of(), notChanged)),
                    Arguments.of(new ConsoleFailure.Unknown(operation, "WeirdException", "odd", "r10", null),
                            new Expected("WeirdException", "Unexpected error", List.of("Retry"), unknown)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyKind")
        void eachFailureOfDisableMapsToItsBanner(ConsoleFailure failure, Expected expected) {
            directory.addUsers(POOL_A.poolId(), user("alice", true));
            vm.show(POOL_A);
            directory.failNext(DISABLE_USER, failure);
            if (failure.outcomeUnknown()) {
                directory.failNext(GET_USER, failure); // reading back fails too: the outcome stays unknown
            }
            dialogs.answer(true);

            vm.toggle(row("alice"));

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo(expected.code());
            assertThat(notice.title()).startsWith("Disabling alice failed").containsIgnoringCase(expected.titlePart());
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactlyElementsOf(expected.actions());
            assertThat(notice.advice()).startsWith(expected.outcome());
            assertThat(notice.requestId()).isEqualTo(failure.requestId());
            assertThat(row("alice").isBusy()).isFalse();
            assertThat(row("alice").getUser().enabled()).as("the row keeps the last state Cognito reported").isTrue();
            assertThat(directory.calls(GET_USER)).as("a read-back only after an unclear answer")
                    .hasSize(failure.outcomeUnknown() ? 1 : 0);
            assertThat(vm.lastChangeProperty().get()).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everySignOutFailure")
        void eachFailureOfSignOutMapsToItsBannerAndNothingIsReadBackOrSentAgain(ConsoleFailure failure,
                                                                               Expected expected) {
            directory.addUsers(POOL_A.poolId(), user("alice", true));
            vm.show(POOL_A);
            directory.forgetCalls();
            directory.failNext(SIGN_OUT, failure);
            dialogs.answer(true);

            vm.signOutEverywhere(row("alice"));

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo(expected.code());
            assertThat(notice.title()).startsWith("Signing out alice failed")
                    .containsIgnoringCase(expected.titlePart());
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactlyElementsOf(expected.actions());
            assertThat(notice.advice()).startsWith(expected.outcome());
            assertThat(notice.requestId()).isEqualTo(failure.requestId());
            assertThat(row("alice").isBusy()).isFalse();
            assertThat(directory.calls()).extracting(FakeUserDirectory.Call::operation).containsExactly(SIGN_OUT);
            assertThat(vm.lastChangeProperty().get()).isNull();
        }

        @Test
        void anUnclearAnswerIsReadBackBeforeAnythingElseAndTheBannerSaysWhatWasRead() {
            directory.addUsers(POOL_A.poolId(), user("alice", true));
            vm.show(POOL_A);
            directory.failNext(DISABLE_USER, new ConsoleFailure.InternalError(DISABLE_USER, "fault", "r6", null));
            dialogs.answer(true);

            vm.toggle(row("alice"));

            assertThat(notifier.current().code()).isEqualTo("InternalErrorException");
            assertThat(notifier.current().advice()).startsWith("AdminGetUser then read Enabled: alice was not changed.");
            assertThat(directory.calls(DISABLE_USER)).hasSize(1);
            assertThat(directory.calls(GET_USER)).hasSize(1);
        }

        @Test
        void aFailureOfEnableNamesEnabling() {
            directory.addUsers(POOL_A.poolId(), user("bob", false));
            vm.show(POOL_A);
            directory.failNext(ENABLE_USER, new ConsoleFailure.UserNotFound(ENABLE_USER, "gone", "r", null));
            dialogs.answer(true);

            vm.toggle(row("bob"));

            assertThat(notifier.current().title()).startsWith("Enabling bob failed");
            assertThat(notifier.current().message()).contains("bob", POOL_A.poolId());
        }

        @Test
        void refreshFromAUserNotFoundBannerReloadsThePool() {
            directory.addUsers(POOL_A.poolId(), user("alice", true), user("bob", true));
            vm.show(POOL_A);
            directory.failNext(DISABLE_USER, new ConsoleFailure.UserNotFound(DISABLE_USER, "gone", "r", null));
            dialogs.answer(true);
            vm.toggle(row("alice"));
            directory.forgetCalls();

            notifier.press("Refresh");

            assertThat(directory.calls(LIST_USERS)).hasSize(1);
            assertThat(directory.calls(DISABLE_USER)).isEmpty();
        }

        @Test
        void anUnmappedExceptionBecomesAnUnknownFailure() {
            directory.addUsers(POOL_A.poolId(), user("alice", true));
            vm.show(POOL_A);
            directory.onCall(DISABLE_USER, call -> {
                throw new IllegalStateException("bug in the aws layer");
            });
            dialogs.answer(true);

            vm.toggle(row("alice"));

            assertThat(notifier.current().code()).isEqualTo("Unknown");
            assertThat(notifier.current().message()).contains("bug in the aws layer");
            assertThat(notifier.current().advice()).startsWith("AdminGetUser then read Enabled: alice was not changed.");
            assertThat(directory.calls(GET_USER)).hasSize(1);
            assertThat(row("alice").isBusy()).isFalse();
        }
    }
}
