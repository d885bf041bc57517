package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The IAM Identity Center (SSO) settings of a profile: from its {@code [sso-session]} section when
 * {@code sessionName} is set, else from the legacy {@code sso_start_url} and {@code sso_region} of the profile
 * itself.
 */
record SsoSettings(String profile, String sessionName, String startUrl, String region, List<String> scopes,
                   String accountId, String roleName) {
    /** The property and section names the SDK has no constants for. */
    static final String SSO_SESSION = "sso_session";
    static final String SSO_SESSION_SECTION = "sso-session";
    private static final String DEFAULT_SCOPE = "sso:account:access";

    /** Whether the profile itself signs in with IAM Identity Center. */
    static boolean isSso(Profile profile) {
        return profile.property(SSO_SESSION).isPresent()
                || profile.property(ProfileProperty.SSO_START_URL).isPresent();
    }

    /** The settings of an {@link #isSso} profile; a failure names what is missing and how to add it. */
    static SsoSettings of(ProfileFile files, Profile profile, ProfileChain chain) {
        String name = profile.name();
        String account = profile.property(ProfileProperty.SSO_ACCOUNT_ID).orElse(null);
        String role = profile.property(ProfileProperty.SSO_ROLE_NAME).orElse(null);
        Optional<String> sessionName = profile.property(SSO_SESSION);
        if (sessionName.isEmpty()) {
            String startUrl = profile.property(ProfileProperty.SSO_START_URL).orElseThrow();
            String region = profile.property(ProfileProperty.SSO_REGION).orElseThrow(() -> chain.unavailable(
                    Recovery.RENEW_ELSEWHERE, "profile " + name + " has sso_start_url but no sso_region",
                    "Add sso_region to profile " + name + " (aws configure sso --profile " + name + ")."));
            return new SsoSettings(name, null, startUrl, region, List.of(), account, role);
        }
        String session = sessionName.get();
        Profile section = files.getSection(SSO_SESSION_SECTION, session).orElseThrow(() ->
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
                .orElse(List.of(DEFAULT_SCOPE));
        return new SsoSettings(name, session, startUrl.get(), region.get(), scopes, account, role);
    }

    /** What the token's cache file is named after. */
    String cacheKey() {
        return sessionName != null ? sessionName : startUrl;
    }
}
