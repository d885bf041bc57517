package dev.cognitoconsole.aws;

import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The regions where Cognito user pools are offered, as the SDK knows them. */
public final class AwsRegions {
    private AwsRegions() {
    }

    public static List<String> cognitoRegions() {
        return CognitoIdentityProviderClient.serviceMetadata().regions().stream()
                .map(Region::id)
                .filter(id -> !id.startsWith("aws-global"))
                .sorted()
                .toList();
    }
}
