package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The profiles visited while resolving one, to name the one asked for and to stop a source_profile loop. Every
 * credentials failure is built here, so each names the profile the operator chose.
 */
final class ProfileChain {
    private final String requested;
    private final List<String> visited = new ArrayList<>();

    ProfileChain(String requested) {
        this.requested = requested;
        visited.add(requested);
    }

    void enter(String profile) {
        if (visited.contains(profile)) {
            visited.add(profile);
            throw unavailable(Recovery.RENEW_ELSEWHERE, "the source_profile chain of profile " + requested
                            + " loops: " + String.join(" → ", visited),
                    "Change source_profile so that the chain ends in a profile with credentials.");
        }
        visited.add(profile);
    }

    Profile find(ProfileFile files, String profile) {
        return files.profile(profile).orElseThrow(() -> unavailable(Recovery.RENEW_ELSEWHERE,
                "profile " + profile + " is not in the AWS config files (any more)",
                "Choose another profile, or add " + profile + " back to the config files."));
    }

    ConsoleFailure.CredentialsUnavailable unavailable(Recovery recovery, String message, String fix) {
        return unavailable(recovery, null, message, fix);
    }

    ConsoleFailure.CredentialsUnavailable unavailable(Recovery recovery, SdkException cause, String message,
                                                      String fix) {
        String code = cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() : null;
        String requestId = cause instanceof AwsServiceException service ? service.requestId() : null;
        return new ConsoleFailure.CredentialsUnavailable(ProfileCredentials.OPERATION, code, requested, recovery,
                capitalised(message), fix, requestId, cause);
    }

    /** The service's own words for a refusal, without the SDK's request details. */
    static String serviceMessage(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
