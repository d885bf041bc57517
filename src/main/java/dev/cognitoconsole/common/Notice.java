package dev.cognitoconsole.common;

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
 */
public record Notice(Severity severity, String code, String title, String message, String advice,
                     String requestId, List<Action> actions) {

    public Notice {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public enum Severity { INFO, WARNING, ERROR }

    /** A button on the banner. */
    public record Action(String label, Runnable run) {
    }

    public static Notice info(String code, String title, String message) {
        return new Notice(Severity.INFO, code, title, message, null, null, List.of());
    }
}
