package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.testing.AwsFiles;
import dev.cognitoconsole.testing.Canaries;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import dev.cognitoconsole.testing.StatefulCognito;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The endpoint a profile overrides is always visible; calls never go to an endpoint the operator was not shown":
 * for each way the AWS files and settings can move the endpoint (a profile's endpoint_url, a {@code [services]}
 * section, the SDK's system property), the endpoint the connection bar shows ({@link Connection#endpoint()}, as
 * {@code ConnectionView} words it) is the one the SDK client actually calls, and the other gets nothing.
 */
class EndpointShownIT {
    private static final String POOL = "us-east-1_Endpoint1";
    private static final String PROFILE = "shown";
    private static final String SERVICE_PROPERTY = "aws.endpointUrlCognitoIdentityProvider";

    @RegisterExtension
    static final CognitoStubExtension<StatefulCognito> first = CognitoStubExtension.statefulCognito();
    @RegisterExtension
    static final CognitoStubExtension<StatefulCognito> second = CognitoStubExtension.statefulCognito();

    @TempDir
    Path dir;

    @BeforeEach
    void pools() {
        for (StatefulCognito stub : List.of(first.stub(), second.stub())) {
            stub.pool(POOL, "Endpoint", CognitoStub.users("shown", 2));
        }
    }

    @Test
    void aProfilesEndpointUrlIsShownAndCalled() throws IOException {
        String config = profile("endpoint_url = " + first.stub().endpoint() + "\n");

        assertCallsGoWhereShown(config, first.stub());
    }

    @Test
    void aServicesSectionForCognitoIsShownAndCalledInsteadOfTheProfilesEndpointUrl() throws IOException {
        String config = profile("endpoint_url = " + first.stub().endpoint() + "\nservices = moved\n")
                + servicesSection("moved", second.stub());

        assertCallsGoWhereShown(config, second.stub());
    }

    @Test
    void aServicesSectionAloneIsShownRatherThanAwsAndCalled() throws IOException {
        String config = profile("services = moved\n") + servicesSection("moved", second.stub());

        assertCallsGoWhereShown(config, second.stub());
    }

    @Test
    void theSdksSystemPropertyForCognitoIsShownAndCalled() throws IOException {
        String config = profile("endpoint_url = " + first.stub().endpoint() + "\n");
        String before = System.getProperty(SERVICE_PROPERTY);
        System.setProperty(SERVICE_PROPERTY, second.stub().endpoint().toString());
        try {
            assertCallsGoWhereShown(config, second.stub());
        } finally {
            if (before == null) {
                System.clearProperty(SERVICE_PROPERTY);
            } else {
                System.setProperty(SERVICE_PROPERTY, before);
            }
        }
    }

    @Test
    void anEndpointAddedToTheFilesAfterTheProfileWasShownIsNotCalled() throws IOException {
        ProfileCatalog catalog = AwsFiles.catalog(dir, profile("endpoint_url = " + first.stub().endpoint() + "\n"),
                PROFILE);
        Connection connection = ItFixtures.connection(catalog, PROFILE, ItFixtures.REGION);
        // Someone edits the config after the operator picked the profile.
        Files.writeString(dir.resolve("config"), profile("endpoint_url = " + second.stub().endpoint() + "\n"));

        try (CognitoClients clients = new CognitoClients(catalog, ItFixtures.settings(1))) {
            new SdkUserDirectory(clients, RateBudgets.unlimited()).listUsers(connection, POOL, null, null);
        }

        assertThat(connection.endpoint()).isEqualTo(first.stub().endpoint().toString());
        assertThat(first.stub().requests("ListUsers")).isEqualTo(1);
        assertThat(second.stub().requestsInAll()).as("calls to an endpoint never shown").isZero();
    }

    @Test
    void anEndpointAddedToAProfileShownAsAwsStopsTheCallWithAReason() throws IOException {
        ProfileCatalog catalog = AwsFiles.catalog(dir, profile(""), PROFILE);
        Connection connection = ItFixtures.connection(catalog, PROFILE, ItFixtures.REGION);
        assertThat(connection.endpoint()).isEqualTo("https://cognito-idp.us-east-1.amazonaws.com");
        Files.writeString(dir.resolve("config"), profile("endpoint_url = " + second.stub().endpoint() + "\n"));

        ConsoleFailure failure;
        try (CognitoClients clients = new CognitoClients(catalog, ItFixtures.settings(1))) {
            failure = catchThrowableOfType(ConsoleFailure.class, () ->
                    new SdkUserDirectory(clients, RateBudgets.unlimited()).listUsers(connection, POOL, null, null));
        }

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains(second.stub().endpoint().toString(), "reload the profiles");
        assertThat(second.stub().requestsInAll()).as("calls to an endpoint never shown").isZero();
    }

    private void assertCallsGoWhereShown(String config, StatefulCognito expected) throws IOException {
        ProfileCatalog catalog = AwsFiles.catalog(dir, config, PROFILE);
        Connection connection = ItFixtures.connection(catalog, PROFILE, ItFixtures.REGION);
        StatefulCognito other = expected == first.stub() ? second.stub() : first.stub();

        int listed;
        try (CognitoClients clients = new CognitoClients(catalog, ItFixtures.settings(1))) {
            SdkUserDirectory directory = new SdkUserDirectory(clients, RateBudgets.unlimited());
            listed = directory.listUsers(connection, POOL, null, null).items().size();
            directory.disableUser(connection, POOL, "shown-001");
        } catch (ConsoleFailure failure) {
            throw new AssertionError("A call failed: " + failure.getMessage(), failure);
        }

        assertThat(listed).isEqualTo(2);
        assertThat(connection.endpoint()).as("the endpoint shown").isEqualTo(expected.endpoint().toString());
        assertThat(connection.describe()).contains(expected.endpoint().toString());
        assertThat(connection.profile().displayName()).contains(expected.endpoint().toString());
        assertThat(expected.requests("ListUsers")).isEqualTo(1);
        assertThat(expected.requests("AdminDisableUser")).isEqualTo(1);
        assertThat(other.requestsInAll()).as("calls to an endpoint never shown").isZero();
    }

    private static String profile(String lines) {
        return "[profile " + PROFILE + "]\nregion = " + ItFixtures.REGION + "\n" + lines + Canaries.profileKeys() + "\n";
    }

    private static String servicesSection(String name, StatefulCognito stub) {
        return "[services " + name + "]\ncognito_identity_provider =\n  endpoint_url = " + stub.endpoint() + "\n";
    }
}
