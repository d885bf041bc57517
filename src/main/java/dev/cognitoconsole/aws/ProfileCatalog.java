package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ProfileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles of the shared AWS config and credentials files, read the way the AWS CLI reads them
 * (honouring AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE), plus the AWS_ACCESS_KEY_ID
 * environment variables as a profile of their own when they are set.
 *
 * <p>A file that cannot be parsed is named in {@link #listing()}, whose profiles of the other file still work;
 * the SDK clients see the files that can be read.
 */
public final class ProfileCatalog {
    static final String DEFAULT_PROFILE = "default";
    /** The name under which the AWS_ACCESS_KEY_ID environment variables are listed. */
    public static final String ENVIRONMENT_PROFILE = "(environment variables)";
    /** The key of Cognito's entry in a {@code [services x]} section, as the SDK derives it from the service id. */
    static final String COGNITO_SERVICE_KEY = "cognito_identity_provider";
    private static final String IGNORE_CONFIGURED_ENDPOINT_URLS = "ignore_configured_endpoint_urls";
    /** The profile setting of the AWS CLI's console sign-in ({@code aws login}). */
    static final String LOGIN_SESSION = "login_session";

    /** The config file, then the credentials file; either may be {@code null}. */
    private final Supplier<List<Path>> paths;
    private final String preferredProfile;
    /** AWS_PROFILE when the operator set it: it wins over the profile used last. */
    private final String explicitProfile;
    private final Map<String, String> environment;

    private ProfileCatalog(Supplier<List<Path>> paths, String preferredProfile, String explicitProfile,
                           Map<String, String> environment) {
        this.paths = paths;
        this.preferredProfile = preferredProfile;
        this.explicitProfile = explicitProfile;
        this.environment = Map.copyOf(environment);
    }

    /** The files the AWS CLI would read on this machine, the profile AWS_PROFILE names, and the environment. */
    public static ProfileCatalog fromEnvironment() {
        String explicit = ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse(null);
        return new ProfileCatalog(() -> List.of(
                ProfileFileLocation.configurationFilePath(), ProfileFileLocation.credentialsFilePath()),
                explicit == null ? DEFAULT_PROFILE : explicit,
                explicit, System.getenv());
    }

    /** Explicit files and no environment variables, for tests and for the demo. */
    public static ProfileCatalog fromFiles(Path config, Path credentials, String preferredProfile) {
        return fromFiles(config, credentials, preferredProfile, Map.of());
    }

    /** Explicit files, and {@code environment} standing for the process environment (AWS_ACCESS_KEY_ID ...). */
    public static ProfileCatalog fromFiles(Path config, Path credentials, String preferredProfile,
                                           Map<String, String> environment) {
        return new ProfileCatalog(() -> Arrays.asList(config, credentials),
                preferredProfile == null ? DEFAULT_PROFILE : preferredProfile, null, environment);
    }

    /**
     * Every profile, sorted by name.
     *
     * @throws IllegalStateException naming the file and the line when a file exists but cannot be parsed (use
     *                               {@link #listing()} to keep the profiles of the other file)
     */
    public List<AwsProfile> profiles() {
        Listing listing = listing();
        if (!listing.problems().isEmpty()) {
            throw new IllegalStateException(String.join(" ", listing.problems()));
        }
        return listing.profiles();
    }

    /**
     * Every profile of the files that can be read, sorted by name, and why the others were left out: never
     * throws for a malformed file.
     */
    public Listing listing() {
        Read read = read();
        ProfileFile files = read.files();
        List<AwsProfile> profiles = new ArrayList<>();
        environmentProfile().ifPresent(profiles::add);
        files.profiles().values().forEach(p -> profiles.add(toProfile(files, p)));
        profiles.sort(Comparator.comparing(AwsProfile::name));
        return new Listing(List.copyOf(profiles), read.problems());
    }

    /**
     * The profiles that could be read, and one line per file that exists but cannot be parsed (naming the file
     * and the line, with the fix); {@code problems} is empty when every file reads.
     */
    public record Listing(List<AwsProfile> profiles, List<String> problems) {
    }

    /** The profile to preselect: AWS_PROFILE, else {@code default}, else the first. */
    public Optional<AwsProfile> preselected(List<AwsProfile> profiles) {
        return preselected(profiles, null);
    }

    /**
     * The profile to preselect: AWS_PROFILE when it is set, else the one used last, else {@code default},
     * else the first.
     */
    public Optional<AwsProfile> preselected(List<AwsProfile> profiles, String lastUsed) {
        Optional<AwsProfile> explicit = explicitProfile == null ? Optional.empty()
                : profiles.stream().filter(p -> p.name().equals(explicitProfile)).findFirst();
        return explicit
                .or(() -> profiles.stream().filter(p -> p.name().equals(lastUsed)).findFirst())
                .or(() -> profiles.stream().filter(p -> p.name().equals(preferredProfile)).findFirst())
                .or(() -> profiles.stream().filter(p -> p.name().equals(DEFAULT_PROFILE)).findFirst())
                .or(() -> profiles.stream().findFirst());
    }

    /**
     * What the files look like on disk now (their sizes and modification times): cheap to take, and different
     * as soon as a file is created, edited, replaced or removed, so the console can re-read the profiles.
     */
    public String fingerprint() {
        StringBuilder print = new StringBuilder();
        for (Path path : paths.get()) {
            if (path == null) {
                continue;
            }
            print.append(path).append('=');
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                print.append(attributes.size()).append('@').append(attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                print.append("absent");
            }
            print.append(';');
        }
        return print.toString();
    }

    /** The parsed files, as the SDK clients must see them. Re-read on every call. */
    ProfileFile profileFile() {
        return read().files();
    }

    /** The environment variables the catalog was given. */
    Map<String, String> environment() {
        return environment;
    }

    private record Read(ProfileFile files, List<String> problems) {
    }

    // Each file on its own, so that a syntax error in one leaves the other's profiles usable. A missing file
    // counts as empty, as for the AWS CLI and the SDK's default files (the SDK's builder would throw).
    private Read read() {
        List<Path> files = paths.get();
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (file == null || !Files.exists(file)) {
                continue;
            }
            ProfileFile.Type type = i == 0 ? ProfileFile.Type.CONFIGURATION : ProfileFile.Type.CREDENTIALS;
            try {
                ProfileFile parsed = ProfileFile.builder().content(file).type(type).build();
                parsed.profiles();
                all.addFile(parsed);
            } catch (RuntimeException e) {
                problems.add("The AWS " + (i == 0 ? "config" : "credentials") + " file " + file
                        + " cannot be read, so its profiles are left out: " + e.getMessage()
                        + ". Fix the file (the AWS CLI reports the same error).");
            }
        }
        return new Read(all.build(), List.copyOf(problems));
    }

    private Optional<AwsProfile> environmentProfile() {
        if (blank(environment.get("AWS_ACCESS_KEY_ID")) || blank(environment.get("AWS_SECRET_ACCESS_KEY"))) {
            return Optional.empty();
        }
        String region = Optional.ofNullable(environment.get("AWS_REGION")).filter(r -> !blank(r))
                .orElse(environment.get("AWS_DEFAULT_REGION"));
        return Optional.of(new AwsProfile(ENVIRONMENT_PROFILE, blank(region) ? null : region,
                endpointFromEnvironment().orElse(null), ProfileKind.ENVIRONMENT));
    }

    private AwsProfile toProfile(ProfileFile files, Profile profile) {
        String region = profile.property(ProfileProperty.REGION).orElse(null);
        return new AwsProfile(profile.name(), region, configuredEndpoint(files, profile).orElse(null),
                kindOf(profile));
    }

    /**
     * The endpoint the SDK's Cognito client would call for this profile, in these files, instead of AWS's own;
     * empty when calls go to AWS.
     */
    Optional<String> configuredEndpoint(ProfileFile files, String profileName) {
        return files.profile(profileName).map(profile -> configuredEndpoint(files, profile))
                .orElseGet(this::endpointFromEnvironment);
    }

    private Optional<String> configuredEndpoint(ProfileFile files, Profile profile) {
        if (ignoreConfiguredEndpoints(profile)) {
            return Optional.empty();
        }
        return endpointFromEnvironment().or(() -> endpointInFiles(files, profile));
    }

    // The SDK's order: the service's own setting, the general one (each a JVM system property first, then the
    // environment variable), then the profile's services section, then the profile's endpoint_url; none of them
    // when configured endpoints are ignored.
    private Optional<String> endpointFromEnvironment() {
        if (ignoreConfiguredEndpoints(null)) {
            return Optional.empty();
        }
        return Stream.of(setting("aws.endpointUrlCognitoIdentityProvider",
                                "AWS_ENDPOINT_URL_" + COGNITO_SERVICE_KEY.toUpperCase(Locale.ROOT)),
                        setting("aws.endpointUrl", "AWS_ENDPOINT_URL"))
                .flatMap(Optional::stream).findFirst();
    }

    /**
     * Whether the SDK (and the CLI) ignore every configured endpoint for this profile: the JVM property or the
     * environment variable when set, else the profile's {@code ignore_configured_endpoint_urls}.
     */
    private boolean ignoreConfiguredEndpoints(Profile profile) {
        Optional<String> value = setting("aws.ignoreConfiguredEndpointUrls", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
                .or(() -> Optional.ofNullable(profile).flatMap(p -> p.property(IGNORE_CONFIGURED_ENDPOINT_URLS)));
        return value.map(v -> "true".equalsIgnoreCase(v.strip())).orElse(false);
    }

    /** A setting as the SDK reads it: the JVM system property, else the environment variable; blank is unset. */
    private Optional<String> setting(String systemProperty, String environmentVariable) {
        return Optional.ofNullable(System.getProperty(systemProperty)).filter(v -> !blank(v))
                .or(() -> Optional.ofNullable(environment.get(environmentVariable)).filter(v -> !blank(v)));
    }

    private static Optional<String> endpointInFiles(ProfileFile files, Profile profile) {
        Optional<String> service = profile.property("services")
                .flatMap(name -> files.getSection("services", name))
                .flatMap(section -> section.property(COGNITO_SERVICE_KEY + "." + ProfileProperty.ENDPOINT_URL));
        return service.or(() -> profile.property(ProfileProperty.ENDPOINT_URL));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Whether a role profile assumes its role with a {@code web_identity_token_file}: only when it names no
     * source_profile or credential_source, which the AWS CLI prefers.
     */
    static boolean usesWebIdentity(Profile role) {
        return role.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isPresent()
                && role.property(ProfileProperty.SOURCE_PROFILE).isEmpty()
                && role.property(ProfileProperty.CREDENTIAL_SOURCE).isEmpty();
    }

    private static ProfileKind kindOf(Profile profile) {
        if (profile.property("sso_session").isPresent()
                || profile.property(ProfileProperty.SSO_START_URL).isPresent()) {
            return ProfileKind.SSO;
        }
        if (profile.property(ProfileProperty.ROLE_ARN).isPresent()) {
            if (profile.property("mfa_serial").isPresent()) {
                return ProfileKind.ASSUME_ROLE_MFA;
            }
            return usesWebIdentity(profile) ? ProfileKind.WEB_IDENTITY : ProfileKind.ASSUME_ROLE;
        }
        if (profile.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent()) {
            return ProfileKind.CREDENTIAL_PROCESS;
        }
        if (profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            return ProfileKind.STATIC_KEYS;
        }
        if (profile.property(LOGIN_SESSION).isPresent()) {
            return ProfileKind.LOGIN_SESSION;
        }
        return ProfileKind.OTHER;
    }
}
