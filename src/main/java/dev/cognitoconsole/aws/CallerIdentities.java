package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who AWS sees behind each profile (STS GetCallerIdentity). Answers are remembered per access key id, not per
 * profile name, so that keys replaced in a profile (or a new SSO or role session) are asked about afresh and the
 * identity named is always the one whose keys sign the calls. STS is asked through one client per profile and region,
 * over the connection pool of the {@link ProfileCredentials}, built again when the AWS files change.
 */
public final class CallerIdentities implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallerIdentities.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

    private final ProfileCatalog catalog;
    private final ProfileCredentials credentials;
    /** By access key id: an identity never changes for the same key. The key id is no secret and stays in memory. */
    private final Map<String, CallerIdentity> byKey = new ConcurrentHashMap<>();
    /** By profile and region: the STS client, built over the files as they were at {@link Sts#fingerprint}. */
    private final Map<String, Sts> clients = new ConcurrentHashMap<>();

    /** Asks with credentials of its own ({@link ProfileCredentials} over the catalog, never closed). */
    public CallerIdentities(ProfileCatalog catalog) {
        this(catalog, new ProfileCredentials(catalog));
    }

    /**
     * Asks with the console's credentials, so that a sign-in made for the Cognito clients serves here too, through
     * their connection pool.
     */
    public CallerIdentities(ProfileCatalog catalog, ProfileCredentials credentials) {
        this.catalog = catalog;
        this.credentials = credentials;
    }

    /**
     * The identity whose credentials sign this connection's calls now, or empty when STS cannot say. Resolves the
     * profile's credentials (held ones are reused) and asks STS only for keys not seen before: call it off the UI
     * thread.
     */
    public Optional<CallerIdentity> of(Connection connection) {
        AwsProfile profile = connection.profile();
        AwsCredentials keys;
        try {
            keys = credentials.provider(profile).resolveCredentials();
        } catch (SdkException | ConsoleFailure e) {
            LOG.info("No credentials to ask STS who profile {} is: {}", profile.name(), e.getMessage());
            return Optional.empty();
        }
        CallerIdentity cached = byKey.get(keys.accessKeyId());
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            GetCallerIdentityResponse identity = ask(profile.name(), connection.region(), catalog.fingerprint(), keys);
            CallerIdentity caller = new CallerIdentity(identity.arn(), identity.account());
            byKey.put(keys.accessKeyId(), caller);
            return Optional.of(caller);
        } catch (SdkException | ConsoleFailure e) {
            LOG.info("STS GetCallerIdentity failed for profile {}: {}", profile.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Closes the STS clients; the connection pool is the credentials' owner's to close. */
    @Override
    public void close() {
        List.copyOf(clients.keySet()).forEach(key -> clients.computeIfPresent(key, (k, sts) -> {
            sts.retire();
            return null;
        }));
    }

    private GetCallerIdentityResponse ask(String profile, String region, String fingerprint, AwsCredentials keys) {
        Sts sts = lease(profile, region, fingerprint);
        try {
            return sts.client().getCallerIdentity(r -> r.overrideConfiguration(o -> o
                    .credentialsProvider(StaticCredentialsProvider.create(keys))));
        } finally {
            sts.release();
        }
    }

    /** The STS client for this profile and region over the files as they are now, held until {@link Sts#release}. */
    private Sts lease(String profile, String region, String fingerprint) {
        while (true) {
            Sts sts = clients.compute(profile + "|" + region, (key, held) -> {
                if (held != null && held.fingerprint().equals(fingerprint)) {
                    return held;
                }
                if (held != null) {
                    held.retire();
                }
                return new Sts(fingerprint, build(profile, region));
            });
            if (sts.lease()) {
                return sts;
            }
        }
    }

    // The profile is the client's default profile, so that its endpoint_url and [services] sts settings apply; the
    // keys come with each request. The 8 s call limit bounds the lookup, whatever the pool's connect timeout.
    private StsClient build(String profile, String region) {
        ProfileFile files = catalog.profileFile();
        return StsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(credentials.pool().http())
                .overrideConfiguration(o -> o.defaultProfileFile(files).defaultProfileName(profile)
                        .apiCallTimeout(CALL_TIMEOUT))
                .build();
    }

    /** An STS client, closed once it is replaced (or the lookups end) and no lookup still uses it. */
    private static final class Sts {
        private final String fingerprint;
        private final StsClient client;
        private int users;
        private boolean retired;

        Sts(String fingerprint, StsClient client) {
            this.fingerprint = fingerprint;
            this.client = client;
        }

        String fingerprint() {
            return fingerprint;
        }

        StsClient client() {
            return client;
        }

        synchronized boolean lease() {
            if (retired) {
                return false;
            }
            users++;
            return true;
        }

        synchronized void release() {
            users--;
            closeIfUnused();
        }

        synchronized void retire() {
            retired = true;
            closeIfUnused();
        }

        private void closeIfUnused() {
            if (retired && users == 0) {
                client.close();
            }
        }
    }
}
