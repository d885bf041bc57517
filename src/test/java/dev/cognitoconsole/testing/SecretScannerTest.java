package dev.cognitoconsole.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
    /** Forty characters of base64, as a secret access key looks, made here so that no file holds it whole. */
    private static final String LONE_SECRET_KEY = "Zx9/Kq2+Lm4Np6Rs8Tu0" + "Vw1Yb3Cd5Ef7Gh9Jk2Mn";

    private static List<String> kinds(List<SecretScanner.Finding> findings) {
        return findings.stream().map(SecretScanner.Finding::kind).toList();
    }

    @Test
    void everyCanaryIsFoundInConsoleFilesAndInTestReports() {
        for (String canary : Canaries.all()) {
            String line = "2026-12-04 10:00:00 INFO something said " + canary + " here\n";

            assertThat(SecretScanner.inConsoleOutput(line)).as("console file with %s…", canary.substring(0, 6))
                    .isNotEmpty();
            assertThat(SecretScanner.inReport(line)).as("report with %s…", canary.substring(0, 6)).isNotEmpty();
        }
    }

    @Test
    void theStubsSecretsAreFoundByTheirMark() {
        String text = "token=" + AwsServicesStub.ROLE_TOKEN + " secret=" + AwsServicesStub.SSO_SECRET;

        assertThat(kinds(SecretScanner.inReport(text))).contains("a test secret marked " + Canaries.MARK);
    }

    @Test
    void ssoTokensAndClientSecretsAreFoundAsJsonValuesWhateverTheirValue() {
        String cache = "{\"startUrl\":\"https://corp.awsapps.com/start\",\"accessToken\":\"aoaSomeRealLookingToken1\","
                + "\"expiresAt\":\"2026-03-02T09:00:00Z\"}";
        String refresh = "{\"refreshToken\" : \"aorSomeRealLookingToken2\"}";
        String client = "{\"clientId\":\"abc\",\"clientSecret\":\"eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhT\"}";
        String escaped = "<system-out>&quot;accessToken&quot;:&quot;aoaSomeRealLookingToken3&quot;</system-out>";

        for (String text : List.of(cache, refresh, client, escaped)) {
            assertThat(kinds(SecretScanner.inReport(text))).as(text.substring(0, 12))
                    .contains("a token or secret as a JSON value");
        }
    }

    @Test
    void aSecretAccessKeyIsFoundWithNoKeyIdNextToIt() {
        assertThat(kinds(SecretScanner.inReport("the key was " + LONE_SECRET_KEY + ".")))
                .containsExactly("a secret access key");
        assertThat(kinds(SecretScanner.inReport("\"SecretAccessKey\": \"" + LONE_SECRET_KEY + "\"")))
                .contains("a secret access key", "a token or secret as a JSON value");
    }

    @Test
    void theNamesOfSecretsCountInConsoleFilesButNotInTestReportsWhereTestNamesHoldThem() {
        String text = "<testcase name=\"[3] ENVIRONMENT, RENEW_ELSEWHERE, AWS_SESSION_TOKEN\"/>";

        assertThat(SecretScanner.inReport(text)).isEmpty();
        assertThat(kinds(SecretScanner.inConsoleOutput(text))).containsExactly("the name aws_session_token");
    }

    @Test
    void cleanOutputPasses() {
        String clean = String.join("\n",
                "2026-12-04 10:00:00.123 INFO  d.c.aws.UserDirectory - ListUsers eu-west-1_PoolA page 3: 60 users",
                "<property name=\"java.class.path\" value=\"/work/wt-audit/target/test-classes:/root/.m2/repository/"
                        + "software/amazon/awssdk/cognitoidentityprovider/2.59.1/cognitoidentityprovider-2.59.1.jar\"/>",
                "<testcase name=\"aProfileWithoutRegionFallsBackToUsEast1W\" classname=\"dev.cognitoconsole.aws."
                        + "ProfileCatalogTest\" time=\"0.012\"/>",
                "commit c536b6a0e3f1d2b4a5968778695a4b3c2d1e0f9a, request id 3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                "sha256 base64 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
                "{\"time\":\"2026-11-24T10:00:00Z\",\"operationId\":\"op-1\",\"callerArn\":"
                        + "\"arn:aws:sts::123456789012:assumed-role/SupportDesk/jo\",\"username\":\"alice\"}",
                "The SSO session has expired: sign in again (accessToken expired at 09:00)");

        assertThat(SecretScanner.inConsoleOutput(clean)).isEmpty();
        assertThat(SecretScanner.inReport(clean)).isEmpty();
    }
}
