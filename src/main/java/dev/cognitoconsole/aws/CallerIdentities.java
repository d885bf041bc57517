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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Who AWS sees behind each profile (STS GetCallerIdentity), asked once per profile and remembered. */
public final class CallerIdentities {
    private static final Logger LOG = LoggerFactory.getLogger(CallerIdentities.class);

    private final ProfileCatalog catalog;
    private final ProfileCredentials credentials;
    private final Map<String, CallerIdentity> known = new ConcurrentHashMap<>();

    /** Asks with credentials of its own ({@link ProfileCredentials} over the catalog, never closed). */
    public CallerIdentities(ProfileCatalog catalog) {
        this(catalog, new ProfileCredentials(catalog));
    }

    /** Asks with the console's credentials, so that a sign-in made for the Cognito clients serves here too. */
    public CallerIdentities(ProfileCatalog catalog, ProfileCredentials credentials) {
        this.catalog = catalog;
        this.credentials = credentials;
    }

    /** The caller of this connection's profile, or empty when STS cannot say (it is asked again next time). */
    public Optional<CallerIdentity> of(Connection connection) {
        AwsProfile profile = connection.profile();
        CallerIdentity cached = known.get(profile.name());
        if (cached != null) {
            return Optional.of(cached);
        }
        ProfileFile files = catalog.profileFile();
        try (StsClient sts = StsClient.builder()
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials.provider(profile))
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(3)))
                .overrideConfiguration(o -> o.defaultProfileFile(files).defaultProfileName(profile.name())
                        .apiCallTimeout(Duration.ofSeconds(8)))
                .build()) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            CallerIdentity caller = new CallerIdentity(identity.arn(), identity.account());
            known.put(profile.name(), caller);
            return Optional.of(caller);
        } catch (SdkException | ConsoleFailure e) {
            LOG.info("STS GetCallerIdentity failed for profile {}: {}", profile.name(), e.getMessage());
            return Optional.empty();
        }
    }
}
