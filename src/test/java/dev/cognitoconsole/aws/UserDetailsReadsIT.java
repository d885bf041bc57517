package dev.cognitoconsole.aws;

import static dev.cognitoconsole.testing.CognitoStub.jsonItem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.details.UserDetailsViewModel;
import dev.cognitoconsole.details.UserFacts;
import dev.cognitoconsole.model.AuthEvent;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.SignInHistory;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detail pane's reads over real HTTP through the real SDK client, against WireMock (cognito-local has no
 * AdminListUserAuthEvents and does not page groups): sign-in history paged, empty and not kept; groups chained by
 * NextToken; and a permission missing for one read only.
 */
class UserDetailsReadsIT {
    private static final String POOL = "us-east-1_Details01";
    private static final String USER = "alice";
    /** Three attempts: a retried call would show as more than one request. */
    private static final int MAX_ATTEMPTS = 3;

    @RegisterExtension
    static final CognitoStubExtension<CognitoStub> cognito = CognitoStubExtension.cognitoStub();

    @TempDir
    Path dir;

    private CognitoClients clients;
    private SdkUserDirectory directory;
    private Connection connection;

    @BeforeEach
    void connect() {
        ProfileCatalog catalog = ItFixtures.catalog(dir, cognito.stub().endpoint());
        clients = new CognitoClients(catalog, ItFixtures.settings(MAX_ATTEMPTS));
        directory = new SdkUserDirectory(clients);
        connection = ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private static JsonNode event(String id, long epochSeconds, String response, String risk) {
        return jsonItem("""
                {"EventId": "%s", "EventType": "SignIn", "CreationDate": %d, "EventResponse": "%s",
                 "EventRisk": {"RiskDecision": "NoRisk", "RiskLevel": "%s"},
                 "EventContextData": {"IpAddress": "203.0.113.9", "DeviceName": "Chrome 126, Linux",
                                      "City": "Lyon", "Country": "France"}}""".formatted(id, epochSeconds, response,
                risk));
    }

    private static JsonNode group(String name, int precedence) {
        return jsonItem("""
                {"GroupName": "%s", "Description": "About %s", "Precedence": %d, "UserPoolId": "%s"}"""
                .formatted(name, name, precedence, POOL));
    }

    @Test
    void signInHistoryIsReadPageByPageWithEveryField() {
        cognito.stub().nextTokenPages("AdminListUserAuthEvents", "AuthEvents", USER, List.of(
                List.of(event("e3", 1717300000, "Pass", "Low"), event("e2", 1717200000, "Fail", "High")),
                List.of(event("e1", 1717100000, "Pass", "Low"))));

        SignInHistory first = directory.listUserAuthEvents(connection, POOL, USER, null);
        SignInHistory second = directory.listUserAuthEvents(connection, POOL, USER, first.nextToken());

        assertThat(first.kept()).isTrue();
        assertThat(first.events()).extracting(AuthEvent::id).containsExactly("e3", "e2");
        assertThat(first.events().get(1)).isEqualTo(new AuthEvent("e2", Instant.ofEpochSecond(1717200000), "SignIn",
                "Fail", "High", "203.0.113.9", "Chrome 126, Linux", "Lyon", "France"));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.events()).extracting(AuthEvent::id).containsExactly("e1");
        assertThat(second.hasMore()).isFalse();
        List<JsonNode> asked = cognito.stub().requestBodies("AdminListUserAuthEvents");
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).path("MaxResults").asInt()).isEqualTo(UserDirectory.AUTH_EVENTS_PAGE_SIZE);
        assertThat(asked.get(0).path("Username").asText()).isEqualTo(USER);
    }

    @Test
    void anEmptyHistoryIsKeptAndEmpty() {
        cognito.stub().answer("AdminListUserAuthEvents", "{\"AuthEvents\": []}");

        SignInHistory history = directory.listUserAuthEvents(connection, POOL, USER, null);

        assertThat(history).isEqualTo(new SignInHistory(true, List.of(), null));
    }

    @Test
    void aPoolWithoutThreatProtectionKeepsNoHistoryAndIsAskedOnce() {
        cognito.stub().error("AdminListUserAuthEvents", 400, "UserPoolAddOnNotEnabledException",
                "The user pool does not have the advanced security features add-on enabled.");

        SignInHistory history = directory.listUserAuthEvents(connection, POOL, USER, null);

        assertThat(history).isEqualTo(SignInHistory.notKept());
        assertThat(cognito.stub().requestsFor("AdminListUserAuthEvents")).isEqualTo(1);
    }

    @Test
    void everyPageOfGroupsIsFollowedByNextToken() {
        cognito.stub().nextTokenPages("AdminListGroupsForUser", "Groups", USER, List.of(
                List.of(group("admins", 1), group("support", 5)), List.of(group("billing", 3))));
        PaneOnStub pane = new PaneOnStub();

        pane.select();

        assertThat(pane.vm.groups()).extracting(UserGroup::name).containsExactly("admins", "billing", "support");
        assertThat(cognito.stub().requestsFor("AdminListGroupsForUser")).isEqualTo(2);
        assertThat(cognito.stub().requestBodies("AdminListGroupsForUser").get(0).path("Limit").asInt())
                .isEqualTo(UserDirectory.GROUPS_PAGE_SIZE);
    }

    @Test
    void aPermissionMissingForTheSignInHistoryOnlyTurnsThatPartOffAndTheOthersStillShow() {
        cognito.stub().nextTokenPages("AdminListGroupsForUser", "Groups", USER, List.of(List.of(group("admins", 1))));
        cognito.stub().error("AdminListUserAuthEvents", 400, "AccessDeniedException", "User: arn:aws:sts::"
                + "123456789012:assumed-role/Desk/alice is not authorized to perform: cognito-idp:AdminListUserAuthEvents");
        cognito.stub().answer("AdminGetUser", """
                {"Username": "alice", "Enabled": true, "UserStatus": "CONFIRMED", "UserAttributes": [],
                 "UserMFASettingList": ["SMS_MFA"], "PreferredMfaSetting": "SMS_MFA"}""");
        PaneOnStub pane = new PaneOnStub();

        pane.select();
        pane.vm.showMfa();

        assertThat(pane.vm.signInsNoteProperty().get())
                .startsWith("Sign-in history not shown: your role lacks the permission "
                        + "cognito-idp:AdminListUserAuthEvents.");
        assertThat(pane.vm.groups()).extracting(UserGroup::name).containsExactly("admins");
        assertThat(pane.vm.groupsNoteProperty().get()).isNull();
        assertThat(pane.vm.mfaNoteProperty().get()).isEqualTo("MFA turned on: SMS; preferred: SMS.");
        assertThat(cognito.stub().requestsFor("AdminListUserAuthEvents")).as("not retried").isEqualTo(1);
    }

    @Test
    void aPermissionMissingForTheGroupsOnlyLeavesTheSignInHistory() {
        cognito.stub().error("AdminListGroupsForUser", 400, "AccessDeniedException",
                "not authorized to perform: cognito-idp:AdminListGroupsForUser");
        cognito.stub().nextTokenPages("AdminListUserAuthEvents", "AuthEvents", USER,
                List.of(List.of(event("e1", 1717100000, "Pass", "Low"))));
        PaneOnStub pane = new PaneOnStub();

        pane.select();

        assertThat(pane.vm.groupsNoteProperty().get())
                .startsWith("Groups not shown: your role lacks the permission cognito-idp:AdminListGroupsForUser.");
        assertThat(pane.vm.signIns()).extracting(AuthEvent::id).containsExactly("e1");
    }

    /** The pane's ViewModel over the real SDK client, its rest elapsed by hand. */
    private final class PaneOnStub {
        final ManualScheduler time = new ManualScheduler();
        final UserDetailsViewModel vm = new UserDetailsViewModel(directory, new CurrentThreadTaskExecutor(), time,
                WriteSafety.NONE, new SimpleBooleanProperty(), null, new UserFacts(ZoneOffset.UTC));

        void select() {
            vm.show(new PoolSelection(connection, new UserPool(POOL, "Details")),
                    FakeUserDirectory.user(USER, true));
            time.elapse();
        }
    }
}
