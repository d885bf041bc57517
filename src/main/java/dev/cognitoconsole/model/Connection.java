package dev.cognitoconsole.model;

import java.util.Objects;

/** Where calls go: one profile in one region. The console keeps one SDK client per connection. */
public record Connection(AwsProfile profile, String region) {
    public Connection {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
    }

    /** The endpoint calls go to: the profile's endpoint_url, or Cognito's regional endpoint. */
    public String endpoint() {
        return profile.endpointIfSet().orElse("https://cognito-idp." + region + ".amazonaws.com");
    }

    public String describe() {
        return profile.name() + " · " + region
                + profile.endpointIfSet().map(e -> " · " + e).orElse("");
    }
}
