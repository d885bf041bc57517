package dev.cognitoconsole.common;

import java.util.List;

/** Dialogs the ViewModels need, so that they can be tested without a window. */
public interface DialogService {

    /** Asks the operator to confirm; {@code true} only on an explicit confirm. Cancel is the default. */
    boolean confirm(Confirmation confirmation);

    /**
     * What a confirmation dialog says.
     *
     * @param title        the window title
     * @param header       the question, naming the action and the user
     * @param facts        what the change applies to: user, pool, profile, region, in that order
     * @param note         what the change does, in one sentence
     * @param confirmLabel the label of the confirm button, such as "Disable user"
     */
    record Confirmation(String title, String header, List<Fact> facts, String note, String confirmLabel) {
        public Confirmation {
            facts = List.copyOf(facts);
        }

        /** Everything the dialog says below its header, as plain text. */
        public String details() {
            StringBuilder text = new StringBuilder();
            facts.forEach(f -> text.append(f.label()).append(": ").append(f.value()).append('\n'));
            return text.append('\n').append(note).toString();
        }
    }

    /** One labelled line of a confirmation. */
    record Fact(String label, String value) {
    }
}
