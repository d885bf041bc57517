package dev.cognitoconsole.details;

import dev.cognitoconsole.model.ConsoleFailure;

/** Says in one line, inside the pane, why one of its reads failed: the other parts are not concerned. */
final class PartFailures {
    private PartFailures() {
    }

    /** @param what what could not be read, such as "Groups" */
    static String describe(String what, ConsoleFailure failure) {
        if (notOffered(failure)) {
            return what + " not shown: this endpoint does not offer " + failure.operation()
                    + " (Cognito does; an emulator may not).";
        }
        String line = switch (failure.kind()) {
            case ACCESS_DENIED -> what + " not shown: your role lacks the permission "
                    + ((ConsoleFailure.AccessDenied) failure).iamAction() + ".";
            case USER_NOT_FOUND -> what + " not shown: the user no longer exists in the pool.";
            case RESOURCE_NOT_FOUND -> what + " not shown: the pool no longer exists.";
            case TOO_MANY_REQUESTS -> what + " not shown: Cognito throttled " + failure.operation()
                    + " (the account's quota is in use). Retry in a few seconds.";
            case CREDENTIALS_UNAVAILABLE -> what + " not shown: the profile's credentials are not usable. "
                    + ((ConsoleFailure.CredentialsUnavailable) failure).advice();
            case NETWORK_UNREACHABLE -> what + " not shown: no answer from Cognito (" + failure.getMessage() + ").";
            default -> what + " not shown: " + failure.operation() + " failed"
                    + (failure.getMessage() == null || failure.getMessage().isBlank() ? "." : ": "
                    + failure.getMessage());
        };
        return failure.requestId() == null ? line : line + " (request id " + failure.requestId() + ")";
    }

    /**
     * Whether the endpoint does not know the operation at all (AWS's UnknownOperationException; cognito-local's
     * "CognitoLocal#Unsupported", which the SDK reads as Unsupported): it holds for the pool like an IAM refusal.
     */
    static boolean notOffered(ConsoleFailure failure) {
        String code = failure.awsCode();
        return "UnknownOperationException".equals(code) || "Unsupported".equals(code);
    }
}
