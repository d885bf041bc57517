package dev.cognitoconsole.testing;

import dev.cognitoconsole.common.DialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers every bulk confirmation as told (Cancel unless told otherwise) and records what was asked. */
public final class AnsweringDialogs implements DialogService {
    private final List<BulkConfirmation> asked = new ArrayList<>();
    private BulkAnswer answer;

    /** From now on, every bulk confirmation is answered with this; {@code null} is Cancel. */
    public AnsweringDialogs answer(BulkAnswer next) {
        answer = next;
        return this;
    }

    public AnsweringDialogs confirmWith(String reason) {
        return answer(new BulkAnswer(reason, null, false));
    }

    public List<BulkConfirmation> asked() {
        return List.copyOf(asked);
    }

    public BulkConfirmation last() {
        return asked.get(asked.size() - 1);
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        throw new AssertionError("A bulk change asks with confirmBulk, not confirm");
    }

    @Override
    public Optional<BulkAnswer> confirmBulk(BulkConfirmation confirmation) {
        asked.add(confirmation);
        // Like the real dialog, the typed count is only there when it was asked for.
        if (answer == null) {
            return Optional.empty();
        }
        String typed = confirmation.countToType() ? answer.typedCount() : null;
        return Optional.of(new BulkAnswer(answer.reason(), typed, answer.dryRun()));
    }
}
