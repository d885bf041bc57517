package dev.cognitoconsole.app;

import dev.cognitoconsole.users.UsersView;
import dev.cognitoconsole.users.UsersViewModel;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** The window's keyboard shortcuts, which work wherever the focus is. */
final class Shortcuts {
    /** Reload the users from the start (F5 does the same). */
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    /** Go to the search field. */
    static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    /** Disable or enable the selected user (after the usual confirmation). */
    static final KeyCombination TOGGLE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    /** Go to the "Find user" field in the top bar. */
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private Shortcuts() {
    }

    /** Handles the shortcuts pressed anywhere under {@code root}, before its controls see them. */
    static void install(Node root, UsersViewModel users, UsersView usersView) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.F5 || REFRESH.match(key)) {
                users.refresh();
                key.consume();
            } else if (SEARCH.match(key)) {
                usersView.focusSearch();
                key.consume();
            } else if (TOGGLE.match(key)) {
                users.toggle(usersView.selectedRow());
                key.consume();
            }
        });
    }

    /** Ctrl+Shift+F (Cmd+Shift+F) anywhere under {@code root} runs {@code focusFind}. */
    static void installFind(Node root, Runnable focusFind) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (FIND.match(key)) {
                focusFind.run();
                key.consume();
            }
        });
    }
}
