package dev.cognitoconsole.testing;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.audit.AuditUnavailable;
import dev.cognitoconsole.model.ConsoleFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Remembers every audit line in memory, and tells a shared event log, so a test can check what came first. */
public final class RecordingAuditTrail implements AuditTrail {

    /** One line: an attempt ({@code outcome} null) or an outcome. */
    public record Line(String operationId, AuditEntry.Phase phase, Attempt attempt, AuditEntry.Outcome outcome,
                ConsoleFailure failure, String detail) {
        public String username() {
            return attempt.username();
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final Consumer<String> events;
    private boolean unavailable;

    public RecordingAuditTrail(Consumer<String> events) {
        this.events = events;
    }

    /** From now on, every line fails as a full disk would. */
    public void breakDown() {
        unavailable = true;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> attempts() {
        return lines.stream().filter(l -> l.phase() == AuditEntry.Phase.ATTEMPT).toList();
    }

    public List<Line> outcomes() {
        return lines.stream().filter(l -> l.phase() == AuditEntry.Phase.OUTCOME).toList();
    }

    @Override
    public synchronized String attempt(Attempt attempt) {
        if (unavailable) {
            throw new AuditUnavailable("No space left on device", null);
        }
        String id = "op-" + (lines.size() + 1);
        lines.add(new Line(id, AuditEntry.Phase.ATTEMPT, attempt, null, null, null));
        events.accept("attempt:" + attempt.username());
        return id;
    }

    @Override
    public synchronized void outcome(String operationId, Attempt attempt, AuditEntry.Outcome outcome,
                                     ConsoleFailure failure, String detail) {
        if (unavailable) {
            throw new AuditUnavailable("No space left on device", null);
        }
        lines.add(new Line(operationId, AuditEntry.Phase.OUTCOME, attempt, outcome, failure, detail));
        events.accept("outcome:" + attempt.username() + ":" + outcome);
    }
}
