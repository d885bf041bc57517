package dev.cognitoconsole.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the mouse first enters their control, not with the window, because each {@link Tooltip} is a
 * popup window with a scene of its own that would delay the window's first frame (docs/performance.md). Assistive
 * tools get the text at once, as the control's accessible help.
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
