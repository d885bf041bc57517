package dev.cognitoconsole.common;

/** Dialogs the ViewModels need, so that they can be tested without a window. */
public interface DialogService {

    /** Asks the operator to confirm; {@code true} only on an explicit confirm. Cancel is the default. */
    boolean confirm(Confirmation confirmation);

    /**
     * What a confirmation dialog says.
     *
     * @param title        the window title
     * @param header       the question, naming the action and the user
     * @param details      the pool, the profile and the region, one per line
     * @param confirmLabel the label of the confirm button, such as "Disable user"
     */
    record Confirmation(String title, String header, String details, String confirmLabel) {
    }
}
