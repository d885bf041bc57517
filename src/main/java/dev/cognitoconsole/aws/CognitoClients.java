package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * One SDK client per profile and region, built so that the profile's own settings (its endpoint_url
 * among them) apply, and closed when the console stops. Their requests go through the connection pool of their
 * {@link ProfileCredentials}.
 */
public final class CognitoClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoClients.class);

    private final ProfileCatalog catalog;
    private final ClientSettings settings;
    private final ProfileCredentials credentials;
    /** Whether {@link #credentials} and its pool were made here, and so are closed here. */
    private final boolean ownsCredentials;
    private final Map<Connection, CognitoIdentityProviderClient> clients = new ConcurrentHashMap<>();

    /**
     * Clients whose credentials come from a {@link ProfileCredentials} of their own (the CLI's SSO cache), over a
     * connection pool of their own.
     */
    public CognitoClients(ProfileCatalog catalog, ClientSettings settings) {
        this(catalog, settings, new ProfileCredentials(catalog, new ConnectionPool(settings)), true);
    }

    /**
     * Clients whose credentials come from {@code credentials}, and whose requests go through its connection pool
     * (whose connect timeout applies, not {@code settings}'); the caller closes both (after these).
     */
    public CognitoClients(ProfileCatalog catalog, ClientSettings settings, ProfileCredentials credentials) {
        this(catalog, settings, credentials, false);
    }

    private CognitoClients(ProfileCatalog catalog, ClientSettings settings, ProfileCredentials credentials,
                           boolean ownsCredentials) {
        this.catalog = catalog;
        this.settings = settings;
        this.credentials = credentials;
        this.ownsCredentials = ownsCredentials;
    }

    /** The client for this connection, built on first use. */
    public CognitoIdentityProviderClient client(Connection connection) {
        return clients.computeIfAbsent(connection, this::build);
    }

    /** Drops the credentials held for this profile, so that the next call resolves them again. */
    public void forgetCredentials(AwsProfile profile) {
        credentials.forget(profile.name());
    }

    @Override
    public void close() {
        clients.values().forEach(CognitoIdentityProviderClient::close);
        clients.clear();
        if (ownsCredentials) {
            credentials.close();
            credentials.pool().close();
        }
    }

    private CognitoIdentityProviderClient build(Connection connection) {
        AwsProfile profile = connection.profile();
        ProfileFile files = catalog.profileFile();
        // Calls go where the connection bar says, and nowhere else: the endpoint shown is pinned, and an endpoint
        // configured since the profile was read (and so never shown) stops the call.
        Optional<String> shown = profile.endpointIfSet();
        Optional<String> configured = catalog.configuredEndpoint(files, profile.name());
        if (shown.isEmpty() && configured.isPresent()) {
            throw new IllegalStateException("Profile " + profile.name() + " now sends Cognito calls to "
                    + configured.get() + ", which the console has not shown: reload the profiles to see it.");
        }
        LOG.info("Creating Cognito client for profile {} in {} ({})", profile.name(), connection.region(),
                connection.endpoint());
        var builder = CognitoIdentityProviderClient.builder();
        shown.ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials.provider(profile))
                .httpClient(credentials.pool().http())
                .overrideConfiguration(o -> o
                        // The profile must be the client's default profile, or its region and
                        // endpoint_url are read from the [default] profile instead.
                        .defaultProfileFile(files)
                        .defaultProfileName(profile.name())
                        // First, so that a retry refused its wait is not counted as an attempt that went out.
                        .addExecutionInterceptor(new AttemptsInBudget())
                        .addExecutionInterceptor(new UnclearAttempts())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts())
                                .build())
                        .apiCallAttemptTimeout(settings.attemptTimeout())
                        .apiCallTimeout(settings.callTimeout()))
                .build();
    }
}
