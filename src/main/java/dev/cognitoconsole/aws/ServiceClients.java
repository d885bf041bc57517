package dev.cognitoconsole.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The STS, SSO and SSO-OIDC clients that credentials come from, one per service, profile and region, built
 * like the Cognito clients: with the profile as the client's default profile, so that its {@code endpoint_url}
 * and its {@code [services]} section ({@code sts}, {@code sso}, {@code sso_oidc}) apply. They carry no
 * credentials of their own: AssumeRole gets them per request, SSO and SSO-OIDC calls need none. Their requests go
 * through the console's {@link ConnectionPool}, which closes them; {@link #close()} closes only the clients.
 */
final class ServiceClients implements AutoCloseable {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final Supplier<ProfileFile> files;
    private final ConnectionPool pool;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    ServiceClients(Supplier<ProfileFile> files, ConnectionPool pool) {
        this.files = files;
        this.pool = pool;
    }

    StsClient sts(String profile, Region region) {
        return (StsClient) clients.computeIfAbsent("sts|" + profile + "|" + region,
                key -> configure(StsClient.builder(), profile, region).build());
    }

    SsoClient sso(String profile, Region region) {
        return (SsoClient) clients.computeIfAbsent("sso|" + profile + "|" + region,
                key -> configure(SsoClient.builder(), profile, region).build());
    }

    SsoOidcClient oidc(String profile, Region region) {
        return (SsoOidcClient) clients.computeIfAbsent("oidc|" + profile + "|" + region,
                key -> configure(SsoOidcClient.builder(), profile, region).build());
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, String profile, Region region) {
        ProfileFile snapshot = files.get();
        return builder.region(region)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(pool.http())
                .overrideConfiguration(o -> o.defaultProfileFile(snapshot).defaultProfileName(profile)
                        .apiCallTimeout(CALL_TIMEOUT));
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}
