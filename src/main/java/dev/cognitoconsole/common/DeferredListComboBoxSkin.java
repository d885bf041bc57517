package dev.cognitoconsole.common;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * JavaFX's combo box skin, with its drop-down list styled when the list first opens instead of with the window.
 *
 * <p>The standard skin keeps its drop-down {@code ListView} as a hidden child of the combo box from the start, so
 * that the list is styled before it first opens. That gives each combo box a list skin with a virtual flow, two
 * scroll bars and cells that the window builds, styles and lays out before its first frame (docs/performance.md).
 * This skin takes the list out again, and puts it back, styled, just before it first opens: that first opening does
 * the work instead, once, and sizes its popup as the standard skin does.
 *
 * <p>The one difference: the combo box's preferred width no longer grows to its widest item, which the standard
 * skin measures in the list. A combo box with this skin needs a width of its own (the pickers have one).
 */
public final class DeferredListComboBoxSkin<T> extends ComboBoxListViewSkin<T> {

    private DeferredListComboBoxSkin(ComboBox<T> comboBox) {
        super(comboBox);
        getChildren().remove(getPopupContent());
    }

    /** Gives {@code comboBox} this skin. */
    public static <T> void install(ComboBox<T> comboBox) {
        comboBox.setSkin(new DeferredListComboBoxSkin<>(comboBox));
    }

    /** Whether the drop-down list has been styled (it opened once); before, it is in no scene. */
    public boolean listStyled() {
        return getPopupContent().getParent() != null;
    }

    @Override
    public void show() {
        Node list = getPopupContent();
        if (list.getParent() == null) {
            // As the standard skin has it from the start: a hidden child of the combo box, styled by its scene.
            getChildren().add(list);
            list.applyCss();
        }
        super.show();
    }
}
