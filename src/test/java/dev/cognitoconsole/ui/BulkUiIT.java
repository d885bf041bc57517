package dev.cognitoconsole.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.cognitoconsole.app.Console;
import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditLog;
import dev.cognitoconsole.bulk.BulkOutcome;
import dev.cognitoconsole.bulk.BulkResultRow;
import dev.cognitoconsole.common.AppPaths;
import dev.cognitoconsole.testing.CognitoStub;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The real console and SDK client against WireMock: two rows selected, disabled in bulk, both verified. */
@ExtendWith(ApplicationExtension.class)
class BulkUiIT {
    private static final String POOL_ID = "eu-west-1_Bulk0001";
    private static final String POOL = "Bulk pool  (" + POOL_ID + ")";
    private static final List<CognitoStub.User> USERS = List.of(
            CognitoStub.user("alice"), CognitoStub.user("bob"), CognitoStub.user("carol"));

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(BulkUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Bulk pool"));
        cognito.listUsersPages(POOL_ID, List.of(USERS));
        USERS.forEach(user -> enabledUntilDisabled(cognito, user));
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.show(stage,
            Console.create(ConsoleFixture.catalog(aws.files()), ConsoleFixture.quick(3), stage), 1280, 800));

    /**
     * AdminGetUser answers the user enabled until an AdminDisableUser of that user arrives, then disabled; each test
     * starts enabled again, as {@link FakeAws#stub} resets the scenarios.
     */
    private static void enabledUntilDisabled(CognitoStub cognito, CognitoStub.User user) {
        String scenario = "state-of-" + user.username();
        String disabled = "disabled";
        cognito.server().stubFor(forUser("AdminGetUser", user).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(user.adminGetUserJson().toString())));
        cognito.server().stubFor(forUser("AdminDisableUser", user).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo(disabled)
                .willReturn(ok("{}")));
        cognito.server().stubFor(forUser("AdminGetUser", user).inScenario(scenario)
                .whenScenarioStateIs(disabled)
                .willReturn(ok(user.withEnabled(false).adminGetUserJson().toString())));
        cognito.server().stubFor(forUser("AdminDisableUser", user).inScenario(scenario)
                .whenScenarioStateIs(disabled)
                .willReturn(ok("{}")));
    }

    private static MappingBuilder forUser(String operation, CognitoStub.User user) {
        return post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + operation))
                .withRequestBody(matchingJsonPath("$.UserPoolId", equalTo(POOL_ID)))
                .withRequestBody(matchingJsonPath("$.Username", equalTo(user.username())))
                .atPriority(1);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", CognitoStub.CONTENT_TYPE)
                .withHeader(CognitoStub.REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .withBody(body);
    }

    @Test
    void twoSelectedRowsAreDisabledWithAReasonAndBothVerified(FxRobot robot) throws Exception {
        ConsoleDriver ui = new ConsoleDriver(robot);
        String reason = "INC-" + UUID.randomUUID().toString().substring(0, 8) + " bulk UI test";
        ui.openPool(1, POOL, USERS.size());
        assertThat(fx(() -> ui.node("#bulkDisableButton", Button.class).isDisabled()))
                .as("nothing selected, nothing to disable").isTrue();

        robot.clickOn(usernameCell(ui, robot, "alice"));
        robot.press(KeyCode.CONTROL).clickOn(usernameCell(ui, robot, "bob")).release(KeyCode.CONTROL);
        Label target = ui.node("#bulkTargetLabel", Label.class);
        awaitFx("the bulk bar says 2 selected", () -> "2 selected".equals(target.getText()));

        ui.click("#bulkDisableButton");
        awaitFx("the bulk confirmation is shown", () -> robot.lookup("#bulkConfirmDialog").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        assertThat(ui.text("#bulkSample")).isEqualTo("alice, bob");
        Button confirm = ui.node("#bulkConfirmButton", Button.class);
        assertThat(fx(confirm::getText)).isEqualTo("Disable 2 users");
        assertThat(fx(confirm::isDisabled)).as("a reason is required").isTrue();
        assertThat(ui.text("#bulkConfirmProblem")).contains("ticket id");
        robot.clickOn(ui.node("#bulkReasonField", Node.class)).write(reason);
        awaitFx("confirm is enabled once a reason is written", () -> !confirm.isDisabled());
        robot.clickOn(confirm);

        awaitFx("the bulk window #bulkWindow is shown", () -> robot.lookup("#bulkWindow").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        TableView<BulkResultRow> results = bulkResults(ui);
        awaitFx("both users are done and verified in #bulkResults", () -> results.getItems().size() == 2
                && results.getItems().stream().allMatch(r -> r.getOutcome() == BulkOutcome.DONE));
        assertThat(fx(() -> results.getItems().stream().map(BulkResultRow::username).toList()))
                .containsExactly("alice", "bob");
        awaitFx("the results table draws both as verified", () -> robot.from(results).lookup(".table-cell")
                .queryAllAs(TableCell.class).stream()
                .filter(c -> "Done, verified".equals(c.getText())).count() == 2);
        assertThat(fx(() -> robot.lookup("#bulkProgress").queryAs(javafx.scene.control.ProgressBar.class)
                .getProgress())).isEqualTo(1.0);
        assertThat(ui.text("#bulkMessage")).startsWith("Finished in");
        assertThat(fx(() -> ui.node("#pauseButton", Button.class).isDisabled())).isTrue();
        assertThat(fx(() -> ui.node("#cancelButton", Button.class).isDisabled())).isTrue();

        assertThat(aws.cognito().userRequestsFor("AdminDisableUser")).isEqualTo(2);
        assertThat(aws.cognito().requestBodies("AdminDisableUser")).extracting(b -> b.get("Username").asText())
                .containsExactly("alice", "bob");
        assertThat(aws.cognito().requestsFor("AdminEnableUser")).isZero();

        List<AuditEntry> audited = AuditLog.read(AppPaths.auditFile()).entries().stream()
                .filter(e -> reason.equals(e.reason())).toList();
        assertThat(audited).extracting(AuditEntry::username, AuditEntry::phase, AuditEntry::outcome).containsExactly(
                org.assertj.core.api.Assertions.tuple("alice", AuditEntry.Phase.ATTEMPT, null),
                org.assertj.core.api.Assertions.tuple("alice", AuditEntry.Phase.OUTCOME, AuditEntry.Outcome.DONE),
                org.assertj.core.api.Assertions.tuple("bob", AuditEntry.Phase.ATTEMPT, null),
                org.assertj.core.api.Assertions.tuple("bob", AuditEntry.Phase.OUTCOME, AuditEntry.Outcome.DONE));

        ui.click("#closeBulkButton");
        ConsoleDriver.await("the main table shows both disabled", () ->
                "Disabled".equals(ui.cellText("alice", "enabledColumn"))
                        && "Disabled".equals(ui.cellText("bob", "enabledColumn")));
        assertThat(ui.cellText("carol", "enabledColumn")).isEqualTo("Enabled");
    }

    private static TableCell<?, ?> usernameCell(ConsoleDriver ui, FxRobot robot, String username) {
        TableRow<?> row = ui.row(username);
        return fx(() -> robot.from(row).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "usernameColumn".equals(c.getTableColumn().getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Row of " + username + " has no username cell")));
    }

    @SuppressWarnings("unchecked")
    private static TableView<BulkResultRow> bulkResults(ConsoleDriver ui) {
        return ui.node("#bulkResults", TableView.class);
    }
}
