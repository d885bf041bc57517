package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoconsole.model.AuthEvent;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.settings.Settings;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.users.UserRow;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.MasterDetailPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The detail pane beside the users table (issue 18): it fills from the row, reads only once the selection rests. */
@ExtendWith(ApplicationExtension.class)
class UserDetailsUiIT {
    private static final String POOL_ID = "us-east-1_Details01";
    private static final String POOL = "Details pool  (" + POOL_ID + ")";
    private static final int USERS = 25;

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(UserDetailsUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Details pool"));
        List<CognitoStub.User> users = new ArrayList<>(CognitoStub.users("user", USERS));
        users.set(0, users.get(0).withAttribute("custom:tenant", "acme"));
        cognito.listUsersPages(POOL_ID, List.of(users));
        cognito.answer("AdminListGroupsForUser", """
                {"Groups": [{"GroupName": "support", "Description": "Support desk", "Precedence": 5,
                             "UserPoolId": "%s"}]}""".formatted(POOL_ID));
        cognito.answer("AdminListUserAuthEvents", """
                {"AuthEvents": [{"EventId": "e1", "EventType": "SignIn", "CreationDate": 1717200000,
                                 "EventResponse": "Pass", "EventRisk": {"RiskLevel": "Low"},
                                 "EventContextData": {"IpAddress": "203.0.113.9", "DeviceName": "Firefox",
                                                      "City": "Lyon", "Country": "France"}}]}""");
        cognito.answer("AdminGetUser", """
                {"Username": "user-001", "Enabled": true, "UserStatus": "CONFIRMED", "UserAttributes": [],
                 "UserMFASettingList": ["SOFTWARE_TOKEN_MFA"], "PreferredMfaSetting": "SOFTWARE_TOKEN_MFA"}""");
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 1))
            .recordingUncaught();
    private final ConsoleDriver ui = session.ui();
    private FxRobot robot;

    @BeforeEach
    void open(FxRobot robot) {
        this.robot = robot;
        ui.openPool(1, POOL, USERS);
    }

    @SuppressWarnings("unchecked")
    private TableView<UserGroup> groups() {
        return ui.node("#userGroups", TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<AuthEvent> signIns() {
        return ui.node("#userSignIns", TableView.class);
    }

    /** Scrolls the pane until the node {@code query} finds is in sight, as the operator would. */
    private void reveal(String query) {
        ScrollPane pane = ui.node("#userDetails", ScrollPane.class);
        Node node = ui.node(query, Node.class);
        onFx(() -> {
            double top = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double room = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(room <= 0 ? 0 : Math.min(1, top / room));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitGroupsOf(String username) {
        TableView<UserGroup> groups = groups();
        awaitFx("the pane shows the groups of " + username, () -> username.equals(ui.text("#detailsTitle"))
                && groups.getItems().size() == 1);
    }

    @Test
    void selectingARowFillsThePaneFromTheRowThenWithGroupsAndSignIns() {
        robot.clickOn(ui.row("user-001"));

        awaitGroupsOf("user-001");
        Node facts = ui.node("#userFacts", Node.class);
        assertThat(fx(() -> robot.from(facts).lookup(".fact-value").queryAllAs(TextField.class).stream()
                .map(TextField::getAccessibleText).toList()))
                .contains("Username: user-001", "custom:tenant: acme", "Status: CONFIRMED");
        reveal("#copy-custom-tenant");
        ui.click("#copy-custom-tenant");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("acme");
        assertThat(fx(() -> groups().getItems().get(0))).isEqualTo(new UserGroup("support", "Support desk", 5));
        TableView<AuthEvent> history = signIns();
        awaitFx("the sign-in history shows", () -> history.getItems().size() == 1);
        assertThat(fx(() -> history.getItems().get(0).place())).isEqualTo("Lyon, France");
        assertThat(aws.cognito().requestsFor("AdminGetUser")).as("no AdminGetUser without Show MFA").isZero();
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void arrowingThroughTwentyRowsReadsGroupsOnlyForTheLastAndNeverCallsAdminGetUser() {
        robot.clickOn(ui.row("user-001"));
        awaitGroupsOf("user-001");
        aws.cognito().server().resetRequests();

        holdDown(KeyCode.DOWN, 20);

        awaitGroupsOf("user-021");
        WaitForAsyncUtils.waitForFxEvents();
        List<JsonNode> asked = aws.cognito().requestBodies("AdminListGroupsForUser");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).path("Username").asText()).isEqualTo("user-021");
        assertThat(aws.cognito().requestsFor("AdminListUserAuthEvents")).isEqualTo(1);
        assertThat(aws.cognito().requestsFor("AdminGetUser")).isZero();
    }

    private void fromRowMenu(String username, String item) {
        TableRow<?> row = ui.row(username);
        robot.rightClickOn(row);
        // Headless Monocle turns no right click into a context-menu request: the test makes the one the OS would.
        onFx(() -> {
            Bounds screen = row.localToScreen(row.getBoundsInLocal());
            row.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, row.getWidth() / 2,
                    row.getHeight() / 2, screen.getCenterX(), screen.getCenterY(), false, null));
        });
        awaitFx("the row's context menu is open", () -> ui.maybe(".context-menu").isPresent());
        robot.clickOn(item);
    }

    /**
     * Sends {@code times} presses of {@code key} to the table as the keyboard's auto-repeat does, each its own event on
     * the FX thread's queue. (The robot waits for the FX thread after every key, so on a busy machine its presses can
     * be further apart than a held key's.)
     */
    private void holdDown(KeyCode key, int times) {
        TableView<UserRow> table = ui.table();
        for (int i = 0; i < times; i++) {
            Platform.runLater(() -> Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false,
                    false, false, false)));
        }
        Platform.runLater(() -> Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", key, false,
                false, false, false)));
    }

    @Test
    void theRowsContextMenuCopiesTheEmail() {
        fromRowMenu("user-003", "Copy email");

        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("user-003@example.com");
        fromRowMenu("user-004", "Copy username");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("user-004");
    }

    @Test
    void showMfaMakesExactlyOneAdminGetUserAndSaysWhatItFound() {
        robot.clickOn(ui.row("user-001"));
        awaitGroupsOf("user-001");
        assertThat(ui.text("#mfaNote")).contains("monthly-active-user bill");

        reveal("#showMfaButton");
        ui.click("#showMfaButton");

        awaitFx("the MFA settings show", () -> ui.text("#mfaNote").startsWith("MFA turned on"));
        assertThat(ui.text("#mfaNote")).contains("authenticator app (TOTP)");
        assertThat(fx(ui.node("#showMfaButton", Button.class)::isDisabled)).isTrue();
        assertThat(aws.cognito().requestsFor("AdminGetUser")).isEqualTo(1);
    }

    @Test
    void theDetailsSwitchHidesThePaneAndTheConsoleRemembersIt() {
        robot.clickOn(ui.row("user-001"));
        awaitGroupsOf("user-001");
        assertThat(fx(ui.node("#userDetails", Node.class)::isVisible)).isTrue();

        ui.click("#detailsToggle");

        awaitFx("the pane is hidden", () -> ui.maybe("#userDetails").map(n -> n.getScene() == null
                || !n.isVisible()).orElse(true));
        onFx(() -> session.console().rememberLayout(session.stage()));
        MasterDetailPane placement = ui.node("#detailsPlacement", MasterDetailPane.class);
        assertThat(session.console().preferences().get().details())
                .isEqualTo(new Settings.DetailsPane(false, fx(placement::getDividerPosition)));
        TableView<UserRow> table = ui.table();
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().getUser().username())).isEqualTo("user-001");
    }
}
