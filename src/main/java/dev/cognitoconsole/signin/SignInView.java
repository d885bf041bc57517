package dev.cognitoconsole.signin;

import dev.cognitoconsole.model.SsoDeviceCode;
import java.net.URL;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window that shows an SSO sign-in code while the console waits for the operator's approval in the browser.
 * It opens when a code arrives and closes by itself when the sign-in ends; closing it cancels the sign-in.
 */
public final class SignInView {
    private final SignInViewModel viewModel;
    private final Window owner;
    private final URL stylesheet;
    private Stage stage;

    public SignInView(SignInViewModel viewModel, Window owner, URL stylesheet) {
        this.viewModel = viewModel;
        this.owner = owner;
        this.stylesheet = stylesheet;
    }

    /** Shows and hides the window as sign-ins start and end. */
    public void follow() {
        viewModel.deviceCodeProperty().addListener((obs, old, code) -> {
            if (code == null) {
                hide();
            } else {
                show(code);
            }
        });
    }

    private void show(SsoDeviceCode code) {
        hide();
        Label heading = new Label("Sign in to IAM Identity Center for profile " + code.profile());
        heading.getStyleClass().add("sign-in-heading");
        heading.setWrapText(true);
        Label steps = new Label("Your browser opened the sign-in page. Check that it shows this code, then "
                + "approve the request. This window closes by itself once you have.");
        steps.setWrapText(true);
        TextField userCode = new TextField(code.userCode());
        userCode.setId("deviceCodeField");
        userCode.setEditable(false);
        userCode.getStyleClass().add("device-code");
        userCode.setAccessibleText("Sign-in code " + code.userCode());
        userCode.setPrefColumnCount(12);
        TextField page = new TextField(code.verificationUri());
        page.setId("signInPageField");
        page.setEditable(false);
        page.setAccessibleText("Sign-in page address");
        ProgressIndicator waiting = new ProgressIndicator();
        waiting.setPrefSize(18, 18);
        Label status = new Label();
        status.setId("signInStatus");
        status.textProperty().bind(viewModel.statusProperty());
        HBox statusRow = new HBox(8, waiting, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Button copy = new Button("Copy code");
        copy.setId("copyDeviceCodeButton");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(code.userCode());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button open = new Button("Open the page again");
        open.setId("openSignInPageButton");
        open.setOnAction(e -> viewModel.openPageAgain());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSignInButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> viewModel.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, open, spacer, cancel);

        VBox root = new VBox(12, heading, steps, userCode, page, statusRow, buttons);
        root.setId("signInWindow");
        root.setPadding(new Insets(16));
        root.setPrefWidth(480);
        Scene scene = new Scene(root);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet.toExternalForm());
        }
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Sign in — " + code.profile());
        stage.setScene(scene);
        // Closing the window is a Cancel: the console stops waiting and saves nothing.
        stage.setOnCloseRequest(e -> viewModel.cancel());
        stage.show();
        cancel.requestFocus();
    }

    private void hide() {
        if (stage != null) {
            Stage closing = stage;
            stage = null;
            closing.setOnCloseRequest(null);
            closing.close();
        }
    }
}
