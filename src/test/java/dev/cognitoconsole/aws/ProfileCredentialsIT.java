package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.testing.AwsServicesStub;
import dev.cognitoconsole.testing.Canaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every profile kind but SSO and MFA (see SsoSignInIT, MfaSignInIT) gets credentials the way the AWS CLI would,
 * through the console's own Cognito clients against stubs; a profile that cannot gives a failure naming the
 * profile and the fix.
 */
class ProfileCredentialsIT {
    private static final String BASE = "[profile base]\n" + CredentialsWorld.SERVICES + Canaries.profileKeys();

    @TempDir
    Path dir;
    private CredentialsWorld world;

    @BeforeEach
    void start() {
        world = new CredentialsWorld(dir);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void staticKeysSignTheCognitoCall() {
        ProfileCatalog catalog = world.catalog(BASE);

        assertThat(world.listPools(catalog, world.credentials(catalog), "base").items()).hasSize(1);
        assertThat(world.cognitoSignedWith()).containsExactly(Canaries.ACCESS_KEY_ID);
    }

    @Test
    void aRoleIsAssumedWithItsSourceProfileAndItsSettings() {
        world.aws.assumeRole(world.clock.instant().plusSeconds(3600));
        ProfileCatalog catalog = world.catalog(BASE + """
                [profile role]
                role_arn = arn:aws:iam::111122223333:role/Support
                source_profile = base
                role_session_name = desk-alice
                external_id = ext-42
                duration_seconds = 900
                """ + CredentialsWorld.SERVICES);
        ProfileCredentials credentials = world.credentials(catalog);

        world.listPools(catalog, credentials, "role");
        world.listPools(catalog, credentials, "role");

        assertThat(world.cognitoSignedWith()).containsOnly(AwsServicesStub.ROLE_KEY_ID).hasSize(2);
        assertThat(world.aws.assumeRoleRequests()).as("the session is held until it nears its end").hasSize(1);
        assertThat(world.aws.assumeRoleRequests().get(0))
                .contains("RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FSupport",
                        "RoleSessionName=desk-alice", "ExternalId=ext-42", "DurationSeconds=900");
    }

    @Test
    void aRoleWhoseSessionNearsItsEndIsAssumedAgain() {
        world.aws.assumeRole(world.clock.instant().plusSeconds(900));
        ProfileCatalog catalog = world.catalog(BASE + "[profile role]\nrole_arn = arn:aws:iam::111122223333:role/R\n"
                + "source_profile = base\n" + CredentialsWorld.SERVICES);
        ProfileCredentials credentials = world.credentials(catalog);

        world.listPools(catalog, credentials, "role");
        world.clock.advance(java.time.Duration.ofMinutes(11));
        world.listPools(catalog, credentials, "role");

        assertThat(world.aws.assumeRoleRequests()).hasSize(2);
    }

    @Test
    void keysEditedInTheFilesAreUsedFromTheNextCall() throws IOException {
        ProfileCatalog catalog = world.catalog(BASE);
        ProfileCredentials credentials = world.credentials(catalog);
        world.listPools(catalog, credentials, "base");

        Path config = dir.resolve("config");
        Files.writeString(config, Files.readString(config).replace(Canaries.ACCESS_KEY_ID, "AKIACANARY7DONOTLOG2")
                + "\n# edited\n");
        world.listPools(catalog, credentials, "base");

        assertThat(world.cognitoSignedWith()).containsExactly(Canaries.ACCESS_KEY_ID, "AKIACANARY7DONOTLOG2");
    }

    @Test
    void aMissingSourceProfileIsNamedWithTheFix() {
        ProfileCatalog catalog = world.catalog("[profile role]\nrole_arn = arn:aws:iam::111122223333:role/R\n"
                + "source_profile = gone\n" + CredentialsWorld.SERVICES);

        ConsoleFailure.CredentialsUnavailable failure = credentialsFailure(catalog, "role");

        assertThat(failure.getMessage())
                .contains("Profile role names source_profile gone, which is not in the config files");
        assertThat(failure.fix()).contains("Add a profile gone");
        assertThat(failure.recovery()).isEqualTo(Recovery.RENEW_ELSEWHERE);
        assertThat(failure.operation()).isEqualTo("ListUserPools");
        assertThat(world.cognitoSignedWith()).as("nothing reached Cognito").isEmpty();
    }

    @Test
    void aSourceProfileLoopIsNamed() {
        ProfileCatalog catalog = world.catalog("""
                [profile a]
                role_arn = arn:aws:iam::111122223333:role/A
                source_profile = b
                [profile b]
                role_arn = arn:aws:iam::111122223333:role/B
                source_profile = a
                """ + CredentialsWorld.SERVICES);

        assertThat(credentialsFailure(catalog, "a").getMessage()).contains("loops: a → b → a");
    }

    @Test
    void aRefusedAssumeRoleNamesTheRole() {
        world.aws.assumeRoleError(403, "AccessDenied", "User is not authorized to perform: sts:AssumeRole");
        ProfileCatalog catalog = world.catalog(BASE + "[profile role]\nrole_arn = arn:aws:iam::111122223333:role/R\n"
                + "source_profile = base\n" + CredentialsWorld.SERVICES);

        ConsoleFailure.CredentialsUnavailable failure = credentialsFailure(catalog, "role");

        assertThat(failure.getMessage()).contains("assume arn:aws:iam::111122223333:role/R", "not authorized");
        assertThat(failure.awsCode()).isEqualTo("AccessDenied");
        assertThat(failure.requestId()).isNotBlank();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void credentialProcessOutputSignsTheCall() throws IOException {
        Path script = script("ok.sh", "printf '%s' '{\"Version\": 1, \"AccessKeyId\": \"" + Canaries.ACCESS_KEY_ID
                + "\", \"SecretAccessKey\": \"" + Canaries.SECRET_ACCESS_KEY + "\", \"SessionToken\": \""
                + Canaries.SESSION_TOKEN + "\", \"Expiration\": \"2026-03-02T11:00:00Z\"}'");
        ProfileCatalog catalog = world.catalog("[profile process]\ncredential_process = " + script + " --flag\n"
                + CredentialsWorld.SERVICES);

        world.listPools(catalog, world.credentials(catalog), "process");

        assertThat(world.cognitoSignedWith()).containsExactly(Canaries.ACCESS_KEY_ID);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFailingCredentialProcessShowsItsErrorOutput() throws IOException {
        Path script = script("fail.sh", "echo 'token expired: run corp-login first' >&2\nexit 3");
        ProfileCatalog catalog = world.catalog("[profile process]\ncredential_process = " + script + "\n"
                + CredentialsWorld.SERVICES);

        ConsoleFailure.CredentialsUnavailable failure = credentialsFailure(catalog, "process");

        assertThat(failure.getMessage()).contains("credential_process of profile process",
                "exited with code 3: token expired: run corp-login first");
        assertThat(failure.fix()).contains("Run the credential_process of profile process in a terminal");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aHangingCredentialProcessIsStoppedAtTheLimit() throws IOException {
        Path pid = dir.resolve("sleeper.pid");
        Path script = script("hang.sh", "sleep 60 &\necho $! > " + pid + "\nwait");
        ProfileCatalog catalog = world.catalog("[profile process]\ncredential_process = " + script + "\n"
                + CredentialsWorld.SERVICES);

        ConsoleFailure.CredentialsUnavailable failure = credentialsFailure(catalog, "process");

        assertThat(failure.getMessage()).contains("did not finish within 1 s and was stopped");
        long sleeper = Long.parseLong(Files.readString(pid).strip());
        assertThat(ProcessHandle.of(sleeper).filter(ProcessHandle::isAlive))
                .as("the child the process started is stopped too").isEmpty();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void credentialProcessOutputThatIsNotTheJsonIsNamedButNotQuoted() throws IOException {
        Path script = script("bad.sh", "echo 'AccessKeyId=" + Canaries.ACCESS_KEY_ID + "'");
        ProfileCatalog catalog = world.catalog("[profile process]\ncredential_process = " + script + "\n"
                + CredentialsWorld.SERVICES);

        ConsoleFailure.CredentialsUnavailable failure = credentialsFailure(catalog, "process");

        assertThat(failure.getMessage()).contains("printed something that is not JSON")
                .doesNotContain(Canaries.ACCESS_KEY_ID);
    }

    @Test
    void aWebIdentityTokenFileAssumesItsRoleThroughTheProfilesSts() throws IOException {
        world.aws.assumeRoleWithWebIdentity(world.clock.instant().plusSeconds(3600));
        Path token = Files.writeString(dir.resolve("token.jwt"), WEB_IDENTITY_TOKEN + "\n");
        ProfileCatalog catalog = world.catalog(webIdentityProfile(token) + "role_session_name = ci-run-7\n");
        ProfileCredentials credentials = world.credentials(catalog);

        world.listPools(catalog, credentials, "ci");
        world.listPools(catalog, credentials, "ci");

        assertThat(CredentialsWorld.connection(catalog, "ci").profile().kind()).isEqualTo(ProfileKind.WEB_IDENTITY);
        assertThat(world.cognitoSignedWith()).containsOnly(AwsServicesStub.ROLE_KEY_ID).hasSize(2);
        assertThat(world.aws.webIdentityRequests()).as("the session is held until it nears its end")
                .singleElement().asString().contains("RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FDeploy",
                        "RoleSessionName=ci-run-7").endsWith("WebIdentityToken=" + WEB_IDENTITY_TOKEN);
    }

    @Test
    void anUnreadableWebIdentityTokenFileIsNamedWithTheFix() {
        Path token = dir.resolve("not-written-yet.jwt");
        ProfileCatalog catalog = world.catalog(webIdentityProfile(token));

        ConsoleFailure.CredentialsUnavailable failure = credentialsFailure(catalog, "ci");

        assertThat(failure.getMessage()).contains("web_identity_token_file " + token + " of profile ci");
        assertThat(failure.fix()).contains("web_identity_token_file of profile ci");
        assertThat(failure.recovery()).isEqualTo(Recovery.RENEW_ELSEWHERE);
        assertThat(world.aws.webIdentityRequests()).isEmpty();
        assertThat(world.cognitoSignedWith()).as("nothing reached Cognito").isEmpty();
    }

    @Test
    void aLoginSessionProfileSignsWithTheSessionAwsLoginCached() throws Exception {
        // The SDK judges the cached session by the system clock, not by the test's.
        Path cache = writeLoginCache(Instant.now().plusSeconds(3600));
        ProfileCatalog catalog = world.catalog(LOGIN_PROFILE);

        withProperty(LOGIN_CACHE_DIRECTORY, cache.toString(),
                () -> world.listPools(catalog, world.credentials(catalog), "signed-in"));

        assertThat(CredentialsWorld.connection(catalog, "signed-in").profile().kind())
                .isEqualTo(ProfileKind.LOGIN_SESSION);
        assertThat(world.cognitoSignedWith()).containsExactly(Canaries.LOGIN_ACCESS_KEY_ID);
        assertThat(world.cognito.server().findAll(WireMock.anyRequestedFor(WireMock.anyUrl())))
                .map(r -> r.getHeader("X-Amz-Security-Token")).containsExactly(Canaries.LOGIN_SESSION_TOKEN);
    }

    @Test
    void aLoginSessionProfileWithNoCachedSignInSaysToRunAwsLogin() throws IOException {
        Path emptyCache = Files.createDirectories(dir.resolve("login-cache"));
        ProfileCatalog catalog = world.catalog(LOGIN_PROFILE);

        ConsoleFailure.CredentialsUnavailable failure = withProperty(LOGIN_CACHE_DIRECTORY, emptyCache.toString(),
                () -> credentialsFailure(catalog, "signed-in"));

        assertLoginFailure(failure);
    }

    @Test
    void anExpiredLoginSessionSaysToRunAwsLoginAgain() throws Exception {
        // The cached DPoP key is a canary, not a key: the SDK's renewal fails before it calls AWS Sign-In.
        Path cache = writeLoginCache(Instant.now().minusSeconds(60));
        ProfileCatalog catalog = world.catalog(LOGIN_PROFILE);

        ConsoleFailure.CredentialsUnavailable failure = withProperty(LOGIN_CACHE_DIRECTORY, cache.toString(),
                () -> credentialsFailure(catalog, "signed-in"));

        assertLoginFailure(failure);
        assertThat(failure.getMessage()).doesNotContain(Canaries.LOGIN_REFRESH_TOKEN, Canaries.LOGIN_DPOP_KEY);
    }

    private static final String LOGIN_SESSION = "arn:aws:iam::111122223333:user/alice";
    private static final String LOGIN_PROFILE = "[profile signed-in]\nlogin_session = " + LOGIN_SESSION
            + "\nregion = us-east-1\n" + CredentialsWorld.SERVICES;
    /** Where the SDK's signin module reads the aws login token cache (else AWS_LOGIN_CACHE_DIRECTORY). */
    private static final String LOGIN_CACHE_DIRECTORY = "aws.loginCacheDirectory";

    /**
     * Writes the token cache file aws login leaves for {@link #LOGIN_SESSION}, as the SDK's OnDiskTokenManager
     * reads it: named after the SHA-256 of the login_session, its session expiring at {@code expiresAt}.
     */
    private Path writeLoginCache(Instant expiresAt) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("login-cache"));
        String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(LOGIN_SESSION.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(cache.resolve(name + ".json"), """
                {"accessToken": {"accessKeyId": "%s", "secretAccessKey": "%s", "sessionToken": "%s",
                  "accountId": "111122223333", "expiresAt": "%s"},
                 "tokenType": "aws_sigv4", "refreshToken": "%s",
                 "clientId": "arn:aws:signin:::devtools/same-device", "dpopKey": "%s"}
                """.formatted(Canaries.LOGIN_ACCESS_KEY_ID, Canaries.LOGIN_SECRET_ACCESS_KEY,
                Canaries.LOGIN_SESSION_TOKEN, expiresAt, Canaries.LOGIN_REFRESH_TOKEN, Canaries.LOGIN_DPOP_KEY));
        return cache;
    }

    private void assertLoginFailure(ConsoleFailure.CredentialsUnavailable failure) {
        assertThat(failure.getMessage()).startsWith("The aws login sign-in of profile signed-in gave no credentials")
                .doesNotContain("Exception", "\tat ");
        assertThat(failure.fix()).isEqualTo("Run aws login --profile signed-in in a terminal, then retry.");
        assertThat(failure.recovery()).isEqualTo(Recovery.RENEW_ELSEWHERE);
        assertThat(world.cognitoSignedWith()).as("nothing reached Cognito").isEmpty();
    }

    @Test
    void aProfileWithoutCredentialsIsNamedWithTheFixAfterTheSdkFoundNoneEither() {
        ProfileCatalog catalog = world.catalog("[profile bare]\noutput = json\n" + CredentialsWorld.SERVICES);

        ConsoleFailure.CredentialsUnavailable failure = credentialsFailure(catalog, "bare");

        assertThat(failure.getMessage()).isEqualTo("Profile bare has no credentials");
        assertThat(failure.fix()).contains("Give profile bare aws_access_key_id");
    }

    private static final String WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.stub-web-identity-0013.c2ln";

    private static String webIdentityProfile(Path token) {
        return "[profile ci]\nrole_arn = arn:aws:iam::111122223333:role/Deploy\nweb_identity_token_file = " + token
                + "\n" + CredentialsWorld.SERVICES;
    }

    @Test
    void environmentVariablesAreAProfileOfTheirOwn() {
        ProfileCatalog catalog = world.catalog(BASE, Map.of(
                "AWS_ACCESS_KEY_ID", Canaries.ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", Canaries.SECRET_ACCESS_KEY,
                "AWS_SESSION_TOKEN", Canaries.SESSION_TOKEN,
                "AWS_DEFAULT_REGION", "eu-west-3"));
        AwsProfile environment = CredentialsWorld.connection(catalog, ProfileCatalog.ENVIRONMENT_PROFILE).profile();

        var resolved = world.credentials(catalog).provider(environment).resolveCredentials();

        assertThat(environment.kind()).isEqualTo(ProfileKind.ENVIRONMENT);
        assertThat(environment.region()).isEqualTo("eu-west-3");
        assertThat(resolved.accessKeyId()).isEqualTo(Canaries.ACCESS_KEY_ID);
        assertThat(resolved.secretAccessKey()).isEqualTo(Canaries.SECRET_ACCESS_KEY);
    }

    @Test
    void theEndpointShownIsTheOneCalledForAServicesSection() {
        ProfileCatalog catalog = world.catalog(BASE);
        AwsProfile base = CredentialsWorld.connection(catalog, "base").profile();

        world.listPools(catalog, world.credentials(catalog), "base");

        assertThat(CredentialsWorld.connection(catalog, "base").endpoint())
                .isEqualTo(world.cognito.endpoint().toString());
        assertThat(base.endpointUrl()).isEqualTo(world.cognito.endpoint().toString());
        assertThat(world.cognito.requestsFor("ListUserPools")).isEqualTo(1);
    }

    @Test
    void theEndpointShownIsTheOneCalledForAProfileEndpointUrl() {
        ProfileCatalog catalog = world.catalog("[profile local]\nendpoint_url = " + world.cognito.endpoint() + "\n"
                + Canaries.profileKeys());

        world.listPools(catalog, world.credentials(catalog), "local");

        assertThat(CredentialsWorld.connection(catalog, "local").endpoint())
                .isEqualTo(world.cognito.endpoint().toString());
        assertThat(world.cognito.requestsFor("ListUserPools")).isEqualTo(1);
    }

    @Test
    void aRoleWhoseSourceIsTheInstanceMetadataServiceSignsWithTheInstanceRole() {
        stubInstanceMetadata();
        world.aws.assumeRole(world.clock.instant().plusSeconds(3600));
        ProfileCatalog catalog = world.catalog("[profile desk]\nrole_arn = arn:aws:iam::111122223333:role/Support\n"
                + "credential_source = Ec2InstanceMetadata\n"
                + "ec2_metadata_service_endpoint = " + world.aws.endpoint() + "\n" + CredentialsWorld.SERVICES);

        world.listPools(catalog, world.credentials(catalog), "desk");

        assertThat(world.cognitoSignedWith()).containsExactly(AwsServicesStub.ROLE_KEY_ID);
        assertThat(assumeRoleSignedWith()).containsExactly(INSTANCE_KEY_ID);
        assertThat(world.aws.server().findAll(WireMock.putRequestedFor(WireMock.urlEqualTo("/latest/api/token"))))
                .as("IMDSv2: a session token first").isNotEmpty();
    }

    @Test
    void noInstanceMetadataNamesTheSourceAndTheFix() {
        ProfileCatalog catalog = world.catalog("[profile desk]\nrole_arn = arn:aws:iam::111122223333:role/Support\n"
                + "credential_source = Ec2InstanceMetadata\n"
                + "ec2_metadata_service_endpoint = http://127.0.0.1:1\n" + CredentialsWorld.SERVICES);

        ConsoleFailure.CredentialsUnavailable failure = credentialsFailure(catalog, "desk");

        assertThat(failure.getMessage()).contains("Profile desk takes its credentials from credential_source = "
                + "Ec2InstanceMetadata, and the EC2 instance metadata service gave none");
        assertThat(failure.fix()).contains("Run the console on an EC2 instance", "source_profile");
        assertThat(failure.recovery()).isEqualTo(Recovery.RENEW_ELSEWHERE);
        assertThat(world.cognitoSignedWith()).as("nothing reached Cognito").isEmpty();
    }

    @Test
    void aRoleWhoseSourceIsTheContainerSignsWithTheTaskRole() {
        world.aws.server().stubFor(WireMock.get(WireMock.urlEqualTo("/task-credentials"))
                .willReturn(WireMock.okJson(instanceCredentialsJson())));
        world.aws.assumeRole(world.clock.instant().plusSeconds(3600));
        ProfileCatalog catalog = world.catalog("[profile task]\nrole_arn = arn:aws:iam::111122223333:role/Support\n"
                + "credential_source = EcsContainer\n" + CredentialsWorld.SERVICES);
        // The SDK reads the container's endpoint from AWS_CONTAINER_CREDENTIALS_FULL_URI or this property.
        inContainer(world.aws.endpoint() + "/task-credentials",
                () -> world.listPools(catalog, world.credentials(catalog), "task"));

        assertThat(world.cognitoSignedWith()).containsExactly(AwsServicesStub.ROLE_KEY_ID);
        assertThat(assumeRoleSignedWith()).containsExactly(INSTANCE_KEY_ID);
    }

    @Test
    void noContainerCredentialsNamesTheSourceAndTheFix() {
        ProfileCatalog catalog = world.catalog("[profile task]\nrole_arn = arn:aws:iam::111122223333:role/Support\n"
                + "credential_source = EcsContainer\n" + CredentialsWorld.SERVICES);
        // A container endpoint that answers nothing: a closed loopback port.
        ConsoleFailure.CredentialsUnavailable failure = inContainer("http://127.0.0.1:1/task-credentials",
                () -> credentialsFailure(catalog, "task"));

        assertThat(failure.getMessage()).contains("Profile task takes its credentials from credential_source = "
                + "EcsContainer, and the container credentials endpoint");
        assertThat(failure.fix()).contains("Run the console in a container given a task role", "source_profile");
        assertThat(failure.recovery()).isEqualTo(Recovery.RENEW_ELSEWHERE);
        assertThat(world.cognitoSignedWith()).as("nothing reached Cognito").isEmpty();
    }

    private static final String CONTAINER_URI = "aws.containerCredentialsFullUri";

    /** {@code call}'s result, got with the SDK's container credentials endpoint set to {@code uri}, as in a task. */
    private static <T> T inContainer(String uri, Supplier<T> call) {
        return withProperty(CONTAINER_URI, uri, call);
    }

    /** {@code call}'s result, got with the system property {@code name} (an SDK setting) set to {@code value}. */
    private static <T> T withProperty(String name, String value, Supplier<T> call) {
        System.setProperty(name, value);
        try {
            return call.get();
        } finally {
            System.clearProperty(name);
        }
    }

    private static final String INSTANCE_KEY_ID = "ASIASTUBINSTANCE0009";

    private void stubInstanceMetadata() {
        var server = world.aws.server();
        server.stubFor(WireMock.put(WireMock.urlEqualTo("/latest/api/token"))
                .willReturn(WireMock.ok("stub-imds-session-token-0010")));
        server.stubFor(WireMock.get(WireMock.urlEqualTo("/latest/meta-data/iam/security-credentials/"))
                .willReturn(WireMock.ok("SupportDeskInstance")));
        server.stubFor(WireMock.get(WireMock.urlEqualTo(
                        "/latest/meta-data/iam/security-credentials/SupportDeskInstance"))
                .willReturn(WireMock.okJson(instanceCredentialsJson())));
    }

    private String instanceCredentialsJson() {
        return "{\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"" + INSTANCE_KEY_ID + "\","
                + "\"SecretAccessKey\":\"stub/Instance+Secret/MustNeverBeWritten/0011\","
                + "\"Token\":\"IQoJb3JpZ2luX2VjSTUBINSTANCE/MustNeverBeWritten+0012==\","
                + "\"Expiration\":\"" + world.clock.instant().plusSeconds(6 * 3600) + "\"}";
    }

    /** The access key ids that signed the AssumeRole calls. */
    private List<String> assumeRoleSignedWith() {
        return world.aws.server().findAll(WireMock.postRequestedFor(WireMock.anyUrl())).stream()
                .filter(r -> r.getBodyAsString().contains("Action=AssumeRole"))
                .map(r -> r.getHeader("Authorization"))
                .map(auth -> auth.substring(auth.indexOf("Credential=") + 11, auth.indexOf('/', auth.indexOf("Credential="))))
                .toList();
    }

    private ConsoleFailure.CredentialsUnavailable credentialsFailure(ProfileCatalog catalog, String profile) {
        ProfileCredentials credentials = world.credentials(catalog);
        return CredentialsWorld.credentialsFailure(profile, () -> world.listPools(catalog, credentials, profile));
    }

    /** Who the console says it acts as follows the keys that sign the calls, not the profile's name. */
    @Test
    void replacingAProfilesKeysChangesTheCallerAndEachKeyIsAskedOnce() throws Exception {
        String arnA = "arn:aws:iam::111122223333:user/desk-a";
        String arnB = "arn:aws:iam::444455556666:user/desk-b";
        String keyB = "AKIASTUBOTHERKEY0009";
        world.aws.callerIdentity(arnA, "111122223333");
        ProfileCatalog catalog = world.catalog("[profile desk]\n" + CredentialsWorld.SERVICES + Canaries.profileKeys());
        CallerIdentities callers = new CallerIdentities(catalog, world.credentials(catalog));
        Connection desk = CredentialsWorld.connection(catalog, "desk");
        assertThat(callers.of(desk)).map(CallerIdentity::account).contains("111122223333");

        // The operator pastes another identity's keys into the same profile.
        Path config = dir.resolve("config");
        Files.writeString(config, Files.readString(config).replace(Canaries.ACCESS_KEY_ID, keyB));
        Files.setLastModifiedTime(config, FileTime.from(Instant.now().plusSeconds(5)));
        world.aws.callerIdentity(arnB, "444455556666");

        assertThat(callers.of(desk)).map(CallerIdentity::arn).contains(arnB);
        assertThat(callers.of(desk)).map(CallerIdentity::account).contains("444455556666");
        assertThat(world.aws.callerIdentitySignedWith()).containsExactly(Canaries.ACCESS_KEY_ID, keyB);
    }

    private Path script(String name, String body) throws IOException {
        Path script = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        script.toFile().setExecutable(true, true);
        return script;
    }
}
