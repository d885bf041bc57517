package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The STS sessions of a {@code role_arn} profile: AssumeRole with the source credentials (with the profile's
 * {@code external_id}, {@code duration_seconds} and, when asked, an MFA code), or AssumeRoleWithWebIdentity with
 * its {@code web_identity_token_file}. Both go through the profile's own STS region, as the CLI does.
 */
final class RoleSessions {
    private final ServiceClients services;
    private final Clock clock;

    RoleSessions(ServiceClients services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** Assumes the role of the profile with the credentials of its source. */
    HeldCredentials assume(Profile role, AwsCredentials source, ProfileChain chain) {
        return assume(role, source, chain, r -> { });
    }

    /** Assumes the role of an {@code mfa_serial} profile with the code the operator typed. */
    HeldCredentials assumeWithMfa(Profile role, AwsCredentials source, String serial, String code,
                                  ProfileChain chain) {
        return assume(role, source, chain, r -> r.serialNumber(serial).tokenCode(code));
    }

    HeldCredentials webIdentity(Profile role, ProfileChain chain) {
        String name = role.name();
        String tokenFile = role.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).orElseThrow();
        String token;
        try {
            token = Files.readString(Path.of(tokenFile)).strip();
        } catch (IOException | InvalidPathException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, "the web_identity_token_file " + tokenFile
                            + " of profile " + name + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check web_identity_token_file of profile " + name + ": the file must exist, hold a current"
                            + " token (written by your identity provider, such as the EKS pod identity webhook or"
                            + " the CI system) and be readable by the console.");
        }
        String roleArn = role.property(ProfileProperty.ROLE_ARN).orElseThrow();
        try {
            return HeldCredentials.of(services.sts(name, stsRegion(role)).assumeRoleWithWebIdentity(r -> r
                    .roleArn(roleArn).roleSessionName(sessionName(role)).webIdentityToken(token)).credentials());
        } catch (AwsServiceException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "STS refused the web identity token of profile "
                            + name + " for " + roleArn + ": " + ProfileChain.serviceMessage(e),
                    "Check that the token in " + tokenFile + " is current and that the trust policy of the role"
                            + " accepts its issuer and audience (sts:AssumeRoleWithWebIdentity), then retry.");
        } catch (SdkException e) {
            throw stsUnreachable(role, e, chain);
        }
    }

    private HeldCredentials assume(Profile role, AwsCredentials source, ProfileChain chain,
                                   Consumer<AssumeRoleRequest.Builder> extra) {
        String roleArn = role.property(ProfileProperty.ROLE_ARN).orElseThrow();
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(sessionName(role));
        role.property(ProfileProperty.EXTERNAL_ID).ifPresent(request::externalId);
        Optional<String> duration = role.property("duration_seconds");
        if (duration.isPresent()) {
            try {
                request.durationSeconds(Integer.valueOf(duration.get().strip()));
            } catch (NumberFormatException e) {
                throw chain.unavailable(Recovery.RENEW_ELSEWHERE, "profile " + role.name()
                        + " has duration_seconds = " + duration.get() + ", which is not a number of seconds",
                        "Set duration_seconds of profile " + role.name() + " to a number such as 3600.");
            }
        }
        extra.accept(request);
        request.overrideConfiguration(o -> o.credentialsProvider(StaticCredentialsProvider.create(source)));
        try {
            return HeldCredentials.of(services.sts(role.name(), stsRegion(role)).assumeRole(request.build())
                    .credentials());
        } catch (AwsServiceException e) {
            String message = ProfileChain.serviceMessage(e);
            Optional<String> serial = role.property("mfa_serial");
            if (serial.isPresent() && message.contains("MultiFactorAuthentication")) {
                throw chain.unavailable(Recovery.MFA_CODE, e, "the MFA code was not accepted for profile "
                        + role.name() + ": " + message, mfaFix(serial.get()));
            }
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "STS refused to let profile " + role.name()
                            + " assume " + roleArn + ": " + message,
                    "Check that the source credentials may assume the role (its trust policy and"
                            + " sts:AssumeRole), then retry.");
        } catch (SdkException e) {
            throw stsUnreachable(role, e, chain);
        }
    }

    /** What an {@code mfa_serial} profile needs from the operator. */
    static String mfaFix(String serial) {
        return "Type the current code from the MFA device of " + serial + ".";
    }

    private String sessionName(Profile role) {
        return role.property(ProfileProperty.ROLE_SESSION_NAME).orElse("cognito-admin-console-" + clock.millis());
    }

    private static Region stsRegion(Profile role) {
        return role.property(ProfileProperty.REGION).map(Region::of).orElse(Region.AWS_GLOBAL);
    }

    private static ConsoleFailure.CredentialsUnavailable stsUnreachable(Profile role, SdkException e,
                                                                        ProfileChain chain) {
        return chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "STS could not be reached to assume the role of"
                + " profile " + role.name() + ": " + e.getMessage(), "Check the network, then retry.");
    }
}
