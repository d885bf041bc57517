package dev.cognitoconsole.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Parts of the window that are shown only now and then (a progress bar while loading, the Stop button, a warning
 * band) join it the first time they are shown; until then a bare region holds their place, because hidden, JavaFX
 * would still make their skins, style them and lay them out before the window's first frame (docs/performance.md).
 *
 * <p>Each method binds the part's visibility to {@code shown} and returns what to put in the layout: the part itself
 * when it is shown from the start, else the placeholder, which the part replaces in its parent (a {@link Pane}).
 */
public final class JoinsWhenShown {
    private JoinsWhenShown() {
    }

    /** {@code part} is visible while {@code shown} holds, and takes no room in the layout otherwise. */
    public static Node takingNoRoom(Node part, ObservableBooleanValue shown) {
        part.visibleProperty().bind(shown);
        part.managedProperty().bind(shown);
        Region placeholder = new Region();
        placeholder.setVisible(false);
        placeholder.setManaged(false);
        return joinWhenShown(part, placeholder, shown);
    }

    /** {@code part} is visible while {@code shown} holds, and keeps its room (its preferred size) otherwise. */
    public static Node keepingRoom(Region part, ObservableBooleanValue shown) {
        part.visibleProperty().bind(shown);
        Region placeholder = new Region();
        placeholder.setVisible(false);
        placeholder.setPrefSize(part.getPrefWidth(), part.getPrefHeight());
        return joinWhenShown(part, placeholder, shown);
    }

    private static Node joinWhenShown(Node part, Region placeholder, ObservableBooleanValue shown) {
        if (shown.get()) {
            return part;
        }
        shown.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean old, Boolean now) {
                if (now && placeholder.getParent() instanceof Pane parent) {
                    ObservableList<Node> children = parent.getChildren();
                    children.set(children.indexOf(placeholder), part);
                    observable.removeListener(this);
                }
            }
        });
        return placeholder;
    }
}
