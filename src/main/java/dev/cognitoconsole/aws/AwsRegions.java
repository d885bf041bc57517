package dev.cognitoconsole.aws;

import java.util.List;

/**
 * The regions where Cognito user pools are offered, as the bundled SDK knows them. A copy, because asking
 * the SDK ({@code CognitoIdentityProviderClient.serviceMetadata().regions()}) loads its region metadata
 * before the window can be drawn; {@code AwsRegionsTest} fails when an SDK upgrade changes the list.
 */
public final class AwsRegions {
    private static final List<String> COGNITO = List.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
            "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "eusc-de-east-1", "fips-us-east-1", "fips-us-east-2", "fips-us-gov-west-1", "fips-us-west-1",
            "fips-us-west-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
            "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2");

    private AwsRegions() {
    }

    /** Sorted region ids; the operator may still type any other. */
    public static List<String> cognitoRegions() {
        return COGNITO;
    }
}
