package dev.cognitoconsole.model;

import java.util.Optional;

/**
 * A named profile from the shared AWS config and credentials files.
 *
 * @param name        the profile name as the AWS CLI knows it
 * @param region      the profile's {@code region}, or {@code null} when it has none
 * @param endpointUrl where the SDK sends this profile's Cognito calls instead of AWS (its {@code endpoint_url}, a
 *                    {@code [services]} section, or the SDK's environment settings), or {@code null} when calls go
 *                    to AWS
 * @param kind        how the profile obtains credentials
 */
public record AwsProfile(String name, String region, String endpointUrl, ProfileKind kind) {

    public Optional<String> regionIfSet() {
        return Optional.ofNullable(region);
    }

    public Optional<String> endpointIfSet() {
        return Optional.ofNullable(endpointUrl);
    }

    /** The label an operator sees: the name, and where calls go when it is not AWS itself. */
    public String displayName() {
        return endpointUrl == null ? name : name + "  →  " + endpointUrl;
    }

    public boolean usesSso() {
        return kind == ProfileKind.SSO;
    }
}
