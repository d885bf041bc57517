package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who AWS sees behind each profile (STS GetCallerIdentity). Answers are remembered per access key id, not per
 * profile name, so that keys replaced in a profile (or a new SSO or role session) are asked about afresh and the
 * identity named is always the one whose keys sign the calls.
 */
public final class CallerIdentities {
    private static final Logger LOG = LoggerFactory.getLogger(CallerIdentities.class);

    private final ProfileCatalog catalog;
    private final ProfileCredentials credentials;
    /** By access key id: an identity never changes for the same key. The key id is no secret and stays in memory. */
    private final Map<String, CallerIdentity> byKey = new ConcurrentHashMap<>();
    /** The identity last seen for each profile, with the files' fingerprint it was seen under. */
    private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();

    private record Seen(CallerIdentity identity, String fingerprint) {
    }

    /** Asks with credentials of its own ({@link ProfileCredentials} over the catalog, never closed). */
    public CallerIdentities(ProfileCatalog catalog) {
        this(catalog, new ProfileCredentials(catalog));
    }

    /** Asks with the console's credentials, so that a sign-in made for the Cognito clients serves here too. */
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
        String fingerprint = catalog.fingerprint();
        AwsCredentials keys;
        try {
            keys = credentials.provider(profile).resolveCredentials();
        } catch (SdkException | ConsoleFailure e) {
            LOG.info("No credentials to ask STS who profile {} is: {}", profile.name(), e.getMessage());
            return Optional.empty();
        }
        CallerIdentity cached = byKey.get(keys.accessKeyId());
        if (cached != null) {
            lastSeen.put(profile.name(), new Seen(cached, fingerprint));
            return Optional.of(cached);
        }
        ProfileFile files = catalog.profileFile();
        try (StsClient sts = StsClient.builder()
                .region(Region.of(connection.region()))
                .credentialsProvider(StaticCredentialsProvider.create(keys))
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(3)))
                .overrideConfiguration(o -> o.defaultProfileFile(files).defaultProfileName(profile.name())
                        .apiCallTimeout(Duration.ofSeconds(8)))
                .build()) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            CallerIdentity caller = new CallerIdentity(identity.arn(), identity.account());
            byKey.put(keys.accessKeyId(), caller);
            lastSeen.put(profile.name(), new Seen(caller, fingerprint));
            return Optional.of(caller);
        } catch (SdkException | ConsoleFailure e) {
            LOG.info("STS GetCallerIdentity failed for profile {}: {}", profile.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The identity last seen for this connection's profile, without a call, or empty when none was seen or the AWS
     * files changed since (their keys may be another identity's).
     */
    public Optional<CallerIdentity> known(Connection connection) {
        Seen seen = lastSeen.get(connection.profile().name());
        return seen != null && seen.fingerprint().equals(catalog.fingerprint()) ? Optional.of(seen.identity())
                : Optional.empty();
    }
}
