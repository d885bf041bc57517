package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.testing.CognitoStub;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The real console and SDK client against WireMock: how a failed change reaches the operator. */
@ExtendWith(ApplicationExtension.class)
class FailureBannerUiIT {
    private static final String POOL_ID = "eu-west-1_Wire0001";
    private static final String POOL = "Wired pool  (" + POOL_ID + ")";
    private static final String REQUEST_ID = "4b1e8f0c-user-not-found-0001";
    private static final int USERS = 3;

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(FailureBannerUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Wired pool"));
        cognito.listUsersPages(POOL_ID, List.of(List.of(
                CognitoStub.user("alice"),
                CognitoStub.user("bob").withEnabled(false),
                CognitoStub.user("carol").withStatus("UNCONFIRMED"))));
        cognito.error("AdminDisableUser", 400, "UserNotFoundException", "User does not exist.", REQUEST_ID);
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 3));
    private final ConsoleDriver ui = session.ui();

    @BeforeEach
    void openPool() {
        ui.openPool(1, POOL, USERS);
        assertThat(ui.bannerShown()).as("no banner before anything failed").isFalse();
    }

    @Test
    void userNotFoundIsExplainedAndTheRowIsMarkedGone(FxRobot robot) {
        disableAliceAndConfirm();

        awaitFx("#banner is shown", () -> ui.node("#banner", Node.class).isVisible());
        assertThat(ui.text("#bannerTitle")).contains("User not found").contains("alice");
        assertThat(ui.text("#bannerMessage")).contains("alice", POOL_ID);
        TextField requestId = ui.node("#bannerRequestId", TextField.class);
        assertThat(fx(requestId::isVisible)).isTrue();
        String shownRequestId = fx(() -> requestId.getText());
        assertThat(shownRequestId).contains(REQUEST_ID);
        Button refresh = ui.node("#bannerRefresh", Button.class);
        assertThat(fx(refresh::getText)).isEqualTo("Refresh");
        assertThat(ui.maybe("#bannerRetry")).as("no Retry for a user that does not exist").isEmpty();

        assertThat(fx(() -> ui.table().isVisible())).isTrue();
        assertThat(fx(() -> ui.table().getItems().size())).isEqualTo(USERS);
        assertThat(ui.cellText("alice", "enabledColumn")).as("the row is marked gone").isEqualTo("Not in the pool");
        Button disable = ui.rowButton("alice", "disableButton");
        assertThat(fx(disable::getText)).isEqualTo("Gone");
        assertThat(fx(disable::isDisabled)).as("no change is offered on a user who is gone").isTrue();
        assertThat(aws.cognito().userRequestsFor("AdminDisableUser")).as("a 400 is not retried").isEqualTo(1);
        assertThat(aws.cognito().requestsFor("AdminGetUser")).isZero();

        ui.click("#bannerClose");
        awaitFx("#banner is hidden", () -> !ui.bannerShown());
        assertThat(fx(() -> ui.table().getItems().size())).isEqualTo(USERS);
    }

    @Test
    void refreshOnTheBannerReloadsTheUsers(FxRobot robot) {
        int listUsersBefore = aws.cognito().requestsFor("ListUsers");
        disableAliceAndConfirm();
        awaitFx("#banner is shown", () -> ui.node("#banner", Node.class).isVisible());

        ui.click("#bannerRefresh");
        awaitFx("#banner is hidden", () -> !ui.bannerShown());
        ConsoleDriver.await("the users are listed again",
                () -> aws.cognito().requestsFor("ListUsers") > listUsersBefore);
        ui.awaitUsers(USERS);
    }

    @Test
    void cancelSendsNothing(FxRobot robot) {
        ui.answerRowAction("alice", "disableButton", "#cancelButton");

        assertThat(aws.cognito().userRequestsFor("AdminDisableUser")).isZero();
        assertThat(aws.cognito().requestsFor("AdminEnableUser")).isZero();
        assertThat(ui.cellText("alice", "enabledColumn")).isEqualTo("Enabled");
        assertThat(fx(ui.rowButton("alice", "disableButton")::isDisabled)).isFalse();
        assertThat(ui.bannerShown()).isFalse();
    }

    private void disableAliceAndConfirm() {
        ui.answerRowAction("alice", "disableButton", "#confirmButton");
    }
}
