package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ProfileKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The profiles of the shared AWS config and credentials files, read the way the AWS CLI reads them
 * (honouring AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE).
 */
public final class ProfileCatalog {
    static final String DEFAULT_PROFILE = "default";

    private final Supplier<ProfileFile> files;
    private final Supplier<List<Path>> paths;
    private final String preferredProfile;
    /** AWS_PROFILE when the operator set it: it wins over the profile used last. */
    private final String explicitProfile;

    private ProfileCatalog(Supplier<ProfileFile> files, Supplier<List<Path>> paths, String preferredProfile,
                           String explicitProfile) {
        this.files = files;
        this.paths = paths;
        this.preferredProfile = preferredProfile;
        this.explicitProfile = explicitProfile;
    }

    /** The files the AWS CLI would read on this machine, and the profile AWS_PROFILE names. */
    public static ProfileCatalog fromEnvironment() {
        String explicit = ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse(null);
        return new ProfileCatalog(ProfileFile::defaultProfileFile, () -> List.of(
                ProfileFileLocation.configurationFilePath(), ProfileFileLocation.credentialsFilePath()),
                explicit == null ? DEFAULT_PROFILE : explicit,
                explicit);
    }

    /** Explicit files, for tests and for the demo. */
    public static ProfileCatalog fromFiles(Path config, Path credentials, String preferredProfile) {
        return new ProfileCatalog(() -> {
            ProfileFile.Aggregator all = ProfileFile.aggregator();
            addIfPresent(all, config, ProfileFile.Type.CONFIGURATION);
            addIfPresent(all, credentials, ProfileFile.Type.CREDENTIALS);
            return all.build();
        }, () -> Stream.of(config, credentials).filter(Objects::nonNull).toList(),
                preferredProfile == null ? DEFAULT_PROFILE : preferredProfile, null);
    }

    // Like the AWS CLI and the SDK's default files, a missing file counts as empty (the SDK's builder throws).
    private static void addIfPresent(ProfileFile.Aggregator all, Path file, ProfileFile.Type type) {
        if (file != null && Files.exists(file)) {
            all.addFile(ProfileFile.builder().content(file).type(type).build());
        }
    }

    /** Every profile, sorted by name. */
    public List<AwsProfile> profiles() {
        ProfileFile file = profileFile();
        Map<String, Profile> all = file.profiles();
        return all.values().stream()
                .map(profile -> toProfile(file, profile))
                .sorted(Comparator.comparing(AwsProfile::name))
                .toList();
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
        return files.get();
    }

    private static AwsProfile toProfile(ProfileFile file, Profile profile) {
        String region = profile.property(ProfileProperty.REGION).orElse(null);
        return new AwsProfile(profile.name(), region, configuredEndpoint(file, profile.name()).orElse(null),
                kindOf(profile));
    }

    /**
     * The endpoint the SDK's Cognito client would call for this profile instead of AWS's own, found as the SDK finds
     * it: AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER or its system property, the profile's {@code [services]}
     * section, AWS_ENDPOINT_URL, the profile's endpoint_url (and none when configured endpoints are turned off).
     */
    static Optional<String> configuredEndpoint(ProfileFile file, String profileName) {
        return AwsClientEndpointProvider.builder()
                .serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER")
                .serviceEndpointOverrideSystemProperty("aws.endpointUrlCognitoIdentityProvider")
                .serviceProfileProperty("cognito_identity_provider")
                .profileFile(() -> file)
                .profileName(profileName)
                .resolveFromOverrides()
                .map(URI::toString);
    }

    private static ProfileKind kindOf(Profile profile) {
        if (profile.property("sso_session").isPresent()
                || profile.property(ProfileProperty.SSO_START_URL).isPresent()) {
            return ProfileKind.SSO;
        }
        if (profile.property(ProfileProperty.ROLE_ARN).isPresent()) {
            return ProfileKind.ASSUME_ROLE;
        }
        if (profile.property(ProfileProperty.CREDENTIAL_PROCESS).isPresent()) {
            return ProfileKind.CREDENTIAL_PROCESS;
        }
        if (profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).isPresent()) {
            return ProfileKind.STATIC_KEYS;
        }
        return ProfileKind.OTHER;
    }
}
