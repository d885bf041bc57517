package dev.cognitoconsole.model;

/**
 * Why a call to AWS failed, in the console's own terms. The {@code aws} layer turns every SDK exception
 * into one of these, so that nothing above it sees an SDK class.
 */
public abstract sealed class ConsoleFailure extends RuntimeException
        permits ConsoleFailure.ResourceNotFound, ConsoleFailure.InvalidParameter,
        ConsoleFailure.TooManyRequests, ConsoleFailure.NotAuthorized, ConsoleFailure.UserNotFound,
        ConsoleFailure.InternalError, ConsoleFailure.NetworkUnreachable,
        ConsoleFailure.CredentialsUnavailable, ConsoleFailure.AccessDenied, ConsoleFailure.Unknown {

    /** One constant per subtype, for switch statements (Java 17 has no pattern switch). */
    public enum Kind {
        RESOURCE_NOT_FOUND, INVALID_PARAMETER, TOO_MANY_REQUESTS, NOT_AUTHORIZED, USER_NOT_FOUND,
        INTERNAL_ERROR, NETWORK_UNREACHABLE, CREDENTIALS_UNAVAILABLE, ACCESS_DENIED, UNKNOWN
    }

    private final Kind kind;
    private final String operation;
    private final String awsCode;
    private final String requestId;
    private volatile boolean afterUnclearAttempt;

    private ConsoleFailure(Kind kind, String operation, String awsCode, String message, String requestId,
                           Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.operation = operation;
        this.awsCode = awsCode;
        this.requestId = requestId;
    }

    /** The failure itself, or, for anything that escaped the aws layer unmapped (a bug), an unknown one. */
    public static ConsoleFailure from(Throwable error) {
        return error instanceof ConsoleFailure f ? f
                : new Unknown("console", null, String.valueOf(error.getMessage()), null, error);
    }

    public Kind kind() {
        return kind;
    }

    /** The API operation that failed, such as {@code ListUsers}. */
    public String operation() {
        return operation;
    }

    /** The AWS error code ({@code __type}), or {@code null} when the failure is not an AWS answer. */
    public String awsCode() {
        return awsCode;
    }

    /** The AWS request id, or {@code null} when no answer arrived. */
    public String requestId() {
        return requestId;
    }

    /** Whether the request may have reached Cognito and changed something although it failed. */
    public boolean outcomeUnknown() {
        return afterUnclearAttempt || kind == Kind.NETWORK_UNREACHABLE || kind == Kind.INTERNAL_ERROR
                || kind == Kind.UNKNOWN;
    }

    /**
     * Marks that an earlier attempt of this call (retried by the SDK) got no clear answer: the call may have taken
     * effect although its last attempt was refused.
     */
    public ConsoleFailure afterUnclearAttempt() {
        afterUnclearAttempt = true;
        return this;
    }

    /** The pool does not exist in this account and region. */
    public static final class ResourceNotFound extends ConsoleFailure {
        public ResourceNotFound(String operation, String message, String requestId, Throwable cause) {
            super(Kind.RESOURCE_NOT_FOUND, operation, "ResourceNotFoundException", message, requestId, cause);
        }
    }

    /** Cognito rejected a parameter of the request. */
    public static final class InvalidParameter extends ConsoleFailure {
        public InvalidParameter(String operation, String message, String requestId, Throwable cause) {
            super(Kind.INVALID_PARAMETER, operation, "InvalidParameterException", message, requestId, cause);
        }
    }

    /** The account's request-rate quota for this operation is exhausted, after the SDK's retries. */
    public static final class TooManyRequests extends ConsoleFailure {
        public TooManyRequests(String operation, String message, String requestId, Throwable cause) {
            super(Kind.TOO_MANY_REQUESTS, operation, "TooManyRequestsException", message, requestId, cause);
        }
    }

    /** Cognito refused the operation for this pool or user (not an IAM denial). */
    public static final class NotAuthorized extends ConsoleFailure {
        public NotAuthorized(String operation, String message, String requestId, Throwable cause) {
            super(Kind.NOT_AUTHORIZED, operation, "NotAuthorizedException", message, requestId, cause);
        }
    }

    /** The user does not exist (any more) in the pool. */
    public static final class UserNotFound extends ConsoleFailure {
        public UserNotFound(String operation, String message, String requestId, Throwable cause) {
            super(Kind.USER_NOT_FOUND, operation, "UserNotFoundException", message, requestId, cause);
        }
    }

    /** Cognito had an internal fault. */
    public static final class InternalError extends ConsoleFailure {
        public InternalError(String operation, String message, String requestId, Throwable cause) {
            super(Kind.INTERNAL_ERROR, operation, "InternalErrorException", message, requestId, cause);
        }
    }

    /** No answer: no network, endpoint unreachable, or the call timed out. */
    public static final class NetworkUnreachable extends ConsoleFailure {
        private final String endpoint;

        public NetworkUnreachable(String operation, String endpoint, String message, Throwable cause) {
            super(Kind.NETWORK_UNREACHABLE, operation, null, message, null, cause);
            this.endpoint = endpoint;
        }

        /** Where the call was going. */
        public String endpoint() {
            return endpoint;
        }
    }

    /** The profile has no usable credentials: missing, expired, or a sign-in the operator must make. */
    public static final class CredentialsUnavailable extends ConsoleFailure {
        /** What the operator can do in the console to get credentials again. */
        public enum Recovery {
            /** Nothing in the console: the credentials must be renewed where they come from. */
            RENEW_ELSEWHERE,
            /** Sign in to IAM Identity Center (SSO) with the device code flow. */
            SSO_SIGN_IN,
            /** Type the MFA code the profile's role asks for. */
            MFA_CODE
        }

        private final String profile;
        private final Recovery recovery;
        private final String fix;

        public CredentialsUnavailable(String operation, String awsCode, String profile, boolean sso,
                                      String message, String requestId, Throwable cause) {
            this(operation, awsCode, profile, sso ? Recovery.SSO_SIGN_IN : Recovery.RENEW_ELSEWHERE, message, null,
                    requestId, cause);
        }

        /**
         * @param fix what the operator should do, when the aws layer knows better than the general advice
         *            (such as "add the source profile"), or {@code null}
         */
        public CredentialsUnavailable(String operation, String awsCode, String profile, Recovery recovery,
                                      String message, String fix, String requestId, Throwable cause) {
            super(Kind.CREDENTIALS_UNAVAILABLE, operation, awsCode, message, requestId, cause);
            this.profile = profile;
            this.recovery = recovery;
            this.fix = fix;
        }

        public String profile() {
            return profile;
        }

        /** Whether signing in to IAM Identity Center (SSO) is the fix. */
        public boolean sso() {
            return recovery == Recovery.SSO_SIGN_IN;
        }

        public Recovery recovery() {
            return recovery;
        }

        /** Whether the console itself can renew the credentials (a sign-in or an MFA code), then retry the call. */
        public boolean renewableInConsole() {
            return recovery != Recovery.RENEW_ELSEWHERE;
        }

        /** The specific fix, or {@code null} when the general advice for the recovery applies. */
        public String fix() {
            return fix;
        }

        /** What to do, worded once for every place that says it: the specific fix, else the recovery's advice. */
        public String advice() {
            if (fix != null) {
                return fix;
            }
            return switch (recovery) {
                case SSO_SIGN_IN -> "Press Sign in (or run: aws sso login --profile " + profile + "), then retry.";
                case MFA_CODE -> "Press Enter MFA code and type the current code from your MFA device.";
                case RENEW_ELSEWHERE -> "Renew the credentials of profile " + profile
                        + " (in ~/.aws/credentials or your credentials tool), then retry.";
            };
        }
    }

    /** IAM denied the caller the operation. */
    public static final class AccessDenied extends ConsoleFailure {
        public AccessDenied(String operation, String awsCode, String message, String requestId, Throwable cause) {
            super(Kind.ACCESS_DENIED, operation, awsCode, message, requestId, cause);
        }

        /** The IAM action to grant, such as {@code cognito-idp:ListUsers}. */
        public String iamAction() {
            return "cognito-idp:" + operation();
        }
    }

    /** Anything else, with its AWS error code when there is one. */
    public static final class Unknown extends ConsoleFailure {
        public Unknown(String operation, String awsCode, String message, String requestId, Throwable cause) {
            super(Kind.UNKNOWN, operation, awsCode, message, requestId, cause);
        }
    }
}
