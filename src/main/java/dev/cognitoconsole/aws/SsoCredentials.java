package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsResponse;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

/**
 * The role credentials of an IAM Identity Center (SSO) profile: the sign-in's token from the CLI's cache,
 * refreshed there when an {@code sso_session} allows it, traded for the role's credentials with
 * GetRoleCredentials. No token is ever logged.
 */
final class SsoCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(SsoCredentials.class);

    private final SsoTokenCache tokens;
    private final ServiceClients services;
    private final Clock clock;

    SsoCredentials(SsoTokenCache tokens, ServiceClients services, Clock clock) {
        this.tokens = tokens;
        this.services = services;
        this.clock = clock;
    }

    SsoTokenCache tokens() {
        return tokens;
    }

    HeldCredentials credentials(SsoSettings settings, ProfileChain chain) {
        if (settings.accountId() == null || settings.roleName() == null) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, "profile " + settings.profile()
                            + " has no sso_account_id or sso_role_name",
                    "Add both to profile " + settings.profile() + " (aws configure sso --profile "
                            + settings.profile() + ").");
        }
        String accessToken = accessToken(settings, chain);
        try {
            GetRoleCredentialsResponse answer = services.sso(settings.profile(), Region.of(settings.region()))
                    .getRoleCredentials(r -> r.accessToken(accessToken).accountId(settings.accountId())
                            .roleName(settings.roleName()));
            RoleCredentials role = answer.roleCredentials();
            return new HeldCredentials(AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(),
                    role.sessionToken()), Instant.ofEpochMilli(role.expiration()));
        } catch (UnauthorizedException e) {
            throw chain.unavailable(Recovery.SSO_SIGN_IN, e, "the IAM Identity Center sign-in of profile "
                    + settings.profile() + " is no longer accepted: " + ProfileChain.serviceMessage(e),
                    signInFix(settings.profile()));
        } catch (AwsServiceException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "IAM Identity Center gave no credentials for role "
                            + settings.roleName() + " in account " + settings.accountId() + ": "
                            + ProfileChain.serviceMessage(e),
                    "Check sso_account_id and sso_role_name of profile " + settings.profile()
                            + " against the roles your sign-in may use.");
        } catch (SdkException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "IAM Identity Center could not be reached: "
                    + e.getMessage(), "Check the network, then retry.");
        }
    }

    /** What renews an IAM Identity Center sign-in: the console's own, or the AWS CLI's. */
    static String signInFix(String profile) {
        return "Sign in to IAM Identity Center (SSO) for profile " + profile
                + " from the console, or run: aws sso login --profile " + profile;
    }

    private String accessToken(SsoSettings settings, ProfileChain chain) {
        Optional<SsoTokenCache.SsoToken> cached;
        try {
            cached = tokens.read(settings.cacheKey());
        } catch (IOException e) {
            throw chain.unavailable(Recovery.SSO_SIGN_IN, "the cached IAM Identity Center sign-in of profile "
                    + settings.profile() + " cannot be read: " + e.getMessage(), signInFix(settings.profile()));
        }
        if (cached.isEmpty()) {
            throw chain.unavailable(Recovery.SSO_SIGN_IN, "profile " + settings.profile()
                    + " is not signed in to IAM Identity Center", signInFix(settings.profile()));
        }
        SsoTokenCache.SsoToken token = cached.get();
        Instant now = clock.instant();
        if (now.isBefore(token.expiresAt().minus(Duration.ofMinutes(1)))) {
            return token.accessToken();
        }
        if (settings.sessionName() != null && token.refreshable(now)) {
            Optional<String> refreshed = refresh(settings, token);
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
        throw chain.unavailable(Recovery.SSO_SIGN_IN, "the IAM Identity Center sign-in of profile "
                + settings.profile() + " expired at " + token.expiresAt(), signInFix(settings.profile()));
    }

    // The SDK refreshes an sso_session token the same way; a refused refresh means a new sign-in.
    private Optional<String> refresh(SsoSettings settings, SsoTokenCache.SsoToken token) {
        try {
            CreateTokenResponse answer = services.oidc(settings.profile(), Region.of(settings.region()))
                    .createToken(r -> r.grantType("refresh_token").clientId(token.clientId())
                            .clientSecret(token.clientSecret()).refreshToken(token.refreshToken()));
            Instant expiresAt = clock.instant().plusSeconds(answer.expiresIn() == null ? 3600 : answer.expiresIn());
            String refreshToken = answer.refreshToken() != null ? answer.refreshToken() : token.refreshToken();
            tokens.write(settings.cacheKey(), new SsoTokenCache.SsoToken(token.startUrl(), token.region(),
                    answer.accessToken(), expiresAt, token.clientId(), token.clientSecret(),
                    token.registrationExpiresAt(), refreshToken));
            LOG.info("Refreshed the IAM Identity Center token of sso-session {}", settings.sessionName());
            return Optional.of(answer.accessToken());
        } catch (SdkException | IOException e) {
            LOG.info("The IAM Identity Center token of sso-session {} could not be refreshed: {}",
                    settings.sessionName(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
