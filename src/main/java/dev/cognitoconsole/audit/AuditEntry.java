package dev.cognitoconsole.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of the audit log. A write is recorded twice under one {@code operationId}: an
 * {@link Phase#ATTEMPT} before the call and an {@link Phase#OUTCOME} after it. No secret ever appears here.
 *
 * @param time            when, in UTC
 * @param operationId     links an attempt with its outcome
 * @param phase           attempt or outcome
 * @param operator        the workstation user running the console
 * @param profile         the AWS profile
 * @param callerArn       the identity AWS saw (STS GetCallerIdentity), or {@code null} when unknown
 * @param account         the AWS account id, or {@code null} when unknown
 * @param region          the region
 * @param poolId          the user pool
 * @param username        the user changed
 * @param userSub         the user's sub, when known
 * @param action          the Cognito operation, such as AdminDisableUser or AdminUserGlobalSignOut
 * @param reason          why, as the operator wrote it (a ticket id), or {@code null}
 * @param outcome         for an outcome line: what happened
 * @param errorCode       the AWS error code of a failure
 * @param requestId       the AWS request id of the call, when one came back
 * @param detail          a short human note, such as the failure message
 * @param runId           the bulk run the change belongs to, shared by all its lines; {@code null} for a single change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant time, String operationId, Phase phase, String operator, String profile,
                         String callerArn, String account, String region, String poolId, String username,
                         String userSub, String action, String reason, Outcome outcome, String errorCode,
                         String requestId, String detail, String runId) {

    /** A line outside any bulk run. */
    public AuditEntry(Instant time, String operationId, Phase phase, String operator, String profile,
                      String callerArn, String account, String region, String poolId, String username,
                      String userSub, String action, String reason, Outcome outcome, String errorCode,
                      String requestId, String detail) {
        this(time, operationId, phase, operator, profile, callerArn, account, region, poolId, username, userSub,
                action, reason, outcome, errorCode, requestId, detail, null);
    }

    public enum Phase { ATTEMPT, OUTCOME }

    public enum Outcome {
        /** Cognito accepted the change (and, where read back, confirmed it). */
        DONE,
        /** Nothing was sent: the user was already in the wanted state. */
        SKIPPED,
        /** Cognito refused; the user was not changed. */
        FAILED,
        /** No clear answer (timeout, network, server fault): the user may or may not have changed. */
        UNKNOWN
    }
}
