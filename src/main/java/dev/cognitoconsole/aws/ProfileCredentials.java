package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsResponse;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The credentials of every kind of profile, resolved the way the AWS CLI resolves them. The console resolves
 * these itself: static keys, {@code credential_process} (with a time limit), {@code role_arn} with
 * {@code source_profile} (with or without {@code mfa_serial}) or with a {@code web_identity_token_file} (through
 * the profile's own STS endpoint and region, as the CLI does), IAM Identity Center (legacy and
 * {@code sso_session} profiles, with the CLI's token cache), and the AWS_ACCESS_KEY_ID environment variables.
 * Any other kind goes to the SDK's {@link ProfileCredentialsProvider} over the same files, among them
 * {@code login_session} ({@code aws login}), whose token cache the SDK's signin module reads and renews.
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
    private static final String DEFAULT_SSO_SCOPE = "sso:account:access";

    private final ProfileCatalog catalog;
    private final SsoTokenCache tokens;
    private final Clock clock;
    private final ConnectionPool pool;
    /** Whether {@link #pool} was made here, and so is closed here. */
    private final boolean ownsPool;
    private final ServiceClients services;
    private final ExecutorService processReaders;
    private final CredentialProcess processes;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
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
        this.tokens = new SsoTokenCache(ssoCacheDir);
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
            Held current = held.get(profile);
            if (current != null && current.goodAt(clock.instant()) && current.matches(fingerprint)) {
                return current.credentials();
            }
            ProfileFile files = catalog.profileFile();
            Held fresh = resolve(files, profile, new Chain(profile)).stampedWith(fingerprint);
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
            Chain chain = new Chain(profile);
            Profile role = chain.find(files, profile);
            String serial = role.property("mfa_serial").orElseThrow(() -> chain.unavailable(Recovery.RENEW_ELSEWHERE,
                    "profile " + profile + " has no mfa_serial, so it takes no MFA code", null));
            Held session = assumeRole(files, role, chain, r -> r.serialNumber(serial).tokenCode(code));
            held.put(profile, session);
            LOG.info("Assumed the role of profile {} with an MFA code; the session lasts until {}", profile,
                    session.expiration());
        }
    }

    /** Where a profile's SSO sign-in comes from: its own settings, or those of its source_profile chain. */
    SsoSettings ssoSettings(String profile) {
        ProfileFile files = catalog.profileFile();
        Chain chain = new Chain(profile);
        Profile current = chain.find(files, profile);
        while (!isSso(current)) {
            String source = current.property(ProfileProperty.SOURCE_PROFILE).orElseThrow(() -> chain.unavailable(
                    Recovery.RENEW_ELSEWHERE, "profile " + profile + " does not sign in with IAM Identity Center (SSO)",
                    "Choose a profile with sso_session or sso_start_url."));
            chain.enter(source);
            current = chain.find(files, source);
        }
        return ssoSettings(files, current, chain);
    }

    SsoTokenCache tokens() {
        return tokens;
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

    private Held resolve(ProfileFile files, String name, Chain chain) {
        if (ProfileCatalog.ENVIRONMENT_PROFILE.equals(name)) {
            return environment(chain);
        }
        Profile profile = chain.find(files, name);
        if (profile.property(ProfileProperty.ROLE_ARN).isPresent()) {
            if (profile.property("mfa_serial").isPresent()) {
                Held session = held.get(name);
                if (session != null && session.goodAt(clock.instant())) {
                    return session;
                }
                throw chain.unavailable(Recovery.MFA_CODE, "profile " + name + " needs an MFA code to assume its role",
                        "Type the current code from the MFA device of " + profile.property("mfa_serial").get() + ".");
            }
            return ProfileCatalog.usesWebIdentity(profile) ? webIdentity(profile, chain)
                    : assumeRole(files, profile, chain, r -> { });
        }
        if (isSso(profile)) {
            return sso(ssoSettings(files, profile, chain), chain);
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
    private Held fromSdk(ProfileFile files, Profile profile, Chain chain) {
        String name = profile.name();
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder().profileFile(files)
                .profileName(name).build()) {
            AwsCredentials credentials = provider.resolveCredentials();
            return new Held(credentials, credentials.expirationTime().orElse(null));
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

    private Held webIdentity(Profile role, Chain chain) {
        String name = role.name();
        String tokenFile = role.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).orElseThrow();
        String token;
        try {
            token = Files.readString(Path.of(tokenFile)).strip();
        } catch (IOException | InvalidPathException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, "the web_identity_token_file " + tokenFile
                            + " of profile " + name + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check web_identity_token_file of profile " + name + ": the file must exist, hold a current"
                            + " token (written by your identity provider, such as the EKS pod identity webhook or"
                            + " the CI system) and be readable by the console.");
        }
        String roleArn = role.property(ProfileProperty.ROLE_ARN).orElseThrow();
        try {
            return Held.of(services.sts(name, stsRegion(role)).assumeRoleWithWebIdentity(r -> r.roleArn(roleArn)
                    .roleSessionName(sessionName(role)).webIdentityToken(token)).credentials());
        } catch (AwsServiceException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "STS refused the web identity token of profile "
                            + name + " for " + roleArn + ": " + serviceMessage(e),
                    "Check that the token in " + tokenFile + " is current and that the trust policy of the role"
                            + " accepts its issuer and audience (sts:AssumeRoleWithWebIdentity), then retry.");
        } catch (SdkException e) {
            throw stsUnreachable(role, e, chain);
        }
    }

    private Held environment(Chain chain) {
        Map<String, String> env = catalog.environment();
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (blank(keyId) || blank(secret)) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE,
                    "AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY is not set any more",
                    "Set both variables before starting the console, or choose a profile.");
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return Held.forever(blank(token) ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, token));
    }

    private static Held staticKeys(Profile profile, Chain chain) {
        String keyId = profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).orElse("");
        String secret = profile.property(ProfileProperty.AWS_SECRET_ACCESS_KEY).orElse("");
        if (keyId.isBlank() || secret.isBlank()) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE,
                    "profile " + profile.name() + " has aws_access_key_id without aws_secret_access_key",
                    "Add the secret key to profile " + profile.name() + " (aws configure --profile "
                            + profile.name() + ").");
        }
        Optional<String> token = profile.property(ProfileProperty.AWS_SESSION_TOKEN).filter(t -> !t.isBlank());
        return Held.forever(token.<AwsCredentials>map(t -> AwsSessionCredentials.create(keyId, secret, t))
                .orElseGet(() -> AwsBasicCredentials.create(keyId, secret)));
    }

    private Held process(String name, String command, Chain chain) {
        try {
            CredentialProcess.Result result = processes.run(command);
            return new Held(result.credentials(), result.expiration());
        } catch (CredentialProcess.Failed e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE,
                    "the credential_process of profile " + name + " gave no credentials: " + e.getMessage(),
                    "Run the credential_process of profile " + name + " in a terminal to see what it needs"
                            + " (often a sign-in of its own), then retry.");
        }
    }

    // Credentials of a source profile: static keys win even when it has a role too (the CLI's rule, which
    // lets a profile name itself as source_profile).
    private Held source(ProfileFile files, Profile role, Chain chain) {
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
    private static Held provided(HttpCredentialsProvider provider, Profile role, String credentialSource,
                                 String where, String fix, Chain chain) {
        try (provider) {
            AwsCredentials credentials = provider.resolveCredentials();
            return new Held(credentials, credentials.expirationTime().orElse(null));
        } catch (SdkException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "profile " + role.name()
                    + " takes its credentials from credential_source = " + credentialSource + ", and " + where
                    + " gave none: " + e.getMessage(), fix);
        }
    }

    private Held assumeRole(ProfileFile files, Profile role, Chain chain,
                            Consumer<AssumeRoleRequest.Builder> extra) {
        Held source = source(files, role, chain);
        String roleArn = role.property(ProfileProperty.ROLE_ARN).orElseThrow();
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(sessionName(role));
        role.property(ProfileProperty.EXTERNAL_ID).ifPresent(request::externalId);
        Optional<String> duration = role.property("duration_seconds");
        if (duration.isPresent()) {
            try {
                request.durationSeconds(Integer.valueOf(duration.get().strip()));
            } catch (NumberFormatException e) {
                throw chain.unavailable(Recovery.RENEW_ELSEWHERE, "profile " + role.name()
                        + " has duration_seconds = " + duration.get() + ", which is not a number of seconds",
                        "Set duration_seconds of profile " + role.name() + " to a number such as 3600.");
            }
        }
        extra.accept(request);
        request.overrideConfiguration(o -> o.credentialsProvider(StaticCredentialsProvider.create(
                source.credentials())));
        try {
            return Held.of(services.sts(role.name(), stsRegion(role)).assumeRole(request.build()).credentials());
        } catch (AwsServiceException e) {
            String message = serviceMessage(e);
            Optional<String> serial = role.property("mfa_serial");
            if (serial.isPresent() && message.contains("MultiFactorAuthentication")) {
                throw chain.unavailable(Recovery.MFA_CODE, e, "the MFA code was not accepted for profile "
                        + role.name() + ": " + message,
                        "Type the current code from the MFA device of " + serial.get() + ".");
            }
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "STS refused to let profile " + role.name()
                            + " assume " + roleArn + ": " + message,
                    "Check that the source credentials may assume the role (its trust policy and"
                            + " sts:AssumeRole), then retry.");
        } catch (SdkException e) {
            throw stsUnreachable(role, e, chain);
        }
    }

    private String sessionName(Profile role) {
        return role.property(ProfileProperty.ROLE_SESSION_NAME).orElse("cognito-admin-console-" + clock.millis());
    }

    private static Region stsRegion(Profile role) {
        return role.property(ProfileProperty.REGION).map(Region::of).orElse(Region.AWS_GLOBAL);
    }

    private static ConsoleFailure.CredentialsUnavailable stsUnreachable(Profile role, SdkException e, Chain chain) {
        return chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "STS could not be reached to assume the role of"
                + " profile " + role.name() + ": " + e.getMessage(), "Check the network, then retry.");
    }

    // IAM Identity Center

    private static boolean isSso(Profile profile) {
        return profile.property(ProfileSection.SSO_SESSION).isPresent()
                || profile.property(ProfileProperty.SSO_START_URL).isPresent();
    }

    private static SsoSettings ssoSettings(ProfileFile files, Profile profile, Chain chain) {
        String name = profile.name();
        String account = profile.property(ProfileProperty.SSO_ACCOUNT_ID).orElse(null);
        String role = profile.property(ProfileProperty.SSO_ROLE_NAME).orElse(null);
        Optional<String> sessionName = profile.property(ProfileSection.SSO_SESSION);
        if (sessionName.isEmpty()) {
            String startUrl = profile.property(ProfileProperty.SSO_START_URL).orElseThrow();
            String region = profile.property(ProfileProperty.SSO_REGION).orElseThrow(() -> chain.unavailable(
                    Recovery.RENEW_ELSEWHERE, "profile " + name + " has sso_start_url but no sso_region",
                    "Add sso_region to profile " + name + " (aws configure sso --profile " + name + ")."));
            return new SsoSettings(name, null, startUrl, region, List.of(), account, role);
        }
        String session = sessionName.get();
        Profile section = files.getSection(ProfileSection.SSO_SESSION_SECTION, session).orElseThrow(() ->
                chain.unavailable(Recovery.RENEW_ELSEWHERE, "profile " + name + " names sso_session " + session
                                + ", which has no [sso-session " + session + "] section in the config file",
                        "Add the section (aws configure sso-session), or fix sso_session of profile " + name + "."));
        Optional<String> startUrl = section.property(ProfileProperty.SSO_START_URL);
        Optional<String> region = section.property(ProfileProperty.SSO_REGION);
        if (startUrl.isEmpty() || region.isEmpty()) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, "[sso-session " + session
                            + "] lacks sso_start_url or sso_region",
                    "Add both to the section (aws configure sso-session).");
        }
        List<String> scopes = section.property("sso_registration_scopes")
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .filter(list -> !list.isEmpty())
                .orElse(List.of(DEFAULT_SSO_SCOPE));
        return new SsoSettings(name, session, startUrl.get(), region.get(), scopes, account, role);
    }

    private Held sso(SsoSettings settings, Chain chain) {
        if (settings.accountId() == null || settings.roleName() == null) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, "profile " + settings.profile()
                            + " has no sso_account_id or sso_role_name",
                    "Add both to profile " + settings.profile() + " (aws configure sso --profile "
                            + settings.profile() + ").");
        }
        String accessToken = ssoAccessToken(settings, chain);
        try {
            GetRoleCredentialsResponse answer = services.sso(settings.profile(), Region.of(settings.region()))
                    .getRoleCredentials(r -> r.accessToken(accessToken).accountId(settings.accountId())
                            .roleName(settings.roleName()));
            RoleCredentials role = answer.roleCredentials();
            return new Held(AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(),
                    role.sessionToken()), Instant.ofEpochMilli(role.expiration()));
        } catch (UnauthorizedException e) {
            throw chain.unavailable(Recovery.SSO_SIGN_IN, e, "the IAM Identity Center sign-in of profile "
                    + settings.profile() + " is no longer accepted: " + serviceMessage(e), signInFix(settings));
        } catch (AwsServiceException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "IAM Identity Center gave no credentials for role "
                            + settings.roleName() + " in account " + settings.accountId() + ": " + serviceMessage(e),
                    "Check sso_account_id and sso_role_name of profile " + settings.profile()
                            + " against the roles your sign-in may use.");
        } catch (SdkException e) {
            throw chain.unavailable(Recovery.RENEW_ELSEWHERE, e, "IAM Identity Center could not be reached: "
                    + e.getMessage(), "Check the network, then retry.");
        }
    }

    private String ssoAccessToken(SsoSettings settings, Chain chain) {
        Optional<SsoTokenCache.SsoToken> cached;
        try {
            cached = tokens.read(settings.cacheKey());
        } catch (IOException e) {
            throw chain.unavailable(Recovery.SSO_SIGN_IN, "the cached IAM Identity Center sign-in of profile "
                    + settings.profile() + " cannot be read: " + e.getMessage(), signInFix(settings));
        }
        if (cached.isEmpty()) {
            throw chain.unavailable(Recovery.SSO_SIGN_IN, "profile " + settings.profile()
                    + " is not signed in to IAM Identity Center", signInFix(settings));
        }
        SsoTokenCache.SsoToken token = cached.get();
        Instant now = clock.instant();
        if (now.isBefore(token.expiresAt().minus(Duration.ofMinutes(1)))) {
            return token.accessToken();
        }
        if (settings.sessionName() != null && token.refreshable(now)) {
            Optional<String> refreshed = refresh(settings, token);
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
        throw chain.unavailable(Recovery.SSO_SIGN_IN, "the IAM Identity Center sign-in of profile "
                + settings.profile() + " expired at " + token.expiresAt(), signInFix(settings));
    }

    // The SDK refreshes an sso_session token the same way; a refused refresh means a new sign-in.
    private Optional<String> refresh(SsoSettings settings, SsoTokenCache.SsoToken token) {
        try {
            CreateTokenResponse answer = services.oidc(settings.profile(), Region.of(settings.region()))
                    .createToken(r -> r.grantType("refresh_token").clientId(token.clientId())
                            .clientSecret(token.clientSecret()).refreshToken(token.refreshToken()));
            Instant expiresAt = clock.instant().plusSeconds(answer.expiresIn() == null ? 3600 : answer.expiresIn());
            String refreshToken = answer.refreshToken() != null ? answer.refreshToken() : token.refreshToken();
            tokens.write(settings.cacheKey(), new SsoTokenCache.SsoToken(token.startUrl(), token.region(),
                    answer.accessToken(), expiresAt, token.clientId(), token.clientSecret(),
                    token.registrationExpiresAt(), refreshToken));
            LOG.info("Refreshed the IAM Identity Center token of sso-session {}", settings.sessionName());
            return Optional.of(answer.accessToken());
        } catch (SdkException | IOException e) {
            LOG.info("The IAM Identity Center token of sso-session {} could not be refreshed: {}",
                    settings.sessionName(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** What renews the credentials of a login_session profile: the AWS CLI's console sign-in. */
    static String loginFix(String profile) {
        return "Run aws login --profile " + profile + " in a terminal, then retry.";
    }

    static String signInFix(SsoSettings settings) {
        return signInFix(settings.profile());
    }

    static String signInFix(String profile) {
        return "Sign in to IAM Identity Center (SSO) for profile " + profile
                + " from the console, or run: aws sso login --profile " + profile;
    }

    private static String serviceMessage(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Section and property names the SDK has no constants for. */
    static final class ProfileSection {
        static final String SSO_SESSION = "sso_session";
        static final String SSO_SESSION_SECTION = "sso-session";

        private ProfileSection() {
        }
    }

    /**
     * The SSO settings of a profile: from its {@code [sso-session]} section when {@code sessionName} is set, else
     * from the legacy {@code sso_start_url} and {@code sso_region} of the profile itself.
     */
    record SsoSettings(String profile, String sessionName, String startUrl, String region, List<String> scopes,
                       String accountId, String roleName) {
        /** What the token's cache file is named after. */
        String cacheKey() {
            return sessionName != null ? sessionName : startUrl;
        }
    }

    /**
     * Credentials held in memory, when they expire ({@code null}: never), and the fingerprint of the AWS files
     * they were read from: an edit of the files (new keys, another role) makes them stale. {@code null} for an
     * MFA session, which came from the operator's code and lasts until it expires.
     */
    private record Held(AwsCredentials credentials, Instant expiration, String files) {
        Held(AwsCredentials credentials, Instant expiration) {
            this(credentials, expiration, null);
        }

        static Held forever(AwsCredentials credentials) {
            return new Held(credentials, null);
        }

        /** A role session STS handed out. */
        static Held of(Credentials session) {
            return new Held(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                    session.sessionToken()), session.expiration());
        }

        boolean goodAt(Instant now) {
            return expiration == null || now.isBefore(expiration.minus(RENEW_BEFORE));
        }

        boolean matches(String fingerprint) {
            return files == null || files.equals(fingerprint);
        }

        Held stampedWith(String fingerprint) {
            return new Held(credentials, expiration, fingerprint);
        }

        @Override
        public String toString() {
            return "Held[expiration=" + expiration + "]";
        }
    }

    /** The profiles visited while resolving one, to name the one asked for and to stop a source_profile loop. */
    private static final class Chain {
        private final String requested;
        private final List<String> visited = new ArrayList<>();

        Chain(String requested) {
            this.requested = requested;
            visited.add(requested);
        }

        void enter(String profile) {
            if (visited.contains(profile)) {
                visited.add(profile);
                throw unavailable(Recovery.RENEW_ELSEWHERE, "the source_profile chain of profile " + requested
                                + " loops: " + String.join(" → ", visited),
                        "Change source_profile so that the chain ends in a profile with credentials.");
            }
            visited.add(profile);
        }

        Profile find(ProfileFile files, String profile) {
            return files.profile(profile).orElseThrow(() -> unavailable(Recovery.RENEW_ELSEWHERE,
                    "profile " + profile + " is not in the AWS config files (any more)",
                    "Choose another profile, or add " + profile + " back to the config files."));
        }

        ConsoleFailure.CredentialsUnavailable unavailable(Recovery recovery, String message, String fix) {
            return unavailable(recovery, null, message, fix);
        }

        ConsoleFailure.CredentialsUnavailable unavailable(Recovery recovery, SdkException cause, String message,
                                                          String fix) {
            String code = cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                    ? service.awsErrorDetails().errorCode() : null;
            String requestId = cause instanceof AwsServiceException service ? service.requestId() : null;
            return new ConsoleFailure.CredentialsUnavailable(OPERATION, code, requested, recovery,
                    capitalised(message), fix, requestId, cause);
        }

        private static String capitalised(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
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
