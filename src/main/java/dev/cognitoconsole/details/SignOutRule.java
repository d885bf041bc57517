package dev.cognitoconsole.details;

import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.writes.ChangeEffects;

/**
 * Whether "Sign out everywhere" is offered for a user, and if not, why, in one line: one rule for every place that
 * offers it (the detail pane, a row's context menu).
 */
public final class SignOutRule {
    /** Why a disabled user is not signed out. */
    public static final String DISABLED = "This user is " + ChangeEffects.needless(UserAction.SIGN_OUT);

    private SignOutRule() {
    }

    /**
     * Why signing {@code user} out of {@code target} is off now, or {@code null} when it may be done.
     *
     * @param writesOff whether changes are off now: the switch that greys out Disable; {@code safety} says why
     */
    public static String blocked(PoolUser user, PoolSelection target, WriteSafety safety, boolean writesOff) {
        if (user == null) {
            return "Select a user.";
        }
        if (UserAction.SIGN_OUT.reached(user.enabled())) {
            return DISABLED;
        }
        if (writesOff) {
            return (target == null ? safety.writesBlocked() : safety.writesBlocked(target)).orElse("Changes are off.");
        }
        return null;
    }
}
