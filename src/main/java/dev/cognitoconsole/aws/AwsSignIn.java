package dev.cognitoconsole.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import dev.cognitoconsole.model.SsoDeviceCode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The console's own sign-ins: the IAM Identity Center device code flow (as {@code aws sso login} makes it, the
 * token saved in the CLI's cache) and the MFA code of a role. The device code, client id and client secret stay
 * inside this class; none of them, nor any token, is logged.
 */
public final class AwsSignIn implements SignIn {
    /** What the console registers as with IAM Identity Center. */
    static final String CLIENT_NAME = "cognito-admin-console";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SLOW_DOWN = Duration.ofSeconds(5);
    private static final Pattern MFA_CODE = Pattern.compile("\\d{6}");
    private static final Logger LOG = LoggerFactory.getLogger(AwsSignIn.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits between two polls; tests pass one that returns at once (and moves their clock). */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ProfileCredentials credentials;
    private final Pause pause;
    private final Map<SsoDeviceCode, Pending> pending = new ConcurrentHashMap<>();

    /**
     * @param credentials the credentials the console's clients use: a sign-in replaces what they hold
     * @param pause       waits between polls ({@code Thread::sleep} in effect for the installed console)
     */
    public AwsSignIn(ProfileCredentials credentials, Pause pause) {
        this.credentials = credentials;
        this.pause = pause;
    }

    @Override
    public SsoDeviceCode startSsoSignIn(AwsProfile profile) {
        SsoSettings settings = credentials.ssoSettings(profile.name());
        SsoOidcClient oidc = oidc(settings);
        try {
            RegisterClientResponse client = oidc.registerClient(r -> {
                r.clientName(CLIENT_NAME).clientType("public");
                if (settings.sessionName() != null) {
                    r.scopes(settings.scopes());
                }
            });
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(settings.startUrl()));
            Instant now = credentials.clock().instant();
            // Sign-ins started and never finished keep a device code and a client secret: not past their end.
            pending.keySet().removeIf(started -> !now.isBefore(started.expiresAt()));
            Duration interval = device.interval() == null || device.interval() <= 0 ? DEFAULT_INTERVAL
                    : Duration.ofSeconds(device.interval());
            SsoDeviceCode code = new SsoDeviceCode(profile.name(), device.userCode(), device.verificationUri(),
                    device.verificationUriComplete(), now.plusSeconds(device.expiresIn()), interval);
            Instant registrationExpiresAt = client.clientSecretExpiresAt() == null || client.clientSecretExpiresAt() == 0
                    ? null : Instant.ofEpochSecond(client.clientSecretExpiresAt());
            pending.put(code, new Pending(settings, profile.name(), device.deviceCode(), client.clientId(), client.clientSecret(),
                    registrationExpiresAt));
            LOG.info("Started an IAM Identity Center sign-in for profile {} at {}", profile.name(),
                    settings.startUrl());
            return code;
        } catch (SdkException e) {
            throw failure(settings, "StartDeviceAuthorization", e, "IAM Identity Center did not start the sign-in",
                    "Check sso_start_url and sso_region of profile " + settings.profile()
                            + " and the network, then start again.");
        }
    }

    @Override
    public boolean finishSsoSignIn(SsoDeviceCode code, BooleanSupplier cancelled) {
        Pending sign = pending.get(code);
        if (sign == null) {
            throw new IllegalArgumentException("No sign-in was started for this code (or it already ended)");
        }
        try {
            return poll(code, sign, cancelled);
        } finally {
            pending.remove(code);
        }
    }

