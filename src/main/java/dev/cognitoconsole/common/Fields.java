package dev.cognitoconsole.common;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Text fields of the dialogs, with the label that says what is wrong with what was typed. */
public final class Fields {
    private Fields() {
    }

    /** A field with its id, its hint, and the text assistive tools read for it. */
    public static TextField field(String id, String text, String prompt, String accessibleText) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(accessibleText);
        return field;
    }

    /** A label for {@code field}, so that a click on it or a screen reader finds the field. */
    public static Label labelFor(TextField field, String text) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }

    /** A label that shows why the text typed in {@code field} cannot be used, and nothing while it is blank. */
    public static Label problemOf(TextField field, String id, Function<String, Optional<String>> check) {
        Label problem = new Label();
        problem.setId(id);
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> field.getText().isBlank() ? "" : check.apply(field.getText()).orElse(""),
                field.textProperty()));
        return problem;
    }
}
