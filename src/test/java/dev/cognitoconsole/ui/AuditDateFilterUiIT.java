package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.audit.AuditEntry;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.geometry.Insets;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The audit window's date filter takes the dates the Time column shows, and says what is wrong with the rest. */
@ExtendWith(ApplicationExtension.class)
class AuditDateFilterUiIT {
    @TempDir
    Path folder;
    private Stage owner;
    private AuditWindowFixture audit;

    @Start
    void start(Stage stage) {
        owner = AuditWindowFixture.owner(stage);
    }

    @BeforeEach
    void open(FxRobot robot) {
        audit = new AuditWindowFixture(folder, robot)
                .change("2026-12-03T10:00:00Z", "alice", "INC-1", null, AuditEntry.Outcome.DONE, null)
                .change("2026-12-04T10:00:00Z", "bob", "INC-2", null, AuditEntry.Outcome.DONE, null);
        audit.open(owner);
        awaitFx("both changes are listed", () -> audit.table().getItems().size() == 2);
    }

    @AfterEach
    void close() {
        AuditWindowFixture.closeOwned(owner);
    }

    @Test
    void yesterdayIsMarkedWithAMessageAndThrowsNothing(FxRobot robot) throws Exception {
        try (UncaughtErrors uncaught = UncaughtErrors.onFxThread()) {
            robot.clickOn(editorOf("#auditFromDate")).write("yesterday").type(KeyCode.ENTER);
            robot.clickOn(editorOf("#auditToDate"));

            assertThat(uncaught.errors()).isEmpty();
        }
        Label problem = (Label) audit.node("#auditDateProblem");
        awaitFx("the date problem is shown", problem::isVisible);
        assertThat(fx(problem::getText)).contains("yesterday", "2026-12-04");
        assertThat(fx(() -> picker("#auditFromDate").getStyleClass())).contains("field-invalid");
        assertThat(fx(() -> audit.table().getItems().size())).as("no date filter applied").isEqualTo(2);

        robot.clickOn(editorOf("#auditFromDate")).eraseText(9).write("2026-12-04").type(KeyCode.ENTER);

        awaitFx("a good date clears the problem", () -> !problem.isVisible());
        assertThat(fx(() -> picker("#auditFromDate").getStyleClass())).doesNotContain("field-invalid");
    }

    @Test
    void anIsoDateAsTheTimeColumnShowsItIsKeptAndFilters(FxRobot robot) {
        robot.clickOn(editorOf("#auditFromDate")).write("2026-12-04").type(KeyCode.ENTER);
        robot.clickOn(editorOf("#auditToDate"));

        assertThat(fx(() -> audit.viewModel().fromDateProperty().get())).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(fx(() -> picker("#auditFromDate").getEditor().getText())).isEqualTo("2026-12-04");
        awaitFx("only bob's change is listed", () -> audit.table().getItems().size() == 1);
        assertThat(fx(() -> picker("#auditFromDate").getPromptText())).containsIgnoringCase("yyyy-mm-dd");
        assertThat(fx(() -> picker("#auditToDate").getPromptText())).containsIgnoringCase("yyyy-mm-dd");
    }

    @Test
    void aWholeDateFitsInTheFieldsAtTheWindowsWidth() {
        onFx(() -> {
            audit.viewModel().fromDateProperty().set(LocalDate.of(2026, 12, 25));
            audit.viewModel().toDateProperty().set(LocalDate.of(2026, 12, 28));
        });
        for (String id : new String[] {"#auditFromDate", "#auditToDate"}) {
            fx(() -> {
                DatePicker picker = picker(id);
                Text text = new Text(picker.getEditor().getText());
                text.setFont(picker.getEditor().getFont());
                Insets padding = picker.getEditor().getPadding();
                double room = picker.getEditor().getWidth() - padding.getLeft() - padding.getRight();
                assertThat(room).as(id + " has room for " + text.getText())
                        .isGreaterThanOrEqualTo(text.getLayoutBounds().getWidth());
                return null;
            });
        }
    }

    private DatePicker picker(String id) {
        return (DatePicker) audit.node(id);
    }

    private javafx.scene.Node editorOf(String id) {
        return fx(() -> picker(id).getEditor());
    }
}
