package dev.cognitoconsole.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the mouse first enters their control, not with the window. Each {@link Tooltip} is a popup
 * window with a scene of its own: the five of the main window, made while it was built, took 60 to 150 ms of the
 * start before its first frame (measured with start-up milestones around each part of the window). Assistive tools
 * get the text at once, as the control's accessible help.
 */
public final class Tooltips {
    private Tooltips() {
    }

    /** Gives {@code control} a tooltip with {@code text}, made on the first hover; shown as JavaFX shows any. */
    public static void onHover(Control control, String text) {
        control.setAccessibleHelp(text);
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        });
    }
}
