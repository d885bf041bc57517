package dev.cognitoconsole.banner;

import dev.cognitoconsole.common.Notice;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The banner under the table. It takes its own room in the layout rather than covering rows, as ControlsFX's
 * NotificationPane would, and the window puts it below the table so that the rows do not move when it comes.
 */
public final class BannerView {
    private final BannerViewModel viewModel;

    private final HBox root = new HBox(12);
    private final Label icon = new Label();
    private final Label title = new Label();
    private final Label message = new Label();
    private final Label advice = new Label();
    private final TextField requestId = new TextField();
    private final HBox actions = new HBox(8);
    private final Button close = new Button("✕");
    private final VBox text = new VBox(3, title, message, advice, requestId);

    public BannerView(BannerViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Region createView() {
        root.setId("banner");
        root.getStyleClass().add("banner");
        root.setAccessibleRole(AccessibleRole.TEXT);
        root.setPadding(new Insets(10, 12, 10, 12));
        root.setAlignment(Pos.TOP_LEFT);

        icon.getStyleClass().add("banner-icon");
        title.setId("bannerTitle");
        title.getStyleClass().add("banner-title");
        title.setWrapText(true);
        message.setId("bannerMessage");
        message.setWrapText(true);
        advice.setId("bannerAdvice");
        advice.getStyleClass().add("banner-advice");
        advice.setWrapText(true);
        requestId.setId("bannerRequestId");
        requestId.setEditable(false);
        requestId.getStyleClass().add("banner-request-id");
        requestId.setAccessibleText("AWS request id");

        HBox.setHgrow(text, Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_RIGHT);
        close.setId("bannerClose");
        close.getStyleClass().add("banner-close");
        close.setAccessibleText("Dismiss message");
        close.setOnAction(e -> viewModel.dismiss());

        // The banner's content joins the window with the first notice: hidden, it would still be styled and laid out
        // before the window's first frame.
        initListeners();
        render(viewModel.getNotice());
        return root;
    }

    private void initListeners() {
        viewModel.noticeProperty().addListener((obs, old, now) -> render(now));
    }

    private void render(Notice notice) {
        boolean shown = notice != null;
        root.setVisible(shown);
        root.setManaged(shown);
        root.getStyleClass().removeIf(c -> c.startsWith("banner-severity-"));
        if (!shown) {
            return;
        }
        if (root.getChildren().isEmpty()) {
            root.getChildren().setAll(icon, text, actions, close);
        }
        root.getStyleClass().add("banner-severity-" + notice.severity().name().toLowerCase());
        root.setAccessibleText(notice.title() + ". " + notice.message());
        icon.setText(switch (notice.severity()) {
            case INFO -> "ℹ";
            case WARNING -> "⚠";
            case ERROR -> "✖";
        });
        title.setText(notice.title());
        message.setText(notice.message());
        message.setVisible(notice.message() != null && !notice.message().isBlank());
        message.setManaged(message.isVisible());
        advice.setText(notice.advice());
        advice.setVisible(notice.advice() != null);
        advice.setManaged(advice.isVisible());
        boolean hasRequestId = notice.requestId() != null && !notice.requestId().isBlank();
        requestId.setText(hasRequestId ? "Request id: " + notice.requestId() : "");
        requestId.setVisible(hasRequestId);
        requestId.setManaged(hasRequestId);
        actions.getChildren().clear();
        for (Notice.Action action : notice.actions()) {
            Button button = new Button(action.label());
            button.setId("banner" + action.label().replaceAll("\\W", ""));
            button.setOnAction(e -> viewModel.perform(action));
            actions.getChildren().add(button);
        }
    }
}
