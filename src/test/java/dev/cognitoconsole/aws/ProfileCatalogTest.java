package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ProfileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCatalogTest {

    private static final String CONFIG = """
            [default]
            region = eu-west-1

            [profile keys]
            region = eu-central-1

            [profile local]
            region = us-east-1
            endpoint_url = http://127.0.0.1:9229
            aws_access_key_id = local
            aws_secret_access_key = local

            [profile sso-new]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Support
            region = us-west-2

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1

            [profile sso-legacy]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 111122223333
            sso_role_name = Support

            [profile role]
            role_arn = arn:aws:iam::111122223333:role/Support
            source_profile = keys

            [profile process]
            credential_process = /usr/local/bin/get-creds --profile process

            [profile bare]
            output = json
            """;

    private static final String CREDENTIALS = """
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = secret

            [keys]
            aws_access_key_id = AKIAKEYS
            aws_secret_access_key = secret

            [only-credentials]
            aws_access_key_id = AKIAONLY
            aws_secret_access_key = secret
            """;

    @TempDir
    Path dir;

    @Test
    void mergesProfilesOfBothFilesSortedByName() throws IOException {
        List<AwsProfile> profiles = catalog("x").profiles();

        assertThat(profiles).extracting(AwsProfile::name).containsExactly(
                "bare", "default", "keys", "local", "only-credentials", "process", "role", "sso-legacy", "sso-new");
    }

    @Test
    void readsRegionAndEndpointUrl() throws IOException {
        Map<String, AwsProfile> byName = byName(catalog("x").profiles());

        assertThat(byName.get("default").region()).isEqualTo("eu-west-1");
        assertThat(byName.get("keys").region()).isEqualTo("eu-central-1");
        assertThat(byName.get("local").endpointUrl()).isEqualTo("http://127.0.0.1:9229");
        assertThat(byName.get("local").displayName()).contains("http://127.0.0.1:9229");
        assertThat(byName.get("keys").endpointUrl()).isNull();
        assertThat(byName.get("only-credentials").region()).isNull();
        assertThat(byName.get("only-credentials").regionIfSet()).isEmpty();
    }

    @Test
    void detectsHowEachProfileGetsCredentials() throws IOException {
        Map<String, AwsProfile> byName = byName(catalog("x").profiles());

        assertThat(byName.get("default").kind()).isEqualTo(ProfileKind.STATIC_KEYS);
        assertThat(byName.get("keys").kind())
                .as("region from config and keys from credentials make one profile")
                .isEqualTo(ProfileKind.STATIC_KEYS);
        assertThat(byName.get("only-credentials").kind()).isEqualTo(ProfileKind.STATIC_KEYS);
        assertThat(byName.get("sso-new").kind()).isEqualTo(ProfileKind.SSO);
        assertThat(byName.get("sso-legacy").kind()).isEqualTo(ProfileKind.SSO);
        assertThat(byName.get("sso-new").usesSso()).isTrue();
        assertThat(byName.get("role").kind()).isEqualTo(ProfileKind.ASSUME_ROLE);
        assertThat(byName.get("process").kind()).isEqualTo(ProfileKind.CREDENTIAL_PROCESS);
        assertThat(byName.get("bare").kind()).isEqualTo(ProfileKind.OTHER);
        assertThat(byName.get("keys").usesSso()).isFalse();
    }

    @Test
    void preselectsThePreferredProfile() throws IOException {
        ProfileCatalog catalog = catalog("role");

        assertThat(catalog.preselected(catalog.profiles())).map(AwsProfile::name).contains("role");
    }

    @Test
    void preselectsDefaultWhenThePreferredProfileIsMissing() throws IOException {
        ProfileCatalog catalog = catalog("no-such-profile");

        assertThat(catalog.preselected(catalog.profiles())).map(AwsProfile::name).contains("default");
    }

    @Test
    void preselectsDefaultWhenNoProfileIsPreferred() throws IOException {
        ProfileCatalog catalog = catalog(null);

        assertThat(catalog.preselected(catalog.profiles())).map(AwsProfile::name).contains("default");
    }

    @Test
    void preselectsTheFirstProfileWhenThereIsNoDefault() throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(
                write("config", "[profile zeta]\nregion = eu-west-1\n[profile alpha]\nregion = eu-west-2\n"),
                write("credentials", ""), "missing");

        assertThat(catalog.preselected(catalog.profiles())).map(AwsProfile::name).contains("alpha");
    }

    @Test
    void preselectsNothingWhenThereAreNoProfiles() throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(write("config", ""), write("credentials", ""), null);

        assertThat(catalog.profiles()).isEmpty();
        assertThat(catalog.preselected(catalog.profiles())).isEmpty();
    }

    @Test
    void missingFilesGiveNoProfilesRatherThanAnError() {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(dir.resolve("no-config"), dir.resolve("no-credentials"),
                null);

        assertThat(catalog.profiles()).isEmpty();
    }

    @Test
    void aMissingCredentialsFileStillGivesTheConfigProfiles() throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(write("config", "[profile solo]\nregion = ap-south-1\n"),
                dir.resolve("no-credentials"), null);

        assertThat(catalog.profiles()).extracting(AwsProfile::name, AwsProfile::region)
                .containsExactly(tuple("solo", "ap-south-1"));
    }

    @Test
    void rereadsTheFilesOnEveryCall() throws IOException {
        Path config = write("config", "[profile first]\nregion = eu-west-1\n");
        ProfileCatalog catalog = ProfileCatalog.fromFiles(config, write("credentials", ""), null);
        assertThat(catalog.profiles()).extracting(AwsProfile::name).containsExactly("first");

        Files.writeString(config, "[profile first]\nregion = eu-west-1\n[profile second]\nregion = eu-west-2\n");

        assertThat(catalog.profiles()).extracting(AwsProfile::name).containsExactly("first", "second");
    }

    @Test
    void fingerprintChangesWhenAFileIsEditedCreatedOrRemoved() throws IOException {
        Path config = write("config", "[profile first]\nregion = eu-west-1\n");
        Path credentials = dir.resolve("credentials");
        ProfileCatalog catalog = ProfileCatalog.fromFiles(config, credentials, null);
        String before = catalog.fingerprint();
        assertThat(catalog.fingerprint()).as("unchanged files").isEqualTo(before);

        Files.writeString(config, "[profile first]\nregion = eu-west-1\n[profile second]\n");
        String edited = catalog.fingerprint();
        Files.writeString(credentials, "[first]\n");
        String created = catalog.fingerprint();
        Files.delete(credentials);
        String removed = catalog.fingerprint();

        assertThat(List.of(before, edited, created)).doesNotHaveDuplicates();
        assertThat(removed).isNotEqualTo(created).isEqualTo(edited);
    }

    @Test
    void aRoleWithAnMfaSerialAsksForACode() throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(write("config", """
                [profile mfa]
                role_arn = arn:aws:iam::111122223333:role/Admin
                source_profile = keys
                mfa_serial = arn:aws:iam::111122223333:mfa/alice
                """), null, null);

        assertThat(catalog.profiles()).extracting(AwsProfile::kind).containsExactly(ProfileKind.ASSUME_ROLE_MFA);
    }

    @Test
    void environmentKeysAreListedAsAProfileWithTheirRegion() throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(write("config", CONFIG), write("credentials", CREDENTIALS),
                null, Map.of("AWS_ACCESS_KEY_ID", "AKIAENV", "AWS_SECRET_ACCESS_KEY", "secret",
                        "AWS_REGION", "ap-southeast-2", "AWS_DEFAULT_REGION", "eu-north-1"));

        AwsProfile environment = byName(catalog.profiles()).get(ProfileCatalog.ENVIRONMENT_PROFILE);

        assertThat(environment.kind()).isEqualTo(ProfileKind.ENVIRONMENT);
        assertThat(environment.region()).as("AWS_REGION wins, as in the SDK").isEqualTo("ap-southeast-2");
        assertThat(environment.endpointUrl()).isNull();
    }

    @Test
    void environmentWithoutBothKeysIsNoProfile() throws IOException {
        ProfileCatalog catalog = ProfileCatalog.fromFiles(write("config", CONFIG), null, null,
                Map.of("AWS_ACCESS_KEY_ID", "AKIAENV"));

        assertThat(catalog.profiles()).extracting(AwsProfile::name).doesNotContain(ProfileCatalog.ENVIRONMENT_PROFILE);
    }

    @Test
    void theEndpointIsTheOneTheSdkCalls() throws IOException {
        String config = """
                [profile section]
                services = local
                endpoint_url = http://127.0.0.1:1000
                [profile plain]
                endpoint_url = http://127.0.0.1:1000
                [profile other-service]
                services = sts-only
                [services local]
                cognito_identity_provider =
                  endpoint_url = http://127.0.0.1:2000
                [services sts-only]
                sts =
                  endpoint_url = http://127.0.0.1:3000
                """;
        Map<String, AwsProfile> files = profiles(config, Map.of());
        Map<String, AwsProfile> overridden = profiles(config, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4000"));
        Map<String, AwsProfile> ignored = profiles(config, Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        assertThat(files.get("section").endpointUrl()).as("the services section wins").isEqualTo("http://127.0.0.1:2000");
        assertThat(files.get("plain").endpointUrl()).isEqualTo("http://127.0.0.1:1000");
        assertThat(files.get("other-service").endpointUrl()).as("another service's endpoint").isNull();
        assertThat(overridden.get("section").endpointUrl()).isEqualTo("http://127.0.0.1:4000");
        assertThat(ignored.get("section").endpointUrl()).isNull();
    }

    @Test
    void ignoreConfiguredEndpointUrlsInTheProfileLeavesItsEndpointsUnused() throws IOException {
        String config = """
                [profile ignoring]
                ignore_configured_endpoint_urls = true
                endpoint_url = http://127.0.0.1:1000
                [profile ignoring-section]
                ignore_configured_endpoint_urls = TRUE
                services = local
                [profile honouring]
                ignore_configured_endpoint_urls = false
                endpoint_url = http://127.0.0.1:1000
                [services local]
                cognito_identity_provider =
                  endpoint_url = http://127.0.0.1:2000
                """;
        Map<String, AwsProfile> files = profiles(config, Map.of());
        Map<String, AwsProfile> withEnvironmentEndpoint = profiles(config,
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4000"));
        Map<String, AwsProfile> environmentSaysNo = profiles(config,
                Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"));

        assertThat(files.get("ignoring").endpointUrl()).isNull();
        assertThat(files.get("ignoring").displayName()).isEqualTo("ignoring");
        assertThat(files.get("ignoring-section").endpointUrl()).isNull();
        assertThat(files.get("honouring").endpointUrl()).isEqualTo("http://127.0.0.1:1000");
        assertThat(withEnvironmentEndpoint.get("ignoring").endpointUrl()).as("AWS_ENDPOINT_URL is ignored too")
                .isNull();
        assertThat(environmentSaysNo.get("ignoring").endpointUrl())
                .as("the environment variable wins over the profile, as in the SDK and the CLI")
                .isEqualTo("http://127.0.0.1:1000");
    }

    @Test
    void webIdentityAndLoginSessionProfilesAreTheirOwnKinds() throws IOException {
        Map<String, AwsProfile> byName = profiles("""
                [profile ci]
                role_arn = arn:aws:iam::111122223333:role/Deploy
                web_identity_token_file = /var/run/secrets/token
                [profile chained]
                role_arn = arn:aws:iam::111122223333:role/Deploy
                web_identity_token_file = /var/run/secrets/token
                source_profile = ci
                [profile signed-in]
                login_session = arn:aws:iam::111122223333:user/alice
                """, Map.of());

        assertThat(byName.get("ci").kind()).isEqualTo(ProfileKind.WEB_IDENTITY);
        assertThat(byName.get("chained").kind()).as("source_profile wins, as in the CLI")
                .isEqualTo(ProfileKind.ASSUME_ROLE);
        assertThat(byName.get("signed-in").kind()).isEqualTo(ProfileKind.LOGIN_SESSION);
    }

    @Test
    void aMalformedFileIsNamedAndTheOtherFileStillServes() throws IOException {
        Path config = write("config", "[profile broken\nregion = eu-west-1\n");
        ProfileCatalog catalog = ProfileCatalog.fromFiles(config, write("credentials", CREDENTIALS), null);

        ProfileCatalog.Listing listing = catalog.listing();

        assertThat(listing.profiles()).extracting(AwsProfile::name).containsExactly("default", "keys",
                "only-credentials");
        assertThat(listing.problems()).singleElement().asString().contains("config file " + config, "line 1");
        assertThat(catchThrowable(catalog::profiles)).as("profiles() keeps failing as a whole, naming the file")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("config file " + config);
    }

    @Test
    void wellFormedFilesHaveNoProblems() throws IOException {
        assertThat(catalog(null).listing().problems()).isEmpty();
    }

    private ProfileCatalog catalog(String preferred) throws IOException {
        return ProfileCatalog.fromFiles(write("config", CONFIG), write("credentials", CREDENTIALS), preferred);
    }

    /** The profiles of {@code config} by name, read with {@code environment} as the process environment. */
    private Map<String, AwsProfile> profiles(String config, Map<String, String> environment) throws IOException {
        return byName(ProfileCatalog.fromFiles(write("config", config), null, null, environment).profiles());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Map<String, AwsProfile> byName(List<AwsProfile> profiles) {
        return profiles.stream().collect(Collectors.toMap(AwsProfile::name, Function.identity()));
    }
}
