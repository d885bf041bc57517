package dev.cognitoconsole.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
     * @param typeToConfirm text the operator must type before confirming (the username, on production), or
     *                      {@code null} when a click is enough
     * @param danger        whether the change takes something away, so its confirm button is styled as a danger
     */
    record Confirmation(String title, String header, List<Fact> facts, String note, String confirmLabel,
                        String typeToConfirm, boolean danger) {
        public Confirmation {
            facts = List.copyOf(facts);
        }

        public Confirmation(String title, String header, List<Fact> facts, String note, String confirmLabel,
                            String typeToConfirm) {
            this(title, header, facts, note, confirmLabel, typeToConfirm, true);
        }

        public Confirmation(String title, String header, List<Fact> facts, String note, String confirmLabel) {
            this(title, header, facts, note, confirmLabel, null);
        }

        /** Whether what was typed lets the operator confirm. */
        public boolean typedMatches(String typed) {
            return typeToConfirm == null || typeToConfirm.equals(typed == null ? null : typed.strip());
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

    /**
     * Asks to confirm a change to many users, with a reason and, for many users, the count typed; empty on Cancel.
     * Cancel is the default. Implementations that cannot ask answer Cancel.
     */
    default Optional<BulkAnswer> confirmBulk(BulkConfirmation confirmation) {
        return Optional.empty();
    }

    /**
     * What a bulk confirmation dialog says and asks.
     *
     * @param title        the window title
     * @param header       the question, naming the action and the count
     * @param facts        users, pool, profile, region, in that order, then what was left out
     * @param sample       the first usernames, so the operator recognises the list
     * @param count        how many users
     * @param countToType  whether the operator must type {@code count} to confirm a real run
     * @param note         what the change does, in a sentence or two
     * @param confirmLabel the confirm button for a real run, such as "Disable 120 users"
     * @param dryRunLabel  the confirm button when Dry run is ticked
     * @param check        why an answer cannot be accepted, or empty: confirm is enabled only when it is empty
     * @param readOnly     why only a dry run can be asked for (read-only mode), said first; {@code null} when a real
     *                     run may be
     * @param reason       the reason the field starts with (the dry run's, when it is run for real), or {@code null}
     */
    record BulkConfirmation(String title, String header, List<Fact> facts, List<String> sample, int count,
                            boolean countToType, String note, String confirmLabel, String dryRunLabel,
                            Function<BulkAnswer, Optional<String>> check, String readOnly, String reason) {
        public BulkConfirmation {
            facts = List.copyOf(facts);
            sample = List.copyOf(sample);
            Objects.requireNonNull(check, "check");
        }

        public BulkConfirmation(String title, String header, List<Fact> facts, List<String> sample, int count,
                                boolean countToType, String note, String confirmLabel, String dryRunLabel,
                                Function<BulkAnswer, Optional<String>> check) {
            this(title, header, facts, sample, count, countToType, note, confirmLabel, dryRunLabel, check, null, null);
        }
    }

    /**
     * What the operator answered to a bulk confirmation.
     *
     * @param reason     why, such as a ticket id
     * @param typedCount what was typed in the count field, or {@code null} when none was asked for
     * @param dryRun     whether only a dry run was asked for
     */
    record BulkAnswer(String reason, String typedCount, boolean dryRun) {
    }

    /** Asks for the code an MFA device shows; empty on Cancel. Implementations that cannot ask answer Cancel. */
    default Optional<String> askMfaCode(MfaPrompt prompt) {
        return Optional.empty();
    }

    /**
     * What the MFA dialog asks.
     *
     * @param profile the profile whose role wants the code
     * @param check   why a typed code cannot be sent, or empty: OK is enabled only when it is empty
     */
    record MfaPrompt(String profile, Function<String, Optional<String>> check) {
    }
}
