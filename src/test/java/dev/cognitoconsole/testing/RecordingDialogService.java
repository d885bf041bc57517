package dev.cognitoconsole.testing;

import dev.cognitoconsole.common.DialogService;
import java.util.ArrayList;
import java.util.List;

/** Answers every confirmation as told (Cancel unless told otherwise) and records what was asked. */
public final class RecordingDialogService implements DialogService {
    private final List<Confirmation> asked = new ArrayList<>();
    private boolean answer;

    /** From now on, every confirmation is answered with {@code confirm}. */
    public RecordingDialogService answer(boolean confirm) {
        answer = confirm;
        return this;
    }

    public List<Confirmation> asked() {
        return List.copyOf(asked);
    }

    public Confirmation last() {
        return asked.get(asked.size() - 1);
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        asked.add(confirmation);
        return answer;
    }
}
