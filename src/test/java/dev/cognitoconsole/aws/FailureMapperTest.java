package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ProfileKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Credentials AWS rejects, or the console could not get, reach the banner with the recovery that fits. */
class FailureMapperTest {

    @ParameterizedTest
    @CsvSource({
            "SSO, SSO_SIGN_IN, aws sso login --profile p",
            "ASSUME_ROLE_MFA, MFA_CODE, Type the current code",
            "ENVIRONMENT, RENEW_ELSEWHERE, AWS_SESSION_TOKEN",
            "LOGIN_SESSION, RENEW_ELSEWHERE, Run aws login --profile p",
    })
    void anExpiredSessionAsksForTheRecoveryOfTheProfileKind(ProfileKind kind, Recovery recovery, String fix) {
        AwsServiceException expired = AwsServiceException.builder().statusCode(400).requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ExpiredTokenException")
                        .errorMessage("The security token included in the request is expired").build())
                .build();

        ConsoleFailure failure = FailureMapper.map("ListUsers", connection(kind), expired);

        assertThat(failure).isInstanceOfSatisfying(ConsoleFailure.CredentialsUnavailable.class, c -> {
            assertThat(c.recovery()).isEqualTo(recovery);
            assertThat(c.fix()).contains(fix);
            assertThat(c.requestId()).isEqualTo("req-1");
        });
    }

    @Test
    void staticKeysKeepTheGeneralAdvice() {
        AwsServiceException invalid = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnrecognizedClientException").build()).build();

        ConsoleFailure failure = FailureMapper.map("ListUsers", connection(ProfileKind.STATIC_KEYS), invalid);

        assertThat(failure).isInstanceOfSatisfying(ConsoleFailure.CredentialsUnavailable.class, c -> {
            assertThat(c.recovery()).isEqualTo(Recovery.RENEW_ELSEWHERE);
            assertThat(c.fix()).isNull();
        });
    }

    @Test
    void aFailureOfTheConsolesCredentialsTakesTheOperationThatNeededThem() {
        ConsoleFailure.CredentialsUnavailable inner = new ConsoleFailure.CredentialsUnavailable(
                ProfileCredentials.OPERATION, null, "p", Recovery.MFA_CODE, "Profile p needs an MFA code",
                "Type the code", null, null);

        ConsoleFailure failure = FailureMapper.map("AdminDisableUser", connection(ProfileKind.ASSUME_ROLE_MFA),
                SdkClientException.create("Unable to load credentials", inner));

        assertThat(failure).isInstanceOfSatisfying(ConsoleFailure.CredentialsUnavailable.class, c -> {
            assertThat(c.operation()).isEqualTo("AdminDisableUser");
            assertThat(c.recovery()).isEqualTo(Recovery.MFA_CODE);
            assertThat(c.getMessage()).isEqualTo("Profile p needs an MFA code");
            assertThat(c.fix()).isEqualTo("Type the code");
        });
    }

    private static Connection connection(ProfileKind kind) {
        return new Connection(new AwsProfile("p", "us-east-1", null, kind), "us-east-1");
    }
}
