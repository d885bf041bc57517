package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditLog;
import dev.cognitoconsole.bulk.BulkOutcome;
import dev.cognitoconsole.bulk.BulkResultRow;
import dev.cognitoconsole.common.AppPaths;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.StatefulCognito;
import dev.cognitoconsole.writes.ChangeEffects;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Sign out everywhere on the real console and SDK client against a Cognito that keeps state (cognito-local has no
 * AdminUserGlobalSignOut): one row through its context menu and the confirmation, and three users in bulk after a
 * dry run; the server counts what arrived.
 */
@ExtendWith(ApplicationExtension.class)
class SignOutUiIT {
    private static final String SIGN_OUT = "AdminUserGlobalSignOut";
    private static final String ROW_POOL = "eu-west-1_SignOut01";
    private static final String BULK_POOL = "eu-west-1_SignOut02";

    @RegisterExtension
    static final FakeAws<StatefulCognito> aws = FakeAws.of(dir -> StatefulCognito.start(), StatefulCognito::endpoint,
            cognito -> cognito.pool(ROW_POOL, "Row pool", List.of(CognitoStub.user("alice"), CognitoStub.user("bob")))
                    .pool(BULK_POOL, "Bulk pool", CognitoStub.users("leaver", 3)));

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 1));
    private final ConsoleDriver ui = session.ui();

    @Test
    void signOutEverywhereFromARowsMenuSendsOneRequestAfterTheConfirmation(FxRobot robot) throws Exception {
        ui.openPool(2, "Row pool  (" + ROW_POOL + ")", 2);
        int before = aws.cognito().requests(SIGN_OUT);
        Instant started = Instant.now(); // the audit log outlives a test run

        openContextMenu(robot, "alice");
        awaitFx("the row's menu offers Sign out everywhere", () -> robot.lookup("#signOutMenuItem").tryQuery()
                .map(Node::isVisible).orElse(false));
        robot.clickOn(robot.lookup("#signOutMenuItem").queryAs(Node.class));
        ui.awaitConfirmDialog();
        assertThat(ui.confirmDetailsText()).contains("alice", "revokes the user's ID, access and refresh tokens",
                ChangeEffects.ISSUED_TOKENS);
        assertThat(aws.cognito().requests(SIGN_OUT)).as("nothing is sent before the confirmation").isEqualTo(before);
        ui.click("#confirmButton");
        ui.awaitNoConfirmDialog();

        awaitFx("the status line says alice was signed out", () -> ui.text("#statusLine")
                .startsWith("alice signed out in Row pool"));
        assertThat(aws.cognito().requests(SIGN_OUT)).isEqualTo(before + 1);
        assertThat(ui.bannerShown()).isFalse();
        assertThat(ui.cellText("alice", "enabledColumn")).as("the account stays enabled").isEqualTo("Enabled");
        List<AuditEntry> audited = AuditLog.read(AppPaths.auditFile()).entries().stream()
                .filter(e -> SIGN_OUT.equals(e.action()) && ROW_POOL.equals(e.poolId()) && !e.time().isBefore(started))
                .toList();
        assertThat(audited).extracting(AuditEntry::username, AuditEntry::phase, AuditEntry::outcome).containsExactly(
                tuple("alice", AuditEntry.Phase.ATTEMPT, null),
                tuple("alice", AuditEntry.Phase.OUTCOME, AuditEntry.Outcome.DONE));
    }

    @Test
    void threeUsersAreSignedOutInBulkAfterADryRunThatSendsNone(FxRobot robot) throws Exception {
        String reason = "INC-" + UUID.randomUUID().toString().substring(0, 8) + " leavers";
        ui.openPool(2, "Bulk pool  (" + BULK_POOL + ")", 3);
        int before = aws.cognito().requests(SIGN_OUT);
        robot.clickOn(ui.node("#allShownCheck", CheckBox.class));
        ui.click("#bulkSignOutButton");
        awaitBulkConfirmation(robot);
        assertThat(ui.text("#bulkConfirmNote")).contains("revokes each user's ID, access and refresh tokens",
                ChangeEffects.ISSUED_TOKENS);
        robot.clickOn(ui.node("#dryRunCheck", CheckBox.class));
        robot.clickOn(ui.node("#bulkReasonField", Node.class)).write(reason);
        Button confirm = ui.node("#bulkConfirmButton", Button.class);
        awaitFx("confirm is enabled once a reason is written", () -> !confirm.isDisabled());
        robot.clickOn(confirm);

        awaitFx("the dry run finishes", () -> robot.lookup("#bulkMessage").tryQuery().isPresent()
                && ui.text("#bulkMessage").startsWith("Dry run finished"));
        assertThat(ui.text("#bulkTitle")).isEqualTo("Dry run finished: sign out 3 users");
        assertThat(aws.cognito().requests(SIGN_OUT)).as("a dry run sends no sign-out").isEqualTo(before);

        ui.click("#runForRealButton");
        awaitBulkConfirmation(robot);
        Button real = ui.node("#bulkConfirmButton", Button.class);
        assertThat(fx(real::getText)).isEqualTo("Sign out 3 users");
        awaitFx("the dry run's reason lets the operator confirm", () -> !real.isDisabled());
        robot.clickOn(real);

        awaitFx("the run finishes", () -> ui.text("#bulkMessage").startsWith("Finished"));
        assertThat(ui.text("#bulkTitle")).isEqualTo("Signed out 3 users");
        assertThat(aws.cognito().requests(SIGN_OUT)).isEqualTo(before + 3);
        TableView<BulkResultRow> results = results();
        assertThat(fx(() -> results.getItems().stream().map(BulkResultRow::getOutcome).toList()))
                .containsOnly(BulkOutcome.DONE);
        List<AuditEntry> audited = AuditLog.read(AppPaths.auditFile()).entries().stream()
                .filter(e -> reason.equals(e.reason())).toList();
        assertThat(audited).hasSize(6).allSatisfy(e -> assertThat(e.action()).isEqualTo(SIGN_OUT));
    }

    /** What a right-click on the row sends; Monocle's headless robot does not turn its click into one. */
    private void openContextMenu(FxRobot robot, String username) {
        TableCell<?, ?> cell = usernameCell(robot, username);
        robot.clickOn(cell);
        ConsoleDriver.onFx(() -> {
            Bounds at = cell.localToScreen(cell.getBoundsInLocal());
            Event.fireEvent(cell, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                    at.getMinX() + 5, at.getMinY() + 5, false, null));
        });
    }

    private TableCell<?, ?> usernameCell(FxRobot robot, String username) {
        var row = ui.row(username);
        return fx(() -> robot.from(row).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "usernameColumn".equals(c.getTableColumn().getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Row of " + username + " has no username cell")));
    }

    private static void awaitBulkConfirmation(FxRobot robot) {
        awaitFx("the bulk confirmation is shown", () -> robot.lookup("#bulkConfirmDialog").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
    }

    @SuppressWarnings("unchecked")
    private TableView<BulkResultRow> results() {
        return ui.node("#bulkResults", TableView.class);
    }
}
