package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.app.Console;
import dev.cognitoconsole.bulk.BulkJournal;
import dev.cognitoconsole.common.AppPaths;
import dev.cognitoconsole.testing.CognitoStub;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Closing the window during a real bulk run asks first, pauses the run, and keeps the users not reached. */
@ExtendWith(ApplicationExtension.class)
class BulkCloseUiIT {
    private static final String POOL_ID = "eu-west-1_Close001";
    private static final String POOL = "Close pool  (" + POOL_ID + ")";
    private static final List<CognitoStub.User> USERS = List.of(
            CognitoStub.user("ann"), CognitoStub.user("ben"), CognitoStub.user("cid"));

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(BulkCloseUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Close pool"));
        cognito.listUsersPages(POOL_ID, List.of(USERS));
        USERS.forEach(user -> cognito.adminGetUser(POOL_ID, user));
        // Slow enough that the close request arrives while the first write is on the wire.
        cognito.delayed("AdminDisableUser", Duration.ofMillis(1500));
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.show(stage,
            Console.create(ConsoleFixture.catalog(aws.files()), ConsoleFixture.quick(1), stage), 1280, 800));

    @Test
    void closingAsksFirstThenPausesAfterTheUserInHandAndKeepsTheUsersNotReached(FxRobot robot) throws Exception {
        ConsoleDriver ui = new ConsoleDriver(robot);
        Files.deleteIfExists(AppPaths.bulkRunFile());
        ui.openPool(1, POOL, USERS.size());
        robot.clickOn(ui.node("#allShownCheck", CheckBox.class));
        ui.click("#bulkDisableButton");
        awaitFx("the bulk confirmation is shown", () -> robot.lookup("#bulkConfirmDialog").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        robot.clickOn(ui.node("#bulkReasonField", Node.class)).write("INC-42 close during a run");
        Button confirm = ui.node("#bulkConfirmButton", Button.class);
        awaitFx("confirm is enabled once a reason is written", () -> !confirm.isDisabled());
        robot.clickOn(confirm);
        awaitFx("the first write is on the wire", () -> aws.cognito().requestsFor("AdminDisableUser") == 1);

        // As the window manager's close button does; not waited for, since the confirmation it opens waits.
        Platform.runLater(() -> session.stage().fireEvent(
                new WindowEvent(session.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));

        ui.awaitConfirmDialog();
        assertThat(ui.confirmDetailsText()).contains("INC-42");
        assertThat(fx(() -> session.stage().isShowing())).as("nothing closes before the answer").isTrue();
        ui.click("#confirmButton");
        awaitFx("the window closes once the user in hand is done", () -> !session.stage().isShowing());

        assertThat(aws.cognito().requestsFor("AdminDisableUser")).as("nothing sent after the close").isEqualTo(1);
        BulkJournal.Unfinished left = new BulkJournal(AppPaths.bulkRunFile()).unfinished().orElseThrow();
        // The pause cuts ann's write short while it waits for its answer; the read-back finds ann unchanged, so ann
        // waits with the others (a resumed run reads each user first).
        assertThat(left.notReached()).containsExactly("ann", "ben", "cid");
        assertThat(left.summary()).contains(POOL_ID, "INC-42 close during a run");
    }
}
