package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.app.Console;
import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.settings.SettingsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A machine that never ran `aws configure`: the console explains what to do and nothing breaks. */
@ExtendWith(ApplicationExtension.class)
class FirstRunUiIT {

    @TempDir
    static Path workDir;

    private static final AtomicInteger RUNS = new AtomicInteger();

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(this::startWithoutAwsFiles).recordingUncaught();
    private final ConsoleDriver ui = session.ui();
    /** Where this test's AWS files would be: a folder of its own, which no test but one ever creates. */
    private Path nowhere;

    private Console startWithoutAwsFiles(Stage stage) {
        nowhere = workDir.resolve("no-aws-folder-" + RUNS.incrementAndGet());
        ProfileCatalog noFiles = ProfileCatalog.fromFiles(nowhere.resolve("config"), nowhere.resolve("credentials"),
                null);
        return ConsoleFixture.show(stage,
                Console.create(noFiles, ClientSettings.defaults(), SettingsService.inMemory(), stage));
    }

    @BeforeEach
    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theEmptyStateSaysHowToAddAProfileAndNoErrorIsShown() {
        awaitFx("#usersPlaceholder explains the empty state",
                () -> ui.text("#usersPlaceholder").contains("No AWS profiles found"));

        assertThat(ui.text("#usersPlaceholder")).contains("aws configure");
        assertThat(ui.bannerShown()).as("no profile is not an error").isFalse();
        assertThat(fx(() -> ui.node("#usersPlaceholder", Node.class).isVisible())).isTrue();
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void aProfileAddedWhileTheConsoleRunsAppearsWithoutARestart() throws IOException {
        awaitFx("#usersPlaceholder explains the empty state",
                () -> ui.text("#usersPlaceholder").contains("No AWS profiles found"));

        Files.createDirectories(nowhere);
        // Port 9 (discard) on loopback: nothing answers there, so no call reaches anything.
        Files.writeString(nowhere.resolve("config"), """
                [profile added-later]
                region = eu-west-1
                endpoint_url = http://127.0.0.1:9
                """);

        ComboBox<AwsProfile> profiles = profilePicker();
        awaitFx("the new profile is listed and chosen", () -> profiles.getValue() != null
                && "added-later".equals(profiles.getValue().name()));
        assertThat(fx(() -> ui.text("#usersPlaceholder"))).doesNotContain("No AWS profiles found");
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void thePickersAreEmptyAndNothingIsSelected() {
        ComboBox<AwsProfile> profiles = profilePicker();

        assertThat(fx(() -> profiles.getItems().isEmpty())).isTrue();
        assertThat(fx(profiles::getValue)).isNull();
        assertThat(fx(() -> ui.poolPicker().getItems().isEmpty())).isTrue();
        assertThat(fx(() -> ui.table().getItems().isEmpty())).isTrue();
        assertThat(session.console().connection().connectionProperty().get()).isNull();
        assertThat(session.console().connection().selectionProperty().get()).isNull();
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void shortcutsAndTheReloadButtonDoNothingHarmful(FxRobot robot) {
        robot.clickOn(ui.table());
        robot.push(KeyCode.F5);
        robot.push(KeyCode.SHORTCUT, KeyCode.R);
        robot.push(KeyCode.SHORTCUT, KeyCode.D);
        robot.push(KeyCode.SHORTCUT, KeyCode.F);
        ui.click("#reloadPoolsButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ui.bannerShown()).isFalse();
        assertThat(ui.text("#usersPlaceholder")).contains("aws configure");
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void theSettingsDialogOpensAndCancelsWithoutAProfile(FxRobot robot) {
        ui.click("#settingsButton");
        awaitFx("#settingsDialog is shown", () -> robot.lookup("#settingsDialog").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));

        DialogPane pane = ui.node("#settingsDialog", DialogPane.class);
        Button cancel = fx(() -> (Button) pane.lookupButton(ButtonType.CANCEL));
        robot.clickOn(cancel);
        awaitFx("#settingsDialog is closed", () -> robot.lookup("#settingsDialog").tryQuery()
                .map(n -> n.getScene() == null || !n.getScene().getWindow().isShowing()).orElse(true));

        assertThat(ui.bannerShown()).isFalse();
        assertThat(session.uncaught()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<AwsProfile> profilePicker() {
        return ui.node("#profilePicker", ComboBox.class);
    }
}
