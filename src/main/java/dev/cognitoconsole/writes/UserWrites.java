package dev.cognitoconsole.writes;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.audit.AuditUnavailable;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.common.Backoff;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path of a change to a user, whoever asks for it (a row, a bulk run): asks the guards, names the identity
 * that signs the call, records the attempt, makes the call, reads the user back, and records the outcome. A call
 * without a clear answer is followed by a read, never by a blind second write; a sign-out, which leaves nothing to
 * read, is then recorded as unknown. Blocks: call it in the background.
 */
public final class UserWrites {
    private static final Logger LOG = LoggerFactory.getLogger(UserWrites.class);

    /** Tries per write of a bulk run when Cognito throttles, on top of the SDK's own retries. */
    public static final int WRITE_TRIES = 6;
    /** Tries per read when Cognito throttles. */
    public static final int READ_TRIES = 6;
    /** 1 s, 2 s, 4 s, ... 16 s between throttled tries. */
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(16));

    /**
     * A change the operator confirmed.
     *
     * @param confirmedAsProduction whether the confirmation was the production one (name or count typed)
     * @param runId the bulk run it is part of, or {@code null} for a single change
     */
    public record Request(UserAction action, PoolSelection target, String username, String sub, String reason,
                          boolean confirmedAsProduction, String runId) {
        /** A single change, outside any bulk run. */
        public Request(UserAction action, PoolSelection target, String username, String sub, String reason,
                       boolean confirmedAsProduction) {
            this(action, target, username, sub, reason, confirmedAsProduction, null);
        }
    }

    /** What became of a change. */
    public enum Status {
        /** Cognito accepted, and AdminGetUser reads the wanted state (a sign-out: Cognito accepted). */
        DONE,
        /** Cognito accepted, but AdminGetUser reads the other state (someone changed it back). */
        NOT_APPLIED,
        /** Cognito accepted; reading the user back failed or was stopped. */
        UNVERIFIED,
        /** Cognito refused, or gave no clear answer and AdminGetUser reads the old state: not changed. */
        NOT_CHANGED,
        /** No clear answer, and reading the user back failed: it may or may not have changed. */
        UNKNOWN,
        /** No such user. */
        NOT_FOUND,
        /** A guard (read-only mode, a pool IAM refused) stopped it before anything was sent. */
        BLOCKED,
        /** The signing identity turned out to be production, and the confirmation was not the production one. */
        NEEDS_PRODUCTION_CONFIRMATION,
        /** The attempt could not be recorded, so nothing was sent. */
        AUDIT_UNAVAILABLE,
        /** The operator stopped it before the call went out. */
        STOPPED
    }

    /**
     * @param user         the user as last read, or {@code null}
     * @param failure      Cognito's refusal or the unclear answer, or {@code null}
     * @param detail       what happened, in a sentence for the results list
     * @param unclear      whether Cognito gave no clear answer to the write
     * @param auditProblem why the outcome line could not be recorded although the call was made, or {@code null}
     */
    public record Result(Status status, PoolUser user, ConsoleFailure failure, String detail, boolean unclear,
                         String auditProblem) {
        Result withAuditProblem(String problem) {
            return problem == null ? this : new Result(status, user, failure, detail, unclear, problem);
        }
    }

    private final UserDirectory directory;
    private final AuditTrail audit;
    private final WriteSafety safety;
    private final Function<Connection, Optional<CallerIdentity>> signers;

    /** @param signers who signs a connection's calls now (STS, remembered per key); empty when STS cannot say */
    public UserWrites(UserDirectory directory, AuditTrail audit, WriteSafety safety,
                      Function<Connection, Optional<CallerIdentity>> signers) {
        this.directory = directory;
        this.audit = audit;
        this.safety = safety;
        this.signers = signers;
    }

    /** Makes the change unless a guard refuses it, and says what Cognito then holds. */
    public Result write(Request request, Stops stops) {
        return new Change(request, stops).make();
    }

    /**
     * Records that the user of {@code request} was left alone, already in the wanted state. Returns why the line
     * could not be written, or {@code null}: nothing was changed, so a full disk does not stop the run here.
     */
    public String skipped(Request request, String detail) {
        PoolSelection target = request.target();
        CallerIdentity signer = signers.apply(target.connection()).orElse(null);
        try {
            audit.skipped(attempt(request, signer), detail);
            return null;
        } catch (AuditUnavailable unavailable) {
            LOG.warn("Skipping {} not recorded: the audit log cannot be written", request.username(), unavailable);
            return unavailable.getMessage();
        }
    }

    private static AuditTrail.Attempt attempt(Request request, CallerIdentity signer) {
        return new AuditTrail.Attempt(request.target().connection(), request.target().poolId(), request.username(),
                request.sub(), request.action().apiName(), request.reason(), signer, request.runId());
    }

    /** AdminGetUser, with throttling absorbed; a stop ends the waits. */
    public PoolUser read(PoolSelection target, String username, Stops stops, boolean stoppable) throws Stops.Stopped {
        for (int tries = 1; ; tries++) {
            try {
                return stoppable ? stops.call(() -> directory.getUser(target.connection(), target.poolId(), username))
                        : directory.getUser(target.connection(), target.poolId(), username);
            } catch (ConsoleFailure failure) {
                if (failure.kind() != ConsoleFailure.Kind.TOO_MANY_REQUESTS || tries >= READ_TRIES) {
                    throw failure;
                }
                stops.sleep(BACKOFF.after(tries));
            }
        }
    }

    /** The AWS error code, or the console's failure type when the failure is not an AWS answer. */
    public static String type(ConsoleFailure failure) {
        return failure.awsCode() != null ? failure.awsCode() : failure.getClass().getSimpleName();
    }

    /** One change in hand. */
    private final class Change {
        private final Request request;
        private final Stops stops;
        private final UserAction action;
        private final PoolSelection target;
        private final String who;
        private AuditTrail.Attempt attempt;
        private String operation;
        private String auditProblem;

        Change(Request request, Stops stops) {
            this.request = request;
            this.stops = stops;
            this.action = request.action();
            this.target = request.target();
            this.who = request.username();
        }

        Result make() {
            Optional<String> blocked = safety.writesBlocked(target);
            if (blocked.isPresent()) {
                return result(Status.BLOCKED, null, null, blocked.get());
            }
            CallerIdentity signer = signers.apply(target.connection()).orElse(null);
            if (signer != null) {
                safety.signerSeen(target.connection(), signer);
            }
            if (!request.confirmedAsProduction() && safety.isProduction(target.connection(), signer)) {
                return result(Status.NEEDS_PRODUCTION_CONFIRMATION, null, null, signer == null
                        ? "Production accounts are set and who profile " + target.connection().profile().name()
                        + " acts as is not known: confirm again, as for production."
                        : "Profile " + target.connection().profile().name() + " now acts as " + signer.arn()
                        + " in production account " + signer.account() + ": confirm again, as for production.");
            }
            attempt = attempt(request, signer);
            for (int tries = 1; ; tries++) {
                // Asked again before every call: a guard turned on meanwhile applies to the next call.
                blocked = safety.writesBlocked(target);
                if (blocked.isPresent()) {
                    return result(Status.BLOCKED, null, null, blocked.get());
                }
                if (stops.stopRequested()) {
                    return result(Status.STOPPED, null, null, "Stopped before the change was sent; nothing was sent.");
                }
                try {
                    // Every call is recorded before it goes out; when it cannot be recorded, it is not made.
                    operation = audit.attempt(attempt);
                } catch (AuditUnavailable unavailable) {
                    LOG.error("{} of {} not made: the audit log cannot be written", action.apiName(), who, unavailable);
                    return new Result(Status.AUDIT_UNAVAILABLE, null, null, unavailable.getMessage(), false, null);
                }
                try {
                    stops.call(() -> {
                        switch (action) {
                            case DISABLE -> directory.disableUser(target.connection(), target.poolId(), who);
                            case ENABLE -> directory.enableUser(target.connection(), target.poolId(), who);
                            case SIGN_OUT -> directory.globalSignOut(target.connection(), target.poolId(), who);
                        }
                        return null;
                    });
                    return verify();
                } catch (Stops.Stopped stopped) {
                    // Only the wait for the rate budget ends this way: the request never went out.
                    record(AuditEntry.Outcome.FAILED, null,
                            "Not sent: stopped by the operator while waiting for the rate budget");
                    return result(Status.STOPPED, null, null,
                            "Stopped while waiting for the rate budget; nothing was sent.");
                } catch (RuntimeException error) {
                    ConsoleFailure failure = ConsoleFailure.from(error);
                    // An unclear answer (the SDK's retries included) is read back before anything is sent again.
                    if (failure.outcomeUnknown()) {
                        return readBack(failure);
                    }
                    if (failure.kind() == ConsoleFailure.Kind.TOO_MANY_REQUESTS && tries < stops.throttledWriteTries()) {
                        Duration wait = BACKOFF.after(tries);
                        record(AuditEntry.Outcome.FAILED, failure,
                                "Throttled; not changed. Trying again in " + wait.toMillis() + " ms");
                        try {
                            stops.sleep(wait);
                            continue;
                        } catch (Stops.Stopped stopped) {
                            return result(Status.STOPPED, null, failure,
                                    "Throttled, then stopped before trying again; not changed.");
                        }
                    }
                    record(AuditEntry.Outcome.FAILED, failure, null);
                    return refused(failure);
                }
            }
        }

        private Result refused(ConsoleFailure failure) {
            if (failure.kind() == ConsoleFailure.Kind.USER_NOT_FOUND) {
                return result(Status.NOT_FOUND, null, failure, "No user " + who + " in " + target.poolId());
            }
            if (failure.kind() == ConsoleFailure.Kind.ACCESS_DENIED) {
                safety.writeDenied(target, "IAM refused " + action.apiName() + " on " + target.poolId()
                        + " for profile " + target.connection().profile().name() + " (" + failure.getMessage()
                        + "), so changes to this pool are off.");
            }
            LOG.warn("{} of {} in {} failed", action.apiName(), who, target.poolId(), failure);
            return result(Status.NOT_CHANGED, null, failure, failure.getMessage());
        }

        // ListUsers is eventually consistent: AdminGetUser says what Cognito now holds.
        private Result verify() {
            if (!action.setsEnabled()) {
                record(AuditEntry.Outcome.DONE, null, "Cognito accepted; " + action.apiName()
                        + " leaves no state to read back");
                return result(Status.DONE, null, null, "Cognito accepted " + action.apiName() + ": "
                        + action.pastTense());
            }
            PoolUser after;
            try {
                after = read(target, who, stops, false);
            } catch (Stops.Stopped | RuntimeException error) {
                String why = error instanceof Stops.Stopped ? "stopped by the operator"
                        : String.valueOf(error.getMessage());
                record(AuditEntry.Outcome.DONE, null, "Cognito accepted; reading the user back failed: " + why);
                return result(Status.UNVERIFIED, null, error instanceof Stops.Stopped ? null
                        : ConsoleFailure.from(error), "Cognito accepted " + action.apiName()
                        + "; reading the user back failed: " + why);
            }
            if (action.reached(after.enabled())) {
                record(AuditEntry.Outcome.DONE, null, "Cognito accepted; AdminGetUser reads " + after.enabledLabel());
                return result(Status.DONE, after, null, after.enabledLabel() + ", confirmed by AdminGetUser");
            }
            record(AuditEntry.Outcome.DONE, null, "Cognito accepted; but AdminGetUser reads " + after.enabledLabel());
            return result(Status.NOT_APPLIED, after, null, "Cognito accepted " + action.apiName()
                    + ", but AdminGetUser still reads " + after.enabledLabel()
                    + "; another operator may have changed the user");
        }

        /** The write got no clear answer: read the user to learn what happened instead of writing again. */
        private Result readBack(ConsoleFailure failure) {
            String noAnswer = "No clear answer to " + action.apiName() + " (" + type(failure) + ")";
            if (!action.setsEnabled()) {
                // Nothing AdminGetUser reads would tell whether the tokens were revoked: the outcome stays unclear.
                record(AuditEntry.Outcome.UNKNOWN, failure, noAnswer + "; outcome unclear: " + action.apiName()
                        + " leaves no state to read back, and it was not sent again");
                return new Result(Status.UNKNOWN, null, failure, noAnswer + ": outcome unclear, the user may or may "
                        + "not be " + action.pastTense() + "; not sent again", true, auditProblem);
            }
            PoolUser now;
            try {
                now = read(target, who, stops, false);
            } catch (Stops.Stopped | RuntimeException error) {
                ConsoleFailure readFailure = error instanceof Stops.Stopped ? null : ConsoleFailure.from(error);
                if (readFailure != null && readFailure.kind() == ConsoleFailure.Kind.USER_NOT_FOUND) {
                    record(AuditEntry.Outcome.FAILED, failure, noAnswer + "; the user does not exist");
                    return result(Status.NOT_FOUND, null, failure, "No user " + who + " in " + target.poolId());
                }
                String why = readFailure == null ? "stopped by the operator" : readFailure.getMessage();
                LOG.warn("{} of {} in {}: no clear answer, and reading back failed: {}", action.apiName(), who,
                        target.poolId(), why, failure);
                record(AuditEntry.Outcome.UNKNOWN, failure, noAnswer + "; reading the user back failed: " + why);
                return new Result(Status.UNKNOWN, null, failure, noAnswer + ", and reading the user back failed ("
                        + why + "): the user may or may not be " + action.pastTense(), true, auditProblem);
            }
            if (action.reached(now.enabled())) {
                record(AuditEntry.Outcome.DONE, null, noAnswer + "; AdminGetUser reads " + now.enabledLabel());
                return new Result(Status.DONE, now, null, now.enabledLabel() + ", confirmed by AdminGetUser after "
                        + "no clear answer to " + action.apiName(), true, auditProblem);
            }
            record(AuditEntry.Outcome.FAILED, failure, noAnswer + "; AdminGetUser reads " + now.enabledLabel()
                    + ": not changed");
            return new Result(Status.NOT_CHANGED, now, failure, noAnswer + "; AdminGetUser reads "
                    + now.enabledLabel() + ": not changed", true, auditProblem);
        }

        /** Records the outcome; a line that cannot be written is reported with the result, never as a failed call. */
        private void record(AuditEntry.Outcome outcome, ConsoleFailure failure, String detail) {
            try {
                audit.outcome(operation, attempt, outcome, failure, detail);
            } catch (AuditUnavailable unavailable) {
                LOG.error("The outcome of {} of {} could not be recorded", action.apiName(), who, unavailable);
                auditProblem = unavailable.getMessage();
            }
        }

        private Result result(Status status, PoolUser user, ConsoleFailure failure, String detail) {
            return new Result(status, user, failure, detail, false, null).withAuditProblem(auditProblem);
        }
    }
}