    private boolean poll(SsoDeviceCode code, Pending sign, BooleanSupplier cancelled) {
        SsoSettings settings = sign.settings();
        SsoOidcClient oidc = oidc(settings);
        Duration interval = code.interval();
        while (true) {
            if (cancelled.getAsBoolean()) {
                LOG.info("The IAM Identity Center sign-in of profile {} was cancelled", settings.profile());
                return false;
            }
            if (!credentials.clock().instant().isBefore(code.expiresAt())) {
                throw expired(settings, null);
            }
            try {
                CreateTokenResponse token = oidc.createToken(r -> r.grantType(DEVICE_GRANT)
                        .deviceCode(sign.deviceCode()).clientId(sign.clientId()).clientSecret(sign.clientSecret()));
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                save(sign, token);
                return true;
            } catch (AwsServiceException e) {
                switch (oauthError(e)) {
                    case "authorization_pending" -> {
                        // The operator has not approved yet.
                    }
                    case "slow_down" -> interval = interval.plus(SLOW_DOWN);
                    case "access_denied" -> throw failure(settings, "CreateToken", e,
                            "the sign-in was denied in the browser",
                            "Start the sign-in again and approve it, if it was you.");
                    case "expired_token" -> throw expired(settings, e);
                    default -> throw failure(settings, "CreateToken", e, "IAM Identity Center did not finish the"
                            + " sign-in", "Start the sign-in again.");
                }
            } catch (SdkException e) {
                throw failure(settings, "CreateToken", e, "IAM Identity Center did not finish the sign-in",
                        "Check the network, then start the sign-in again.");
            }
            try {
                pause.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void save(Pending sign, CreateTokenResponse token) {
        SsoSettings settings = sign.settings();
        Instant expiresAt = credentials.clock().instant().plusSeconds(token.expiresIn() == null ? 3600
                : token.expiresIn());
        boolean session = settings.sessionName() != null;
        SsoTokenCache.SsoToken cached = new SsoTokenCache.SsoToken(settings.startUrl(), settings.region(),
                token.accessToken(), expiresAt,
                session ? sign.clientId() : null, session ? sign.clientSecret() : null,
                session ? sign.registrationExpiresAt() : null, session ? token.refreshToken() : null);
        try {
            credentials.tokens().write(settings.cacheKey(), cached);
        } catch (IOException e) {
            throw new ConsoleFailure.CredentialsUnavailable("CreateToken", null, settings.profile(),
                    Recovery.SSO_SIGN_IN, "The sign-in worked but its token could not be saved in "
                    + credentials.tokens().dir() + ": " + e.getMessage(),
                    "Make the folder writable for your user, then sign in again.", null, e);
        }
        credentials.forget(settings.profile());
        credentials.forget(sign.requestedBy());
        LOG.info("Signed in to IAM Identity Center for profile {}; the token lasts until {}", settings.profile(),
                expiresAt);
    }

    @Override
    public void signInWithMfa(AwsProfile profile, String code) {
        String typed = code == null ? "" : code.strip();
        if (!MFA_CODE.matcher(typed).matches()) {
            throw new ConsoleFailure.CredentialsUnavailable("AssumeRole", null, profile.name(), Recovery.MFA_CODE,
                    "An MFA code is the 6 digits the MFA device shows now; nothing was sent.",
                    "Type the 6 digits of the current code.", null, null);
        }
        credentials.signInWithMfa(profile.name(), typed);
    }

    // The SDK picks the exception class from the x-amzn-ErrorType header; without it, only the OAuth body
    // {"error":"authorization_pending"} says what happened, and the SDK throws its generic exception.
    private static String oauthError(AwsServiceException e) {
        if (e instanceof AuthorizationPendingException) {
            return "authorization_pending";
        }
        if (e instanceof SlowDownException) {
            return "slow_down";
        }
        if (e instanceof AccessDeniedException) {
            return "access_denied";
        }
        if (e instanceof ExpiredTokenException) {
            return "expired_token";
        }
        AwsErrorDetails details = e.awsErrorDetails();
        if (details == null || details.rawResponse() == null) {
            return "";
        }
        try {
            return JSON.readTree(details.rawResponse().asByteArray()).path("error").asText("");
        } catch (IOException notJson) {
            return "";
        }
    }

    private SsoOidcClient oidc(SsoSettings settings) {
        return credentials.services().oidc(settings.profile(), Region.of(settings.region()));
    }

    private static ConsoleFailure.CredentialsUnavailable expired(SsoSettings settings, SdkException cause) {
        return failure(settings, "CreateToken", cause, "the code expired, start again",
                "Start the sign-in again and approve it within the time the page allows.");
    }

    private static ConsoleFailure.CredentialsUnavailable failure(SsoSettings settings, String operation,
                                                                 SdkException cause, String what, String fix) {
        String code = cause instanceof AwsServiceException s && s.awsErrorDetails() != null
                ? s.awsErrorDetails().errorCode() : null;
        String requestId = cause instanceof AwsServiceException s ? s.requestId() : null;
        String message = "IAM Identity Center sign-in for profile " + settings.profile() + ": " + what
                + (cause == null || cause instanceof AwsServiceException ? "" : " (" + cause.getMessage() + ")");
        return new ConsoleFailure.CredentialsUnavailable(operation, code, settings.profile(), Recovery.SSO_SIGN_IN,
                message, fix, requestId, cause);
    }

    /** What polling needs and the operator must never see. */
    private record Pending(SsoSettings settings, String requestedBy, String deviceCode,
                           String clientId, String clientSecret, Instant registrationExpiresAt) {
        @Override
        public String toString() {
            return "Pending[profile=" + settings.profile() + "]";
        }
    }
}
