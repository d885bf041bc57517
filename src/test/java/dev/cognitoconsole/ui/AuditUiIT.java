package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.await;
import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.audit.AuditChange;
import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.testing.CognitoStub;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real console and SDK client against WireMock: a disable is listed in the audit window with its outcome. */
@ExtendWith(ApplicationExtension.class)
class AuditUiIT {
    // The audit log is shared by every test run in the data folder: a new pool id each run finds this run's change.
    private static final String POOL_ID = "eu-west-1_Audit" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 10);
    private static final String POOL = "Audited pool  (" + POOL_ID + ")";

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(AuditUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Audited pool"));
        cognito.listUsersPages(POOL_ID, List.of(List.of(CognitoStub.user("alice"), CognitoStub.user("bob"))));
        cognito.ok("AdminDisableUser");
        cognito.adminGetUser(POOL_ID, CognitoStub.user("alice").withEnabled(false));
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 3));

    /** The audit window belongs to the console's stage: it is closed before the session closes the console. */
    @AfterEach
    void closeOwnedWindows() {
        onFx(() -> {
            for (Window window : new ArrayList<>(Window.getWindows())) {
                if (window instanceof Stage owned && owned.getOwner() == session.stage()) {
                    owned.close();
                }
            }
        });
    }

    @Test
    void aDisableIsListedWithItsOutcome(FxRobot robot) {
        ConsoleDriver ui = new ConsoleDriver(robot);
        ui.openPool(1, POOL, 2);

        ui.answerRowAction("alice", "disableButton", "#confirmButton");
        await("alice's row shows Disabled", () -> "Disabled".equals(ui.cellText("alice", "enabledColumn")));
        assertThat(aws.cognito().userRequestsFor("AdminDisableUser")).isEqualTo(1);

        ui.click("#auditButton");
        awaitFx("the audit window #auditWindow is shown", () -> robot.lookup("#auditWindow").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        TableView<AuditChange> table = auditTable(ui);
        awaitFx("the log is read", () -> !ui.text("#auditSummary").startsWith("Reading"));
        robot.clickOn(ui.node("#auditPoolFilter", TextField.class)).write(POOL_ID);
        awaitFx("#auditTable lists one change of " + POOL_ID, () -> table.getItems().size() == 1);

        AuditChange change = fx(() -> table.getItems().get(0));
        assertThat(change.poolId()).isEqualTo(POOL_ID);
        assertThat(change.username()).isEqualTo("alice");
        assertThat(change.action()).isEqualTo("AdminDisableUser");
        assertThat(change.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
        assertThat(change.profile()).isEqualTo(AwsConfigFiles.PROFILE);
        assertThat(fx(() -> ui.node("#auditWindow", Node.class).getScene().getWindow() instanceof Stage s
                && s.getOwner() == session.stage())).as("the audit window is owned by the main window").isTrue();
        assertThat(fx(() -> ui.node("#auditWindow", Node.class).getScene().getStylesheets()))
                .as("styled as the main window")
                .isEqualTo(fx(() -> session.stage().getScene().getRoot().getStylesheets()));
        assertThat(outcomeCellText(robot, table)).isEqualTo("DONE");
        assertThat(ui.text("#auditSummary")).matches("1 change|1 shown of [\\d,]+ changes");
        assertThat(fx(() -> ui.node("#exportAuditButton", Node.class).isDisabled())).isFalse();

        robot.clickOn(ui.node("#auditOutcomeFilter", Node.class));
        robot.clickOn("Failed");
        awaitFx("the outcome filter Failed hides the change", () -> table.getItems().isEmpty());
        robot.clickOn(ui.node("#auditClearFilters", Node.class));
        awaitFx("clearing the filters lists it again", () -> fx(() -> table.getItems().stream()
                .anyMatch(c -> POOL_ID.equals(c.poolId()))));
        assertThat(fx(() -> ui.node("#auditPoolFilter", TextField.class).getText())).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static TableView<AuditChange> auditTable(ConsoleDriver ui) {
        return ui.node("#auditTable", TableView.class);
    }

    private static String outcomeCellText(FxRobot robot, TableView<AuditChange> table) {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> !r.isEmpty() && r.getIndex() == 0)
                .flatMap(r -> robot.from(r).lookup(".table-cell").queryAllAs(TableCell.class).stream())
                .filter(c -> c.getTableColumn() != null && "auditOutcomeColumn".equals(c.getTableColumn().getId()))
                .map(TableCell::getText)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No outcome cell in the first row of #auditTable")));
    }
}
