package dev.cognitoconsole.app;

import dev.cognitoconsole.banner.BannerView;
import dev.cognitoconsole.connection.ConnectionView;
import dev.cognitoconsole.users.UsersView;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The main window: the connection bar and tools on top, the bands, users table and banner, the status line. */
final class ConsoleView {
    private static final Insets TOOLS_MARGIN = new Insets(10, 12, 0, 0);
    private final ConnectionView connection;
    private final Region tools;
    private final Region safetyBands;
    private final BannerView banner;
    private final UsersView users;
    private final ObservableStringValue lastChange;

    /** @param lastChange what the status line says: the last change made */
    ConsoleView(ConnectionView connection, Region tools, Region safetyBands, BannerView banner, UsersView users,
                ObservableStringValue lastChange) {
        this.connection = connection;
        this.tools = tools;
        this.safetyBands = safetyBands;
        this.banner = banner;
        this.users = users;
        this.lastChange = lastChange;
    }

    Parent createView() {
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(lastChange);
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 12, 4, 12));

        Region table = users.createView();
        // The banner comes in under the table, taking room from the table's bottom edge: the rows above stay where they
        // are, under the mouse, and every row can still be scrolled into sight (an overlay would hide some).
        VBox center = new VBox(safetyBands, table, banner.createView());
        VBox.setVgrow(table, Priority.ALWAYS);
        Region bar = connection.createView();
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox firstRow = new HBox(bar, tools);
        firstRow.setAlignment(Pos.TOP_RIGHT);
        HBox secondRow = new HBox();
        secondRow.setAlignment(Pos.CENTER_RIGHT);
        secondRow.setPadding(new Insets(0, 12, 8, 12));
        VBox top = new VBox(firstRow, secondRow);
        top.getStyleClass().add("top-bar");
        top.setId("topBar");
        placeTools(top, bar, firstRow, secondRow);
        top.widthProperty().addListener((obs, old, now) -> placeTools(top, bar, firstRow, secondRow));
        // Top first, then the middle, then the bottom: JavaFX moves the keyboard focus (Tab, and the first focus
        // when the window opens) in the order of the children, so the profile picker gets the focus first and Tab
        // goes on from the connection bar to the users' search bar and table, as they read on screen.
        BorderPane pane = new BorderPane();
        pane.setTop(top);
        pane.setCenter(center);
        pane.setBottom(statusBar);
        pane.setId("consoleRoot");
        pane.getStylesheets().add(FxDialogService.STYLESHEET.toExternalForm());
        return pane;
    }

    /**
     * Beside the pickers while they keep their readable width, on a row of their own below them otherwise: the
     * toolbar wraps rather than squeezing the region or pool out of sight.
     */
    private void placeTools(Region top, Region bar, HBox firstRow, HBox secondRow) {
        double needed = bar.minWidth(-1) + TOOLS_MARGIN.getRight() + tools.prefWidth(-1);
        boolean besidePickers = top.getWidth() == 0 || top.getWidth() >= needed;
        HBox row = besidePickers ? firstRow : secondRow;
        if (tools.getParent() != row) {
            row.getChildren().add(tools);
            HBox.setMargin(tools, besidePickers ? TOOLS_MARGIN : null);
        }
        secondRow.setVisible(!besidePickers);
        secondRow.setManaged(!besidePickers);
    }
}
