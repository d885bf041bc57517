package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.audit.AuditChange;
import dev.cognitoconsole.audit.AuditEntry;
import java.nio.file.Path;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The audit window closes from the keyboard and a button, names its time zone, lists one bulk run alone, sizes its
 * columns to what they hold and has a text too long for its column in the cell's tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class AuditWindowUiIT {
    private static final String RUN = "5f0c2a9e-1b7d-4c3e-9a51-2d8e7f6a4b10";
    private static final String OTHER_RUN = "9d1e4b22-7a3f-4e8c-b1d0-6c5a2f9e8d33";
    private static final String REASON = "INC-4821 offboarding: contractor left, HR ticket 99812";
    private static final String LONG_REASON = "INC-7700 " + "access review found this account unused; ".repeat(8);

    @TempDir
    Path folder;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = AuditWindowFixture.owner(stage);
    }

    @AfterEach
    void close() {
        AuditWindowFixture.closeOwned(owner);
    }

    private AuditWindowFixture audit(FxRobot robot) {
        return new AuditWindowFixture(folder, robot)
                .change("2026-12-04T10:00:00Z", "alice", "INC-1", RUN, AuditEntry.Outcome.DONE, null)
                .change("2026-12-04T10:00:05Z", "bob", "INC-1", RUN, AuditEntry.Outcome.SKIPPED, null)
                .change("2026-12-04T11:00:00Z", "cid", "INC-2", OTHER_RUN, AuditEntry.Outcome.DONE, null)
                .change("2026-12-04T12:00:00Z", "dot", null, null, AuditEntry.Outcome.DONE, null);
    }

    @Test
    void escapeClosesTheWindow(FxRobot robot) {
        Stage window = audit(robot).open(owner);

        robot.type(KeyCode.ESCAPE);

        awaitFx("Escape closes the audit window", () -> !window.isShowing());
    }

    @Test
    void theCloseButtonClosesTheWindow(FxRobot robot) {
        AuditWindowFixture audit = audit(robot);
        Stage window = audit.open(owner);

        robot.clickOn(audit.node("#auditCloseButton"));

        awaitFx("Close closes the audit window", () -> !window.isShowing());
    }

    @Test
    void theTimeColumnNamesItsTimeZone(FxRobot robot) {
        AuditWindowFixture audit = audit(robot);
        audit.open(owner);
        awaitFx("the changes are listed", () -> audit.table().getItems().size() == 4);

        assertThat(fx(() -> audit.column("auditTimeColumn").getText())).contains("Europe/Berlin");
        int dot = fx(() -> audit.table().getItems().stream().map(AuditChange::username).toList().indexOf("dot"));
        assertThat(fx(() -> audit.cell(dot, "auditTimeColumn").getText())).isEqualTo("2026-12-04 13:00:00");
    }

    @Test
    void thisRunOnlyListsTheChangesOfTheSelectedRowsBulkRun(FxRobot robot) {
        AuditWindowFixture audit = audit(robot);
        audit.open(owner);
        awaitFx("the changes are listed", () -> audit.table().getItems().size() == 4);
        int alice = fx(() -> audit.table().getItems().stream().map(AuditChange::username).toList()
                .indexOf("alice"));
        assertThat(fx(() -> audit.cell(alice, "auditRunColumn").getText())).isEqualTo(RUN.substring(0, 8));

        robot.clickOn(audit.cell(alice, "auditUserColumn"));
        robot.clickOn(audit.node("#auditShowRunButton"));

        awaitFx("only the run's two changes are listed", () -> audit.table().getItems().size() == 2);
        assertThat(fx(() -> audit.table().getItems().stream().map(AuditChange::username).sorted().toList()))
                .containsExactly("alice", "bob");
        assertThat(fx(() -> audit.viewModel().runFilterProperty().get())).isEqualTo(RUN);
    }

    @Test
    void theReasonIsShownWholeAndTheEmptyRequestIdColumnIsNarrow(FxRobot robot) {
        AuditWindowFixture audit = new AuditWindowFixture(folder, robot)
                .change("2026-12-04T10:00:00Z", "alice", REASON, null, AuditEntry.Outcome.DONE, null);
        audit.open(owner);
        awaitFx("the change is listed", () -> audit.table().getItems().size() == 1);

        TableCell<?, String> reason = audit.cell(0, "auditReasonColumn");
        assertThat(fx(() -> robot.from(reason).lookup(".text").queryAs(Text.class).getText()))
                .as("the reason is drawn whole, not cut with an ellipsis").isEqualTo(REASON);
        assertThat(fx(() -> audit.column("auditRequestIdColumn").getWidth()))
                .as("the empty Request id column is as wide as its header")
                .isLessThan(fx(() -> audit.column("auditReasonColumn").getWidth()))
                .isLessThan(120);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aTextTooLongForItsColumnIsInTheCellsTooltip(FxRobot robot) {
        AuditWindowFixture audit = new AuditWindowFixture(folder, robot)
                .change("2026-12-04T10:00:00Z", "alice", LONG_REASON, null, AuditEntry.Outcome.DONE, null);
        audit.open(owner);
        awaitFx("the change is listed", () -> audit.table().getItems().size() == 1);

        onFx(() -> audit.table().scrollToColumn((TableColumn) audit.column("auditReasonColumn")));
        TableCell<?, String> reason = audit.cell(0, "auditReasonColumn");
        robot.moveTo(reason);
        assertThat(fx(() -> reason.getTooltip() == null ? null : reason.getTooltip().getText()))
                .isEqualTo(LONG_REASON);
    }
}
