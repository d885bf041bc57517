package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.testing.CognitoStub;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Production marks and read-only mode on the real console (against WireMock): the band, the username typed to
 * confirm, the toolbar switch, and changes turned off for a pool where IAM refused a real change.
 */
@ExtendWith(ApplicationExtension.class)
class SafetyUiIT {
    private static final String OPEN_POOL = "eu-west-1_Open0001";
    private static final String LOCKED_POOL = "eu-west-1_Lock0001";
    private static final String OPEN_LABEL = "Open pool  (" + OPEN_POOL + ")";
    private static final String LOCKED_LABEL = "Locked pool  (" + LOCKED_POOL + ")";

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(SafetyUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(OPEN_POOL, "Open pool"), new CognitoStub.Pool(LOCKED_POOL, "Locked pool"));
        CognitoStub.User alice = CognitoStub.user("alice");
        List<List<CognitoStub.User>> users = List.of(List.of(alice, CognitoStub.user("bob")));
        cognito.listUsersPages(OPEN_POOL, users);
        cognito.listUsersPages(LOCKED_POOL, users);
        cognito.ok("AdminDisableUser");
        cognito.adminGetUser(OPEN_POOL, alice.withEnabled(false));
        cognito.failForUsernamesStartingWith("AdminDisableUser", LOCKED_POOL, "alice", 400,
                "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/ReadOnly/alice is not "
                        + "authorized to perform: cognito-idp:AdminDisableUser");
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 1))
            .recordingUncaught();
    private final ConsoleDriver ui = session.ui();
    private FxRobot robot;

    @BeforeEach
    void settle(FxRobot robot) {
        this.robot = robot;
    }

    @Test
    void aProductionProfileShowsTheBandAndAChangeNeedsTheUsernameTyped() {
        ui.openPool(2, OPEN_LABEL, 2);
        assertThat(visible("#productionBand")).isFalse();

        ui.click("#settingsButton");
        awaitFx("#settingsDialog is shown", () -> robot.lookup("#settingsDialog").tryQuery().isPresent());
        robot.clickOn(ui.node("#productionProfileCheck", CheckBox.class));
        robot.clickOn(ui.node("#settingsSaveButton", Button.class));

        awaitFx("#productionBand is shown", () -> visible("#productionBand"));
        assertThat(ui.text("#productionBand")).contains("PRODUCTION", AwsConfigFiles.PROFILE, "us-east-1");
        assertThat(session.console().preferences().get().productionProfiles()).containsExactly(AwsConfigFiles.PROFILE);

        robot.clickOn(ui.rowButton("alice", "disableButton"));
        ui.awaitConfirmDialog();
        Button confirm = ui.node("#confirmButton", Button.class);
        assertThat(fx(confirm::isDisabled)).as("nothing typed yet").isTrue();
        robot.clickOn(ui.node("#typeToConfirmField", TextField.class)).write("alic");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(confirm::isDisabled)).as("a name that is not the user's").isTrue();
        robot.write("e");
        awaitFx("#confirmButton is enabled once the username is typed", () -> !confirm.isDisabled());
        robot.clickOn(confirm);
        ui.awaitNoConfirmDialog();

        awaitFx("alice is shown disabled", () -> "Enable".equals(ui.rowButton("alice", "enableButton").getText()));
        assertThat(disabledUsernames()).containsExactly("alice");
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void theReadOnlySwitchGreysOutEveryChangeAndTheShortcutChangesNothing() {
        ui.openPool(2, OPEN_LABEL, 2);

        robot.clickOn(ui.node("#readOnlyToggle", ToggleButton.class));

        awaitFx("#readOnlyBand is shown", () -> visible("#readOnlyBand"));
        assertThat(ui.text("#readOnlyBand")).contains("Read-only");
        awaitFx("alice's Disable is greyed out", () -> ui.rowButton("alice", "disableButton").isDisabled());
        robot.clickOn(ui.row("bob"));
        robot.press(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.D)
                .release(javafx.scene.input.KeyCode.D, javafx.scene.input.KeyCode.SHORTCUT);
        awaitFx("the banner says nothing was changed", () -> ui.bannerShown()
                && ui.text("#bannerTitle").contains("bob was not changed"));
        assertThat(robot.lookup("#confirmDialog").tryQuery()).isEmpty();
        assertThat(disabledUsernames()).isEmpty();

        robot.clickOn(ui.node("#readOnlyToggle", ToggleButton.class));
        awaitFx("#readOnlyBand is gone", () -> !visible("#readOnlyBand"));
        awaitFx("alice's Disable is back", () -> !ui.rowButton("alice", "disableButton").isDisabled());
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void pickingAPoolSendsNoWriteAndARealChangeIamRefusesTurnsChangesOffForThatPool() {
        ui.openPool(2, LOCKED_LABEL, 2);
        assertThat(aws.cognito().requestsFor("AdminDisableUser")).as("nothing is written to learn access").isZero();
        assertThat(visible("#readOnlyBand")).isFalse();

        robot.clickOn(ui.rowButton("alice", "disableButton"));
        ui.awaitConfirmDialog();
        robot.clickOn(ui.node("#confirmButton", Button.class));
        ui.awaitNoConfirmDialog();

        awaitFx("#readOnlyBand is shown", () -> visible("#readOnlyBand"));
        assertThat(ui.text("#readOnlyBand")).contains("IAM refused", "AdminDisableUser", LOCKED_POOL,
                AwsConfigFiles.PROFILE);
        assertThat(fx(ui.node("#readOnlyToggle", ToggleButton.class)::isSelected)).as("the switch is the operator's")
                .isFalse();
        awaitFx("bob's Disable is greyed out", () -> ui.rowButton("bob", "disableButton").isDisabled());
        assertThat(aws.cognito().requestsFor("AdminDisableUser")).isEqualTo(1);

        ui.pickPool(OPEN_LABEL);
        awaitFx("changes are back where IAM was not seen to refuse", () -> !visible("#readOnlyBand"));
        assertThat(session.uncaught()).isEmpty();
    }

    /** A band joins the window the first time it is shown (JoinsWhenShown): before, it is not there at all. */
    private boolean visible(String query) {
        return ui.maybe(query).map(node -> fx(() -> node.isVisible() && node.isManaged())).orElse(false);
    }

    /** The users AdminDisableUser named. */
    private List<String> disabledUsernames() {
        return aws.cognito().requestBodies("AdminDisableUser").stream()
                .map(body -> body.path("Username").asText())
                .toList();
    }
}
