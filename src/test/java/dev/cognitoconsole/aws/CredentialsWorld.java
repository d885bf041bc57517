package dev.cognitoconsole.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.AwsServicesStub;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the credential tests share: Cognito, STS, SSO and SSO-OIDC stubs on 127.0.0.1, AWS files in a temp
 * folder whose profiles reach the stubs through a {@code [services stubs]} section (no test hook in the
 * console), an SSO token cache in the same folder, a clock the test moves, and the console's clients over them.
 */
final class CredentialsWorld implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final String POOL = "us-east-1_Creds01";
    /** The line a profile needs to reach the stubs. */
    static final String SERVICES = "services = stubs\n";
    private static final Pattern SIGNED_WITH = Pattern.compile("Credential=([A-Z0-9]+)/");

    final Path dir;
    final Path cacheDir;
    final CognitoStub cognito = CognitoStub.start();
    final AwsServicesStub aws = AwsServicesStub.start();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final List<AutoCloseable> opened = new ArrayList<>();

    CredentialsWorld(Path dir) {
        this.dir = dir;
        this.cacheDir = dir.resolve("sso-cache");
        cognito.listPools(new CognitoStub.Pool(POOL, "creds"));
    }

    /** Writes {@code profiles} and the services section as the config file; the catalog over it. */
    ProfileCatalog catalog(String profiles, Map<String, String> environment) {
        try {
            Path config = Files.writeString(dir.resolve("config"),
                    profiles + "\n" + aws.servicesSection("stubs", cognito.endpoint()));
            Path credentials = Files.writeString(dir.resolve("credentials"), "");
            return ProfileCatalog.fromFiles(config, credentials, null, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProfileCatalog catalog(String profiles) {
        return catalog(profiles, Map.of());
    }

    /** The console's credentials over the catalog: the temp token cache, a 1 s limit for processes. */
    ProfileCredentials credentials(ProfileCatalog catalog) {
        return open(new ProfileCredentials(catalog, cacheDir, Duration.ofSeconds(1), clock));
    }

    /** A sign-in whose pauses move the clock instead of waiting, and are remembered. */
    AwsSignIn signIn(ProfileCredentials credentials, List<Duration> pauses) {
        return new AwsSignIn(credentials, pause -> {
            pauses.add(pause);
            clock.advance(pause);
        });
    }

    /** The directory the console's screens use, over Cognito clients built with these credentials. */
    SdkUserDirectory directory(ProfileCatalog catalog, ProfileCredentials credentials) {
        return new SdkUserDirectory(open(new CognitoClients(catalog, ItFixtures.settings(1), credentials)));
    }

    static Connection connection(ProfileCatalog catalog, String profile) {
        AwsProfile found = catalog.profiles().stream().filter(p -> p.name().equals(profile)).findFirst()
                .orElseThrow(() -> new AssertionError("No profile " + profile + " in " + catalog.profiles()));
        return new Connection(found, REGION);
    }

    /** ListUserPools through the console's directory, as the connection bar makes it. */
    Page<UserPool> listPools(ProfileCatalog catalog, ProfileCredentials credentials, String profile) {
        return directory(catalog, credentials).listPools(connection(catalog, profile), null);
    }

    /** What {@code call} threw: a credentials failure for {@code profile}, or the test fails. */
    static ConsoleFailure.CredentialsUnavailable credentialsFailure(String profile, ThrowingCallable call) {
        ConsoleFailure.CredentialsUnavailable failure = catchThrowableOfType(
                ConsoleFailure.CredentialsUnavailable.class, call);
        assertThat(failure).as("a credentials failure").isNotNull();
        assertThat(failure.profile()).isEqualTo(profile);
        return failure;
    }

    /** The access key ids that signed the requests Cognito received, in order. */
    List<String> cognitoSignedWith() {
        List<String> keys = new ArrayList<>();
        cognito.server().findAll(anyRequestedFor(anyUrl())).forEach(request -> {
            Matcher m = SIGNED_WITH.matcher(String.valueOf(request.getHeader("Authorization")));
            if (m.find()) {
                keys.add(m.group(1));
            }
        });
        return keys;
    }

    /** Writes an SSO token cache file as the CLI names it: the SHA-1 of the session name or start URL. */
    void writeSsoCache(String key, String json) throws IOException {
        Files.createDirectories(cacheDir);
        Files.writeString(cacheDir.resolve(sha1(key) + ".json"), json);
    }

    static String sha1(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(0, closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        cognito.close();
        aws.close();
    }
}
