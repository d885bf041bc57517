package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.HttpCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The credentials of every kind of profile, resolved the way the AWS CLI resolves them. The console resolves
 * these itself: static keys, {@code credential_process} (with a time limit), {@code role_arn} with
 * {@code source_profile} (with or without {@code mfa_serial}) or with a {@code web_identity_token_file} (through
 * the profile's own STS endpoint and region, as the CLI does), IAM Identity Center (legacy and
 * {@code sso_session} profiles, with the CLI's token cache), and the AWS_ACCESS_KEY_ID environment variables.
 * Any other kind goes to the SDK's {@link ProfileCredentialsProvider} over the same files, among them
 * {@code login_session} ({@code aws login}), whose token cache the SDK's signin module reads and renews.
 *
 * <p>This class holds the resolved credentials per profile, walks the {@code source_profile} chain and picks
 * the way each profile resolves; {@link RoleSessions} makes the STS calls and {@link SsoCredentials} the
 * IAM Identity Center ones.
 *
 * <p>Every failure is a {@link ConsoleFailure.CredentialsUnavailable} naming the profile, the
 * {@link Recovery} the operator can make in the console, and the fix. Credentials are kept in memory until
 * shortly before they expire; none is ever logged.
 */
public final class ProfileCredentials implements AutoCloseable {
    /** How long a credential_process may run before it is stopped. */
    public static final Duration DEFAULT_PROCESS_TIME_LIMIT = Duration.ofSeconds(30);
    /** Credentials this close to expiring are renewed before use. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    static final String OPERATION = "GetCredentials";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileCredentials.class);

    private final ProfileCatalog catalog;
    private final Clock clock;
    private final ConnectionPool pool;
    /** Whether {@link #pool} was made here, and so is closed here. */
    private final boolean ownsPool;
    private final ServiceClients services;
    private final ExecutorService processReaders;
    private final CredentialProcess processes;
    private final SsoCredentials sso;
    private final RoleSessions roles;
    private final Map<String, HeldCredentials> held = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * The AWS CLI's SSO token cache (~/.aws/sso/cache), a 30 s limit for credential_process, the system clock, and
     * a connection pool of its own.
     */
    public ProfileCredentials(ProfileCatalog catalog) {
        this(catalog, SsoTokenCache.defaultDir(), DEFAULT_PROCESS_TIME_LIMIT, Clock.systemUTC());
    }

    /** As {@link #ProfileCredentials(ProfileCatalog)}, with the STS, SSO and OIDC calls through {@code pool}. */
    public ProfileCredentials(ProfileCatalog catalog, ConnectionPool pool) {
        this(catalog, SsoTokenCache.defaultDir(), DEFAULT_PROCESS_TIME_LIMIT, Clock.systemUTC(), pool, false);
    }

    /**
     * @param ssoCacheDir      where SSO tokens are read and written (the CLI's is ~/.aws/sso/cache)
     * @param processTimeLimit how long a credential_process may run
     */
    public ProfileCredentials(ProfileCatalog catalog, Path ssoCacheDir, Duration processTimeLimit, Clock clock) {
        this(catalog, ssoCacheDir, processTimeLimit, clock, new ConnectionPool(ClientSettings.defaults()), true);
    }

    /** With the STS, SSO and OIDC calls through {@code pool}, which the caller closes (after these). */
    ProfileCredentials(ProfileCatalog catalog, Path ssoCacheDir, Duration processTimeLimit, Clock clock,
                       ConnectionPool pool) {
        this(catalog, ssoCacheDir, processTimeLimit, clock, pool, false);
    }

    private ProfileCredentials(ProfileCatalog catalog, Path ssoCacheDir, Duration processTimeLimit, Clock clock,
                               ConnectionPool pool, boolean ownsPool) {
        this.catalog = catalog;
        this.clock = clock;
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.services = new ServiceClients(catalog::profileFile, pool);
        this.processReaders = Executors.newCachedThreadPool(run -> {
            Thread thread = new Thread(run, "credential-process-reader");
            thread.setDaemon(true);
            return thread;
        });
        this.processes = new CredentialProcess(processTimeLimit, processReaders);
        this.sso = new SsoCredentials(new SsoTokenCache(ssoCacheDir), services, clock);
        this.roles = new RoleSessions(services, clock);
    }

    /**
     * The credentials of this profile for an SDK client. It resolves them on each call from what is held in
     * memory, so a sign-in made later ({@link AwsSignIn}) applies to clients built before it.
     */
    public AwsCredentialsProvider provider(AwsProfile profile) {
        return new Provider(profile.name());
    }

    /** Forgets the credentials held for this profile: the next call resolves them again (MFA sessions too). */
    public void forget(String profile) {
        held.remove(profile);
    }

    @Override
    public void close() {
        services.close();
        processReaders.shutdownNow();
        if (ownsPool) {
            pool.close();
        }
    }

    /** The credentials of the profile, resolved now unless held ones are still good. */
    AwsCredentials resolve(String profile) {
        synchronized (locks.computeIfAbsent(profile, p -> new Object())) {
            String fingerprint = catalog.fingerprint();
            HeldCredentials current = held.get(profile);
            if (current != null && current.goodAt(clock.instant()) && current.matches(fingerprint)) {
                return current.credentials();
            }
            ProfileFile files = catalog.profileFile();
            HeldCredentials fresh = resolve(files, profile, new ProfileChain(profile)).stampedWith(fingerprint);
            held.put(profile, fresh);
            return fresh.credentials();
        }
    }

    /**
     * Assumes the role of an {@code mfa_serial} profile with the code the operator typed, and holds the session
     * until shortly before it expires.
     */
    void signInWithMfa(String profile, String code) {
        synchronized (locks.computeIfAbsent(profile, p -> new Object())) {
            ProfileFile files = catalog.profileFile();
            ProfileChain chain = new ProfileChain(profile);
            Profile role = chain.find(files, profile);
            String serial = role.property("mfa_serial").orElseThrow(() -> chain.unavailable(Recovery.RENEW_ELSEWHERE,
                    "profile " + profile + " has no mfa_serial, so it takes no MFA code", null));
            HeldCredentials session = roles.assumeWithMfa(role, source(files, role, chain).credentials(), serial, code,
                    chain);
            held.put(profile, session);
            LOG.info("Assumed the role of profile {} with an MFA code; the session lasts until {}", profile,
                    session.expiration());
        }
    }

    /** Where a profile's SSO sign-in comes from: its own settings, or those of its source_profile chain. */
    SsoSettings ssoSettings(String profile) {
        ProfileFile files = catalog.profileFile();
        ProfileChain chain = new ProfileChain(profile);
        Profile current = chain.find(files, profile);
        while (!SsoSettings.isSso(current)) {
            String source = current.property(ProfileProperty.SOURCE_PROFILE).orElseThrow(() -> chain.unavailable(
                    Recovery.RENEW_ELSEWHERE, "profile " + profile + " does not sign in with IAM Identity Center (SSO)",
                    "Choose a profile with sso_session or sso_start_url."));
            chain.enter(source);
            current = chain.find(files, source);
        }
        return SsoSettings.of(files, current, chain);
    }

    SsoTokenCache tokens() {
        return sso.tokens();
    }

    ServiceClients services() {
        return services;
    }

    /** The connection pool the SDK clients that use these credentials share. */
    ConnectionPool pool() {
        return pool;
    }

    Clock clock() {
        return clock;
    }

    // Resolution

    private HeldCredentials resolve(ProfileFile files, String name, ProfileChain chain) {
        if (ProfileCatalog.ENVIRONMENT_PROFILE.equals(name)) {
            return environment(chain);
        }
        Profile profile = chain.find(files, name);
        if (profile.property(ProfileProperty.ROLE_ARN).isPresent()) {
            if (profile.property("mfa_serial").isPresent()) {
                HeldCredentials session = held.get(name);
                if (session != null && session.goodAt(clock.instant())) {
                    return session;
                }
                throw chain.unavailable(Recovery.MFA_CODE, "profile " + name + " needs an MFA code to assume its role",
                        RoleSessions.mfaFix(profile.property("mfa_serial").get()));
            }
            return ProfileCatalog.usesWebIdentity(profile) ? roles.webIdentity(profile, chain)
                    : roles.assume(profile, source(files, profile, chain).credentials(), chain);
        }
        if (SsoSettings.isSso(profile)) {
            return sso.credentials(SsoSettings.of(files, profile, chain), chain);
        }
        Optional<String> command = profile.property(ProfileProperty.CREDENTIAL_PROCESS);
        if (command.isPresent()) {
            return process(name, command.get(), chain);
        }
        if (profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            return staticKeys(profile, chain);
        }
        return fromSdk(files, profile, chain);
    }

    // Every kind the console does not handle itself is left to the SDK's own provider, over the same files.
    private HeldCredentials fromSdk(ProfileFile files, Profile profile, ProfileChain chain) {
        String name = profile.name();
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder().profileFile(files)
                .profileName(name).build()) {
            AwsCredentials credentials = provider.resolveCredentials();
            return new HeldCredentials(credentials, credentials.expirationTime().orElse(null));
        } catch (RuntimeException e) {
            if (profile.property(ProfileCatalog.LOGIN_SESSION).isPresent()) {
                // The SDK renews the session itself while aws login's refresh token lasts: a new sign-in is the fix.
                LOG.info("The aws login sign-in of profile {} gave no credentials: {}", name, e.toString());
                throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e instanceof SdkException sdk ? sdk : null,
                        "the aws login sign-in of profile " + name + " gave no credentials: " + e.getMessage(),
                        loginFix(name));
            }
            // The SDK's words when the profile has no setting it knows; the rest of its message lists every
            // profile of the files with its setting names, so it is neither shown nor logged.
            if (String.valueOf(e.getMessage()).startsWith("Profile file contained no credentials")) {
                throw chain.unavailable(Recovery.RENEW_ELSEWHERE, "profile " + name + " has no credentials",
                        "Give profile " + name + " aws_access_key_id and aws_secret_access_key, a role_arn, an SSO"
                                + " session or a credential_process (aws configure), or choose another profile.");
            }
            LOG.info("The AWS SDK could not get the credentials of profile {}: {}", name, e.toString());
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e instanceof SdkException sdk ? sdk : null,
                    "the AWS SDK could not get the credentials of profile " + name + ": " + e.getMessage(),
                    "Run aws sts get-caller-identity --profile " + name + " in a terminal to see what the profile"
                            + " needs, then retry.");
        }
    }

    private HeldCredentials environment(ProfileChain chain) {
        Map<String, String> env = catalog.environment();
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (blank(keyId) || blank(secret)) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE,
                    "AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set any more",
                    "Set both variables before starting the console, or choose a profile.");
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return HeldCredentials.forever(blank(token) ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, token));
    }

    private static HeldCredentials staticKeys(Profile profile, ProfileChain chain) {
        String keyId = profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).orElse("");
        String secret = profile.property(ProfileProperty.AWS_SECRET_ACCESS_KEY).orElse("");
        if (keyId.isBlank() || secret.isBlank()) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE,
                    "profile " + profile.name() + " has aws_access_key_id without aws_secret_access_key",
                    "Add the secret key to profile " + profile.name() + " (aws configure --profile "
                            + profile.name() + ").");
        }
        Optional<String> token = profile.property(ProfileProperty.AWS_SESSION_TOKEN).filter(t -> !t.isBlank());
        AwsCredentials credentials = token.<AwsCredentials>map(t -> AwsSessionCredentials.create(keyId, secret, t))
                .orElseGet(() -> AwsBasicCredentials.create(keyId, secret));
        return HeldCredentials.forever(credentials);
    }

    private HeldCredentials process(String name, String command, ProfileChain chain) {
        try {
            CredentialProcess.Result result = processes.run(command);
            return new HeldCredentials(result.credentials(), result.expiration());
        } catch (CredentialProcess.Failed e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE,
                    "the credential_process of profile " + name + " gave no credentials: " + e.getMessage(),
                    "Run the credential_process of profile " + name + " in a terminal to see what it needs"
                            + " (often a sign-in of its own), then retry.");
        }
    }

    // Credentials of a source profile: static keys win even when it has a role too (the CLI's rule, which
    // lets a profile name itself as source_profile).
    private HeldCredentials source(ProfileFile files, Profile role, ProfileChain chain) {
        Optional<String> sourceName = role.property(ProfileProperty.SOURCE_PROFILE);
        if (sourceName.isEmpty()) {
            String credentialSource = role.property(ProfileProperty.CREDENTIAL_SOURCE).orElse(null);
            if ("Environment".equals(credentialSource)) {
                return environment(chain);
            }
            if ("Ec2InstanceMetadata".equals(credentialSource)) {
                // The SDK's provider, which reads ec2_metadata_service_endpoint (and the IMDS settings) of the profile.
                return provided(InstanceProfileCredentialsProvider.builder().profileFile(files)
                                .profileName(role.name()).build(), role, credentialSource,
                        "the EC2 instance metadata service", "Run the console on an EC2 instance whose instance "
                                + "profile has a role, or give profile " + role.name() + " a source_profile.", chain);
            }
            if ("EcsContainer".equals(credentialSource)) {
                return provided(ContainerCredentialsProvider.builder().build(), role, credentialSource,
                        "the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI)",
                        "Run the console in a container given a task role, or give profile " + role.name()
                                + " a source_profile.", chain);
            }
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, credentialSource == null
                            ? "profile " + role.name() + " has a role_arn but no source_profile"
                            : "profile " + role.name() + " takes its credentials from credential_source = "
                              + credentialSource + ", which the console does not support",
                    "Give profile " + role.name() + " a source_profile that has credentials.");
        }
        String source = sourceName.get();
        Profile sourceProfile = files.profile(source).orElseThrow(() -> chain.unavailable(Recovery.RENEW_ELSEWHERE,
                "profile " + role.name() + " names source_profile " + source + ", which is not in the config files",
                "Add a profile " + source + " to the AWS config or credentials file, or change source_profile of"
                        + " profile " + role.name() + "."));
        if (sourceProfile.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            return staticKeys(sourceProfile, chain);
        }
        chain.enter(source);
        return resolve(files, source, chain);
    }

    /** The source credentials of a credential_source the SDK has a provider for; a failure names the source. */
    private static HeldCredentials provided(HttpCredentialsProvider provider, Profile role,
                                            String credentialSource, String where, String fix, ProfileChain chain) {
        try (provider) {
            AwsCredentials credentials = provider.resolveCredentials();
            return new HeldCredentials(credentials, credentials.expirationTime().orElse(null));
        } catch (SdkException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "profile " + role.name()
                    + " takes its credentials from credential_source = " + credentialSource + ", and " + where
                    + " gave none: " + e.getMessage(), fix);
        }
    }

    /** What renews the credentials of a login_session profile: the AWS CLI's console sign-in. */
    static String loginFix(String profile) {
        return "Run aws login --profile " + profile + " in a terminal, then retry.";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The SDK's view of the profile's credentials: looked up in {@link ProfileCredentials} on every call. */
    private final class Provider implements AwsCredentialsProvider {
        private final String profile;

        Provider(String profile) {
            this.profile = profile;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return resolve(profile);
        }

        @Override
        public String toString() {
            return "ProfileCredentials(" + profile + ")";
        }
    }
}
