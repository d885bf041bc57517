package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.app.Console;
import dev.cognitoconsole.aws.AwsRegions;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.testing.CognitoStub;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The main window at laptop sizes and at its minimum: what the operator must read stays whole and in the window. */
@ExtendWith(ApplicationExtension.class)
class LayoutUiIT {
    private static final String POOL_ID = "eu-west-1_Wire0001";
    private static final String POOL = "Customer identities  (" + POOL_ID + ")";

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(LayoutUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Customer identities"));
        cognito.listUsersPages(POOL_ID, List.of(List.of(CognitoStub.user("alice"))));
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(
            stage -> ConsoleFixture.start(stage, aws.files(), 3, productionProfile())).recordingUncaught();
    private final ConsoleDriver ui = session.ui();

    private static SettingsService productionProfile() {
        SettingsService settings = SettingsService.inMemory();
        settings.update(s -> s.withProductionProfile(AwsConfigFiles.PROFILE, true));
        return settings;
    }

    @BeforeEach
    void openPool(FxRobot robot) {
        ui.openPool(1, POOL, 1);
        awaitFx("#productionBand is shown", () -> ui.node("#productionBand", Node.class).isVisible());
    }

    @Test
    void theWindowHasAMinimumSize() {
        assertThat(fx(() -> session.stage().getMinWidth())).isEqualTo(Console.MIN_WIDTH);
        assertThat(fx(() -> session.stage().getMinHeight())).isEqualTo(Console.MIN_HEIGHT);
        assertThat(Console.MIN_WIDTH).isLessThanOrEqualTo(1024);
        assertThat(Console.MIN_HEIGHT).isLessThanOrEqualTo(700);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1280, 720", "960, 600"})
    void theConnectionAndTheProductionBandStayReadable(double width, double height) {
        onFx(() -> {
            session.stage().setWidth(width);
            session.stage().setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<?> profile = ui.node("#profilePicker", ComboBox.class);
        ListCell<?> profileCell = fx(profile::getButtonCell);
        assertThat(fx(profileCell::getText)).as("the profile picker shows the profile").contains(AwsConfigFiles.PROFILE);
        assertWhole(profileCell);
        ComboBox<?> region = ui.node("#regionPicker", ComboBox.class);
        String longestRegion = AwsRegions.cognitoRegions().stream()
                .max(Comparator.comparingInt(String::length)).orElseThrow();
        assertFits(longestRegion, region.getEditor());
        assertFits(fx(() -> region.getEditor().getText()), region.getEditor());
        ComboBox<?> pool = ui.poolPicker();
        assertThat(fx(() -> pool.getEditor().getText())).isEqualTo(POOL);
        assertFits(POOL, pool.getEditor());
        assertWhole(ui.node("#endpointLabel", Labeled.class));
        assertWhole(ui.node("#productionBand", Labeled.class));
        for (String id : List.of("#settingsButton", "#auditButton", "#profilePicker", "#regionPicker", "#poolPicker",
                "#endpointLabel", "#productionBand", "#usersTable")) {
            assertInWindow(id);
        }
        assertThat(session.uncaught()).isEmpty();
    }

    @Test
    void aTypedPoolIdsProblemIsReadableWhole(FxRobot robot) {
        onFx(() -> {
            session.stage().setWidth(1024);
            session.stage().setHeight(700);
        });
        String typed = "eu-west-1 Support desk, ticket 4711";
        robot.clickOn(ui.poolPicker().getEditor());
        robot.interact(() -> ui.poolPicker().getEditor().clear());
        robot.write(typed).type(KeyCode.ENTER);
        awaitFx("#poolIdProblem names the typed id", () -> ui.text("#poolIdProblem").contains(typed));

        assertWhole(ui.node("#poolIdProblem", Labeled.class));
        assertInWindow("#poolIdProblem");
    }

    @Test
    void aBannerDoesNotMoveTheRowsUnderTheMouse() {
        Node row = ui.row("alice");
        double rowTop = fx(() -> row.localToScene(row.getLayoutBounds()).getMinY());

        onFx(() -> session.console().banner().show(Notice.error("TooManyRequestsException", "Rate limit reached")
                .message("Cognito throttled ListUsers after several tries.")
                .advice("Wait a few seconds, then retry.")
                .requestId("4f1c7d2e-req")
                .action("Retry", () -> { })
                .build()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ui.bannerShown()).isTrue();
        Node rowNow = ui.row("alice");
        assertThat(fx(() -> rowNow.localToScene(rowNow.getLayoutBounds()).getMinY()))
                .as("alice's row stays where it was").isEqualTo(rowTop);
        assertInWindow("#banner");
        assertInWindow("#bannerRetry");
    }

    /** The label shows its whole text: its skin did not shorten it with an ellipsis. */
    private static void assertWhole(Labeled label) {
        String shown = fx(() -> ((Text) label.lookup(".text")).getText());
        assertThat(shown).as("%s shows its whole text", label.getId() == null ? label : "#" + label.getId())
                .isEqualTo(fx(label::getText));
    }

    /** {@code text} fits in the field's width: nothing scrolls out of sight. */
    private static void assertFits(String text, TextField field) {
        double needed = fx(() -> {
            Text measure = new Text(text);
            measure.setFont(field.getFont());
            return measure.getLayoutBounds().getWidth() + field.getInsets().getLeft() + field.getInsets().getRight();
        });
        assertThat(fx(field::getWidth)).as("the width of the field showing \"%s\"", text).isGreaterThanOrEqualTo(needed);
    }

    private void assertInWindow(String id) {
        Node node = ui.node(id, Node.class);
        Bounds bounds = fx(() -> node.localToScene(node.getLayoutBounds()));
        double sceneWidth = fx(() -> node.getScene().getWidth());
        double sceneHeight = fx(() -> node.getScene().getHeight());
        assertThat(bounds.getMaxX()).as("%s ends inside the window's width", id).isLessThanOrEqualTo(sceneWidth);
        assertThat(fx(node::isVisible)).as("%s is visible", id).isTrue();
        assertThat(bounds.getMinY()).as("%s starts inside the window's height", id).isLessThan(sceneHeight);
        assertThat(bounds.getMaxY()).as("%s ends inside the window's height", id).isLessThanOrEqualTo(sceneHeight);
    }
}
