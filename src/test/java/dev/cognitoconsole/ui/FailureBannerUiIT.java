package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.app.Console;
import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.testing.Closing;
import dev.cognitoconsole.testing.CognitoStub;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The real console and SDK client against WireMock: how a failed change reaches the operator. */
@ExtendWith(ApplicationExtension.class)
class FailureBannerUiIT {
    private static final String POOL_ID = "eu-west-1_Wire0001";
    private static final String POOL = "Wired pool  (" + POOL_ID + ")";
    private static final String REQUEST_ID = "4b1e8f0c-user-not-found-0001";
    private static final int USERS = 3;

    @TempDir
    static Path workDir;

    private static CognitoStub cognito;
    private static AwsConfigFiles files;

    private Console console;
    private ConsoleDriver ui;

    @BeforeAll
    static void startStub() {
        cognito = CognitoStub.start();
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Wired pool"));
        cognito.listUsersPages(POOL_ID, List.of(List.of(
                CognitoStub.user("alice"),
                CognitoStub.user("bob").withEnabled(false),
                CognitoStub.user("carol").withStatus("UNCONFIRMED"))));
        cognito.error("AdminDisableUser", 400, "UserNotFoundException", "User does not exist.", REQUEST_ID);
        files = AwsConfigFiles.write(workDir, cognito.endpoint());
    }

    @AfterAll
    static void stopStub() {
        Closing.closeAll(cognito);
    }

    @Start
    void start(Stage stage) {
        cognito.server().resetRequests();
        console = ConsoleFixture.start(stage, files, 3);
    }

    @Stop
    void stop() {
        Closing.closeAll(console);
    }

    @BeforeEach
    void openPool(FxRobot robot) {
        ui = new ConsoleDriver(robot);
        ui.openPool(1, POOL, USERS);
        assertThat(ui.bannerShown()).as("no banner before anything failed").isFalse();
    }

    @Test
    void userNotFoundIsExplainedAndTheTableStays(FxRobot robot) {
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
        assertThat(ui.cellText("alice", "enabledColumn")).isEqualTo("Enabled");
        Button disable = ui.rowButton("alice", "disableButton");
        assertThat(fx(disable::getText)).isEqualTo("Disable");
        assertThat(fx(disable::isDisabled)).as("the row is not left busy").isFalse();
        assertThat(cognito.requestsFor("AdminDisableUser")).as("a 400 is not retried").isEqualTo(1);
        assertThat(cognito.requestsFor("AdminGetUser")).isZero();

        ui.click("#bannerClose");
        awaitFx("#banner is hidden", () -> !ui.bannerShown());
        assertThat(fx(() -> ui.table().getItems().size())).isEqualTo(USERS);
    }

    @Test
    void refreshOnTheBannerReloadsTheUsers(FxRobot robot) {
        int listUsersBefore = cognito.requestsFor("ListUsers");
        disableAliceAndConfirm();
        awaitFx("#banner is shown", () -> ui.node("#banner", Node.class).isVisible());

        ui.click("#bannerRefresh");
        awaitFx("#banner is hidden", () -> !ui.bannerShown());
        ConsoleDriver.await("the users are listed again", () -> cognito.requestsFor("ListUsers") > listUsersBefore);
        ui.awaitUsers(USERS);
    }

    @Test
    void cancelSendsNothing(FxRobot robot) {
        ui.answerRowAction("alice", "disableButton", "#cancelButton");

        assertThat(cognito.requestsFor("AdminDisableUser")).isZero();
        assertThat(cognito.requestsFor("AdminEnableUser")).isZero();
        assertThat(ui.cellText("alice", "enabledColumn")).isEqualTo("Enabled");
        assertThat(fx(ui.rowButton("alice", "disableButton")::isDisabled)).isFalse();
        assertThat(ui.bannerShown()).isFalse();
    }

    private void disableAliceAndConfirm() {
        ui.answerRowAction("alice", "disableButton", "#confirmButton");
    }
}
