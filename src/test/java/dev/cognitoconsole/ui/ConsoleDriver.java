package dev.cognitoconsole.ui;

import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.users.UserRow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the console's screen by the ids users and assistive tools see. Every read of UI state runs on the
 * FX thread; waits are generous limits for background calls, not timing assertions.
 */
public final class ConsoleDriver {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final FxRobot robot;

    ConsoleDriver(FxRobot robot) {
        this.robot = robot;
    }

    /** Runs {@code read} on the FX thread and returns its value. */
    public static <T> T fx(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new AssertionError("Reading the UI failed", e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading the UI", e);
        } catch (ExecutionException e) {
            throw new AssertionError("Reading the UI failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("The FX thread did not answer within " + PATIENCE.toSeconds() + " s", e);
        }
    }

    /** Runs {@code change} on the FX thread and waits for it: {@link #fx} for work that returns nothing. */
    public static void onFx(Runnable change) {
        fx(() -> {
            change.run();
            return null;
        });
    }

    /** Waits until {@code condition}, read on the FX thread, holds; fails naming {@code what}. */
    public static void awaitFx(String what, Callable<Boolean> condition) {
        await(what, () -> fx(condition));
    }

    /**
     * Waits until {@code condition} holds; fails naming {@code what}. It runs on the test thread, so it may
     * use the driver's lookups (which read the UI through {@link #fx}).
     */
    public static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (AssertionError notYet) {
                    return false; // a node the condition looks for is not drawn yet
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + PATIENCE.toSeconds() + " s waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The node matching {@code query} in any window; looked up on the FX thread, as windows may be opening. */
    <T extends Node> T node(String query, Class<T> type) {
        return fx(() -> robot.lookup(query).queryAs(type));
    }

    Optional<Node> maybe(String query) {
        return fx(() -> robot.lookup(query).tryQuery());
    }

    void click(String query) {
        robot.clickOn(node(query, Node.class));
    }

    @SuppressWarnings("unchecked")
    TableView<UserRow> table() {
        return node("#usersTable", TableView.class);
    }

    @SuppressWarnings("unchecked")
    ComboBox<UserPool> poolPicker() {
        return node("#poolPicker", ComboBox.class);
    }

    String text(String labelQuery) {
        Label label = node(labelQuery, Label.class);
        return fx(label::getText);
    }

    void awaitPools(int count) {
        ComboBox<UserPool> picker = poolPicker();
        awaitFx(count + " pools are listed in #poolPicker", () -> picker.getItems().size() == count);
    }

    /** Opens the pool picker's list with its arrow and clicks the pool shown with this label. */
    void pickPool(String displayName) {
        ComboBox<UserPool> picker = poolPicker();
        robot.clickOn(fx(() -> robot.from(picker).lookup(".arrow-button").queryAs(Node.class)));
        awaitFx("the pool list is open", picker::isShowing);
        ListCell<?> cell = fx(() -> robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && displayName.equals(c.getText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No pool named " + displayName + " in the open list")));
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until {@code pools} pools are listed, picks the one shown as {@code displayName}, waits for its users. */
    void openPool(int pools, String displayName, int users) {
        awaitPools(pools);
        pickPool(displayName);
        awaitUsers(users);
    }

    void awaitUsers(int count) {
        TableView<UserRow> table = table();
        Label userCount = node("#userCount", Label.class);
        String expected = count == 1 ? "1 user" : String.format("%,d users", count);
        awaitFx("#usersTable holds " + count + " rows and #userCount says \"" + expected + "\"",
                () -> table.getItems().size() == count && expected.equals(userCount.getText()));
    }

    /** The visible table row showing {@code username}, scrolled into view first. */
    TableRow<?> row(String username) {
        TableView<UserRow> table = table();
        int index = fx(() -> {
            List<UserRow> rows = table.getItems();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getUser().username().equals(username)) {
                    table.scrollTo(i);
                    return i;
                }
            }
            throw new AssertionError("No row for " + username + " in #usersTable");
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.isVisible() && !r.isEmpty() && r.getIndex() == index)
                .findFirst()
                .orElseThrow(() -> new AssertionError("Row " + index + " (" + username + ") is not drawn")));
    }

    /** The row's action button, checking that it is the one with this id and names this user. */
    Button rowButton(String username, String buttonId) {
        TableRow<?> row = row(username);
        return fx(() -> robot.from(row).lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> buttonId.equals(b.getId()) && username.equals(b.getProperties().get("username")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Row of " + username + " has no #" + buttonId + "; it has "
                        + robot.from(row).lookup(".button").queryAllAs(Button.class).stream()
                                .map(b -> "#" + b.getId() + " \"" + b.getText() + "\"").toList())));
    }

    /** The text of the row's cell in the column with this id. */
    String cellText(String username, String columnId) {
        TableRow<?> row = row(username);
        return fx(() -> robot.from(row).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .map(TableCell::getText)
                .findFirst()
                .orElseThrow(() -> new AssertionError("Row of " + username + " has no cell in #" + columnId)));
    }

    DialogPane awaitConfirmDialog() {
        awaitFx("the confirmation dialog #confirmDialog is shown",
                () -> robot.lookup("#confirmDialog").tryQuery().map(n -> n.getScene().getWindow().isShowing())
                        .orElse(false));
        return node("#confirmDialog", DialogPane.class);
    }

    /** What the open confirmation dialog says below its header: the text of every label, one per line. */
    String confirmDetailsText() {
        Node details = node("#confirmDetails", Node.class);
        return fx(() -> robot.from(details).lookup(".label").queryAllAs(Labeled.class).stream()
                .filter(Node::isVisible)
                .map(Labeled::getText)
                .collect(Collectors.joining("\n")));
    }

    /** Clicks the row's button, answers the confirmation with the button {@code answerQuery}, waits until it closes. */
    void answerRowAction(String username, String buttonId, String answerQuery) {
        robot.clickOn(rowButton(username, buttonId));
        awaitConfirmDialog();
        click(answerQuery);
        awaitNoConfirmDialog();
    }

    /** Whether the failure banner is shown (visible and taking its place in the layout). */
    boolean bannerShown() {
        Node banner = node("#banner", Node.class);
        return fx(() -> banner.isVisible() && banner.isManaged());
    }

    void awaitNoConfirmDialog() {
        awaitFx("the confirmation dialog is closed", () -> robot.lookup("#confirmDialog").tryQuery()
                .map(n -> n.getScene() == null || n.getScene().getWindow() == null
                        || !n.getScene().getWindow().isShowing())
                .orElse(true));
    }
}
