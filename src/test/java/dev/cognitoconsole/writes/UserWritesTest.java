package dev.cognitoconsole.writes;

import static dev.cognitoconsole.testing.FakeUserDirectory.DISABLE_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.GET_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.safety.SafetyViewModel;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.RecordingAuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one write path asks the one place that decides, with the identity that really signs the call. */
class UserWritesTest {
    private static final Connection DESK = new Connection(
            new AwsProfile("desk", "eu-west-1", null, ProfileKind.STATIC_KEYS), "eu-west-1");
    private static final PoolSelection POOL = new PoolSelection(DESK, new UserPool("eu-west-1_Desk0001", "desk"));
    private static final CallerIdentity ACCOUNT_A = new CallerIdentity("arn:aws:iam::111122223333:user/a",
            "111122223333");
    private static final CallerIdentity ACCOUNT_B = new CallerIdentity("arn:aws:iam::444455556666:user/b",
            "444455556666");

    private final FakeUserDirectory directory = new FakeUserDirectory()
            .addUsers(POOL.poolId(), user("alice", true), user("bob", false));
    private final SettingsService settings = SettingsService.inMemory();
    private final SafetyViewModel safety = new SafetyViewModel(settings);
    private final List<String> events = new ArrayList<>();
    private final RecordingAuditTrail audit = new RecordingAuditTrail(events::add);
    private final List<AuditTrail.Attempt> attempts = new ArrayList<>();
    private final AtomicReference<CallerIdentity> signer = new AtomicReference<>(ACCOUNT_A);
    private final UserWrites writes = new UserWrites(directory, new AuditTrail() {
        @Override
        public String attempt(Attempt attempt) {
            String id = audit.attempt(attempt);
            attempts.add(attempt);
            return id;
        }

        @Override
        public void outcome(String operationId, Attempt attempt, AuditEntry.Outcome outcome, ConsoleFailure failure,
                            String detail) {
            audit.outcome(operationId, attempt, outcome, failure, detail);
        }
    }, safety, connection -> Optional.ofNullable(signer.get()));

    private UserWrites.Result disableAlice(boolean confirmedAsProduction) {
        return write(UserAction.DISABLE, confirmedAsProduction);
    }

    /** Enable goes to bob, who is disabled; disable and sign-out to alice, who is enabled. */
    private UserWrites.Result write(UserAction action, boolean confirmedAsProduction) {
        String who = who(action);
        return writes.write(new UserWrites.Request(action, POOL, who, "sub-" + who, null, confirmedAsProduction),
                Stops.never(wait -> { }));
    }

    private static String who(UserAction action) {
        return action == UserAction.ENABLE ? "bob" : "alice";
    }

    private List<FakeUserDirectory.Call> sent(UserAction action) {
        return directory.calls(action.apiName());
    }

    @Test
    void aSingleChangeBelongsToNoBulkRun() {
        disableAlice(false);

        assertThat(attempts).singleElement().satisfies(a -> assertThat(a.runId()).isNull());
    }

    @Test
    void theAuditNamesTheIdentityWhoseKeysSignTheCallNotTheOneFirstSeen() {
        safety.connectionChanged(DESK);
        safety.callerKnown(ACCOUNT_A);
        signer.set(ACCOUNT_B); // the profile's keys were replaced meanwhile

        assertThat(disableAlice(false).status()).isEqualTo(UserWrites.Status.DONE);

        assertThat(attempts).singleElement().satisfies(a -> assertThat(a.signer()).isEqualTo(ACCOUNT_B));
    }

