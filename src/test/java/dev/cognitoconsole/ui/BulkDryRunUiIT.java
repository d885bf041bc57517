package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.bulk.BulkResultRow;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.StatefulCognito;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bulk confirmation and window around a dry run, on the real console against a Cognito that keeps state: read-only
 * mode offers only a dry run, "Run for real…" keeps the reason and the window in front, and the heading says how the
 * run ended.
 */
@ExtendWith(ApplicationExtension.class)
class BulkDryRunUiIT {
    private static final String READ_ONLY_POOL = "eu-west-1_DryRun001";
    private static final String REAL_POOL = "eu-west-1_DryRun002";

    @RegisterExtension
    static final FakeAws<StatefulCognito> aws = FakeAws.of(dir -> StatefulCognito.start(), StatefulCognito::endpoint,
            cognito -> cognito.pool(READ_ONLY_POOL, "Dry pool", CognitoStub.users("dry", 3))
                    .pool(REAL_POOL, "Real pool", CognitoStub.users("real", 3)));

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 1));
    private final ConsoleDriver ui = session.ui();
    private FxRobot robot;

    @Test
    void inReadOnlyModeTheBulkDialogSaysSoFirstAndOffersOnlyADryRunWhoseResultsCanBeReadInFull(FxRobot robot) {
        this.robot = robot;
        ui.openPool(2, "Dry pool  (" + READ_ONLY_POOL + ")", 3);
        robot.clickOn(ui.node("#readOnlyToggle", ToggleButton.class));
        robot.clickOn(ui.node("#allShownCheck", CheckBox.class));
        ui.click("#bulkDisableButton");
        awaitBulkConfirmation();

        VBox details = ui.node("#bulkConfirmDetails", VBox.class);
        Node first = fx(() -> details.getChildren().get(0));
        assertThat(first.getId()).as("read-only mode is said first").isEqualTo("bulkReadOnlyNote");
        assertThat(fx(((Label) first)::getText)).contains("Read-only");
        CheckBox dryRun = ui.node("#dryRunCheck", CheckBox.class);
        assertThat(fx(dryRun::isSelected)).isTrue();
        assertThat(fx(dryRun::isDisabled)).as("only a dry run is offered").isTrue();
        Button confirm = ui.node("#bulkConfirmButton", Button.class);
        assertThat(fx(confirm::getText)).isEqualTo("Dry run: read 3 users");
        assertThat(fx(() -> confirm.getStyleClass())).doesNotContain("confirm-danger");

        robot.clickOn(ui.node("#bulkReasonField", Node.class)).write("INC-9 dry run");
        awaitFx("confirm is enabled once a reason is written", () -> !confirm.isDisabled());
        assertThat(fx(() -> shown(confirm))).as("the button shows its whole label").isEqualTo("Dry run: read 3 users");
        robot.clickOn(confirm);

        awaitBulkWindow();
        awaitFx("the dry run finishes", () -> ui.text("#bulkMessage").startsWith("Dry run finished"));
        assertThat(ui.text("#bulkTitle")).isEqualTo("Dry run finished: disable 3 users");
        TableView<BulkResultRow> results = results();
        awaitFx("every detail cell shows its whole text", () -> {
            List<TableCell<?, ?>> cells = detailCells(results);
            return cells.size() == 3 && cells.stream().allMatch(c -> c.getText().equals(shown((TableCell<?, ?>) c)));
        });
    }

    @Test
    void runForRealStartsWithTheDryRunsReasonStaysInFrontAndSaysDisabledWhenDone(FxRobot robot) {
        this.robot = robot;
        ui.openPool(2, "Real pool  (" + REAL_POOL + ")", 3);
        robot.clickOn(ui.node("#allShownCheck", CheckBox.class));
        ui.click("#bulkDisableButton");
        awaitBulkConfirmation();
        robot.clickOn(ui.node("#dryRunCheck", CheckBox.class));
        robot.clickOn(ui.node("#bulkReasonField", Node.class)).write("INC-10 leavers");
        Button confirm = ui.node("#bulkConfirmButton", Button.class);
        awaitFx("confirm is enabled once a reason is written", () -> !confirm.isDisabled());
        assertThat(fx(() -> shown(confirm))).as("the dry run label, ticked after the dialog opened, is not cut off")
                .isEqualTo("Dry run: read 3 users");
        robot.clickOn(confirm);
        awaitBulkWindow();
        awaitFx("the dry run finishes", () -> ui.text("#bulkMessage").startsWith("Dry run finished"));

        ui.click("#runForRealButton");
        awaitBulkConfirmation();
        SoftAssertions soft = new SoftAssertions();
        Window asking = fx(() -> robot.lookup("#bulkWindow").query().getScene().getWindow());
        Window owner = fx(() -> ((javafx.stage.Stage) robot.lookup("#bulkConfirmDialog").query().getScene()
                .getWindow()).getOwner());
        soft.assertThat(owner).as("the confirmation belongs to the bulk window, so it comes back to that one")
                .isSameAs(asking);
        TextField reason = ui.node("#bulkReasonField", TextField.class);
        String carried = fx(reason::getText);
        soft.assertThat(carried).as("the dry run's reason is carried").isEqualTo("INC-10 leavers");
        if (carried.isEmpty()) {
            robot.clickOn(reason).write("INC-10 leavers");
        }
        Button real = ui.node("#bulkConfirmButton", Button.class);
        awaitFx("the reason lets the operator confirm", () -> !real.isDisabled());
        robot.clickOn(real);

        Window bulk = fx(() -> robot.lookup("#bulkWindow").query().getScene().getWindow());
        awaitFx("the run finishes", () -> ui.text("#bulkMessage").startsWith("Finished"));
        soft.assertThat(ui.text("#bulkTitle")).isEqualTo("Disabled 3 users");
        WaitForAsyncUtils.waitForFxEvents();
        boolean inFront = fx(bulk::isFocused);
        soft.assertThat(inFront).as("the bulk window is in front, not behind the main window").isTrue();
        soft.assertAll();
    }

    /** The text a labelled control draws, with "…" where it is cut. */
    private String shown(javafx.scene.control.Labeled labeled) {
        return robot.from(labeled).lookup(".text").queryAs(Text.class).getText();
    }

    private void awaitBulkConfirmation() {
        awaitFx("the bulk confirmation is shown", () -> robot.lookup("#bulkConfirmDialog").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
    }

    private void awaitBulkWindow() {
        awaitFx("the bulk window #bulkWindow is shown", () -> robot.lookup("#bulkWindow").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
    }

    @SuppressWarnings("unchecked")
    private TableView<BulkResultRow> results() {
        return ui.node("#bulkResults", TableView.class);
    }

    private List<TableCell<?, ?>> detailCells(TableView<BulkResultRow> results) {
        return robot.from(results).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "bulkDetailColumn".equals(c.getTableColumn().getId())
                        && c.getText() != null && !c.getText().isEmpty())
                .<TableCell<?, ?>>map(c -> c)
                .toList();
    }
}
