package dev.cognitoconsole.audit;

import java.time.Instant;
import java.util.List;

/**
 * One change as the audit window lists it: an attempt joined with its outcome. {@code outcome} is {@code null}
 * when no outcome was recorded (the console stopped between the two lines).
 *
 * @param time        when the change was attempted (or, when the attempt line was lost, when it ended)
 * @param outcomeTime when the outcome was recorded, or {@code null}
 * @param runId       the bulk run it belongs to, or {@code null}
 */
public record AuditChange(String operationId, Instant time, Instant outcomeTime, String operator,
                          String callerArn, String account, String profile, String region, String poolId,
                          String username, String userSub, String action, String reason,
                          AuditEntry.Outcome outcome, String errorCode, String requestId, String detail,
                          String runId) {

    /** What the window says for a change whose outcome was never written. */
    public static final String NO_OUTCOME = "no outcome recorded";

    public String outcomeLabel() {
        return outcome == null ? NO_OUTCOME : outcome.name();
    }

    /**
     * Joins each attempt with its outcome by operation id; newest first. An outcome whose attempt line was
     * damaged still makes a change; of several outcomes of one attempt, the last written counts.
     */
    public static List<AuditChange> pair(List<AuditEntry> entries) {
        RecentChanges changes = new RecentChanges(Integer.MAX_VALUE, Integer.MAX_VALUE, change -> true);
        entries.forEach(changes);
        return changes.newestFirst();
    }

    /** One change from its attempt and its outcome; either may be {@code null}, not both. */
    static AuditChange join(AuditEntry attempt, AuditEntry outcome) {
        return attempt == null ? of(outcome, outcome) : of(attempt, outcome);
    }

    private static AuditChange of(AuditEntry base, AuditEntry outcome) {
        AuditEntry end = outcome == null ? base : outcome;
        return new AuditChange(base.operationId(), base.time(), outcome == null ? null : outcome.time(),
                base.operator(), firstNonNull(base.callerArn(), end.callerArn()),
                firstNonNull(base.account(), end.account()), base.profile(), base.region(), base.poolId(),
                base.username(), firstNonNull(base.userSub(), end.userSub()), base.action(),
                firstNonNull(base.reason(), end.reason()), outcome == null ? null : outcome.outcome(),
                outcome == null ? null : outcome.errorCode(), outcome == null ? null : outcome.requestId(),
                outcome == null ? null : outcome.detail(), firstNonNull(base.runId(), end.runId()));
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
