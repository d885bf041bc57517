package dev.cognitoconsole.writes;

import dev.cognitoconsole.model.UserAction;

/**
 * What a change does to a user, in the words every confirmation uses, for one user or for each of many. Disable and
 * sign-out revoke the same tokens, so they say so in the same sentence.
 */
public final class ChangeEffects {
    /** What no revocation can reach: an app that checks a JWT's signature itself never asks Cognito. */
    public static final String ISSUED_TOKENS = "Tokens already issued and checked locally by an app stay valid until "
            + "they expire, at most the app client's access and ID token lifetime (1 hour by default).";

    /** Why a disabled user is not signed out: there is no valid Cognito token left to revoke. */
    public static final String ALREADY_REVOKED = "disabling already revoked the user's ID, access and refresh tokens, "
            + "and none is issued until the user is enabled again.";

    private ChangeEffects() {
    }

    /**
     * Why a user for whom {@link UserAction#reached} holds gets no call, to follow "the user is": "already disabled",
     * or for a sign-out "disabled: disabling already revoked ...".
     */
    public static String needless(UserAction action) {
        return action.setsEnabled() ? "already " + action.pastTense() : "disabled: " + ALREADY_REVOKED;
    }

    /** One user's change: "Disabling blocks the user's sign-in ...". */
    public static String of(UserAction action) {
        return describe(action, "the user", "the user's");
    }

    /** A bulk change: "Disabling blocks each user's sign-in ...". */
    public static String ofEach(UserAction action) {
        return describe(action, "each user", "each user's");
    }

    private static String describe(UserAction action, String who, String whose) {
        return switch (action) {
            case DISABLE -> "Disabling blocks " + whose + " sign-in until enabled again: Cognito revokes " + whose
                    + " ID, access and refresh tokens and ends every session. " + ISSUED_TOKENS;
            case ENABLE -> "Enabling lets " + who + " sign in again.";
            case SIGN_OUT -> "Cognito revokes " + whose + " ID, access and refresh tokens, so every session must sign "
                    + "in again; the account stays enabled. " + ISSUED_TOKENS;
        };
    }
}
