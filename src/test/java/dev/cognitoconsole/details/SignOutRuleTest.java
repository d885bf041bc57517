package dev.cognitoconsole.details;

import static dev.cognitoconsole.testing.FakeUserDirectory.user;
import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignOutRuleTest {
    /** Read-only in pool A only, as after IAM refused a change there. */
    private final WriteSafety deniedInPoolA = new WriteSafety() {
        @Override
        public Optional<String> writesBlocked() {
            return Optional.empty();
        }

        @Override
        public Optional<String> writesBlocked(PoolSelection target) {
            return POOL_A.equals(target) ? Optional.of("IAM refused AdminDisableUser in this pool.") : Optional.empty();
        }

        @Override
        public boolean isProduction(Connection connection) {
            return false;
        }
    };

    @Test
    void anEnabledUserMayBeSignedOutWhileChangesAreOn() {
        assertThat(SignOutRule.blocked(user("ann", true), POOL_A, deniedInPoolA, false)).isNull();
    }

    @Test
    void aDisabledUserIsNotSignedOutAndTheLineSaysWhy() {
        assertThat(SignOutRule.blocked(user("off", false), POOL_A, WriteSafety.NONE, false))
                .isEqualTo(SignOutRule.DISABLED).contains("revoked").contains("enabled again");
    }

    @Test
    void whileChangesAreOffTheSafetyRuleSaysWhyForThatPool() {
        assertThat(SignOutRule.blocked(user("ann", true), POOL_A, deniedInPoolA, true))
                .isEqualTo("IAM refused AdminDisableUser in this pool.");
    }

    @Test
    void nobodySelectedIsNobodyToSignOut() {
        assertThat(SignOutRule.blocked(null, POOL_A, WriteSafety.NONE, false)).isEqualTo("Select a user.");
    }
}
