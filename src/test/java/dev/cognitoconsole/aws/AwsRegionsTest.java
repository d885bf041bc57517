package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The console's copy of the region list must be the bundled SDK's (it is copied to keep the SDK off start-up). */
class AwsRegionsTest {
    @Test
    void listsTheRegionsTheSdkKnowsForCognito() {
        assertThat(AwsRegions.cognitoRegions()).isEqualTo(CognitoIdentityProviderClient.serviceMetadata().regions()
                .stream()
                .map(Region::id)
                .filter(id -> !id.startsWith("aws-global"))
                .sorted()
                .toList());
    }
}
