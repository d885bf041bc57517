package dev.cognitoconsole.audit;

import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import java.util.UUID;

/**
 * Where writes are recorded. {@link #attempt} is called before each write call and must succeed first: when
 * the record cannot be written, the write is not made.
 */
public interface AuditTrail {

    /**
     * What is about to be changed.
     *
     * @param signer the identity whose credentials sign the call, as STS named it for them, or {@code null}
     * @param runId  the bulk run it belongs to, or {@code null} for a single change
     */
    record Attempt(Connection connection, String poolId, String username, String userSub, String action,
                   String reason, CallerIdentity signer, String runId) {
        public Attempt(Connection connection, String poolId, String username, String userSub, String action,
                       String reason, CallerIdentity signer) {
            this(connection, poolId, username, userSub, action, reason, signer, null);
        }

        public Attempt(Connection connection, String poolId, String username, String userSub, String action,
                       String reason) {
            this(connection, poolId, username, userSub, action, reason, null);
        }
    }

    /** Records the attempt durably and returns its operation id. */
    String attempt(Attempt attempt);

    /** Records what happened to the attempt with this id. */
    void outcome(String operationId, Attempt attempt, AuditEntry.Outcome outcome, ConsoleFailure failure,
                 String detail);

    /**
     * Records that a user of a bulk run was left alone, already in the wanted state: one outcome line under an
     * operation id of its own and no attempt line, since no call was about to go out.
     */
    default void skipped(Attempt attempt, String detail) {
        outcome(UUID.randomUUID().toString(), attempt, AuditEntry.Outcome.SKIPPED, null, detail);
    }

    /** Records nothing: for tests that are not about auditing. */
    AuditTrail NONE = new AuditTrail() {
        @Override
        public String attempt(Attempt attempt) {
            return "none";
        }

        @Override
        public void outcome(String operationId, Attempt attempt, AuditEntry.Outcome outcome, ConsoleFailure failure,
                            String detail) {
        }
    };
}
