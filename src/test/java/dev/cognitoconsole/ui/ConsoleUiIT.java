package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.await;
import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.emulator.CognitoLocal;
import dev.cognitoconsole.emulator.DemoData;
import dev.cognitoconsole.emulator.PoolSeed;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.testing.Closing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The real console, real SDK client and cognito-local: pick a pool, disable and enable a user. */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiIT {
    private static final String DESK_POOL_ID = "us-east-1_SupDesk01";
    private static final String DESK_POOL = "Support desk  (" + DESK_POOL_ID + ")";
    private static final String STAFF_POOL_ID = "us-east-1_Staff0002";
    private static final int DESK_USERS = 40;
    private static final int STAFF_USERS = 5;

    @RegisterExtension
    static final FakeAws<CognitoLocal> aws = FakeAws.of(ConsoleUiIT::startEmulator, CognitoLocal::endpoint);

    private static CognitoLocal startEmulator(Path dir) {
        return CognitoLocal.start(dir.resolve("emulator"), List.of(
                new PoolSeed(DESK_POOL_ID, "Support desk", DemoData.supportDesk(DESK_USERS)),
                new PoolSeed(STAFF_POOL_ID, "Staff", DemoData.supportDesk(STAFF_USERS))));
    }

    /** Reads the emulator's state independently of the console. */
    private static CognitoIdentityProviderClient cognito;

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 1));
    private final ConsoleDriver ui = session.ui();

    @BeforeAll
    static void connect() {
        cognito = aws.cognito().rawClient();
    }

    @AfterAll
    static void disconnect() {
        Closing.closeAll(cognito);
    }

    @Test
    void disablesAndEnablesAUserAfterConfirmation(FxRobot robot) {
        openDeskPool(robot);
        assertThat(ui.cellText(DemoData.ALICE, "enabledColumn")).isEqualTo("Enabled");

        robot.clickOn(ui.rowButton(DemoData.ALICE, "disableButton"));
        DialogPane dialog = ui.awaitConfirmDialog();
        assertThat(fx(dialog::getHeaderText)).contains(DemoData.ALICE);
        assertThat(ui.confirmDetailsText())
                .contains(DemoData.ALICE, DESK_POOL_ID, "Support desk", AwsConfigFiles.PROFILE, "us-east-1");
        Node details = ui.node("#confirmDetails", Node.class);
        assertThat(fx(details::getAccessibleText)).as("what a screen reader says")
                .contains(DemoData.ALICE, DESK_POOL_ID, AwsConfigFiles.PROFILE);
        Button cancel = ui.node("#cancelButton", Button.class);
        Button confirm = ui.node("#confirmButton", Button.class);
        assertThat(fx(cancel::isDefaultButton)).as("Cancel is the default button").isTrue();
        assertThat(fx(confirm::isDefaultButton)).as("Disable is not the default button").isFalse();
        assertThat(fx(confirm::getText)).isEqualTo("Disable user");
        assertThat(fx(() -> dialog.getScene().getFocusOwner())).as("Cancel has the focus").isSameAs(cancel);

        robot.clickOn(confirm);
        ui.awaitNoConfirmDialog();
        await("alice's row shows Disabled and offers Enable", () ->
                "Disabled".equals(ui.cellText(DemoData.ALICE, "enabledColumn"))
                        && "Enable".equals(fx(ui.rowButton(DemoData.ALICE, "enableButton")::getText)));
        assertThat(enabledInEmulator(DemoData.ALICE)).as("alice enabled, as AdminGetUser reads her").isFalse();
        assertThat(ui.text("#statusLine")).contains(DemoData.ALICE, "disabled");
        assertThat(fx(() -> ui.table().getItems().size())).isEqualTo(DESK_USERS);

        robot.clickOn(ui.rowButton(DemoData.ALICE, "enableButton"));
        DialogPane enableDialog = ui.awaitConfirmDialog();
        assertThat(fx(enableDialog::getHeaderText)).contains("Enable", DemoData.ALICE);
        robot.clickOn(ui.node("#confirmButton", Button.class));
        ui.awaitNoConfirmDialog();
        await("alice's row shows Enabled and offers Disable", () ->
                "Enabled".equals(ui.cellText(DemoData.ALICE, "enabledColumn"))
                        && "Disable".equals(fx(ui.rowButton(DemoData.ALICE, "disableButton")::getText)));
        assertThat(enabledInEmulator(DemoData.ALICE)).isTrue();
        assertThat(ui.maybe("#banner").map(n -> fx(n::isVisible)).orElse(false))
                .as("no banner after a successful change").isFalse();
    }

    @Test
    void cancelChangesNothing(FxRobot robot) {
        openDeskPool(robot);

        ui.answerRowAction(DemoData.CAROL_UNCONFIRMED, "disableButton", "#cancelButton");

        assertThat(ui.cellText(DemoData.CAROL_UNCONFIRMED, "enabledColumn")).isEqualTo("Enabled");
        assertThat(fx(ui.rowButton(DemoData.CAROL_UNCONFIRMED, "disableButton")::getText)).isEqualTo("Disable");
        assertThat(enabledInEmulator(DemoData.CAROL_UNCONFIRMED)).isTrue();
        assertThat(ui.text("#statusLine")).isNullOrEmpty();
    }

    @Test
    void enterInTheDialogCancels(FxRobot robot) {
        openDeskPool(robot);

        robot.clickOn(ui.rowButton(DemoData.BOB_DISABLED, "enableButton"));
        ui.awaitConfirmDialog();
        robot.type(KeyCode.ENTER);
        ui.awaitNoConfirmDialog();

        assertThat(ui.cellText(DemoData.BOB_DISABLED, "enabledColumn")).isEqualTo("Disabled");
        assertThat(fx(ui.rowButton(DemoData.BOB_DISABLED, "enableButton")::getText)).isEqualTo("Enable");
        assertThat(enabledInEmulator(DemoData.BOB_DISABLED)).isFalse();
    }

    @Test
    void typedPoolIdIsCheckedBeforeAnyCall(FxRobot robot) {
        ui.awaitPools(2);
        Label problem = ui.node("#poolIdProblem", Label.class);
        assertThat(fx(problem::getText)).isNullOrEmpty();

        robot.clickOn(ui.node("#poolPicker", Node.class)).write("not a pool").type(KeyCode.ENTER);
        awaitFx("#poolIdProblem explains the typed id", () -> problem.getText() != null
                && problem.getText().contains("not a pool") && problem.getText().contains("is not a user pool id"));
        assertThat(fx(() -> ui.table().getItems().isEmpty())).isTrue();
        assertThat(ui.text("#userCount")).isEqualTo("No pool selected");

        ComboBox<?> picker = ui.poolPicker();
        robot.interact(() -> picker.getEditor().clear());
        robot.clickOn(ui.node("#poolPicker", Node.class)).write(STAFF_POOL_ID).type(KeyCode.ENTER);
        ui.awaitUsers(STAFF_USERS);
        assertThat(fx(problem::getText)).isNullOrEmpty();
        assertThat(ui.text("#poolTitle")).contains(STAFF_POOL_ID);
    }

    /**
     * The keyboard starts where the screen does: on the profile picker (it used to start on the search bar, which
     * came first among the window's children), and Tab goes on through the connection bar, the tools, then the
     * users' search bar and table.
     */
    @Test
    void keyboardFocusStartsAtTheProfilePickerAndTabFollowsTheScreen(FxRobot robot) {
        awaitProfilePreselected();
        ui.awaitPools(2);
        Stage stage = session.stage();
        assertThat(fx(() -> focusedId(stage))).isEqualTo("profilePicker");

        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 40 && !visited.contains("usersTable"); i++) {
            robot.push(KeyCode.TAB);
            String id = fx(() -> focusedId(stage));
            if (!visited.contains(id)) {
                visited.add(id);
            }
        }

        assertThat(visited).containsSubsequence("regionPicker", "poolPicker", "auditButton", "settingsButton",
                "searchAttribute", "searchMatch", "searchField", "usersTable");
    }

    /** The id of the focused control, or of its nearest ancestor with one (an editable picker's text field). */
    private static String focusedId(Stage stage) {
        Node node = stage.getScene().getFocusOwner();
        while (node != null && node.getId() == null) {
            node = node.getParent();
        }
        return node == null ? "(none)" : node.getId();
    }

    @SuppressWarnings("unchecked")
    private void openDeskPool(FxRobot robot) {
        awaitProfilePreselected();
        ComboBox<String> regions = ui.node("#regionPicker", ComboBox.class);
        assertThat(fx(regions::getValue)).isEqualTo("us-east-1");
        ui.awaitPools(2);
        ui.pickPool(DESK_POOL);
        assertThat(fx(() -> ui.poolPicker().getValue().id())).isEqualTo(DESK_POOL_ID);
        ui.awaitUsers(DESK_USERS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void awaitProfilePreselected() {
        ComboBox<AwsProfile> profiles = ui.node("#profilePicker", ComboBox.class);
        awaitFx("profile " + AwsConfigFiles.PROFILE + " is preselected", () -> profiles.getValue() != null
                && AwsConfigFiles.PROFILE.equals(profiles.getValue().name()));
    }

    private static boolean enabledInEmulator(String username) {
        return cognito.adminGetUser(r -> r.userPoolId(DESK_POOL_ID).username(username)).enabled();
    }
}
