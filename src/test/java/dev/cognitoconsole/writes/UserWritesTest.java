package dev.cognitoconsole.writes;

import static dev.cognitoconsole.testing.FakeUserDirectory.DISABLE_USER;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The one write path asks the one place that decides, with the identity that really signs the call. */
class UserWritesTest {
    private static final Connection DESK = new Connection(
            new AwsProfile("desk", "eu-west-1", null, ProfileKind.STATIC_KEYS), "eu-west-1");
    private static final PoolSelection POOL = new PoolSelection(DESK, new UserPool("eu-west-1_Desk0001", "desk"));
    private static final CallerIdentity ACCOUNT_A = new CallerIdentity("arn:aws:iam::111122223333:user/a",
            "111122223333");
    private static final CallerIdentity ACCOUNT_B = new CallerIdentity("arn:aws:iam::444455556666:user/b",
            "444455556666");

    private final FakeUserDirectory directory = new FakeUserDirectory().addUsers(POOL.poolId(), user("alice", true));
    private final SettingsService settings = SettingsService.inMemory();
    private final SafetyViewModel safety = new SafetyViewModel(settings);
    private final List<AuditTrail.Attempt> attempts = new ArrayList<>();
    private final AtomicReference<CallerIdentity> signer = new AtomicReference<>(ACCOUNT_A);
    private final UserWrites writes = new UserWrites(directory, new AuditTrail() {
        @Override
        public String attempt(Attempt attempt) {
            attempts.add(attempt);
            return "op-" + attempts.size();
        }

        @Override
        public void outcome(String operationId, Attempt attempt, AuditEntry.Outcome outcome, ConsoleFailure failure,
                            String detail) {
        }
    }, safety, connection -> Optional.ofNullable(signer.get()));

    private UserWrites.Result disableAlice(boolean confirmedAsProduction) {
        return writes.write(new UserWrites.Request(UserAction.DISABLE, POOL, "alice", "sub-alice", null,
                confirmedAsProduction), Stops.never(wait -> { }));
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

    @Test
    void keysNowSigningAsAProductionAccountNeedTheProductionConfirmationAndNothingIsSent() {
        safety.setProductionAccounts("444455556666");
        safety.connectionChanged(DESK);
        safety.callerKnown(ACCOUNT_A);
        assertThat(safety.isProduction(DESK)).as("the window still knows account A").isFalse();
        signer.set(ACCOUNT_B);

        UserWrites.Result result = disableAlice(false);

        assertThat(result.status()).isEqualTo(UserWrites.Status.NEEDS_PRODUCTION_CONFIRMATION);
        assertThat(result.detail()).contains("444455556666");
        assertThat(directory.calls(DISABLE_USER)).isEmpty();
        assertThat(attempts).isEmpty();
        assertThat(safety.productionProperty().get()).as("the band follows the signer").isTrue();
        assertThat(disableAlice(true).status()).isEqualTo(UserWrites.Status.DONE);
    }

    @Test
    void withProductionAccountsSetAnUnknownSignerNeedsTheProductionConfirmation() {
        safety.setProductionAccounts("444455556666");
        signer.set(null);

        assertThat(disableAlice(false).status()).isEqualTo(UserWrites.Status.NEEDS_PRODUCTION_CONFIRMATION);
        assertThat(directory.calls(DISABLE_USER)).isEmpty();
    }

    @Test
    void aRealWriteIamRefusesTurnsChangesOffForThatPoolAndTheNextWriteSendsNothing() {
        directory.failNext(DISABLE_USER, new ConsoleFailure.AccessDenied(DISABLE_USER, "AccessDeniedException",
                "User: arn:aws:iam::111122223333:user/a is not authorized to perform: cognito-idp:AdminDisableUser",
                "req-1", null));

        assertThat(disableAlice(false).status()).isEqualTo(UserWrites.Status.NOT_CHANGED);
        UserWrites.Result again = disableAlice(false);

        assertThat(again.status()).isEqualTo(UserWrites.Status.BLOCKED);
        assertThat(again.detail()).contains("IAM refused", "AdminDisableUser", POOL.poolId(), "desk");
        assertThat(directory.calls(DISABLE_USER)).hasSize(1);
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
