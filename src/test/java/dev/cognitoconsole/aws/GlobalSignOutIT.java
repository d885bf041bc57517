package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.RecordingAuditTrail;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign out everywhere from a row, over real HTTP through the real SDK client (cognito-local has no
 * AdminUserGlobalSignOut): Cognito's answer is the outcome, and an answer that never came is audited as unknown and
 * never sent again, by the SDK or by the console.
 */
class GlobalSignOutIT {
    private static final String POOL = "us-east-1_SignOut1";
    private static final String USER = "alice";
    private static final String SIGN_OUT = "AdminUserGlobalSignOut";

    @RegisterExtension
    static final CognitoStubExtension<CognitoStub> cognito = CognitoStubExtension.cognitoStub();

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final RecordingAuditTrail audit = new RecordingAuditTrail(events::add);
    private final BannerViewModel banner = new BannerViewModel();
    private final ItFixtures.ConfirmingDialogs dialogs = new ItFixtures.ConfirmingDialogs();
    private final List<CognitoClients> opened = new ArrayList<>();
    private ProfileCatalog catalog;

    @BeforeEach
    void aPoolWithAlice() {
        catalog = ItFixtures.catalog(dir, cognito.stub().endpoint());
        cognito.stub().listUsersPages(POOL, List.of(List.of(CognitoStub.user(USER))));
    }

    @AfterEach
    void closeClients() {
        opened.forEach(CognitoClients::close);
    }

    @Test
    void aConfirmedSignOutSendsOneRequestReadsNothingBackAndIsAuditedDone() {
        cognito.stub().ok(SIGN_OUT);
        UsersViewModel users = users(ItFixtures.settings(3));

        users.signOutEverywhere(alice(users));

        assertThat(cognito.stub().requestsFor(SIGN_OUT)).isEqualTo(1);
        assertThat(cognito.stub().requestBodies(SIGN_OUT)).singleElement().satisfies(body -> {
            assertThat(body.path("UserPoolId").asText()).isEqualTo(POOL);
            assertThat(body.path("Username").asText()).isEqualTo(USER);
        });
        assertThat(cognito.stub().requestsFor("AdminGetUser")).isZero();
        assertThat(events).containsExactly("attempt:" + USER, "outcome:" + USER + ":DONE");
        assertThat(banner.getNotice()).isNull();
        assertThat(users.lastChangeProperty().get()).startsWith(USER + " signed out in");
        assertThat(dialogs.asked).singleElement().satisfies(c -> assertThat(c.note())
                .contains("revokes the user's ID, access and refresh tokens", "stay valid until they expire"));
    }

    @Test
    void aSignOutThatTimesOutAfterSendingIsAuditedUnclearAndSentOnceOnly() {
        cognito.stub().delayed(SIGN_OUT, Duration.ofSeconds(2));
        // Three attempts allowed: the SDK would resend a timed-out disable; a sign-out it must not.
        UsersViewModel users = users(new ClientSettings(3, Duration.ofMillis(300), Duration.ofSeconds(10),
                Duration.ofSeconds(1)));

        users.signOutEverywhere(alice(users));

        assertThat(cognito.stub().requestsFor(SIGN_OUT)).isEqualTo(1);
        assertThat(cognito.stub().requestsFor("AdminGetUser")).isZero();
        assertThat(audit.outcomes()).singleElement().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(AuditEntry.Outcome.UNKNOWN);
            assertThat(line.detail()).contains("outcome unclear", "not sent again");
        });
        Notice notice = banner.getNotice();
        assertThat(notice.code()).isEqualTo("NetworkUnreachable");
        assertThat(notice.title()).isEqualTo("Signing out " + USER + " failed — Cannot reach Cognito");
        assertThat(notice.advice()).startsWith("Whether " + USER + " was signed out is not known")
                .contains("not sent again");
        assertThat(users.lastChangeProperty().get()).isNull();
    }

    @Test
    void aDisableThatTimesOutIsResentByTheSdkWhichIsWhySignOutOptsOut() {
        cognito.stub().delayed("AdminDisableUser", Duration.ofSeconds(2));
        Connection connection = ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION);
        SdkUserDirectory directory = directory(new ClientSettings(2, Duration.ofMillis(300), Duration.ofSeconds(10),
                Duration.ofSeconds(1)));

        assertThat(catchThrowable(() -> directory.disableUser(connection, POOL, USER)))
                .isInstanceOf(ConsoleFailure.NetworkUnreachable.class);
        assertThat(cognito.stub().requestsFor("AdminDisableUser")).isEqualTo(2);
    }

    private UsersViewModel users(ClientSettings settings) {
        UsersViewModel users = new UsersViewModel(directory(settings), new CurrentThreadTaskExecutor(), banner,
                dialogs, () -> 0L, Sleeper.SYSTEM, Clock.systemUTC(), audit);
        users.show(new PoolSelection(ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION),
                new UserPool(POOL, "Sign-out")));
        return users;
    }

    private static UserRow alice(UsersViewModel users) {
        return users.rows().stream().filter(r -> r.getUser().username().equals(USER)).findFirst().orElseThrow();
    }

    private SdkUserDirectory directory(ClientSettings settings) {
        CognitoClients clients = new CognitoClients(catalog, settings);
        opened.add(clients);
        return new SdkUserDirectory(clients);
    }
}
