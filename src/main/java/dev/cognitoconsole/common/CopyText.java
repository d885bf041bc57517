package dev.cognitoconsole.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text on the system clipboard; call on the FX thread. */
public final class CopyText {
    private CopyText() {
    }

    /** Copies {@code text}; nothing for {@code null}. */
    public static void copy(String text) {
        if (text == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
