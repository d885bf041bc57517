package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.testing.AwsServicesStub;
import dev.cognitoconsole.testing.Canaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A role with mfa_serial: the operator types the code, the console assumes the role with it and keeps the session. */
class MfaSignInIT {
    private static final String SERIAL = "arn:aws:iam::111122223333:mfa/alice";
    private static final String PROFILES = "[profile base]\n" + CredentialsWorld.SERVICES + Canaries.profileKeys()
            + "[profile admin]\nrole_arn = arn:aws:iam::111122223333:role/Admin\nsource_profile = base\n"
            + "mfa_serial = " + SERIAL + "\n" + CredentialsWorld.SERVICES;

    @TempDir
    Path dir;
    private CredentialsWorld world;
    private ProfileCatalog catalog;
    private ProfileCredentials credentials;
    private AwsSignIn signIn;
    private AwsProfile admin;

    @BeforeEach
    void start() {
        world = new CredentialsWorld(dir);
        catalog = world.catalog(PROFILES);
        credentials = world.credentials(catalog);
        signIn = world.signIn(credentials, new ArrayList<>());
        admin = CredentialsWorld.connection(catalog, "admin").profile();
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void withoutASessionTheCallAsksForTheCode() {
        ConsoleFailure.CredentialsUnavailable failure = failure(() -> world.listPools(catalog, credentials, "admin"));

        assertThat(admin.kind()).isEqualTo(ProfileKind.ASSUME_ROLE_MFA);
        assertThat(failure.recovery()).isEqualTo(Recovery.MFA_CODE);
        assertThat(failure.getMessage()).contains("Profile admin needs an MFA code");
        assertThat(failure.fix()).contains(SERIAL);
        assertThat(world.aws.assumeRoleRequests()).as("nothing is sent without a code").isEmpty();
        assertThat(world.cognitoSignedWith()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "12a456", ""})
    void aCodeThatIsNotSixDigitsIsRefusedBeforeAnythingIsSent(String code) {
        ConsoleFailure.CredentialsUnavailable failure = failure(() -> signIn.signInWithMfa(admin, code));

        assertThat(failure.recovery()).isEqualTo(Recovery.MFA_CODE);
        assertThat(failure.getMessage()).contains("6 digits");
        assertThat(world.aws.assumeRoleRequests()).isEmpty();
    }

    @Test
    void theCodeAssumesTheRoleAndTheSessionServesUntilItExpires() {
        world.aws.assumeRole(world.clock.instant().plus(Duration.ofHours(1)));

        signIn.signInWithMfa(admin, " 123456 ");
        world.listPools(catalog, credentials, "admin");
        world.listPools(catalog, credentials, "admin");

        assertThat(world.aws.assumeRoleRequests()).singleElement().asString()
                .contains("SerialNumber=arn%3Aaws%3Aiam%3A%3A111122223333%3Amfa%2Falice", "TokenCode=123456");
        assertThat(world.cognitoSignedWith()).containsExactly(AwsServicesStub.ROLE_KEY_ID, AwsServicesStub.ROLE_KEY_ID);

        world.clock.advance(Duration.ofMinutes(56));
        assertThat(failure(() -> world.listPools(catalog, credentials, "admin")).recovery())
                .as("a session about to end asks for a new code").isEqualTo(Recovery.MFA_CODE);
    }

    @Test
    void theCallerIsAskedWithTheSessionTheCodeOpened() {
        String arn = "arn:aws:sts::111122223333:assumed-role/Admin/desk";
        world.aws.assumeRole(world.clock.instant().plus(Duration.ofHours(1))).callerIdentity(arn);
        CallerIdentities callers = new CallerIdentities(catalog, credentials);
        Connection connection = CredentialsWorld.connection(catalog, "admin");

        assertThat(callers.of(connection)).as("no session yet: STS cannot say").isEmpty();
        signIn.signInWithMfa(admin, "654321");

        assertThat(callers.of(connection)).map(CallerIdentity::arn).contains(arn);
        assertThat(world.aws.callerIdentitySignedWith()).containsExactly(AwsServicesStub.ROLE_KEY_ID);
    }

    @Test
    void aWrongCodeAsksForTheCurrentOne() {
        world.aws.assumeRoleError(403, "AccessDenied",
                "MultiFactorAuthentication failed with invalid MFA one time pass code. ");

        ConsoleFailure.CredentialsUnavailable failure = failure(() -> signIn.signInWithMfa(admin, "000000"));

        assertThat(failure.recovery()).isEqualTo(Recovery.MFA_CODE);
        assertThat(failure.awsCode()).isEqualTo("AccessDenied");
        assertThat(failure.getMessage()).contains("MFA code was not accepted", "MultiFactorAuthentication failed");
        assertThat(failure.fix()).isEqualTo("Type the current code from the MFA device of " + SERIAL + ".");
        assertThat(failure(() -> world.listPools(catalog, credentials, "admin")).recovery())
                .as("no session was kept").isEqualTo(Recovery.MFA_CODE);
    }

    private static ConsoleFailure.CredentialsUnavailable failure(ThrowingCallable call) {
        return CredentialsWorld.credentialsFailure("admin", call);
    }
}
