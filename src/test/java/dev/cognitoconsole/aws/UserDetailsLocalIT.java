package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.details.UserDetailsViewModel;
import dev.cognitoconsole.details.UserFacts;
import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.emulator.CognitoLocal;
import dev.cognitoconsole.emulator.DemoData;
import dev.cognitoconsole.emulator.GroupSeed;
import dev.cognitoconsole.emulator.PoolSeed;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.Closing;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detail pane's reads through the real SDK client against cognito-local, seeded as the demo is (groups made with
 * CreateGroup and AdminAddUserToGroup). cognito-local answers AdminListGroupsForUser in one page whatever its Limit,
 * so the chaining of pages is proven against WireMock (UserDetailsReadsIT); here a user is in more groups than one
 * page of real Cognito holds, and every one of them shows.
 */
class UserDetailsLocalIT {
    private static final String POOL_ID = "us-east-1_DeskDetail1";
    private static final int MANY = UserDirectory.GROUPS_PAGE_SIZE + 5;

    @TempDir
    static Path workDir;

    static CognitoLocal emulator;
    static CognitoClients clients;
    static SdkUserDirectory directory;
    static PoolSelection pool;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ManualScheduler time = new ManualScheduler();
    private final UserDetailsViewModel pane = new UserDetailsViewModel(directory, executor, time, WriteSafety.NONE,
            new SimpleBooleanProperty(), null, new UserFacts(ZoneOffset.UTC));

    @BeforeAll
    static void start() {
        emulator = CognitoLocal.start(workDir.resolve("emulator"),
                List.of(new PoolSeed(POOL_ID, "Support desk", DemoData.supportDesk(40))));
        emulator.addGroups(POOL_ID, DemoData.supportDeskGroups());
        List<GroupSeed> teams = new ArrayList<>();
        for (int i = 1; i <= MANY; i++) {
            teams.add(new GroupSeed(String.format("team-%02d", i), "Team " + i, 100 + i, List.of(DemoData.DMITRY)));
        }
        emulator.addGroups(POOL_ID, teams);
        AwsConfigFiles files = AwsConfigFiles.write(workDir.resolve("aws"), emulator.endpoint());
        ProfileCatalog catalog = ProfileCatalog.fromFiles(files.config(), files.credentials(), AwsConfigFiles.PROFILE);
        clients = new CognitoClients(catalog, ItFixtures.settings(1));
        directory = new SdkUserDirectory(clients);
        Connection connection = ItFixtures.connection(catalog, AwsConfigFiles.PROFILE, "us-east-1");
        pool = new PoolSelection(connection, new UserPool(POOL_ID, "Support desk"));
    }

    @AfterAll
    static void stop() {
        Closing.closeAll(clients, emulator);
    }

    /** The user as the table's row holds it: from ListUsers, not AdminGetUser. */
    private static PoolUser listed(String username) {
        return directory.listUsers(pool.connection(), POOL_ID, null).items().stream()
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private void select(String username) {
        pane.show(pool, listed(username));
        time.elapse();
    }

    @Test
    void theSeededGroupsShowWithDescriptionAndPrecedenceInPrecedenceOrder() {
        select(DemoData.ALICE);

        assertThat(pane.groups()).containsExactly(
                new UserGroup("admins", "Console administrators", 1),
                new UserGroup("support-desk", "First-line support", 10),
                new UserGroup("billing", "Invoices and refunds", 20),
                new UserGroup("beta-testers", null, null));
        assertThat(pane.groupsNoteProperty().get()).isNull();
    }

    @Test
    void aUserInMoreGroupsThanOnePageHoldsSeesEveryOne() {
        select(DemoData.DMITRY);

        assertThat(pane.groups()).hasSize(MANY + 1);
        assertThat(pane.groups().get(0)).isEqualTo(new UserGroup("support-desk", "First-line support", 10));
        assertThat(pane.groups().get(MANY)).isEqualTo(new UserGroup("team-" + MANY, "Team " + MANY, 100 + MANY));
    }

    @Test
    void theCustomAttributesOfTheListedRowShowWithoutACall() {
        pane.show(pool, listed(DemoData.ALICE));

        assertThat(pane.facts()).extracting(UserFacts.Fact::name, UserFacts.Fact::value).contains(
                tuple("custom:tenant", "acme-eu"), tuple("custom:plan", "gold"), tuple("Email verified", "Yes"),
                tuple("given_name", "Alice"));
    }

    @Test
    void showMfaReadsTheUsersMfaSettingsFromAdminGetUser() {
        select(DemoData.ALICE);
        pane.showMfa();
        assertThat(pane.mfaNoteProperty().get()).isEqualTo(
                "MFA turned on: authenticator app (TOTP); preferred: authenticator app (TOTP).");

        select(DemoData.JOSE);
        pane.showMfa();
        assertThat(pane.mfaNoteProperty().get()).isEqualTo("MFA: none turned on for this user.");
    }

    @Test
    void cognitoLocalLacksAdminListUserAuthEventsAndOnlyTheHistoryPartSaysSo() {
        select(DemoData.ALICE);

        assertThat(pane.signIns()).isEmpty();
        assertThat(pane.signInsNoteProperty().get()).isEqualTo("Sign-in history not shown: this endpoint does not "
                + "offer AdminListUserAuthEvents (Cognito does; an emulator may not).");
        assertThat(pane.groups()).hasSize(4);
    }
}
