package dev.cognitoconsole.bulk;

import static dev.cognitoconsole.testing.FakeUserDirectory.DISABLE_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.ENABLE_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.GET_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.SIGN_OUT;
import static dev.cognitoconsole.testing.FakeUserDirectory.user;
import static dev.cognitoconsole.testing.FakeUserDirectory.users;
import static dev.cognitoconsole.testing.Fixtures.CONNECTION;
import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.bulk.BulkRunViewModel.RunState;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.MfaSettings;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.SignInHistory;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.safety.SafetyViewModel;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.testing.AnsweringDialogs;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.ForwardingUserDirectory;
import dev.cognitoconsole.testing.RecordingAuditTrail;
import dev.cognitoconsole.writes.UserWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BulkRunViewModelTest {
    private static final String REASON = "INC-4711 compromised accounts";

    private final List<String> events = new ArrayList<>();
    private final FakeUserDirectory fake = new FakeUserDirectory();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final AnsweringDialogs dialogs = new AnsweringDialogs().confirmWith(REASON);
    private final RecordingAuditTrail audit = new RecordingAuditTrail(events::add);
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<PoolUser> shownInTable = new ArrayList<>();
    private UserDirectory directory = fake;

    private BulkRunViewModel vm = newViewModel();

    private BulkRunViewModel newViewModel() {
        return new BulkRunViewModel(new Recording(), audit, executor, dialogs, nanos::get, sleeps::add,
                (pool, read) -> shownInTable.addAll(read));
    }

    /** Tells the event log of every call before it reaches the directory of the test. */
    private final class Recording implements UserDirectory {
        @Override
        public Page<UserPool> listPools(Connection connection, String nextToken) {
            throw new AssertionError("a bulk change lists no pools");
        }

        @Override
        public Page<PoolUser> listUsers(Connection connection, String poolId, UserFilter filter, String token) {
            throw new AssertionError("a bulk change lists no users");
        }

        @Override
        public PoolUser getUser(Connection connection, String poolId, String username) {
            events.add("get:" + username);
            return directory.getUser(connection, poolId, username);
        }

        @Override
        public MfaSettings getMfaSettings(Connection connection, String poolId, String username) {
            throw new AssertionError("a bulk change reads no MFA settings");
        }

        @Override
        public Page<UserGroup> listGroupsForUser(Connection connection, String poolId, String username,
                                                 String nextToken) {
            throw new AssertionError("a bulk change lists no groups");
        }

        @Override
        public SignInHistory listUserAuthEvents(Connection connection, String poolId, String username,
                                                String nextToken) {
            throw new AssertionError("a bulk change reads no sign-in history");
        }

        @Override
        public void disableUser(Connection connection, String poolId, String username) {
            events.add("disable:" + username);
            directory.disableUser(connection, poolId, username);
        }

        @Override
        public void enableUser(Connection connection, String poolId, String username) {
            events.add("enable:" + username);
            directory.enableUser(connection, poolId, username);
        }

        @Override
        public void globalSignOut(Connection connection, String poolId, String username) {
            events.add("signOut:" + username);
            directory.globalSignOut(connection, poolId, username);
        }
    }

    private boolean disable(String... usernames) {
        return vm.request(UserAction.DISABLE, POOL_A, List.of(usernames), "test", List.of());
    }

    private boolean signOut(String... usernames) {
        return vm.request(UserAction.SIGN_OUT, POOL_A, List.of(usernames), "test", List.of());
    }

    private BulkResultRow row(String username) {
        return vm.results().stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow();
    }

    private List<String> written() {
        return fake.calls().stream()
                .filter(c -> c.operation().equals(DISABLE_USER) || c.operation().equals(ENABLE_USER)
                        || c.operation().equals(SIGN_OUT))
                .map(c -> c.operation() + " " + c.argument())
                .toList();
    }

    private static ConsoleFailure.TooManyRequests throttled(String operation) {
        return new ConsoleFailure.TooManyRequests(operation, "Rate exceeded", "req-throttled", null);
    }

    @Nested
    class Outcomes {

        @Test
        void mixedBatchEndsWithOneResultPerUser() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", false), user("cid", true), user("dot", true));
            fake.onCall(DISABLE_USER, call -> {
                if (call.argument().equals("cid")) {
                    throw new ConsoleFailure.InvalidParameter(DISABLE_USER, "User cannot be disabled", "req-cid", null);
                }
            });
            fake.failNext(DISABLE_USER, throttled(DISABLE_USER)); // ann's first try: the budget absorbs it

            assertThat(disable("ann", "ben", "ghost", "cid", "dot")).isTrue();

            assertThat(vm.results()).extracting(BulkResultRow::username, BulkResultRow::getOutcome,
                    BulkResultRow::getErrorType).containsExactly(
                    tuple("ann", BulkOutcome.DONE, null),
                    tuple("ben", BulkOutcome.SKIPPED, null),
                    tuple("ghost", BulkOutcome.NOT_FOUND, null),
                    tuple("cid", BulkOutcome.FAILED, "InvalidParameterException"),
                    tuple("dot", BulkOutcome.DONE, null));
            assertThat(row("cid").getDetail()).contains("User cannot be disabled");
            assertThat(row("ann").getDetail()).contains("confirmed by AdminGetUser");
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
            assertThat(written()).containsExactly(DISABLE_USER + " ann", DISABLE_USER + " ann",
                    DISABLE_USER + " cid", DISABLE_USER + " dot");
            assertThat(audit.attempts()).extracting(RecordingAuditTrail.Line::username)
                    .containsExactly("ann", "ann", "cid", "dot");
            assertThat(audit.outcomes()).extracting(RecordingAuditTrail.Line::username, RecordingAuditTrail.Line::outcome)
                    .containsExactly(tuple("ann", AuditEntry.Outcome.FAILED), tuple("ann", AuditEntry.Outcome.DONE),
                            tuple("ben", AuditEntry.Outcome.SKIPPED), tuple("cid", AuditEntry.Outcome.FAILED),
                            tuple("dot", AuditEntry.Outcome.DONE));
            assertThat(fake.user(POOL_A.poolId(), "ann").enabled()).isFalse();
            assertThat(fake.user(POOL_A.poolId(), "cid").enabled()).isTrue();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(vm.progressProperty().get()).isEqualTo(1.0);
            assertThat(vm.summaryProperty().get())
                    .isEqualTo("Done, verified 2 · Skipped 1 · Not found 1 · Failed 1");
            assertThat(vm.retryableCountProperty().get()).isEqualTo(1);
            assertThat(shownInTable).extracting(PoolUser::username).contains("ann", "ben", "dot");
        }

        @Test
        void throttlingBacksOffExponentiallyAndGivesUpAfterTheLastTry() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            for (int i = 0; i < UserWrites.WRITE_TRIES; i++) {
                fake.failNext(DISABLE_USER, throttled(DISABLE_USER));
            }

            disable("ann");

            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                    Duration.ofSeconds(8), Duration.ofSeconds(16));
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.FAILED);
            assertThat(row("ann").getErrorType()).isEqualTo("TooManyRequestsException");
            // Every call has its own attempt and outcome.
            assertThat(audit.attempts()).hasSize(UserWrites.WRITE_TRIES);
            assertThat(audit.outcomes()).hasSize(UserWrites.WRITE_TRIES).extracting(RecordingAuditTrail.Line::outcome)
                    .containsOnly(AuditEntry.Outcome.FAILED);
            assertThat(audit.outcomes().get(0).detail()).isEqualTo("Throttled; not changed. Trying again in 1000 ms");
        }

        @Test
        void aThrottledAnswerAfterAnUnclearAttemptIsReadBackInsteadOfWrittenAgain() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            // The SDK's first attempt timed out after Cognito applied it; its own retry was then throttled.
            directory = new ForwardingUserDirectory(fake) {
                @Override
                public void disableUser(Connection connection, String poolId, String username) {
                    inner.disableUser(connection, poolId, username);
                    throw throttled(DISABLE_USER).afterUnclearAttempt();
                }
            };

            disable("ann");

            assertThat(written()).containsExactly(DISABLE_USER + " ann");
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.DONE);
            assertThat(audit.outcomes()).extracting(RecordingAuditTrail.Line::outcome)
                    .containsExactly(AuditEntry.Outcome.DONE);
            assertThat(audit.outcomes().get(0).detail()).doesNotContain("not changed");
        }

        @Test
        void aChangeWhoseOutcomeLineCannotBeWrittenIsReportedAsMadeAndPausesTheRun() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            fake.onCall(DISABLE_USER, call -> audit.breakDown());

            disable("ann", "ben");

            assertThat(fake.user(POOL_A.poolId(), "ann").enabled()).isFalse();
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.DONE);
            assertThat(row("ann").getDetail()).contains("audit");
            assertThat(row("ben").getOutcome()).isEqualTo(BulkOutcome.PENDING);
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("audit log cannot be written");
            assertThat(written()).containsExactly(DISABLE_USER + " ann");
        }

        @Test
        void throttledReadsAreAbsorbedToo() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.failNext(GET_USER, throttled(GET_USER)).failNext(GET_USER, throttled(GET_USER));

            disable("ann");

            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.DONE);
        }

        @Test
        void enableWorksTheSameWay() {
            fake.addUsers(POOL_A.poolId(), user("ann", false), user("ben", true));

            vm.request(UserAction.ENABLE, POOL_A, List.of("ann", "ben"), "test", List.of());

            assertThat(vm.results()).extracting(BulkResultRow::getOutcome)
                    .containsExactly(BulkOutcome.DONE, BulkOutcome.SKIPPED);
            assertThat(written()).containsExactly(ENABLE_USER + " ann");
            assertThat(audit.attempts()).extracting(l -> l.attempt().action()).containsExactly("AdminEnableUser");
        }

        @Test
        void acceptedButNotAppliedIsAFailureToRetry() {
            fake.addUsers(POOL_A.poolId(), user("ann", true)).ignoreWrites();

            disable("ann");

            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.FAILED);
            assertThat(row("ann").getErrorType()).isEqualTo("NotApplied");
            assertThat(row("ann").getDetail()).contains("still reads Enabled");
        }

        @Test
        void aFailedReadBackAfterAnAcceptedWriteIsDoneButNotVerified() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.onCall(DISABLE_USER, call -> fake.failNext(GET_USER,
                    new ConsoleFailure.NetworkUnreachable(GET_USER, "https://cognito", "Read timed out", null)));

            disable("ann");

            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.UNVERIFIED);
            assertThat(row("ann").getOutcome().retryable()).isTrue();
            assertThat(audit.outcomes()).extracting(RecordingAuditTrail.Line::outcome)
                    .containsExactly(AuditEntry.Outcome.DONE);
        }
    }

    @Nested
    class OutcomeUnknown {

        @Test
        void aWriteWithoutAnswerIsReadBackNotSentAgain() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.failNext(DISABLE_USER, new ConsoleFailure.InternalError(DISABLE_USER, "Internal error", "req-500", null));

            disable("ann");

            assertThat(written()).containsExactly(DISABLE_USER + " ann");
            assertThat(events).containsExactly("get:ann", "attempt:ann", "disable:ann", "get:ann",
                    "outcome:ann:FAILED");
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.FAILED);
            assertThat(row("ann").getErrorType()).isEqualTo("InternalErrorException");
            assertThat(row("ann").getDetail()).contains("not changed");
        }

        @Test
        void aWriteThatLandedButLostItsAnswerIsVerifiedByTheReadBack() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            directory = new LosingAnswers(fake, Set.of("ann"));

            disable("ann", "ben");

            assertThat(written()).containsExactly(DISABLE_USER + " ann", DISABLE_USER + " ben");
            assertThat(events).containsSubsequence("attempt:ann", "disable:ann", "get:ann", "outcome:ann:DONE");
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.DONE);
            assertThat(row("ann").getDetail()).contains("after no clear answer");
            assertThat(fake.user(POOL_A.poolId(), "ann").enabled()).isFalse();
        }

        @Test
        void whenTheReadBackFailsTooTheUserIsUnknownAndNotWrittenAgain() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.failNext(DISABLE_USER, new ConsoleFailure.NetworkUnreachable(DISABLE_USER, "https://cognito",
                    "Read timed out", null));
            fake.onCall(DISABLE_USER, call -> fake.failNext(GET_USER,
                    new ConsoleFailure.NetworkUnreachable(GET_USER, "https://cognito", "Read timed out", null)));

            disable("ann");

            assertThat(written()).hasSize(1);
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.UNKNOWN);
            assertThat(audit.outcomes()).extracting(RecordingAuditTrail.Line::outcome)
                    .containsExactly(AuditEntry.Outcome.UNKNOWN);
        }

        @Test
        void threeUsersInARowWithoutAnswerPauseTheRun() {
            fake.addUsers(POOL_A.poolId(), users("u", 5));
            fake.onCall(GET_USER, call -> {
                throw new ConsoleFailure.NetworkUnreachable(GET_USER, "https://cognito", "Connect timed out", null);
            });

            disable("u0001", "u0002", "u0003", "u0004", "u0005");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("no answer from Cognito for 3 users in a row");
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsExactly(BulkOutcome.FAILED,
                    BulkOutcome.FAILED, BulkOutcome.FAILED, BulkOutcome.PENDING, BulkOutcome.PENDING);
            assertThat(written()).isEmpty();
        }
    }

    /** Makes the change, then loses the answer, for some users: as a timeout after Cognito acted would. */
    private static final class LosingAnswers extends ForwardingUserDirectory {
        private final Set<String> losing;

        LosingAnswers(UserDirectory inner, Set<String> losing) {
            super(inner);
            this.losing = losing;
        }

        @Override
        public void disableUser(Connection connection, String poolId, String username) {
            inner.disableUser(connection, poolId, username);
            if (losing.contains(username)) {
                throw new ConsoleFailure.NetworkUnreachable(DISABLE_USER, "https://cognito", "Read timed out", null);
            }
        }
    }

    @Nested
    class Audit {

        @Test
        void everyWriteHasAnAttemptBeforeItAndAnOutcomeAfterWithTheReason() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", false), user("cid", true));
            fake.failNext(DISABLE_USER, new ConsoleFailure.InvalidParameter(DISABLE_USER, "Bad", "req-1", null));

            disable("ann", "ben", "cid");

            assertThat(events).containsExactly(
                    "get:ann", "attempt:ann", "disable:ann", "outcome:ann:FAILED",
                    "get:ben", "outcome:ben:SKIPPED",
                    "get:cid", "attempt:cid", "disable:cid", "get:cid", "outcome:cid:DONE");
            assertThat(audit.attempts()).extracting(RecordingAuditTrail.Line::username).containsExactly("ann", "cid");
            assertThat(audit.attempts()).allSatisfy(line -> {
                assertThat(line.attempt().reason()).isEqualTo(REASON);
                assertThat(line.attempt().action()).isEqualTo("AdminDisableUser");
                assertThat(line.attempt().poolId()).isEqualTo(POOL_A.poolId());
                assertThat(line.attempt().userSub()).isEqualTo("sub-" + line.username());
            });
            // Each outcome of a write answers its own attempt.
            assertThat(audit.outcomes()).filteredOn(l -> l.outcome() != AuditEntry.Outcome.SKIPPED)
                    .extracting(RecordingAuditTrail.Line::operationId)
                    .containsExactlyElementsOf(audit.attempts().stream().map(RecordingAuditTrail.Line::operationId)
                            .toList());
            assertThat(audit.outcomes().get(0).failure()).isInstanceOf(ConsoleFailure.InvalidParameter.class);
        }

        @Test
        void theLinesOfOneRunShareItsIdAndASkippedUserHasOneSkippedLine() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", false), user("cid", true));

            disable("ann", "ben", "cid");

            String runId = vm.planProperty().get().runId();
            assertThat(runId).isNotBlank();
            assertThat(audit.lines()).hasSize(5).extracting(l -> l.attempt().runId()).containsOnly(runId);
            assertThat(audit.lines()).filteredOn(l -> l.username().equals("ben")).singleElement().satisfies(line -> {
                assertThat(line.phase()).isEqualTo(AuditEntry.Phase.OUTCOME);
                assertThat(line.outcome()).isEqualTo(AuditEntry.Outcome.SKIPPED);
                assertThat(line.attempt().reason()).isEqualTo(REASON);
                assertThat(line.attempt().action()).isEqualTo("AdminDisableUser");
                assertThat(line.detail()).isEqualTo("Nothing sent, as the user is already disabled");
                assertThat(line.operationId()).isNotIn(audit.attempts().stream()
                        .map(RecordingAuditTrail.Line::operationId).toList());
            });
        }

        @Test
        void eachRunHasAnIdOfItsOwn() {
            BulkPlan dryRun = new BulkPlan(UserAction.DISABLE, POOL_A, List.of("ann"), "test", REASON, true, false);

            assertThat(dryRun.runId()).isNotEqualTo(new BulkPlan(UserAction.DISABLE, POOL_A, List.of("ann"), "test",
                    REASON, true, false).runId());
            assertThat(dryRun.forReal().runId()).isNotEqualTo(dryRun.runId());
        }

        @Test
        void skippedUsersGetNoWriteAndOnlyASkippedLine() {
            fake.addUsers(POOL_A.poolId(), user("ann", false), user("ben", false));

            disable("ann", "ben");

            assertThat(written()).isEmpty();
            assertThat(audit.attempts()).isEmpty();
            assertThat(audit.outcomes()).extracting(RecordingAuditTrail.Line::outcome)
                    .containsExactly(AuditEntry.Outcome.SKIPPED, AuditEntry.Outcome.SKIPPED);
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome)
                    .containsOnly(BulkOutcome.SKIPPED);
        }

        @Test
        void whenTheAuditLogCannotBeWrittenNothingIsSentAndTheRunPauses() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            audit.breakDown();

            disable("ann", "ben");

            assertThat(written()).isEmpty();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("audit log cannot be written", "No space left");
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome)
                    .containsExactly(BulkOutcome.PENDING, BulkOutcome.PENDING);
        }
    }

    @Nested
    class SignOut {

        @Test
        void aDryRunReadsAndSendsNothingThenTheRealRunSignsOutTheEnabledUsersAndSkipsTheDisabledOne() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", false), user("cid", true));
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));

            signOut("ann", "ben", "cid", "ghost");

            assertThat(written()).isEmpty();
            assertThat(audit.lines()).isEmpty();
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsExactly(BulkOutcome.WOULD_CHANGE,
                    BulkOutcome.SKIPPED, BulkOutcome.WOULD_CHANGE, BulkOutcome.NOT_FOUND);
            assertThat(vm.titleProperty().get()).isEqualTo("Dry run finished: sign out 4 users");
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, false));

            assertThat(vm.runForReal()).isTrue();

            assertThat(dialogs.last().facts()).extracting(DialogService.Fact::value)
                    .contains("2 would be signed out, 1 disabled (nothing to revoke), 1 not found");
            assertThat(written()).containsExactly(SIGN_OUT + " ann", SIGN_OUT + " cid");
            assertThat(row("ben").getOutcome()).as("the rule a row and the pane follow: a disabled user has no token")
                    .isEqualTo(BulkOutcome.SKIPPED);
            assertThat(row("ben").getDetail()).isEqualTo("Nothing sent, as the user is disabled: disabling already "
                    + "revoked the user's ID, access and refresh tokens, and none is issued until the user is enabled "
                    + "again.");
            assertThat(audit.lines()).extracting(line -> line.username() + " " + line.outcome())
                    .contains("ben SKIPPED");
            assertThat(row("ann").getDetail()).isEqualTo("Cognito accepted AdminUserGlobalSignOut: signed out");
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        }

        @Test
        void eachSignOutIsReadFirstThenAuditedBeforeAndAfterWithTheRunsReasonAndNeverReadBack() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));

            signOut("ann", "ben");

            assertThat(events).containsExactly(
                    "get:ann", "attempt:ann", "signOut:ann", "outcome:ann:DONE",
                    "get:ben", "attempt:ben", "signOut:ben", "outcome:ben:DONE");
            String runId = vm.planProperty().get().runId();
            assertThat(audit.lines()).allSatisfy(line -> {
                assertThat(line.attempt().action()).isEqualTo("AdminUserGlobalSignOut");
                assertThat(line.attempt().reason()).isEqualTo(REASON);
                assertThat(line.attempt().runId()).isEqualTo(runId);
                assertThat(line.attempt().userSub()).isEqualTo("sub-" + line.username());
            });
            assertThat(vm.titleProperty().get()).isEqualTo("Signed out 2 users");
        }

        @Test
        void aSignOutWithoutAClearAnswerIsUnknownAndNeitherReadBackNorSentAgain() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            fake.failNext(SIGN_OUT, new ConsoleFailure.NetworkUnreachable(SIGN_OUT, "https://cognito",
                    "Read timed out", null));

            signOut("ann", "ben");

            assertThat(events).containsExactly(
                    "get:ann", "attempt:ann", "signOut:ann", "outcome:ann:UNKNOWN",
                    "get:ben", "attempt:ben", "signOut:ben", "outcome:ben:DONE");
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.UNKNOWN);
            assertThat(row("ann").getDetail()).contains("outcome unclear", "not sent again");
            assertThat(audit.outcomes().get(0).detail()).contains("outcome unclear");
        }

        @Test
        void threeSignOutsInARowWithoutAnswerPauseTheRun() {
            fake.addUsers(POOL_A.poolId(), users("u", 4));
            fake.onCall(SIGN_OUT, call -> {
                throw new ConsoleFailure.NetworkUnreachable(SIGN_OUT, "https://cognito", "Read timed out", null);
            });

            signOut("u0001", "u0002", "u0003", "u0004");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(written()).hasSize(3);
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsExactly(BulkOutcome.UNKNOWN,
                    BulkOutcome.UNKNOWN, BulkOutcome.UNKNOWN, BulkOutcome.PENDING);
        }

        @Test
        void whenTheAuditLogCannotBeWrittenNoSignOutIsSentAndTheRunPauses() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            audit.breakDown();

            signOut("ann");

            assertThat(written()).isEmpty();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
        }

        @Test
        void aPausedSignOutIsKeptInTheJournalAndResumeSignsOutOnlyTheUsersNotReached(
                @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
            BulkJournal journal = new BulkJournal(dir.resolve("bulk-run.jsonl"));
            vm.keepRunsIn(journal);
            fake.addUsers(POOL_A.poolId(), users("u", 4));
            fake.onCall(SIGN_OUT, call -> {
                if (call.argument().equals("u0002")) {
                    vm.pause();
                }
            });

            signOut("u0001", "u0002", "u0003", "u0004");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.titleProperty().get()).isEqualTo("Paused: signing out 4 users");
            BulkJournal.Unfinished left = journal.unfinished().orElseThrow();
            assertThat(left.summary()).startsWith("Sign out in ").contains(REASON, "not reached 2");
            assertThat(left.notReached()).containsExactly("u0003", "u0004");

            vm.resume();

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(written()).containsExactly(SIGN_OUT + " u0001", SIGN_OUT + " u0002", SIGN_OUT + " u0003",
                    SIGN_OUT + " u0004");
            assertThat(journal.unfinished()).isEmpty();
        }

        @Test
        void iamRefusingSignOutPausesTheRunAfterTheFirstUser() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            fake.failNext(SIGN_OUT, new ConsoleFailure.AccessDenied(SIGN_OUT, "AccessDeniedException",
                    "not authorized to perform: cognito-idp:AdminUserGlobalSignOut", "req-1", null));

            signOut("ann", "ben");

            assertThat(written()).containsExactly(SIGN_OUT + " ann");
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("access denied");
        }
    }

    @Nested
    class Converging {

        @Test
        void runningTheSameBatchAgainSkipsEveryUserAndWritesNothing() {
            fake.addUsers(POOL_A.poolId(), users("u", 6));
            fake.addUsers(POOL_A.poolId(), user("off", false));
            String[] batch = {"u0001", "u0002", "u0003", "off", "u0004", "u0005", "u0006"};
            disable(batch);
            assertThat(written()).hasSize(6);
            int attempts = audit.attempts().size();
            fake.forgetCalls();

            assertThat(disable(batch)).isTrue();

            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsOnly(BulkOutcome.SKIPPED);
            assertThat(written()).isEmpty();
            assertThat(fake.calls(GET_USER)).hasSize(7);
            assertThat(audit.attempts()).hasSize(attempts);
        }

        @Test
        void aRunInterruptedHalfwayAndStartedAgainNeverFlipsAUserTwice() {
            fake.addUsers(POOL_A.poolId(), users("u", 6));
            String[] batch = {"u0001", "u0002", "u0003", "u0004", "u0005", "u0006"};
            fake.onCall(DISABLE_USER, call -> {
                if (call.argument().equals("u0003")) {
                    vm.cancel();
                }
            });
            disable(batch);
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.CANCELLED);

            disable(batch);

            assertThat(written()).containsExactlyElementsOf(IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> DISABLE_USER + " u000" + i).toList());
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsExactly(
                    BulkOutcome.SKIPPED, BulkOutcome.SKIPPED, BulkOutcome.SKIPPED,
                    BulkOutcome.DONE, BulkOutcome.DONE, BulkOutcome.DONE);
        }
    }

    @Nested
    class DryRun {

        @Test
        void readsEveryUserAndWritesNothing() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", false));
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));

            disable("ann", "ben", "ghost");

            assertThat(fake.calls()).extracting(FakeUserDirectory.Call::operation).containsOnly(GET_USER);
            assertThat(written()).isEmpty();
            assertThat(audit.lines()).isEmpty();
            assertThat(vm.results()).extracting(BulkResultRow::username, BulkResultRow::getOutcome).containsExactly(
                    tuple("ann", BulkOutcome.WOULD_CHANGE), tuple("ben", BulkOutcome.SKIPPED),
                    tuple("ghost", BulkOutcome.NOT_FOUND));
            assertThat(vm.titleProperty().get()).startsWith("Dry run");
            assertThat(vm.messageProperty().get()).startsWith("Dry run finished");
            assertThat(fake.user(POOL_A.poolId(), "ann").enabled()).isTrue();
        }

        @Test
        void runForRealAsksAgainAndThenChangesOnlyWhatTheDryRunFound() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", false));
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));
            disable("ann", "ben");
            dialogs.answer(new DialogService.BulkAnswer("INC-4711 approved", null, false));

            assertThat(vm.runForReal()).isTrue();

            assertThat(dialogs.asked()).hasSize(2);
            assertThat(dialogs.last().facts()).extracting(DialogService.Fact::label).contains("Dry run found");
            assertThat(written()).containsExactly(DISABLE_USER + " ann");
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome)
                    .containsExactly(BulkOutcome.DONE, BulkOutcome.SKIPPED);
            assertThat(audit.attempts()).extracting(l -> l.attempt().reason()).containsExactly("INC-4711 approved");
        }

        @Test
        void runForRealStartsWithTheDryRunsReason() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));
            disable("ann");
            assertThat(dialogs.last().reason()).as("a new request starts blank").isNull();

            vm.runForReal();

            assertThat(dialogs.last().reason()).isEqualTo(REASON);
        }

        @Test
        void theHeadingSaysWhatWasDoneOnceTheRunIsOver() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));
            disable("ann", "ben");
            assertThat(vm.titleProperty().get()).isEqualTo("Dry run finished: disable 2 users");

            dialogs.answer(new DialogService.BulkAnswer(REASON, null, false));
            vm.runForReal();

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(vm.titleProperty().get()).isEqualTo("Disabled 2 users");
        }

        @Test
        void runForRealRefusesAnAnswerThatIsStillADryRunAndNeedsAReasonAsAlways() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));
            disable("ann");

            assertThat(vm.runForReal()).isFalse();
            assertThat(vm.problemProperty().get()).isEqualTo("Untick Dry run to run for real.");
            dialogs.answer(new DialogService.BulkAnswer(" ", null, true));
            assertThat(vm.runForReal()).isFalse();
            assertThat(vm.problemProperty().get()).as("the reason is checked first").contains("ticket id");

            assertThat(dialogs.asked()).hasSize(3);
            assertThat(written()).isEmpty();
            assertThat(vm.planProperty().get().dryRun()).isTrue();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
        }
    }

    @Nested
    class Safety {
        private final AtomicReference<String> blocked = new AtomicReference<>();
        private final AtomicBoolean production = new AtomicBoolean();

        @BeforeEach
        void guarded() {
            vm = new BulkRunViewModel(new Recording(), audit, executor, dialogs, nanos::get, sleeps::add,
                    (pool, read) -> shownInTable.addAll(read), new WriteSafety() {
                        @Override
                        public Optional<String> writesBlocked() {
                            return Optional.ofNullable(blocked.get());
                        }

                        @Override
                        public boolean isProduction(Connection connection) {
                            return production.get();
                        }
                    });
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
        }

        @Test
        void onProductionEvenTwoUsersNeedTheCountTyped() {
            production.set(true);

            assertThat(disable("ann", "ben")).isFalse();

            assertThat(dialogs.last().countToType()).isTrue();
            assertThat(dialogs.last().note()).startsWith("PRODUCTION");
            assertThat(vm.problemProperty().get()).isEqualTo("Type the number of users, 2, to confirm.");
            assertThat(written()).isEmpty();

            dialogs.answer(new DialogService.BulkAnswer(REASON, "2", false));
            assertThat(disable("ann", "ben")).isTrue();
            assertThat(written()).hasSize(2);
        }

        @Test
        void readOnlyModeRefusesARealRunButAllowsADryRun() {
            blocked.set("Read-only mode is on: Disable and Enable are off.");

            assertThat(disable("ann", "ben")).isFalse();
            assertThat(vm.problemProperty().get()).contains("Read-only", "Dry run");
            assertThat(fake.calls()).isEmpty();
            assertThat(audit.lines()).isEmpty();

            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));
            assertThat(disable("ann", "ben")).isTrue();
            assertThat(fake.calls()).extracting(FakeUserDirectory.Call::operation).containsOnly(GET_USER);

            dialogs.answer(new DialogService.BulkAnswer(REASON, null, false));
            assertThat(vm.runForReal()).as("a dry run cannot turn into a real one in read-only mode").isFalse();
            assertThat(written()).isEmpty();
        }

        @Test
        void readOnlyModeRefusesARealSignOutButAllowsADryRun() {
            blocked.set("Read-only mode is on.");

            assertThat(signOut("ann", "ben")).isFalse();
            assertThat(fake.calls()).isEmpty();
            assertThat(audit.lines()).isEmpty();

            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));
            assertThat(signOut("ann", "ben")).isTrue();
            assertThat(fake.calls()).extracting(FakeUserDirectory.Call::operation).containsOnly(GET_USER);
            assertThat(written()).isEmpty();
        }

        @Test
        void onProductionASignOutOfTwoUsersNeedsTheCountTyped() {
            production.set(true);

            assertThat(signOut("ann", "ben")).isFalse();
            assertThat(dialogs.last().note()).startsWith("PRODUCTION");
            assertThat(written()).isEmpty();

            dialogs.answer(new DialogService.BulkAnswer(REASON, "2", false));
            assertThat(signOut("ann", "ben")).isTrue();
            assertThat(written()).containsExactly(SIGN_OUT + " ann", SIGN_OUT + " ben");
        }

        @Test
        void inReadOnlyModeTheConfirmationSaysSoFirstAndAcceptsOnlyADryRun() {
            blocked.set("Read-only mode is on: Disable and Enable are off.");

            disable("ann", "ben");

            DialogService.BulkConfirmation asked = dialogs.last();
            assertThat(asked.readOnly()).startsWith("Read-only mode is on");
            assertThat(asked.check().apply(new DialogService.BulkAnswer(REASON, null, false)))
                    .hasValueSatisfying(why -> assertThat(why).contains("Read-only"));
            assertThat(asked.check().apply(new DialogService.BulkAnswer(REASON, null, true))).isEmpty();
        }

        @Test
        void aFinishedRunWithFailuresSaysFinishedNotDisabled() {
            for (int i = 0; i < UserWrites.WRITE_TRIES; i++) {
                fake.failNext(DISABLE_USER, throttled(DISABLE_USER));
            }
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, false));
            disable("ann");

            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.FAILED);
            assertThat(vm.titleProperty().get()).isEqualTo("Finished: disable 1 user");
        }

        @Test
        void readOnlyModeStopsARetryOfFailedUsers() {
            fake.failNext(DISABLE_USER, new ConsoleFailure.InvalidParameter(DISABLE_USER, "bad", "req-1", null));
            disable("ann", "ben");
            assertThat(row("ann").getOutcome().retryable()).isTrue();
            blocked.set("Read-only mode is on: Disable and Enable are off.");

            vm.retryFailed();
            vm.retry(row("ann"));

            assertThat(written()).containsExactly(DISABLE_USER + " ann", DISABLE_USER + " ben");
            assertThat(vm.problemProperty().get()).contains("Read-only");
        }

        @Test
        void aPausedRunResumedAfterReadOnlyWasTurnedOnWritesNothingMore() {
            fake.onCall(DISABLE_USER, call -> vm.pause());
            disable("ann", "ben");
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            blocked.set("Read-only mode is on: Disable and Enable are off.");

            vm.resume();

            assertThat(written()).containsExactly(DISABLE_USER + " ann");
            assertThat(row("ben").getOutcome()).isEqualTo(BulkOutcome.PENDING);
            assertThat(vm.problemProperty().get()).contains("Read-only");
        }

        @Test
        void aRunningJobStopsWritingOnceReadOnlyIsTurnedOn() {
            fake.addUsers(POOL_A.poolId(), user("cid", true));
            fake.onCall(DISABLE_USER, call -> blocked.set("Read-only mode is on: Disable and Enable are off."));

            disable("ann", "ben", "cid");

            assertThat(written()).containsExactly(DISABLE_USER + " ann");
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("Read-only");
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsExactly(BulkOutcome.DONE,
                    BulkOutcome.PENDING, BulkOutcome.PENDING);
        }

        @Test
        void anAutomaticResumeAfterSignInWritesNothingInReadOnlyMode() {
            AtomicReference<Notice.SignInRequest> asked = new AtomicReference<>();
            vm.setSignIn(asked::set);
            fake.failNext(GET_USER, new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "support",
                    ConsoleFailure.CredentialsUnavailable.Recovery.SSO_SIGN_IN, "expired", null, null, null));
            disable("ann", "ben");
            vm.signIn();
            blocked.set("Read-only mode is on: Disable and Enable are off.");

            asked.get().retry().run();

            assertThat(written()).isEmpty();
            assertThat(vm.problemProperty().get()).contains("Read-only");
        }
    }

    @Nested
    class ClosingDuringARun {
        @org.junit.jupiter.api.io.TempDir
        java.nio.file.Path dir;

        @Test
        void closingAsksFirstThenPausesAfterTheUserInHandAndKeepsTheUsersNotReached() throws Exception {
            BulkJournal journal = new BulkJournal(dir.resolve("bulk-run.jsonl"));
            vm.keepRunsIn(journal);
            fake.addUsers(POOL_A.poolId(), users("u", 4));
            executor.holdWork();
            disable("u0001", "u0002", "u0003", "u0004");
            assertThat(vm.closeConfirmation()).hasValueSatisfying(ask -> assertThat(ask.header())
                    .contains("4 users not reached"));
            boolean[] closed = {false};
            fake.onCall(DISABLE_USER, call -> {
                if (call.argument().equals("u0002")) {
                    vm.pauseThen(() -> closed[0] = true); // the operator confirmed the close mid-run
                }
            });

            executor.runAll();

            assertThat(closed[0]).isTrue();
            assertThat(written()).containsExactly(DISABLE_USER + " u0001", DISABLE_USER + " u0002");
            assertThat(audit.outcomes()).as("the user in hand finished, audit included").hasSize(2);
            BulkJournal.Unfinished left = journal.unfinished().orElseThrow();
            assertThat(left.counts()).containsEntry(BulkOutcome.DONE, 2);
            assertThat(left.notReached()).containsExactly("u0003", "u0004");
            assertThat(java.nio.file.Files.readAllLines(left.listFile())).containsExactly("u0003", "u0004");
            assertThat(left.summary()).contains("Disable", POOL_A.poolId(), "support", REASON, "not reached 2");
        }

        @Test
        void aFinishedRunLeavesNothingToResumeAndADryRunAsksNothing() {
            BulkJournal journal = new BulkJournal(dir.resolve("bulk-run.jsonl"));
            vm.keepRunsIn(journal);
            fake.addUsers(POOL_A.poolId(), users("u", 2));

            disable("u0001", "u0002");

            assertThat(journal.unfinished()).isEmpty();
            assertThat(vm.closeConfirmation()).isEmpty();
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, true));
            executor.holdWork();
            disable("u0001", "u0002");
            assertThat(vm.closeConfirmation()).as("a dry run only reads").isEmpty();
        }
    }

    @Nested
    class ProductionAfterADryRun {
        private final SettingsService settings = SettingsService.inMemory();
        private final Connection staging = new Connection(new AwsProfile("staging", "eu-west-1", null,
                ProfileKind.SSO), "eu-west-1");

        @Test
        void runForRealAfterTheWindowMovedToAnotherAccountStillAsksForTheProductionConfirmation() {
            SafetyViewModel safety = new SafetyViewModel(settings);
            safety.setProductionAccounts("123456789012");
            safety.connectionChanged(CONNECTION);
            safety.callerKnown(new CallerIdentity("arn:aws:sts::123456789012:assumed-role/Support/jo", "123456789012"));
            vm = new BulkRunViewModel(new Recording(), audit, executor, dialogs, nanos::get, sleeps::add,
                    (pool, read) -> shownInTable.addAll(read), safety);
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            dialogs.answer(new DialogService.BulkAnswer(REASON, "2", true));
            disable("ann", "ben");
            safety.connectionChanged(staging);
            safety.callerKnown(new CallerIdentity("arn:aws:sts::210987654321:assumed-role/Support/jo", "210987654321"));
            dialogs.answer(new DialogService.BulkAnswer(REASON, null, false));

            assertThat(vm.runForReal()).isFalse();

            assertThat(dialogs.last().countToType()).isTrue();
            assertThat(dialogs.last().note()).startsWith("PRODUCTION");
            assertThat(written()).isEmpty();
        }
    }

    @Nested
    class PauseAndCancel {

        @Test
        void pauseStopsAfterTheUserInHandAndResumeGoesOn() {
            fake.addUsers(POOL_A.poolId(), users("u", 5));
            fake.onCall(DISABLE_USER, call -> {
                if (call.argument().equals("u0002")) {
                    vm.pause();
                }
            });

            disable("u0001", "u0002", "u0003", "u0004", "u0005");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsExactly(BulkOutcome.DONE,
                    BulkOutcome.DONE, BulkOutcome.PENDING, BulkOutcome.PENDING, BulkOutcome.PENDING);
            assertThat(written()).hasSize(2);
            assertThat(vm.progressProperty().get()).isEqualTo(0.4);
            assertThat(vm.remainingTextProperty().get()).isEqualTo("3 waiting");
            assertThat(Thread.currentThread().isInterrupted()).as("no interrupt left behind").isFalse();

            vm.resume();

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsOnly(BulkOutcome.DONE);
            assertThat(written()).hasSize(5).doesNotHaveDuplicates();
        }

        @Test
        void pauseBeforeTheWorkStartsSendsNothing() {
            fake.addUsers(POOL_A.poolId(), users("u", 3));
            executor.holdWork();
            disable("u0001", "u0002", "u0003");
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.RUNNING);

            vm.pause();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSING);
            executor.runNext();

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(fake.calls()).isEmpty();
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsOnly(BulkOutcome.PENDING);
        }

        @Test
        void pauseDuringAThrottlingBackoffLeavesTheUserUnchangedUntilResume() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            fake.failNext(DISABLE_USER, throttled(DISABLE_USER));
            vm = new BulkRunViewModel(new Recording(), audit, executor, dialogs, nanos::get, duration -> {
                sleeps.add(duration);
                vm.pause();
            }, (pool, read) -> { });

            disable("ann", "ben");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.PENDING);
            assertThat(row("ann").getDetail()).contains("Throttled");
            assertThat(audit.attempts()).hasSize(1);
            assertThat(audit.outcomes()).singleElement().satisfies(line -> {
                assertThat(line.outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
                assertThat(line.failure()).isInstanceOf(ConsoleFailure.TooManyRequests.class);
            });
            assertThat(fake.calls(GET_USER)).extracting(FakeUserDirectory.Call::argument).containsExactly("ann");

            vm.resume();

            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsOnly(BulkOutcome.DONE);
            assertThat(written()).containsExactly(DISABLE_USER + " ann", DISABLE_USER + " ann", DISABLE_USER + " ben");
            assertThat(audit.attempts()).hasSize(3);
            assertThat(audit.outcomes()).hasSize(3);
        }

        @Test
        void cancelMarksTheRestNotSent() {
            fake.addUsers(POOL_A.poolId(), users("u", 4));
            fake.onCall(GET_USER, call -> {
                if (call.argument().equals("u0002")) {
                    vm.cancel();
                }
            });

            disable("u0001", "u0002", "u0003", "u0004");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.CANCELLED);
            // Cancel came while u0002 was being read: it is not changed either.
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsExactly(BulkOutcome.DONE,
                    BulkOutcome.NOT_SENT, BulkOutcome.NOT_SENT, BulkOutcome.NOT_SENT);
            assertThat(written()).containsExactly(DISABLE_USER + " u0001");
            assertThat(vm.messageProperty().get()).isEqualTo("Cancelled: 3 users not sent.");
        }

        @Test
        void cancelWhileWaitingForTheRateBudgetSendsNothingForThatUser() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            // What SdkUserDirectory throws when the wait for the budget is interrupted: the request never went out.
            fake.onCall(DISABLE_USER, call -> {
                vm.cancel();
                throw new CancellationException("AdminDisableUser stopped while waiting for the rate budget");
            });

            disable("ann", "ben");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.CANCELLED);
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome)
                    .containsExactly(BulkOutcome.NOT_SENT, BulkOutcome.NOT_SENT);
            assertThat(audit.outcomes()).singleElement().satisfies(line -> {
                assertThat(line.outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
                assertThat(line.detail()).startsWith("Not sent");
            });
            assertThat(fake.user(POOL_A.poolId(), "ann").enabled()).isTrue();
        }

        @Test
        void cancelWhilePausedEndsTheRun() {
            fake.addUsers(POOL_A.poolId(), users("u", 3));
            fake.onCall(DISABLE_USER, call -> vm.pause());
            disable("u0001", "u0002", "u0003");
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);

            vm.cancel();

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.CANCELLED);
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsExactly(BulkOutcome.DONE,
                    BulkOutcome.NOT_SENT, BulkOutcome.NOT_SENT);
            assertThat(written()).hasSize(1);
        }

        @Test
        void noOtherRunStartsWhileOneIsPaused() {
            fake.addUsers(POOL_A.poolId(), users("u", 3));
            fake.onCall(DISABLE_USER, call -> vm.pause());
            disable("u0001", "u0002");

            assertThat(disable("u0003")).isFalse();

            assertThat(vm.problemProperty().get()).contains("under way");
            assertThat(dialogs.asked()).hasSize(1);
        }
    }

    @Nested
    class Retry {

        @Test
        void retryFailedRunsOnlyTheFailedUsersAgain() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true), user("cid", true));
            AtomicBoolean refuse = new AtomicBoolean(true);
            fake.onCall(DISABLE_USER, call -> {
                if (call.argument().equals("ben") && refuse.get()) {
                    throw new ConsoleFailure.InvalidParameter(DISABLE_USER, "Try later", "req-ben", null);
                }
            });
            disable("ann", "ben", "cid");
            assertThat(row("ben").getOutcome()).isEqualTo(BulkOutcome.FAILED);
            refuse.set(false);
            fake.forgetCalls();

            vm.retryFailed();

            assertThat(fake.calls()).extracting(FakeUserDirectory.Call::argument).containsOnly("ben");
            assertThat(row("ben").getOutcome()).isEqualTo(BulkOutcome.DONE);
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.FINISHED);
            assertThat(vm.retryableCountProperty().get()).isZero();
        }

        @Test
        void oneRowCanBeRetriedAlone() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", true));
            fake.failNext(DISABLE_USER, new ConsoleFailure.InvalidParameter(DISABLE_USER, "No", "req-1", null));
            fake.failNext(DISABLE_USER, new ConsoleFailure.InvalidParameter(DISABLE_USER, "No", "req-2", null));
            disable("ann", "ben");
            fake.forgetCalls();

            vm.retry(row("ben"));

            assertThat(fake.calls()).extracting(FakeUserDirectory.Call::argument).containsOnly("ben");
            assertThat(row("ben").getOutcome()).isEqualTo(BulkOutcome.DONE);
            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.FAILED);
        }

        @Test
        void aUserChangedMeanwhileIsSkippedOnRetry() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.failNext(DISABLE_USER, new ConsoleFailure.InvalidParameter(DISABLE_USER, "No", "req-1", null));
            disable("ann");
            fake.disableUser(CONNECTION, POOL_A.poolId(), "ann"); // another operator
            fake.forgetCalls();

            vm.retryFailed();

            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.SKIPPED);
            assertThat(written()).isEmpty();
        }
    }

    @Nested
    class RunWideFailures {

        @Test
        void aMissingPoolPausesTheRunInsteadOfFailingEveryUser() {
            PoolSelection gone = new PoolSelection(CONNECTION, new UserPool("eu-west-1_Gone", null));

            vm.request(UserAction.DISABLE, gone, List.of("ann", "ben"), "test", List.of());

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("does not exist", "ResourceNotFoundException");
            assertThat(fake.calls(GET_USER)).hasSize(1);
            assertThat(vm.results()).extracting(BulkResultRow::getOutcome).containsOnly(BulkOutcome.PENDING);
        }

        @Test
        void expiredCredentialsPauseTheRunWithTheLoginCommand() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.failNext(GET_USER, new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "support", true,
                    "Token is expired", null, null));

            disable("ann");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("aws sso login --profile support");

            vm.resume();

            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.DONE);
        }

        @Test
        void aPauseForAnExpiredSsoSessionOffersSignInAndResumesOnceSignedIn() {
            fake.addUsers(POOL_A.poolId(), user("ann", true), user("bob", true));
            fake.failNext(GET_USER, new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "support", true,
                    "Token is expired", null, null));
            List<Notice.SignInRequest> asked = new ArrayList<>();
            vm.setSignIn(asked::add);

            disable("ann", "bob");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("Press Sign in");
            Notice.SignInRequest request = vm.signInRequestProperty().get();
            assertThat(request.label()).isEqualTo("Sign in");
            assertThat(request.connection()).isEqualTo(POOL_A.connection());

            vm.signIn();
            assertThat(asked).containsExactly(request);
            assertThat(vm.stateProperty().get()).as("nothing resumes before the sign-in succeeds")
                    .isEqualTo(RunState.PAUSED);

            request.retry().run(); // what the sign-in does once it worked

            assertThat(row("ann").getOutcome()).isEqualTo(BulkOutcome.DONE);
            assertThat(row("bob").getOutcome()).isEqualTo(BulkOutcome.DONE);
            assertThat(vm.signInRequestProperty().get()).isNull();
        }

        @Test
        void aRoleThatNeedsAnMfaCodeOffersToEnterIt() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.failNext(GET_USER, new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "admin",
                    ConsoleFailure.CredentialsUnavailable.Recovery.MFA_CODE, "MFA code needed", null, null, null));
            vm.setSignIn(request -> { });

            disable("ann");

            assertThat(vm.messageProperty().get()).contains("needs an MFA code", "Enter MFA code");
            assertThat(vm.signInRequestProperty().get().label()).isEqualTo("Enter MFA code");
        }

        @Test
        void expiredStaticKeysOfferNoSignIn() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.failNext(GET_USER, new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "keys",
                    ConsoleFailure.CredentialsUnavailable.Recovery.RENEW_ELSEWHERE, "expired", null, null, null));
            vm.setSignIn(request -> { });

            disable("ann");

            assertThat(vm.stateProperty().get()).isEqualTo(RunState.PAUSED);
            assertThat(vm.messageProperty().get()).contains("profile keys", "Renew the credentials");
            assertThat(vm.signInRequestProperty().get()).isNull();
        }

        @Test
        void aKnownFixForTheCredentialsIsGivenInsteadOfTheGeneralAdvice() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            fake.failNext(GET_USER, new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "admin",
                    ConsoleFailure.CredentialsUnavailable.Recovery.RENEW_ELSEWHERE, "no source profile",
                    "Add [profile base] to ~/.aws/config, or name another source_profile.", null, null));

            disable("ann");

            assertThat(vm.messageProperty().get()).contains("profile admin", "Add [profile base] to ~/.aws/config")
                    .doesNotContain("Renew the credentials");
        }
    }

    @Nested
    class Confirmation {

        @Test
        void namesCountPoolProfileRegionAndTheFirstTenNames() {
            fake.addUsers(POOL_A.poolId(), users("u", 12));
            List<String> names = users("u", 12).stream().map(PoolUser::username).toList();

            vm.request(UserAction.DISABLE, POOL_A, names, "12 selected rows", List.of());

            DialogService.BulkConfirmation asked = dialogs.last();
            assertThat(asked.title()).isEqualTo("Disable 12 users");
            assertThat(asked.count()).isEqualTo(12);
            assertThat(asked.facts()).extracting(DialogService.Fact::label, DialogService.Fact::value).containsExactly(
                    tuple("Users", "12 users (12 selected rows)"),
                    tuple("Pool", "customers  (eu-west-1_PoolA)"),
                    tuple("Profile", "support"),
                    tuple("Region", "eu-west-1"));
            assertThat(asked.sample()).containsExactlyElementsOf(names.subList(0, 10));
            assertThat(asked.countToType()).isFalse();
            assertThat(asked.confirmLabel()).isEqualTo("Disable 12 users");
        }

        @Test
        void aReasonIsRequired() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            dialogs.answer(new DialogService.BulkAnswer("   ", null, false));

            assertThat(disable("ann")).isFalse();

            assertThat(vm.problemProperty().get()).contains("ticket id");
            assertThat(fake.calls()).isEmpty();
            assertThat(vm.stateProperty().get()).isEqualTo(RunState.IDLE);
            assertThat(dialogs.last().check().apply(new DialogService.BulkAnswer("", null, false))).isPresent();
            assertThat(dialogs.last().check().apply(new DialogService.BulkAnswer("INC-1", null, false))).isEmpty();
        }

        @Test
        void moreThanFiftyUsersNeedTheCountTyped() {
            fake.addUsers(POOL_A.poolId(), users("u", 51));
            List<String> names = users("u", 51).stream().map(PoolUser::username).toList();
            dialogs.answer(new DialogService.BulkAnswer(REASON, "50", false));

            assertThat(vm.request(UserAction.DISABLE, POOL_A, names, "all 51 shown", List.of())).isFalse();

            assertThat(dialogs.last().countToType()).isTrue();
            assertThat(vm.problemProperty().get()).isEqualTo("Type the number of users, 51, to confirm.");
            assertThat(fake.calls()).isEmpty();

            dialogs.answer(new DialogService.BulkAnswer(REASON, " 51 ", false));
            assertThat(vm.request(UserAction.DISABLE, POOL_A, names, "all 51 shown", List.of())).isTrue();
            assertThat(written()).hasSize(51);
        }

        @Test
        void cancelStartsNothing() {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            dialogs.answer(null);

            assertThat(disable("ann")).isFalse();

            assertThat(fake.calls()).isEmpty();
            assertThat(vm.results()).isEmpty();
            assertThat(vm.problemProperty().get()).isNull();
        }

        @Test
        void linesLeftOutOfAnImportAreShownAndListedButNeverSent() throws Exception {
            fake.addUsers(POOL_A.poolId(), user("ann", true));
            UsernameImport.Result file = UsernameImport.parse("users.txt", "ann\n\nann\nbad name\n", false);

            vm.request(UserAction.DISABLE, POOL_A, file.usernames(), file.source(), file.problems());

            assertThat(dialogs.last().facts()).filteredOn(f -> f.label().equals("Left out, not sent"))
                    .singleElement().extracting(DialogService.Fact::value).asString()
                    .contains("Line 2: blank", "Line 3: \"ann\" repeats line 1", "Line 4: \"bad name\"");
            assertThat(vm.results()).extracting(BulkResultRow::username, BulkResultRow::getOutcome).containsExactly(
                    tuple("ann", BulkOutcome.DONE), tuple("(blank line 2)", BulkOutcome.LEFT_OUT),
                    tuple("ann", BulkOutcome.LEFT_OUT), tuple("bad name", BulkOutcome.LEFT_OUT));
            assertThat(fake.calls()).extracting(FakeUserDirectory.Call::argument).containsOnly("ann");
            assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        }
    }

    @Test
    void elapsedAndRemainingTimeFollowTheClock() {
        fake.addUsers(POOL_A.poolId(), users("u", 4));
        fake.onCall(GET_USER, call -> nanos.addAndGet(Duration.ofMillis(500).toNanos()));
        List<String> remaining = new ArrayList<>();
        vm.remainingTextProperty().addListener((obs, old, now) -> remaining.add(now));

        disable("u0001", "u0002", "u0003", "u0004");

        // Each user takes two reads of 0.5 s: after the first, three users left take about 3 s.
        assertThat(remaining).contains("About 3 s left");
        assertThat(vm.elapsedTextProperty().get()).isEqualTo("Elapsed 4 s");
        assertThat(vm.messageProperty().get()).isEqualTo("Finished in 4 s.");
    }

    @Test
    void resultsSummaryCountsEveryOutcome() {
        fake.addUsers(POOL_A.poolId(), user("ann", true), user("ben", false));
        disable("ann", "ben", "ghost");
        assertThat(vm.count(BulkOutcome.DONE)).isEqualTo(1);
        assertThat(vm.count(BulkOutcome.SKIPPED)).isEqualTo(1);
        assertThat(vm.count(BulkOutcome.NOT_FOUND)).isEqualTo(1);
        assertThat(vm.results().stream().map(BulkResultRow::getOutcome).collect(Collectors.toSet()))
                .allMatch(BulkOutcome::finished);
    }
}
