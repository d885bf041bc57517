package dev.cognitoconsole.banner;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.ConsoleFailure;
import java.util.ArrayList;
import java.util.List;

/** Says, for each kind of failure, what happened, what it means and what to do. */
public final class FailureNotices {
    private FailureNotices() {
    }

    public static Notice describe(ConsoleFailure failure, FailureContext context) {
        String profile = context.connection().profile().name();
        String region = context.connection().region();
        String pool = context.poolId() == null ? "this pool" : "pool " + context.poolId();
        String user = context.username() == null ? "the user" : context.username();
        String awsMessage = failure.getMessage() == null ? "" : failure.getMessage();
        List<Notice.Action> actions = new ArrayList<>();
        String code;
        String title;
        String message;
        String advice;
        Notice.Severity severity = Notice.Severity.ERROR;
        Notice.SignInRequest signIn = null;
        switch (failure.kind()) {
            case RESOURCE_NOT_FOUND -> {
                code = "ResourceNotFoundException";
                title = "User pool not found";
                message = "Cognito cannot find " + pool + " in " + region + " for profile " + profile
                        + ". It may have been deleted, or it belongs to another region or account.";
                advice = "Check the region and the profile, then pick the pool again.";
                addIfPresent(actions, "Reload", context.refresh());
            }
            case INVALID_PARAMETER -> {
                code = "InvalidParameterException";
                title = "Cognito rejected the request";
                message = awsMessage;
                advice = "Check the pool id and the user name.";
            }
            case TOO_MANY_REQUESTS -> {
                code = "TooManyRequestsException";
                severity = Notice.Severity.WARNING;
                title = "Rate limit reached";
                message = "Cognito throttled " + failure.operation() + " after several tries: the account's "
                        + "request quota in " + region + " is shared with production apps and is in use.";
                advice = "Wait a few seconds, then retry.";
                addIfPresent(actions, "Retry", context.retry());
            }
            case NOT_AUTHORIZED -> {
                code = "NotAuthorizedException";
                title = "Cognito refused the operation";
                message = awsMessage;
                advice = "The pool's settings or the user's state do not allow " + failure.operation() + ".";
            }
            case USER_NOT_FOUND -> {
                code = "UserNotFoundException";
                severity = Notice.Severity.WARNING;
                title = "User not found";
                message = subject(context) + " no longer exists in " + pool + ": it was probably deleted meanwhile.";
                advice = "Refresh the list to see the pool as it is now.";
                addIfPresent(actions, "Refresh", context.refresh());
            }
            case INTERNAL_ERROR -> {
                code = "InternalErrorException";
                title = "Cognito internal error";
                message = "Amazon Cognito had an internal fault while running " + failure.operation()
                        + "; your request was valid.";
                advice = "Retry in a moment. If it persists, check the AWS Health Dashboard.";
                addIfPresent(actions, "Retry", context.retry());
            }
            case NETWORK_UNREACHABLE -> {
                code = "NetworkUnreachable";
                title = "Cannot reach Cognito";
                message = awsMessage;
                advice = "Check the network connection, proxy or VPN, then retry.";
                addIfPresent(actions, "Retry", context.retry());
            }
            case CREDENTIALS_UNAVAILABLE -> {
                ConsoleFailure.CredentialsUnavailable c = (ConsoleFailure.CredentialsUnavailable) failure;
                code = "CredentialsUnavailable";
                title = "Credentials missing or expired";
                message = "Profile " + c.profile() + " has no valid credentials: " + awsMessage;
                advice = c.advice();
                if (c.renewableInConsole()) {
                    signIn = new Notice.SignInRequest(context.connection(), c.recovery(), context.retry());
                }
                addIfPresent(actions, "Retry", context.retry());
            }
            case ACCESS_DENIED -> {
                ConsoleFailure.AccessDenied a = (ConsoleFailure.AccessDenied) failure;
                code = "AccessDenied";
                title = "Access denied by IAM";
                message = "Profile " + profile + " may not call " + a.iamAction() + ". " + awsMessage;
                advice = "Ask your AWS administrator to allow " + a.iamAction()
                        + " (the README lists the policy the console needs).";
            }
            default -> {
                code = failure.awsCode() == null ? "Unknown" : failure.awsCode();
                title = "Unexpected error" + (failure.awsCode() == null ? "" : ": " + failure.awsCode());
                message = awsMessage;
                advice = failure.requestId() == null ? "Retry. If it happens again, report it with the text above."
                        : "Retry. If it happens again, report it with the request id.";
                addIfPresent(actions, "Retry", context.retry());
            }
        }
        title = context.attempted() + " failed — " + title;
        if (context.write()) {
            advice = outcomeAdvice(failure, context) + " " + advice;
        }
        return new Notice(severity, code, title, message, advice, failure.requestId(), actions, signIn);
    }

    private static String outcomeAdvice(ConsoleFailure failure, FailureContext context) {
        if (context.readBack() != null) {
            return "AdminGetUser then read " + context.readBack() + ": " + subject(context) + " was not changed.";
        }
        if (context.action() != null && !context.action().setsEnabled()) {
            return failure.outcomeUnknown()
                    ? "Whether " + subject(context) + " was " + context.action().pastTense() + " is not known: "
                      + context.action().apiName() + " got no clear answer and leaves no state to read back. It was "
                      + "not sent again; sending it again is for you to decide."
                    : subject(context) + " was not " + context.action().pastTense() + ".";
        }
        return failure.outcomeUnknown()
                ? "Whether " + (context.username() == null ? "the user" : context.username())
                  + " was changed is not known: refresh to read the user's state."
                : subject(context) + " was not changed.";
    }

    // User names are case-sensitive: never capitalise one, even at the start of a sentence.
    private static String subject(FailureContext context) {
        return context.username() == null ? "The user" : context.username();
    }

    private static void addIfPresent(List<Notice.Action> actions, String label, Runnable run) {
        if (run != null) {
            actions.add(new Notice.Action(label, run));
        }
    }
}