    @ParameterizedTest
    @EnumSource(UserAction.class)
    void keysNowSigningAsAProductionAccountNeedTheProductionConfirmationAndNothingIsSent(UserAction action) {
        safety.setProductionAccounts("444455556666");
        safety.connectionChanged(DESK);
        safety.callerKnown(ACCOUNT_A);
        assertThat(safety.isProduction(DESK)).as("the window still knows account A").isFalse();
        signer.set(ACCOUNT_B);

        UserWrites.Result result = write(action, false);

        assertThat(result.status()).isEqualTo(UserWrites.Status.NEEDS_PRODUCTION_CONFIRMATION);
        assertThat(result.detail()).contains("444455556666");
        assertThat(sent(action)).isEmpty();
        assertThat(attempts).isEmpty();
        assertThat(safety.productionProperty().get()).as("the band follows the signer").isTrue();
        assertThat(write(action, true).status()).isEqualTo(UserWrites.Status.DONE);
        assertThat(sent(action)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(UserAction.class)
    void withProductionAccountsSetAnUnknownSignerNeedsTheProductionConfirmation(UserAction action) {
        safety.setProductionAccounts("444455556666");
        signer.set(null);

        assertThat(write(action, false).status()).isEqualTo(UserWrites.Status.NEEDS_PRODUCTION_CONFIRMATION);
        assertThat(sent(action)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(UserAction.class)
    void aRealWriteIamRefusesTurnsChangesOffForThatPoolAndTheNextWriteSendsNothing(UserAction action) {
        String api = action.apiName();
        directory.failNext(api, new ConsoleFailure.AccessDenied(api, "AccessDeniedException",
                "User: arn:aws:iam::111122223333:user/a is not authorized to perform: cognito-idp:" + api,
                "req-1", null));

        assertThat(write(action, false).status()).isEqualTo(UserWrites.Status.NOT_CHANGED);
        UserWrites.Result again = write(action, false);

        assertThat(again.status()).isEqualTo(UserWrites.Status.BLOCKED);
        assertThat(again.detail()).contains("IAM refused", api, POOL.poolId(), "desk");
        assertThat(sent(action)).hasSize(1);
        assertThat(write(UserAction.DISABLE, false).status()).as("every change to the pool is off")
                .isEqualTo(UserWrites.Status.BLOCKED);
    }

    @ParameterizedTest
    @EnumSource(UserAction.class)
    void readOnlyRefusesTheChangeAndNothingIsSentOrRecorded(UserAction action) {
        safety.readOnlyProperty().set(true);

        UserWrites.Result result = write(action, false);

        assertThat(result.status()).isEqualTo(UserWrites.Status.BLOCKED);
        assertThat(sent(action)).isEmpty();
        assertThat(audit.lines()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(UserAction.class)
    void theAttemptIsRecordedBeforeTheCallAndTheOutcomeAfter(UserAction action) {
        directory.onCall(action.apiName(), call -> events.add("call:" + call.argument()));

        UserWrites.Result result = write(action, false);

        String who = who(action);
        assertThat(result.status()).isEqualTo(UserWrites.Status.DONE);
        assertThat(events).containsExactly("attempt:" + who, "call:" + who, "outcome:" + who + ":DONE");
        assertThat(audit.attempts()).singleElement().satisfies(a -> {
            assertThat(a.attempt().action()).isEqualTo(action.apiName());
            assertThat(a.attempt().userSub()).isEqualTo("sub-" + who);
        });
    }

    @ParameterizedTest
    @EnumSource(UserAction.class)
    void anAuditLogThatCannotBeWrittenStopsTheChangeBeforeItIsSent(UserAction action) {
        audit.breakDown();

        UserWrites.Result result = write(action, false);

        assertThat(result.status()).isEqualTo(UserWrites.Status.AUDIT_UNAVAILABLE);
        assertThat(result.detail()).contains("No space left on device");
        assertThat(sent(action)).isEmpty();
    }

    @Test
    void aSignOutIsDoneOnCognitosAnswerWithoutReadingTheUserBack() {
        UserWrites.Result result = write(UserAction.SIGN_OUT, false);

        assertThat(result.status()).isEqualTo(UserWrites.Status.DONE);
        assertThat(result.detail()).isEqualTo("Cognito accepted AdminUserGlobalSignOut: signed out");
        assertThat(directory.calls(GET_USER)).as("sign-out leaves nothing to read").isEmpty();
        assertThat(audit.outcomes()).singleElement().satisfies(o -> assertThat(o.detail())
                .isEqualTo("Cognito accepted; AdminUserGlobalSignOut leaves no state to read back"));
    }

    @Test
    void aSignOutWithoutAClearAnswerIsRecordedUnknownAndNeitherReadBackNorSentAgain() {
        directory.failNext(FakeUserDirectory.SIGN_OUT, new ConsoleFailure.NetworkUnreachable(
                FakeUserDirectory.SIGN_OUT, "https://cognito-idp.eu-west-1.amazonaws.com",
                "Read timed out after the request was sent", null));

        UserWrites.Result result = write(UserAction.SIGN_OUT, false);

        assertThat(result.status()).isEqualTo(UserWrites.Status.UNKNOWN);
        assertThat(result.unclear()).isTrue();
        assertThat(result.detail()).contains("outcome unclear", "not sent again");
        assertThat(sent(UserAction.SIGN_OUT)).hasSize(1);
        assertThat(directory.calls(GET_USER)).isEmpty();
        assertThat(audit.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isEqualTo(AuditEntry.Outcome.UNKNOWN);
            assertThat(o.detail()).contains("outcome unclear");
        });
    }

    @Test
    void aSignOutCognitoRefusesIsRecordedFailedAndNotSentAgain() {
        directory.failNext(FakeUserDirectory.SIGN_OUT, new ConsoleFailure.NotAuthorized(FakeUserDirectory.SIGN_OUT,
                "User is disabled.", "req-2", null));

        UserWrites.Result result = write(UserAction.SIGN_OUT, false);

        assertThat(result.status()).isEqualTo(UserWrites.Status.NOT_CHANGED);
        assertThat(result.unclear()).isFalse();
        assertThat(sent(UserAction.SIGN_OUT)).hasSize(1);
        assertThat(audit.outcomes()).singleElement()
                .satisfies(o -> assertThat(o.outcome()).isEqualTo(AuditEntry.Outcome.FAILED));
    }

    @Test
    void readOnlyTurnedOnBetweenThrottledTriesStopsTheNextTry() {
        directory.failNext(DISABLE_USER, new ConsoleFailure.TooManyRequests(DISABLE_USER, "Rate exceeded", "r", null));
        Stops bulk = new Stops() {
            @Override
            public int throttledWriteTries() {
                return UserWrites.WRITE_TRIES;
            }

            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public <T> T call(java.util.function.Supplier<T> request) {
                return request.get();
            }

            @Override
            public void sleep(java.time.Duration wait) {
                safety.readOnlyProperty().set(true); // the operator turns read-only on during the backoff
            }
        };
        UserWrites.Result result = writes.write(new UserWrites.Request(UserAction.DISABLE, POOL, "alice", "sub-alice",
                null, false), bulk);

        assertThat(result.status()).isEqualTo(UserWrites.Status.BLOCKED);
        assertThat(directory.calls(DISABLE_USER)).hasSize(1);
    }
}
