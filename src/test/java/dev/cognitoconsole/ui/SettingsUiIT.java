package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.settings.Settings;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.settings.SettingsStore;
import dev.cognitoconsole.testing.CognitoStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog on the real console (against WireMock): the budgets it shows, saves and applies. */
@ExtendWith(ApplicationExtension.class)
class SettingsUiIT {
    private static final String POOL_ID = "eu-west-1_Wire0001";

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(SettingsUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Wired pool"));
        cognito.listUsersPages(POOL_ID, List.of(List.of(CognitoStub.user("alice"))));
    }

    /** A fresh folder per test for the settings file. */
    @TempDir
    Path settingsDir;

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(
            stage -> ConsoleFixture.start(stage, aws.files(), 3, settingsOnDisk())).recordingUncaught();
    private final ConsoleDriver ui = session.ui();
    private FxRobot robot;

    @BeforeEach
    void settle(FxRobot robot) {
        this.robot = robot;
        ui.awaitPools(1);
    }

    private Path settingsFile() {
        return settingsDir.resolve("config").resolve("settings.json");
    }

    private SettingsService settingsOnDisk() {
        return new SettingsService(new SettingsStore(settingsFile(), Clock.systemUTC()));
    }

    @Test
    void theDialogShowsTheBudgetsInForceWithinTheQuotas() {
        DialogPane dialog = openSettings();

        assertThat(fx(() -> listSpinner().getValue())).isEqualTo(15);
        assertThat(fx(() -> updateSpinner().getValue())).isEqualTo(10);
        assertThat(fx(() -> listSpinner().isEditable())).isTrue();
        assertThat(labelsOf(dialog)).contains("of 30 per second", "of 25 per second");

        pressDialogButton("Cancel");
    }

