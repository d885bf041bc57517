package dev.cognitoconsole.common;

import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import java.util.List;

/**
 * A message for the operator, drawn as a banner above the table.
 *
 * @param severity  how it is drawn
 * @param code      what happened, stable for tests and styling: an AWS error code or the console's own
 * @param title     one line: what happened
 * @param message   what it means
 * @param advice    what to do
 * @param requestId the AWS request id, or {@code null}
 * @param actions   buttons offered next to the message, such as Retry
 * @param signIn    the sign-in that would cure the failure (SSO or an MFA code), or {@code null}
 */
public record Notice(Severity severity, String code, String title, String message, String advice,
                     String requestId, List<Action> actions, SignInRequest signIn) {

    public Notice {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public Notice(Severity severity, String code, String title, String message, String advice, String requestId,
                  List<Action> actions) {
        this(severity, code, title, message, advice, requestId, actions, null);
    }

    /** The same notice with another message. */
    public Notice withMessage(String text) {
        return new Notice(severity, code, title, text, advice, requestId, actions, signIn);
    }

    /** The same notice with {@code action} as its first button. */
    public Notice withFirstAction(Action action) {
        List<Action> all = new java.util.ArrayList<>(actions.size() + 1);
        all.add(action);
        all.addAll(actions);
        return new Notice(severity, code, title, message, advice, requestId, all, signIn);
    }

    /**
     * A sign-in the console can make for the operator, then retry what failed.
     *
     * @param connection the profile (and region) to sign in
     * @param recovery   the kind of sign-in
     * @param retry      what to run again once signed in, or {@code null}
     */
    public record SignInRequest(Connection connection, ConsoleFailure.CredentialsUnavailable.Recovery recovery,
                                Runnable retry) {
        /** The label of the banner's button. */
        public String label() {
            return recovery == ConsoleFailure.CredentialsUnavailable.Recovery.MFA_CODE ? "Enter MFA code" : "Sign in";
        }
    }

    public enum Severity { INFO, WARNING, ERROR }

    /** A button on the banner. */
    public record Action(String label, Runnable run) {
    }

    public static Notice info(String code, String title, String message) {
        return new Notice(Severity.INFO, code, title, message, null, null, List.of());
    }
}
