package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import dev.cognitoconsole.model.Connection;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Turns what the SDK throws into the console's {@link ConsoleFailure} types. */
final class FailureMapper {
    private static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "AccessDeniedException", "AccessDenied", "UnauthorizedOperation");
    private static final Set<String> CREDENTIAL_CODES = Set.of(
            "ExpiredTokenException", "ExpiredToken", "UnrecognizedClientException", "InvalidClientTokenId",
            "InvalidSignatureException", "SignatureDoesNotMatch", "MissingAuthenticationTokenException",
            "IncompleteSignatureException", "UnauthorizedException", "RequestExpired");
    private static final int MAX_BODY_SHOWN = 200;
    /** {@code java.net.SocketException: } and the like, which Java puts before a nested message. */
    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "\\b(?:[a-z_][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error): ");

    private FailureMapper() {
    }

    static ConsoleFailure map(String operation, Connection connection, Throwable error) {
        ConsoleFailure.CredentialsUnavailable credentials = credentialsFailure(error);
        if (credentials != null) {
            return forOperation(operation, credentials);
        }
        if (error instanceof ConsoleFailure failure) {
            return failure;
        }
        ConsoleFailure failure = mapSdk(operation, connection, error);
        return UnclearAttempts.hadUnclearAttempt(error) ? failure.afterUnclearAttempt() : failure;
    }

    private static ConsoleFailure mapSdk(String operation, Connection connection, Throwable error) {
        if (error instanceof AwsServiceException service) {
            return fromService(operation, connection, service);
        }
        String endpoint = connection.endpoint();
        if (unreadable(error) && !isNetwork(error)) {
            return new ConsoleFailure.Unknown(operation, null, endpoint + " answered " + operation
                    + " with a body that is not a Cognito answer (" + plain(rootCause(error).getMessage())
                    + "). A proxy may have answered instead of Cognito, or the answer was cut off.", null, error);
        }
        if (unreadable(error)) {
            return new ConsoleFailure.NetworkUnreachable(operation, endpoint,
                    "The answer from " + endpoint + " broke off in transit: " + plain(rootCause(error).getMessage()),
                    error);
        }
        if (isNetwork(error)) {
            return new ConsoleFailure.NetworkUnreachable(operation, endpoint,
                    "No answer from " + endpoint + ": " + rootMessage(error), error);
        }
        if (isCredentials(error)) {
            AwsProfile profile = connection.profile();
            Recovery recovery = mentions(error, "sso") ? Recovery.SSO_SIGN_IN : recoveryFor(profile);
            return new ConsoleFailure.CredentialsUnavailable(operation, null, profile.name(), recovery,
                    rootMessage(error), fixFor(profile, recovery), null, error);
        }
        return new ConsoleFailure.Unknown(operation, null, rootMessage(error), null, error);
    }

    private static ConsoleFailure fromService(String operation, Connection connection, AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details != null && details.errorMessage() != null ? details.errorMessage() : e.getMessage();
        String requestId = e.requestId();
        if (e instanceof ResourceNotFoundException) {
            return new ConsoleFailure.ResourceNotFound(operation, message, requestId, e);
        }
        if (e instanceof InvalidParameterException) {
            return new ConsoleFailure.InvalidParameter(operation, message, requestId, e);
        }
        if (e instanceof TooManyRequestsException) {
            return new ConsoleFailure.TooManyRequests(operation, message, requestId, e);
        }
        if (e instanceof NotAuthorizedException) {
            return new ConsoleFailure.NotAuthorized(operation, message, requestId, e);
        }
        if (e instanceof UserNotFoundException) {
            return new ConsoleFailure.UserNotFound(operation, message, requestId, e);
        }
        if (e instanceof InternalErrorException) {
            return new ConsoleFailure.InternalError(operation, message, requestId, e);
        }
        if (code != null && ACCESS_DENIED_CODES.contains(code)) {
            return new ConsoleFailure.AccessDenied(operation, code, message, requestId, e);
        }
        if (code != null && CREDENTIAL_CODES.contains(code)) {
            AwsProfile profile = connection.profile();
            Recovery recovery = recoveryFor(profile);
            return new ConsoleFailure.CredentialsUnavailable(operation, code, profile.name(), recovery, message,
                    fixFor(profile, recovery), requestId, e);
        }
        if (code == null || code.isBlank()) {
            String text = details == null || details.errorMessage() == null ? notFromCognito(connection, e) : message;
            return new ConsoleFailure.Unknown(operation, "HTTP " + e.statusCode(), text, requestId, e);
        }
        return new ConsoleFailure.Unknown(operation, code, message, requestId, e);
    }

    // No __type and no message: a proxy, firewall or load balancer answered rather than Cognito (the SDK's own
    // text would only say "Service returned HTTP status code 500"), so what it sent is the best clue.
    private static String notFromCognito(Connection connection, AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String body = details == null || details.rawResponse() == null ? "" : details.rawResponse().asUtf8String();
        String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (text.length() > MAX_BODY_SHOWN) {
            text = text.substring(0, MAX_BODY_SHOWN) + "…";
        }
        return connection.endpoint() + " answered HTTP " + e.statusCode() + " without a Cognito error"
                + (text.isEmpty() ? "" : ": \"" + text + "\"")
                + ". A proxy, firewall or load balancer may have answered instead of Cognito.";
    }

    // The SDK's words for an answer whose body it could not read (cut off, garbled, not JSON).
    private static boolean unreadable(Throwable error) {
        return error.getMessage() != null && error.getMessage().startsWith("Unable to unmarshall response");
    }

    // What AWS rejected were credentials the console got from a sign-in, or from somewhere it cannot renew.
    private static Recovery recoveryFor(AwsProfile profile) {
        return switch (profile.kind()) {
            case SSO -> Recovery.SSO_SIGN_IN;
            case ASSUME_ROLE_MFA -> Recovery.MFA_CODE;
            default -> Recovery.RENEW_ELSEWHERE;
        };
    }

    private static String fixFor(AwsProfile profile, Recovery recovery) {
        return switch (recovery) {
            case SSO_SIGN_IN -> SsoCredentials.signInFix(profile.name());
            case MFA_CODE -> "Type the current code from the MFA device of profile " + profile.name() + ".";
            case RENEW_ELSEWHERE -> switch (profile.kind()) {
                case ENVIRONMENT -> "Set fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN),"
                        + " then restart the console.";
                case LOGIN_SESSION -> ProfileCredentials.loginFix(profile.name());
                default -> null;
            };
        };
    }

    // ProfileCredentials throws its failure inside the SDK's call, which may wrap it.
    private static ConsoleFailure.CredentialsUnavailable credentialsFailure(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConsoleFailure.CredentialsUnavailable failure) {
                return failure;
            }
        }
        return null;
    }

    // The failure as the operation that needed the credentials met it, with the profile, recovery and fix it had.
    private static ConsoleFailure.CredentialsUnavailable forOperation(String operation,
                                                                    ConsoleFailure.CredentialsUnavailable failure) {
        if (!ProfileCredentials.OPERATION.equals(failure.operation())) {
            return failure;
        }
        return new ConsoleFailure.CredentialsUnavailable(operation, failure.awsCode(), failure.profile(),
                failure.recovery(), failure.getMessage(), failure.fix(), failure.requestId(),
                failure.getCause() != null ? failure.getCause() : failure);
    }

    private static boolean isNetwork(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof SocketException || t instanceof InterruptedIOException
                    || t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || (t instanceof IOException && !(t.getClass().getName().contains("Json")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCredentials(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.contains(".sso.") || name.contains("ssooidc") || name.endsWith("ExpiredTokenException")) {
                return true;
            }
        }
        return mentions(error, "credential") || mentions(error, "token is expired")
                || mentions(error, "sso token") || mentions(error, "sso session")
                || mentions(error, "profile file contained no");
    }

    private static boolean mentions(Throwable error, String words) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = rootCause(error);
        String message = error.getMessage();
        String rootText = root.getMessage();
        if (root != error && rootText != null && (message == null || !message.contains(rootText))) {
            return plain((message == null ? "" : message + " ") + "(" + rootText + ")");
        }
        return message == null ? error.getClass().getSimpleName() : plain(message);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * A message fit for the banner: its first line, without the class names Java puts before nested messages
     * (the operator needs what happened; the log keeps the stack trace).
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        return CLASS_PREFIX.matcher(firstLine).replaceAll("").strip();
    }

}
