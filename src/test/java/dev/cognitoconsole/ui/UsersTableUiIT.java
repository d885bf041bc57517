package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.users.UserRow;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The users table as an operator meets it (issue 17): focus, stale messages, missing pools and users, keys. */
@ExtendWith(ApplicationExtension.class)
class UsersTableUiIT {
    private static final String POOL_ID = "us-east-1_Table0001";
    private static final String MISSING_ID = "us-east-1_Missing00";
    private static final String POOL = "Table pool  (" + POOL_ID + ")";
    private static final String MISSING = "Missing pool  (" + MISSING_ID + ")";

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(UsersTableUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Table pool"), new CognitoStub.Pool(MISSING_ID, "Missing pool"));
        CognitoStub.User alice = CognitoStub.user("alice");
        cognito.listUsersPages(POOL_ID, List.of(List.of(alice, CognitoStub.user("bob"),
                CognitoStub.user("leaver.deleted"))));
        cognito.failForToken(MISSING_ID, null, 400, "ResourceNotFoundException",
                "User pool " + MISSING_ID + " does not exist.");
        cognito.ok("AdminDisableUser");
        cognito.adminGetUser(POOL_ID, alice.withEnabled(false));
        cognito.failForUsernamesStartingWith("AdminDisableUser", POOL_ID, "leaver", 400, "UserNotFoundException",
                "User does not exist.");
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
    void afterAConfirmedDisableTheFocusIsOnTheRowAndNoButtonIsATabStop() {
        ui.openPool(2, POOL, 3);
        Button aliceDisable = ui.rowButton("alice", "disableButton");
        assertThat(fx(aliceDisable::isFocusTraversable)).as("a row's button is not a Tab stop").isFalse();
        assertThat(fx(ui.node("#readOnlyToggle", ToggleButton.class)::isFocusTraversable))
                .as("the Read-only switch is never a default focus target").isFalse();

        robot.clickOn(aliceDisable);
        ui.awaitConfirmDialog();
        ui.click("#confirmButton");
        ui.awaitNoConfirmDialog();
        awaitFx("alice is shown disabled", () -> "Enable".equals(ui.rowButton("alice", "enableButton").getText()));

        TableView<UserRow> table = ui.table();
        Node focused = fx(() -> session.stage().getScene().getFocusOwner());
        assertThat(focused).as("the focus is on the table, not on a button").isSameAs(table);
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().getUser().username())).isEqualTo("alice");
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void turningReadOnlyOffClearsTheReadOnlyBanner() {
        ui.openPool(2, POOL, 3);
        ToggleButton readOnly = ui.node("#readOnlyToggle", ToggleButton.class);
        robot.clickOn(readOnly);
        robot.clickOn(ui.row("bob"));
        robot.press(KeyCode.SHORTCUT, KeyCode.D).release(KeyCode.D, KeyCode.SHORTCUT);
        awaitFx("the banner says bob was not changed", () -> ui.bannerShown()
                && ui.text("#bannerTitle").contains("bob was not changed"));

        robot.clickOn(readOnly);

        awaitFx("the read-only banner is gone", () -> !ui.bannerShown());
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void aPoolThatCannotBeListedIsNotShownAsEmpty() {
        ui.awaitPools(2);
        ui.pickPool(MISSING);
        awaitFx("the banner says the pool was not found", ui::bannerShown);

        assertThat(ui.text("#usersPlaceholder")).contains("could not be listed").doesNotContain("has no users");
        assertThat(ui.text("#userCount")).doesNotContain("0 users").contains("could not be listed");
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void aUserDeletedMeanwhileIsMarkedGoneWithItsButtonOff() {
        ui.openPool(2, POOL, 3);

        ui.answerRowAction("leaver.deleted", "disableButton", "#confirmButton");
        awaitFx("the banner says the user was not found", () -> ui.bannerShown()
                && ui.text("#bannerTitle").contains("not found"));

        assertThat(ui.cellText("leaver.deleted", "enabledColumn")).isEqualTo("Not in the pool");
        Button button = ui.rowButton("leaver.deleted", "disableButton");
        assertThat(fx(button::isDisabled)).as("no action on a user who is gone").isTrue();
        assertThat(fx(button::getText)).isEqualTo("Gone");
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void ctrlCCopiesTheSelectedUsernameAndEscapeClearsTheFilterAndTheSearchText() {
        ui.openPool(2, POOL, 3);
        TextField quickFilter = ui.node("#quickFilter", TextField.class);
        assertThat(fx(quickFilter::getPromptText)).contains("username", "email", "name", "sub");

        robot.clickOn(ui.row("bob"));
        robot.press(KeyCode.SHORTCUT, KeyCode.C).release(KeyCode.C, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("bob");

        robot.clickOn(quickFilter).write("ali");
        awaitFx("the quick filter narrows the rows", () -> ui.table().getItems().size() == 1);
        robot.type(KeyCode.ESCAPE);
        awaitFx("Escape clears the quick filter", () -> quickFilter.getText().isEmpty()
                && ui.table().getItems().size() == 3);

        TextField search = ui.node("#searchField", TextField.class);
        robot.clickOn(search).write("someone");
        robot.type(KeyCode.ESCAPE);
        awaitFx("Escape clears the search text", () -> search.getText().isEmpty());
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void theFixedListAttributesAreChosenFromAList() {
        ui.openPool(2, POOL, 3);
        @SuppressWarnings("unchecked")
        ComboBox<UserFilter.Attribute> attribute = ui.node("#searchAttribute", ComboBox.class);

        ConsoleDriver.onFx(() -> attribute.setValue(UserFilter.Attribute.CONFIRMATION_STATUS));

        ComboBox<?> choice = ui.node("#searchChoice", ComboBox.class);
        awaitFx("#searchChoice replaces the text field", () -> choice.isVisible()
                && !ui.node("#searchField", TextField.class).isVisible());
        assertThat(fx(() -> List.<Object>copyOf(choice.getItems())))
                .containsExactlyElementsOf(List.<Object>copyOf(UserFilter.Attribute.CONFIRMATION_STATUS.choices()));

        ConsoleDriver.onFx(() -> attribute.setValue(UserFilter.Attribute.EMAIL));
        awaitFx("the text field is back for free text", () -> !choice.isVisible()
                && ui.node("#searchField", TextField.class).isVisible());
    }

    @Test
    void searchTextWithSpacesAroundItIsTrimmedAndSaidSo() {
        ui.openPool(2, POOL, 3);
        TextField search = ui.node("#searchField", TextField.class);
        robot.clickOn(search).write(" ali ");
        robot.type(KeyCode.ENTER);

        awaitFx("the search is sent", () -> ui.text("#userCount").contains("matching"));
        assertThat(ui.text("#userCount")).contains("\"ali\"");
        Label note = ui.node("#searchProblem", Label.class);
        assertThat(fx(note::getText)).contains("spaces", "removed");
        assertThat(session.uncaught()).isEmpty();
    }
}
