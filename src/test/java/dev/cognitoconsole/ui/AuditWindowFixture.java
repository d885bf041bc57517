package dev.cognitoconsole.ui;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;

import dev.cognitoconsole.audit.AuditChange;
import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditLog;
import dev.cognitoconsole.audit.AuditView;
import dev.cognitoconsole.audit.AuditViewModel;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The audit window alone, over a log written by the test, owned by a plain stage. */
final class AuditWindowFixture {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final Path file;
    private final FxRobot robot;
    private AuditViewModel viewModel;

    AuditWindowFixture(Path folder, FxRobot robot) {
        this.file = folder.resolve("audit.jsonl");
        this.robot = robot;
    }

    /** Writes one change: an attempt and, unless {@code outcome} is null, its outcome. */
    AuditWindowFixture change(String time, String user, String reason, String runId, AuditEntry.Outcome outcome,
                              String requestId) {
        AuditLog log = new AuditLog(file, Clock.systemUTC(), "jo");
        String id = user + "-" + time;
        Instant when = Instant.parse(time);
        log.append(new AuditEntry(when, id, AuditEntry.Phase.ATTEMPT, "jo", "support", null, null, "eu-west-1",
                "eu-west-1_Pool", user, "sub-" + user, "AdminDisableUser", reason, null, null, null, null, runId));
        if (outcome != null) {
            log.append(new AuditEntry(when.plusSeconds(1), id, AuditEntry.Phase.OUTCOME, "jo", "support", null, null,
                    "eu-west-1", "eu-west-1_Pool", user, "sub-" + user, "AdminDisableUser", reason, outcome, null,
                    requestId, null, runId));
        }
        return this;
    }

    /** Opens the window over {@code owner} and waits until the log is listed. */
    Stage open(Stage owner) {
        BannerViewModel banner = new BannerViewModel();
        viewModel = new AuditViewModel(file, new CurrentThreadTaskExecutor(), banner,
                Clock.fixed(Instant.parse("2026-12-04T20:00:00Z"), ZONE));
        AuditView view = new AuditView(viewModel, banner,
                AuditWindowFixture.class.getResource("/dev/cognitoconsole/app/console.css"));
        onFx(() -> view.show(owner));
        awaitFx("the audit window is shown", () -> robot.lookup("#auditWindow").tryQuery()
                .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        return fx(() -> (Stage) robot.lookup("#auditWindow").query().getScene().getWindow());
    }

    AuditViewModel viewModel() {
        return viewModel;
    }

    @SuppressWarnings("unchecked")
    TableView<AuditChange> table() {
        return robot.lookup("#auditTable").queryAs(TableView.class);
    }

    TableColumn<AuditChange, ?> column(String id) {
        return fx(() -> table().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("No column #" + id)));
    }

    /** The cell of {@code column} in the row at {@code index}, as drawn. */
    @SuppressWarnings("unchecked")
    TableCell<AuditChange, String> cell(int index, String column) {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> robot.from(table()).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getIndex() == index && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No cell #" + column + " in row " + index)));
    }

    /** Shows {@code stage}, empty, to own the audit window. */
    static Stage owner(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        return stage;
    }

    static void closeOwned(Window owner) {
        onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getOwner() == owner).toList()
                .forEach(Window::hide));
    }

    Node node(String query) {
        return robot.lookup(query).query();
    }
}
