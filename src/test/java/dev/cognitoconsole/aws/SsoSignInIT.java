package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import dev.cognitoconsole.model.SsoDeviceCode;
import dev.cognitoconsole.testing.AwsServicesStub;
import dev.cognitoconsole.testing.Canaries;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.internal.OnDiskTokenManager;

/**
 * IAM Identity Center: the device code sign-in as {@code aws sso login} makes it (the token in the CLI's cache,
 * owner-only), a token the CLI left expired, refreshed or not, and a Cognito call that works again after signing in.
 */
class SsoSignInIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION_URL = "https://corp.awsapps.com/start";
    private static final String LEGACY_URL = "https://legacy.awsapps.com/start";
    private static final String PROFILES = """
            [profile sso-dev]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Support
            %1$s
            [sso-session corp]
            sso_start_url = %2$s
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access, codewhisperer:completions
            [profile sso-legacy]
            sso_start_url = %3$s
            sso_region = us-east-1
            sso_account_id = 111122223333
            sso_role_name = Support
            %1$s
            """.formatted(CredentialsWorld.SERVICES, SESSION_URL, LEGACY_URL);

    @TempDir
    Path dir;
    private CredentialsWorld world;
    private ProfileCatalog catalog;
    private ProfileCredentials credentials;
    private final List<Duration> pauses = new ArrayList<>();
    private AwsSignIn signIn;

    @BeforeEach
    void start() {
        world = new CredentialsWorld(dir);
        catalog = world.catalog(PROFILES);
        credentials = world.credentials(catalog);
        signIn = world.signIn(credentials, pauses);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void theDeviceCodeSignInSavesTheTokenAsTheCliDoesAndTheCallWorks() throws IOException {
        world.aws.deviceAuthorization(600, 1)
                .deviceTokenAfter(List.of("authorization_pending", "slow_down", "authorization_pending"), null)
                .roleCredentials(AwsServicesStub.ACCESS_TOKEN, world.clock.instant().plus(Duration.ofHours(1)));

        SsoDeviceCode code = signIn.startSsoSignIn(profile("sso-dev"));
        boolean signedIn = signIn.finishSsoSignIn(code, () -> false);

        assertThat(code.userCode()).isEqualTo(AwsServicesStub.USER_CODE);
        assertThat(code.pageToOpen()).endsWith("user_code=" + AwsServicesStub.USER_CODE);
        assertThat(code.toString()).doesNotContain(AwsServicesStub.DEVICE_CODE, AwsServicesStub.CLIENT_SECRET);
        assertThat(signedIn).isTrue();
        assertThat(pauses).as("the interval, then 5 s more after slow_down")
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(6));
        JsonNode register = JSON.readTree(world.aws.oidcRequests("/client/register").get(0));
        assertThat(register.path("clientName").asText()).isEqualTo("cognito-admin-console");
        assertThat(register.path("clientType").asText()).isEqualTo("public");
        assertThat(register.path("scopes")).extracting(JsonNode::asText)
                .containsExactly("sso:account:access", "codewhisperer:completions");
        assertThat(JSON.readTree(world.aws.oidcRequests("/device_authorization").get(0)).path("startUrl").asText())
                .isEqualTo(SESSION_URL);

        Path file = world.cacheDir.resolve(sha1("corp") + ".json");
        JsonNode cached = JSON.readTree(file.toFile());
        assertThat(cached.path("startUrl").asText()).isEqualTo(SESSION_URL);
        assertThat(cached.path("region").asText()).isEqualTo("us-east-1");
        assertThat(cached.path("accessToken").asText()).isEqualTo(AwsServicesStub.ACCESS_TOKEN);
        assertThat(cached.path("expiresAt").asText()).isEqualTo("2026-03-02T18:00:13Z");
        assertThat(cached.path("clientId").asText()).isEqualTo(AwsServicesStub.CLIENT_ID);
        assertThat(cached.path("clientSecret").asText()).isEqualTo(AwsServicesStub.CLIENT_SECRET);
        assertThat(cached.path("registrationExpiresAt").asText()).isEqualTo("2100-01-01T00:00:00Z");
        assertThat(cached.path("refreshToken").asText()).isEqualTo(AwsServicesStub.REFRESH_TOKEN);
        assertThat(OnDiskTokenManager.create(world.cacheDir, "corp").loadToken())
                .as("the SDK (and so the CLI's rules) finds and reads it")
                .hasValueSatisfying(t -> assertThat(t.token()).isEqualTo(AwsServicesStub.ACCESS_TOKEN));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(filesIn(world.cacheDir)).as("no temporary file is left").containsExactly(file);

        assertThat(world.listPools(catalog, credentials, "sso-dev").items()).hasSize(1);
        assertThat(world.cognitoSignedWith()).containsExactly(AwsServicesStub.SSO_KEY_ID);
    }

    @Test
    void anExpiredLegacyTokenAsksForASignInAfterWhichTheSameCallWorks() throws IOException {
        writeCache(LEGACY_URL, "{\"startUrl\":\"" + LEGACY_URL + "\",\"region\":\"us-east-1\","
                + "\"accessToken\":\"stale-token\",\"expiresAt\":\"2026-03-02T09:00:00UTC\"}");
        world.aws.deviceAuthorization(600, 1).deviceTokenAfter(List.of("authorization_pending"), null)
                .roleCredentials(AwsServicesStub.ACCESS_TOKEN, world.clock.instant().plus(Duration.ofHours(1)));
        SdkUserDirectory directory = world.directory(catalog, credentials);
        var connection = CredentialsWorld.connection(catalog, "sso-legacy");

        ConsoleFailure.CredentialsUnavailable failure = failure("sso-legacy",
                () -> directory.listPools(connection, null));
        assertThat(failure.recovery()).isEqualTo(Recovery.SSO_SIGN_IN);
        assertThat(failure.sso()).isTrue();
        assertThat(failure.operation()).isEqualTo("ListUserPools");
        assertThat(failure.getMessage()).contains("expired at 2026-03-02T09:00:00Z");
        assertThat(failure.fix()).contains("aws sso login --profile sso-legacy");

        assertThat(signIn.finishSsoSignIn(signIn.startSsoSignIn(connection.profile()), () -> false)).isTrue();

        assertThat(directory.listPools(connection, null).items()).hasSize(1);
        assertThat(world.cognitoSignedWith()).containsExactly(AwsServicesStub.SSO_KEY_ID);
        JsonNode cached = JSON.readTree(world.cacheDir.resolve(sha1(LEGACY_URL) + ".json").toFile());
        assertThat(cached.path("accessToken").asText()).isEqualTo(AwsServicesStub.ACCESS_TOKEN);
        assertThat(cached.has("refreshToken")).as("legacy sign-ins are not refreshed, as in the CLI").isFalse();
        assertThat(JSON.readTree(world.aws.oidcRequests("/client/register").get(0)).has("scopes")).isFalse();
    }

    @Test
    void anExpiredSessionTokenIsRefreshedWithoutASignIn() throws IOException {
        writeCache("corp", "{\"startUrl\":\"" + SESSION_URL + "\",\"region\":\"us-east-1\","
                + "\"accessToken\":\"stale-token\",\"expiresAt\":\"2026-03-02T09:00:00Z\","
                + "\"clientId\":\"" + AwsServicesStub.CLIENT_ID + "\",\"clientSecret\":\""
                + AwsServicesStub.CLIENT_SECRET + "\",\"registrationExpiresAt\":\"2026-06-01T00:00:00Z\","
                + "\"refreshToken\":\"" + AwsServicesStub.REFRESH_TOKEN + "\"}");
        world.aws.refreshGives(Canaries.SSO_REFRESHED_ACCESS_TOKEN)
                .roleCredentials(Canaries.SSO_REFRESHED_ACCESS_TOKEN, world.clock.instant().plus(Duration.ofHours(1)));

        world.listPools(catalog, credentials, "sso-dev");

        assertThat(world.cognitoSignedWith()).containsExactly(AwsServicesStub.SSO_KEY_ID);
        JsonNode cached = JSON.readTree(world.cacheDir.resolve(sha1("corp") + ".json").toFile());
        assertThat(cached.path("accessToken").asText()).isEqualTo(Canaries.SSO_REFRESHED_ACCESS_TOKEN);
        assertThat(cached.path("clientSecret").asText()).isEqualTo(AwsServicesStub.CLIENT_SECRET);
    }

    @Test
    void noCachedTokenAsksForASignIn() {
        ConsoleFailure.CredentialsUnavailable failure = failure("sso-dev",
                () -> world.listPools(catalog, credentials, "sso-dev"));

        assertThat(failure.recovery()).isEqualTo(Recovery.SSO_SIGN_IN);
        assertThat(failure.getMessage()).contains("Profile sso-dev is not signed in to IAM Identity Center");
        assertThat(world.aws.roleCredentialRequests()).isZero();
    }

    @Test
    void aTokenIdentityCenterNoLongerAcceptsAsksForASignIn() throws IOException {
        writeCache("corp", "{\"startUrl\":\"" + SESSION_URL + "\",\"region\":\"us-east-1\","
                + "\"accessToken\":\"revoked-token\",\"expiresAt\":\"2026-03-02T12:00:00Z\"}");
        world.aws.roleCredentials(AwsServicesStub.ACCESS_TOKEN, world.clock.instant().plus(Duration.ofHours(1)));

        ConsoleFailure.CredentialsUnavailable failure = failure("sso-dev",
                () -> world.listPools(catalog, credentials, "sso-dev"));

        assertThat(failure.recovery()).isEqualTo(Recovery.SSO_SIGN_IN);
        assertThat(failure.awsCode()).isEqualTo("UnauthorizedException");
        assertThat(failure.getMessage()).contains("no longer accepted");
    }

    @Test
    void aSignInDeniedInTheBrowserSaysSoAndWritesNothing() {
        world.aws.deviceAuthorization(600, 1).deviceTokenAfter(List.of("authorization_pending"), "access_denied");
        SsoDeviceCode code = signIn.startSsoSignIn(profile("sso-dev"));

        ConsoleFailure.CredentialsUnavailable failure = failure("sso-dev",
                () -> signIn.finishSsoSignIn(code, () -> false));

        assertThat(failure.getMessage()).contains("the sign-in was denied in the browser");
        assertThat(failure.recovery()).isEqualTo(Recovery.SSO_SIGN_IN);
        assertThat(Files.exists(world.cacheDir)).isFalse();
    }

    @Test
    void oauthErrorsAreUnderstoodFromTheirBodyAlone() {
        world.aws.oauthErrorsWithoutErrorType().deviceAuthorization(600, 1)
                .deviceTokenAfter(List.of("authorization_pending", "slow_down"), "access_denied");
        SsoDeviceCode code = signIn.startSsoSignIn(profile("sso-dev"));

        ConsoleFailure.CredentialsUnavailable failure = failure("sso-dev",
                () -> signIn.finishSsoSignIn(code, () -> false));

        assertThat(failure.getMessage()).contains("the sign-in was denied in the browser");
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(6));
    }

    @Test
    void aCodeIdentityCenterCallsExpiredMeansStartingAgain() {
        world.aws.deviceAuthorization(600, 1).deviceTokenAfter(List.of(), "expired_token");
        SsoDeviceCode code = signIn.startSsoSignIn(profile("sso-dev"));

        assertThat(failure("sso-dev", () -> signIn.finishSsoSignIn(code, () -> false)).getMessage())
                .contains("the code expired, start again");
        assertThat(Files.exists(world.cacheDir)).isFalse();
    }

    @Test
    void aCodePastItsLifetimeIsNotPolledAgain() {
        world.aws.deviceAuthorization(3, 1).deviceTokenAfter(List.of(), "authorization_pending");
        SsoDeviceCode code = signIn.startSsoSignIn(profile("sso-dev"));

        assertThat(failure("sso-dev", () -> signIn.finishSsoSignIn(code, () -> false)).getMessage())
                .contains("the code expired, start again");
        assertThat(world.aws.oidcRequests("/token")).hasSize(3);
    }

    @Test
    void aCancelledSignInWritesNothing() {
        world.aws.deviceAuthorization(600, 1).deviceTokenAfter(List.of("authorization_pending"), null);
        SsoDeviceCode code = signIn.startSsoSignIn(profile("sso-dev"));
        AtomicInteger asked = new AtomicInteger();

        boolean signedIn = signIn.finishSsoSignIn(code, () -> asked.incrementAndGet() > 1);

        assertThat(signedIn).isFalse();
        assertThat(world.aws.oidcRequests("/token")).hasSize(1);
        assertThat(Files.exists(world.cacheDir)).isFalse();
    }

    private AwsProfile profile(String name) {
        return CredentialsWorld.connection(catalog, name).profile();
    }

    private static ConsoleFailure.CredentialsUnavailable failure(String profile, ThrowingCallable call) {
        return CredentialsWorld.credentialsFailure(profile, call);
    }

    private void writeCache(String key, String json) throws IOException {
        world.writeSsoCache(key, json);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    // Written out here rather than taken from the console, so the test checks the CLI's rule independently.
    private static String sha1(String text) {
        return CredentialsWorld.sha1(text);
    }
}
