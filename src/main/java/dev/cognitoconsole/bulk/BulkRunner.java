package dev.cognitoconsole.bulk;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.audit.AuditUnavailable;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.users.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the users of a bulk change, one at a time, on the calling (background) thread. Each user is read
 * first and left alone when already in the wanted state, so running a batch again converges and never flips a
 * user twice. Every write is recorded in the audit trail before it is sent and its outcome after. Throttling is
 * absorbed with exponential backoff; a write without a clear answer is followed by a read, never by a blind
 * second write; every changed user is read back with AdminGetUser.
 */
final class BulkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRunner.class);

    /** Tries per write when Cognito throttles, on top of the SDK's own retries. */
    static final int WRITE_TRIES = 6;
    /** Tries per read when Cognito throttles. */
    static final int READ_TRIES = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(16);
    /** Users in a row without any answer from Cognito before the run pauses itself. */
    static final int NO_ANSWER_LIMIT = 3;

    /** One user to work on: its place in the result list and its name. */
    record Item(int index, String username) {
    }

    /**
     * What happened to one user.
     *
     * @param errorType the AWS error code (or the console's failure type) of a failure, else {@code null}
     * @param user      the user as last read, or {@code null}
     */
    record Result(BulkOutcome outcome, String detail, String errorType, PoolUser user) {
    }

    /** Hears about each user, on the worker thread. */
    interface Listener {
        void started(Item item);

        void finished(Item item, Result result);
    }

    enum Ending {
        /** Every item was worked on. */
        COMPLETED,
        /** The operator paused; the items not reached are still pending. */
        PAUSED,
        /** The operator cancelled; the items not reached are still pending, to be marked not sent. */
        CANCELLED,
        /** A failure that would hit every user (credentials, pool, audit log) paused the run. */
        HALTED
    }

    /**
     * How a run ended; {@code signIn} says how the operator can renew the credentials when expired ones halted it
     * (a sign-in or an MFA code; null otherwise).
     */
    record Report(Ending ending, String message, ConsoleFailure.CredentialsUnavailable.Recovery signIn) {
        Report(Ending ending, String message) {
            this(ending, message, null);
        }
    }

    /**
     * Pause and cancel, from any thread. The worker is interrupted only while it waits (for the rate budget, for a
     * backoff, for an answer to a call that may be cut short), never while it writes the audit trail.
     */
    static final class Control {
        private enum Request { NONE, PAUSE, CANCEL }

        private Request request = Request.NONE;
        private Thread worker;
        private boolean interruptible;

        synchronized void pause() {
            if (request == Request.NONE) {
                request = Request.PAUSE;
                wake();
            }
        }

        synchronized void cancel() {
            request = Request.CANCEL;
            wake();
        }

        synchronized boolean stopRequested() {
            return request != Request.NONE;
        }

        synchronized boolean cancelRequested() {
            return request == Request.CANCEL;
        }

        private void wake() {
            if (worker != null && interruptible) {
                worker.interrupt();
            }
        }

        synchronized void attach() {
            worker = Thread.currentThread();
        }

        // The worker thread goes back to a pool: it must not carry an interrupt meant for this run.
        synchronized void detach() {
            worker = null;
            interruptible = false;
            Thread.interrupted();
        }

        synchronized void interruptible(boolean on) {
            interruptible = on;
            if (!on) {
                Thread.interrupted();
            } else if (request != Request.NONE) {
                Thread.currentThread().interrupt();
            }
        }

        /** An interrupt from elsewhere (the console closing) stops the run like a pause. */
        synchronized void interruptedFromOutside() {
            if (request == Request.NONE) {
                request = Request.PAUSE;
            }
        }
    }

    private final UserDirectory directory;
    private final AuditTrail audit;
    private final Sleeper sleeper;

    BulkRunner(UserDirectory directory, AuditTrail audit, Sleeper sleeper) {
        this.directory = directory;
        this.audit = audit;
        this.sleeper = sleeper;
    }

    /** Works on {@code items} in order until done, paused, cancelled or halted. Blocks: call it in the background. */
    Report run(BulkPlan plan, List<Item> items, Control control, Listener listener) {
        control.attach();
        try {
            int withoutAnswer = 0;
            for (Item item : items) {
                if (control.stopRequested()) {
                    break;
                }
                listener.started(item);
                Step step = new Work(plan, item, control).process();
                listener.finished(item, step.result());
                if (step.halt() != null) {
                    return new Report(Ending.HALTED, step.halt(), step.signIn());
                }
                withoutAnswer = step.noAnswer() ? withoutAnswer + 1 : 0;
                if (withoutAnswer >= NO_ANSWER_LIMIT) {
                    return new Report(Ending.HALTED, "Paused: no answer from Cognito for " + NO_ANSWER_LIMIT
                            + " users in a row (" + step.result().errorType() + "). Check the network, then Resume.");
                }
            }
            if (control.cancelRequested()) {
                return new Report(Ending.CANCELLED, null);
            }
            return control.stopRequested() ? new Report(Ending.PAUSED, null) : new Report(Ending.COMPLETED, null);
        } finally {
            control.detach();
        }
    }

    private record Step(Result result, String halt, boolean noAnswer,
                        ConsoleFailure.CredentialsUnavailable.Recovery signIn) {
        Step(Result result, String halt, boolean noAnswer) {
            this(result, halt, noAnswer, null);
        }

        /** A step that halts the run because {@code failure} would hit every user. */
        static Step halting(Result result, ConsoleFailure failure) {
            return new Step(result, haltMessage(failure), false, signInFor(failure));
        }
    }

    /** The pause or cancel reached a wait: the step in progress ends here. */
    private static final class Stopped extends Exception {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** One user's turn. */
    private final class Work {
        private final BulkPlan plan;
        private final Item item;
        private final Control control;
        private final UserAction action;
        private final String who;

        Work(BulkPlan plan, Item item, Control control) {
            this.plan = plan;
            this.item = item;
            this.control = control;
            this.action = plan.action();
            this.who = item.username();
        }

        Step process() {
            PoolUser before;
            try {
                before = read(true);
            } catch (Stopped stopped) {
                return interrupted("Stopped before the user was read; nothing was sent.");
            } catch (ConsoleFailure failure) {
                if (control.stopRequested() && failure.outcomeUnknown()) {
                    // The pause or cancel cut the read short; nothing was written.
                    return interrupted("Stopped while the user was read; nothing was sent.");
                }
                if (failure.kind() == ConsoleFailure.Kind.USER_NOT_FOUND) {
                    return done(BulkOutcome.NOT_FOUND, "No user " + who + " in " + plan.target().poolId(), null, null);
                }
                if (affectsEveryUser(failure)) {
                    return Step.halting(new Result(BulkOutcome.PENDING, "Not read: " + failure.getMessage(),
                            type(failure), null), failure);
                }
                LOG.warn("Reading {} in {} failed", who, plan.target().poolId(), failure);
                return new Step(new Result(BulkOutcome.FAILED, "Reading the user failed: " + failure.getMessage(),
                        type(failure), null), null, failure.outcomeUnknown());
            }
            if (action.reached(before.enabled())) {
                return done(BulkOutcome.SKIPPED, "Already " + action.pastTense() + "; nothing sent", null, before);
            }
            if (plan.dryRun()) {
                return done(BulkOutcome.WOULD_CHANGE, before.enabledLabel() + " now; a real run would "
                        + action.label().toLowerCase() + " the user", null, before);
            }
            if (control.stopRequested()) {
                return interrupted("Stopped before the change was sent; nothing was sent.");
            }
            return write(before);
        }

        private Step write(PoolUser before) {
            AuditTrail.Attempt attempt = new AuditTrail.Attempt(plan.target().connection(), plan.target().poolId(),
                    who, before.sub(), action.apiName(), plan.reason());
            String operation;
            for (int tries = 1; ; tries++) {
                try {
                    // Every call is recorded before it goes out; when it cannot be recorded, it is not made.
                    operation = audit.attempt(attempt);
                } catch (AuditUnavailable unavailable) {
                    LOG.error("{} of {} not made: the audit log cannot be written", action.apiName(), who,
                            unavailable);
                    return new Step(new Result(BulkOutcome.PENDING, "Not sent: the audit log cannot be written",
                            "AuditUnavailable", before), "Paused: the audit log cannot be written ("
                            + unavailable.getMessage() + "). Nothing is changed without a record: free disk space or "
                            + "fix the folder's permissions, then Resume.", false);
                }
                try {
                    call(true, () -> {
                        if (action == UserAction.DISABLE) {
                            directory.disableUser(plan.target().connection(), plan.target().poolId(), who);
                        } else {
                            directory.enableUser(plan.target().connection(), plan.target().poolId(), who);
                        }
                        return null;
                    });
                    break;
                } catch (Stopped stopped) {
                    // Only the wait for the rate budget ends this way: the request never went out.
                    audit.outcome(operation, attempt, AuditEntry.Outcome.FAILED, null,
                            "Not sent: stopped by the operator while waiting for the rate budget");
                    return interrupted("Stopped while waiting for the rate budget; nothing was sent.");
                } catch (RuntimeException error) {
                    ConsoleFailure failure = ConsoleFailure.from(error);
                    if (failure.kind() == ConsoleFailure.Kind.TOO_MANY_REQUESTS && tries < WRITE_TRIES) {
                        Duration wait = backoffFor(tries);
                        audit.outcome(operation, attempt, AuditEntry.Outcome.FAILED, failure,
                                "Throttled; not changed. Trying again in " + wait.toMillis() + " ms");
                        try {
                            sleep(wait);
                            continue;
                        } catch (Stopped stopped) {
                            return interrupted("Throttled, then stopped before trying again; not changed.");
                        }
                    }
                    if (failure.outcomeUnknown()) {
                        return readBack(attempt, operation, failure);
                    }
                    audit.outcome(operation, attempt, AuditEntry.Outcome.FAILED, failure, null);
                    if (failure.kind() == ConsoleFailure.Kind.USER_NOT_FOUND) {
                        return done(BulkOutcome.NOT_FOUND, "No user " + who + " in " + plan.target().poolId(),
                                null, null);
                    }
                    LOG.warn("{} of {} in {} failed", action.apiName(), who, plan.target().poolId(), failure);
                    Result failed = new Result(BulkOutcome.FAILED, failure.getMessage(), type(failure), before);
                    return affectsEveryUser(failure) ? Step.halting(failed, failure) : new Step(failed, null, false);
                }
            }
            return verify(attempt, operation);
        }

        // ListUsers is eventually consistent: AdminGetUser says what Cognito now holds.
        private Step verify(AuditTrail.Attempt attempt, String operation) {
            PoolUser after;
            try {
                after = read(false);
            } catch (Stopped | RuntimeException error) {
                String why = error instanceof Stopped ? "stopped by the operator" : String.valueOf(error.getMessage());
                audit.outcome(operation, attempt, AuditEntry.Outcome.DONE, null,
                        "Cognito accepted; reading the user back failed: " + why);
                return done(BulkOutcome.UNVERIFIED, "Cognito accepted " + action.apiName()
                        + "; reading the user back failed: " + why, error instanceof Stopped ? null
                        : type(ConsoleFailure.from(error)), null);
            }
            if (action.reached(after.enabled())) {
                audit.outcome(operation, attempt, AuditEntry.Outcome.DONE, null,
                        "Cognito accepted; AdminGetUser reads " + after.enabledLabel());
                return done(BulkOutcome.DONE, after.enabledLabel() + ", confirmed by AdminGetUser", null, after);
            }
            audit.outcome(operation, attempt, AuditEntry.Outcome.DONE, null,
                    "Cognito accepted; but AdminGetUser reads " + after.enabledLabel());
            return done(BulkOutcome.FAILED, "Cognito accepted " + action.apiName() + ", but AdminGetUser still reads "
                    + after.enabledLabel() + "; another operator may have changed the user", "NotApplied", after);
        }

        /** The write got no clear answer: read the user to learn what happened instead of writing again. */
        private Step readBack(AuditTrail.Attempt attempt, String operation, ConsoleFailure failure) {
            String noAnswer = "No clear answer to " + action.apiName() + " (" + type(failure) + ")";
            PoolUser now;
            try {
                now = read(false);
            } catch (Stopped | RuntimeException error) {
                ConsoleFailure readFailure = error instanceof Stopped ? null : ConsoleFailure.from(error);
                if (readFailure != null && readFailure.kind() == ConsoleFailure.Kind.USER_NOT_FOUND) {
                    audit.outcome(operation, attempt, AuditEntry.Outcome.FAILED, failure,
                            noAnswer + "; the user does not exist");
                    return done(BulkOutcome.NOT_FOUND, "No user " + who + " in " + plan.target().poolId(), null, null);
                }
                String why = readFailure == null ? "stopped by the operator" : readFailure.getMessage();
                LOG.warn("{} of {} in {}: no clear answer, and reading back failed: {}", action.apiName(), who,
                        plan.target().poolId(), why, failure);
                audit.outcome(operation, attempt, AuditEntry.Outcome.UNKNOWN, failure,
                        noAnswer + "; reading the user back failed: " + why);
                return new Step(new Result(BulkOutcome.UNKNOWN, noAnswer + ", and reading the user back failed ("
                        + why + "): the user may or may not be " + action.pastTense(), type(failure), null),
                        null, true);
            }
            if (action.reached(now.enabled())) {
                audit.outcome(operation, attempt, AuditEntry.Outcome.DONE, null,
                        noAnswer + "; AdminGetUser reads " + now.enabledLabel());
                return done(BulkOutcome.DONE, now.enabledLabel() + ", confirmed by AdminGetUser after "
                        + "no clear answer to " + action.apiName(), null, now);
            }
            audit.outcome(operation, attempt, AuditEntry.Outcome.FAILED, failure,
                    noAnswer + "; AdminGetUser reads " + now.enabledLabel() + ": not changed");
            if (control.stopRequested()) {
                return interrupted("Stopped during the change; AdminGetUser reads " + now.enabledLabel()
                        + ": not changed.");
            }
            return new Step(new Result(BulkOutcome.FAILED, noAnswer + "; AdminGetUser reads " + now.enabledLabel()
                    + ": not changed", type(failure), now), null, true);
        }

        private PoolUser read(boolean interruptible) throws Stopped {
            for (int tries = 1; ; tries++) {
                try {
                    return call(interruptible, () -> directory.getUser(plan.target().connection(),
                            plan.target().poolId(), who));
                } catch (ConsoleFailure failure) {
                    if (failure.kind() != ConsoleFailure.Kind.TOO_MANY_REQUESTS || tries >= READ_TRIES) {
                        throw failure;
                    }
                    backoff(tries);
                }
            }
        }

        private <T> T call(boolean interruptible, Supplier<T> request) throws Stopped {
            if (interruptible) {
                if (control.stopRequested()) {
                    throw new Stopped();
                }
                control.interruptible(true);
            }
            try {
                return request.get();
            } catch (CancellationException waitingForBudget) {
                control.interruptedFromOutside();
                throw new Stopped();
            } finally {
                control.interruptible(false);
            }
        }

        private void backoff(int tries) throws Stopped {
            sleep(backoffFor(tries));
        }

        private void sleep(Duration wait) throws Stopped {
            if (control.stopRequested()) {
                throw new Stopped();
            }
            control.interruptible(true);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                control.interruptedFromOutside();
                throw new Stopped();
            } finally {
                control.interruptible(false);
            }
            if (control.stopRequested()) {
                throw new Stopped();
            }
        }

        private Step interrupted(String detail) {
            control.interruptedFromOutside();
            return done(control.cancelRequested() ? BulkOutcome.NOT_SENT : BulkOutcome.PENDING, detail, null, null);
        }

        private Step done(BulkOutcome outcome, String detail, String errorType, PoolUser user) {
            return new Step(new Result(outcome, detail, errorType, user), null, false);
        }
    }

    /** Failures that would hit every other user as well: the run pauses instead of failing them one by one. */
    private static boolean affectsEveryUser(ConsoleFailure failure) {
        return switch (failure.kind()) {
            case RESOURCE_NOT_FOUND, ACCESS_DENIED, CREDENTIALS_UNAVAILABLE -> true;
            default -> false;
        };
    }

    private static String haltMessage(ConsoleFailure failure) {
        String what = switch (failure.kind()) {
            case RESOURCE_NOT_FOUND -> "the user pool does not exist in this account and region";
            case ACCESS_DENIED -> "access denied"
                    + (failure instanceof ConsoleFailure.AccessDenied denied ? " (" + denied.iamAction() + ")" : "");
            case CREDENTIALS_UNAVAILABLE -> !(failure instanceof ConsoleFailure.CredentialsUnavailable c)
                    ? "the profile's credentials are missing or expired"
                    : switch (c.recovery()) {
                        case SSO_SIGN_IN -> "the SSO session of profile " + c.profile() + " has expired: press Sign in "
                                + "(or run aws sso login --profile " + c.profile() + ")";
                        case MFA_CODE -> "the role session of profile " + c.profile()
                                + " needs an MFA code: press Enter MFA code";
                        case RENEW_ELSEWHERE -> "the credentials of profile " + c.profile()
                                + " are missing or expired: " + (c.fix() != null ? c.fix() : "renew them");
                    };
            default -> failure.getMessage();
        };
        return "Paused: " + what + " (" + type(failure) + "). Nothing more is sent; fix it, then Resume.";
    }

    /** The sign-in that renews the credentials whose failure halted a run, if the console can do it. */
    private static ConsoleFailure.CredentialsUnavailable.Recovery signInFor(ConsoleFailure failure) {
        return failure instanceof ConsoleFailure.CredentialsUnavailable c && c.renewableInConsole()
                ? c.recovery() : null;
    }

    /** 1 s, 2 s, 4 s, ... up to {@link #MAX_BACKOFF}. */
    static Duration backoffFor(int tries) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(tries - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    static String type(ConsoleFailure failure) {
        return failure.awsCode() != null ? failure.awsCode() : failure.getClass().getSimpleName();
    }
}
