package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.find.FoundUser;
import dev.cognitoconsole.settings.Settings;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.users.UserRow;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** "Find user" in the real console against WireMock: typed in the top bar, found in another pool, opened there. */
@ExtendWith(ApplicationExtension.class)
class FindUiIT {
    private static final String SHOP = "us-east-1_Shop01";
    private static final String STAFF = "us-east-1_Staff02";
    private static final String EMAIL = "ann@example.com";

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(FindUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(SHOP, "Shop"), new CognitoStub.Pool(STAFF, "Staff"));
        cognito.listUsersPages(SHOP, List.of(List.of()));
        cognito.listUsersPages(STAFF, List.of(List.of(CognitoStub.user("ann").withEmail(EMAIL))));
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 3));
    private final ConsoleDriver ui = session.ui();

    @Test
    @SuppressWarnings("unchecked")
    void anEmailTypedInTheTopBarIsFoundAndOpensItsPoolWithTheUserSelected(FxRobot robot) {
        ui.awaitPools(2);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        TextField field = ui.node("#findUserField", TextField.class);
        awaitFx("Ctrl+Shift+F focuses the find field", field::isFocused);
        robot.write(EMAIL).type(KeyCode.ENTER);

        TableView<FoundUser> results = ui.node("#findResults", TableView.class);
        awaitFx("the user is found", () -> results.getItems().size() == 1
                && !session.console().connection().poolsLoadingProperty().get()
                && ui.text("#findSummary").equals("1 user found in 2 pools (all searched)."));
        FoundUser found = fx(() -> results.getItems().get(0));
        assertThat(found.pool().id()).isEqualTo(STAFF);
        assertThat(found.user().username()).isEqualTo("ann");
        assertThat(fx(() -> ui.node("#findProgressText", Label.class).getText())).isEqualTo("2 of 2 pools");

        robot.clickOn(fx(() -> robot.from(results).lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class)));
        robot.type(KeyCode.ENTER);

        TableView<UserRow> users = ui.table();
        awaitFx("the Staff pool is open with ann selected", () -> {
            var selection = session.console().connection().selectionProperty().get();
            UserRow selected = users.getSelectionModel().getSelectedItem();
            return selection != null && selection.poolId().equals(STAFF) && selected != null
                    && selected.getUser().username().equals("ann");
        });
        assertThat(fx(() -> ui.poolPicker().getValue().id())).as("the pool picker shows it").isEqualTo(STAFF);
        assertThat(aws.cognito().requestBodies("ListUsers")).anySatisfy(body -> {
            assertThat(body.path("UserPoolId").asText()).isEqualTo(STAFF);
            assertThat(body.path("Filter").asText()).isEqualTo("username = \"ann\"");
        });
    }

    @Test
    void theScopeChosenIsRememberedInTheSettings(FxRobot robot) {
        ui.awaitPools(2);
        ui.click("#findScope");
        robot.clickOn("Chosen profiles…");
        robot.clickOn("#findProfile-" + AwsConfigFiles.PROFILE);
        robot.clickOn(fx(() -> robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class)
                .stream().filter(b -> b.getText().equals("OK")).findFirst().orElseThrow()));

        javafx.scene.control.MenuButton scope = ui.node("#findScope", javafx.scene.control.MenuButton.class);
        awaitFx("the scope chooser names the profile",
                () -> scope.getText().equals("Profile " + AwsConfigFiles.PROFILE));
        assertThat(session.console().preferences().get().findScope()).isEqualTo(new Settings.FindScope("CHOSEN",
                List.of(new Settings.FindProfile(AwsConfigFiles.PROFILE, false))));
    }
}