    @Test
    void savedBudgetsReachTheConsoleAndTheSettingsFile() {
        openSettings();

        typeInto(listSpinner(), "25");
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> listSpinner().getValue())).as("the typed value is committed on leaving").isEqualTo(25);
        for (int i = 0; i < 5; i++) {
            robot.clickOn(fx(() -> robot.from(updateSpinner()).lookup(".decrement-arrow-button")
                    .queryAs(Node.class)));
        }
        awaitFx("#updateBudgetSpinner shows 5", () -> updateSpinner().getValue() == 5);
        pressDialogButton("Save");

        awaitFx("the console holds the new budgets",
                () -> session.console().preferences().get().listUsersPerSecond() == 25);
        assertThat(session.console().preferences().get().updatesPerSecond()).isEqualTo(5);
        assertThat(fx(() -> session.console().settingsModel().listUsersPerSecondProperty().get())).isEqualTo(25);
        assertThat(fx(() -> session.console().settingsModel().updatesPerSecondProperty().get())).isEqualTo(5);
        Settings nextStart = settingsOnDisk().get();
        assertThat(nextStart.listUsersPerSecond()).isEqualTo(25);
        assertThat(nextStart.updatesPerSecond()).isEqualTo(5);
        assertThat(ui.bannerShown()).isFalse();
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void reopeningTheDialogShowsTheSavedBudgets() {
        openSettings();
        typeInto(listSpinner(), "25");
        robot.push(KeyCode.TAB);
        pressDialogButton("Save");
        awaitFx("the console holds the new budget",
                () -> session.console().preferences().get().listUsersPerSecond() == 25);

        openSettings();

        assertThat(fx(() -> listSpinner().getValue())).isEqualTo(25);
        assertThat(fx(() -> updateSpinner().getValue())).isEqualTo(10);
        pressDialogButton("Cancel");
    }

    @Test
    void aNumberTypedThenSavedAtOnceIsKept() {
        openSettings();

        typeInto(updateSpinner(), "5");
        pressDialogButton("Save");

        awaitFx("the console holds the typed budget",
                () -> session.console().preferences().get().updatesPerSecond() == 5);
        assertThat(session.console().preferences().get().listUsersPerSecond()).isEqualTo(15);
        assertThat(settingsOnDisk().get().updatesPerSecond()).isEqualTo(5);
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void aTypedValueAboveTheQuotaIsRefusedWithItsRange() {
        openSettings();

        typeInto(listSpinner(), "99");
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> listSpinner().getEditor().getText())).as("what was typed stays, to be corrected")
                .isEqualTo("99");
        assertThat(ui.text("#listBudgetProblem")).contains("99", "1 to 30");
        assertThat(fx(() -> ui.node("#settingsSaveButton", Node.class).isDisabled())).isTrue();
        pressDialogButton("Cancel");
        assertThat(session.console().preferences().get().listUsersPerSecond()).isEqualTo(15);
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void aCorrectedValueCanBeSaved() {
        openSettings();
        typeInto(updateSpinner(), "40");
        robot.push(KeyCode.TAB);
        assertThat(ui.text("#updateBudgetProblem")).contains("1 to 25");

        typeInto(updateSpinner(), "20");
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ui.text("#updateBudgetProblem")).isEmpty();
        pressDialogButton("Save");
        awaitFx("the console holds the corrected budget",
                () -> session.console().preferences().get().updatesPerSecond() == 20);
    }

    @Test
    void aLongProductionAccountsProblemIsReadableWhole() {
        openSettings();
        TextField accounts = ui.node("#productionAccountsField", TextField.class);
        robot.clickOn(accounts).write("123456789012, 12345678901, prod-account, 2109876543210, staging, 9999");

        Label problem = ui.node("#productionAccountsProblem", Label.class);
        assertThat(fx(problem::getText)).contains("prod-account", "9999");
        assertThat(fx(() -> ((Text) problem.lookup(".text")).getText())).as("shown whole, not cut with an ellipsis")
                .isEqualTo(fx(problem::getText));
        pressDialogButton("Cancel");
    }

    @Test
    void somethingNotANumberPutsTheValueBack() {
        openSettings();

        typeInto(listSpinner(), "fast");
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> listSpinner().getValue())).isEqualTo(15);
        assertThat(fx(() -> listSpinner().getEditor().getText())).isEqualTo("15");
        pressDialogButton("Save");
        awaitFx("the dialog is closed", () -> !settingsShowing());
        assertThat(session.console().preferences().get().listUsersPerSecond()).isEqualTo(15);
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void cancelChangesNothing() {
        openSettings();
        typeInto(listSpinner(), "25");
        robot.push(KeyCode.TAB);

        pressDialogButton("Cancel");

        assertThat(session.console().preferences().get().listUsersPerSecond()).isEqualTo(15);
        assertThat(fx(() -> session.console().settingsModel().listUsersPerSecondProperty().get())).isEqualTo(15);
        assertThat(settingsFile()).as("nothing written").doesNotExist();
        openSettings();
        assertThat(fx(() -> listSpinner().getValue())).as("the dialog shows what is in force").isEqualTo(15);
        pressDialogButton("Cancel");
    }

    @Test
    void aFailedSaveShowsABannerAndTheBudgetsStillApply() throws IOException {
        // The settings folder turns into a file, so the save cannot create it.
        Files.createFile(settingsFile().getParent());
        openSettings();
        typeInto(listSpinner(), "25");
        robot.push(KeyCode.TAB);

        pressDialogButton("Save");

        awaitFx("#banner is shown", () -> ui.node("#banner", Node.class).isVisible());
        assertThat(ui.text("#bannerTitle")).contains("Settings not saved");
        assertThat(ui.text("#bannerMessage")).contains(settingsFile().toString());
        assertThat(session.console().preferences().get().listUsersPerSecond()).isEqualTo(25);
        assertThat(fx(() -> session.console().settingsModel().listUsersPerSecondProperty().get())).isEqualTo(25);
        assertThat(session.uncaught()).isEmpty();
    }

    private DialogPane openSettings() {
        ui.click("#settingsButton");
        awaitFx("#settingsDialog is shown", this::settingsShowing);
        return ui.node("#settingsDialog", DialogPane.class);
    }

    private boolean settingsShowing() {
        return robot.lookup("#settingsDialog").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing())
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> listSpinner() {
        return ui.node("#listBudgetSpinner", Spinner.class);
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> updateSpinner() {
        return ui.node("#updateBudgetSpinner", Spinner.class);
    }

    /** Replaces the spinner's text by typing, as an operator does; nothing is committed yet. */
    private void typeInto(Spinner<Integer> spinner, String text) {
        robot.clickOn(fx(spinner::getEditor));
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> spinner.getEditor().getText())).isEqualTo(text);
    }

    /** Clicks the dialog's button with this text and waits until the dialog is gone. */
    private void pressDialogButton(String text) {
        DialogPane pane = ui.node("#settingsDialog", DialogPane.class);
        Button button = fx(() -> robot.from(pane).lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("#settingsDialog has no " + text + " button")));
        robot.clickOn(button);
        awaitFx("#settingsDialog is closed", () -> !settingsShowing());
    }

    private String labelsOf(DialogPane pane) {
        return fx(() -> robot.from(pane).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .collect(Collectors.joining("\n")));
    }

}
