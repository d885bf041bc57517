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
        return info(code, title).message(message).build();
    }

    /** Starts an information notice: {@code Notice.info("SignedIn", "Signed in").message(...).build()}. */
    public static Builder info(String code, String title) {
        return new Builder(Severity.INFO, code, title);
    }

    /** Starts a warning: something needs a look, nothing is lost. */
    public static Builder warning(String code, String title) {
        return new Builder(Severity.WARNING, code, title);
    }

    /** Starts an error: something the operator asked for did not happen. */
    public static Builder error(String code, String title) {
        return new Builder(Severity.ERROR, code, title);
    }

    /** Names each part of a notice, so that no call site passes seven values by position. */
    public static final class Builder {
        private final Severity severity;
        private final String code;
        private final String title;
        private String message;
        private String advice;
        private String requestId;
        private final List<Action> actions = new java.util.ArrayList<>();
        private SignInRequest signIn;

        private Builder(Severity severity, String code, String title) {
            this.severity = severity;
            this.code = code;
            this.title = title;
        }

        public Builder message(String text) {
            message = text;
            return this;
        }

        public Builder advice(String text) {
            advice = text;
            return this;
        }

        public Builder requestId(String id) {
            requestId = id;
            return this;
        }

        /** Adds a button; {@code run} may be {@code null}, and then no button is added. */
        public Builder action(String label, Runnable run) {
            if (run != null) {
                actions.add(new Action(label, run));
            }
            return this;
        }

        public Builder signIn(SignInRequest request) {
            signIn = request;
            return this;
        }

        public Notice build() {
            return new Notice(severity, code, title, message, advice, requestId, actions, signIn);
        }
    }
}
