package dev.cognitoconsole.bulk;

import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.writes.ChangeEffects;
import dev.cognitoconsole.writes.Stops;
import dev.cognitoconsole.writes.UserWrites;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the users of a bulk change, one at a time, on the calling (background) thread. Each user is read
 * first and left alone when already in the wanted state, so running a batch again converges and never flips a
 * user twice. Each change goes through {@link UserWrites}, which guards, audits and reads it back; a failure that
 * would hit every user (credentials, pool, audit log, a guard turned on) pauses the run.
 */
final class BulkRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRunner.class);

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

    private final UserWrites writes;
    private final Sleeper sleeper;

    BulkRunner(UserWrites writes, Sleeper sleeper) {
        this.writes = writes;
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

    /** One user's turn; a pause or cancel ends its waits. */
    private final class Work implements Stops {
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
                String detail = "Nothing sent, as the user is " + ChangeEffects.needless(action);
                // A dry run writes nothing, the audit log included.
                String unrecorded = plan.dryRun() ? null : writes.skipped(request(before), detail);
                return done(BulkOutcome.SKIPPED, unrecorded == null ? detail
                        : detail + " (not recorded: the audit log cannot be written)", null, before);
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
            UserWrites.Result result = writes.write(request(before), this);
            Step step = stepFor(result, before);
            if (result.auditProblem() == null || step.halt() != null) {
                return step;
            }
            Result recorded = new Result(step.result().outcome(), step.result().detail()
                    + " (the audit log's outcome line could not be written)", step.result().errorType(),
                    step.result().user());
            return new Step(recorded, auditHalt(result.auditProblem()), false);
        }

        private UserWrites.Request request(PoolUser before) {
            return new UserWrites.Request(action, plan.target(), who, before.sub(), plan.reason(),
                    plan.confirmedAsProduction(), plan.runId());
        }

        private Step stepFor(UserWrites.Result result, PoolUser before) {
            ConsoleFailure failure = result.failure();
            return switch (result.status()) {
                case DONE -> done(BulkOutcome.DONE, result.detail(), null, result.user());
                case NOT_APPLIED -> done(BulkOutcome.FAILED, result.detail(), "NotApplied", result.user());
                case UNVERIFIED -> done(BulkOutcome.UNVERIFIED, result.detail(),
                        failure == null ? null : type(failure), null);
                case NOT_FOUND -> done(BulkOutcome.NOT_FOUND, result.detail(), null, null);
                case UNKNOWN -> new Step(new Result(BulkOutcome.UNKNOWN, result.detail(), type(failure), null), null,
                        true);
                case NOT_CHANGED -> {
                    if (result.unclear()) {
                        if (control.stopRequested()) {
                            yield interrupted("Stopped during the change; AdminGetUser reads "
                                    + result.user().enabledLabel() + ": not changed.");
                        }
                        yield new Step(new Result(BulkOutcome.FAILED, result.detail(), type(failure), result.user()),
                                null, true);
                    }
                    Result failed = new Result(BulkOutcome.FAILED, result.detail(), type(failure), before);
                    yield affectsEveryUser(failure) ? Step.halting(failed, failure) : new Step(failed, null, false);
                }
                case STOPPED -> interrupted(result.detail());
                case BLOCKED -> new Step(new Result(BulkOutcome.PENDING, "Not sent: " + result.detail(), null, before),
                        "Paused: " + result.detail() + " Nothing more is sent; Resume once changes are allowed.", false);
                case NEEDS_PRODUCTION_CONFIRMATION -> new Step(new Result(BulkOutcome.PENDING, "Not sent: "
                        + result.detail(), null, before), "Paused: " + result.detail()
                        + " Cancel this run and start it again to confirm with the count typed.", false);
                case AUDIT_UNAVAILABLE -> new Step(new Result(BulkOutcome.PENDING,
                        "Not sent: the audit log cannot be written", "AuditUnavailable", before),
                        auditHalt(result.detail()), false);
            };
        }

        private PoolUser read(boolean interruptible) throws Stopped {
            return writes.read(plan.target(), who, this, interruptible);
        }

        // Stops

        @Override
        public int throttledWriteTries() {
            return UserWrites.WRITE_TRIES;
        }

        @Override
        public boolean stopRequested() {
            return control.stopRequested();
        }

        @Override
        public <T> T call(Supplier<T> request) throws Stopped {
            return callStoppable(request);
        }

        @Override
        public void sleep(Duration wait) throws Stopped {
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

        private <T> T callStoppable(Supplier<T> request) throws Stopped {
            if (control.stopRequested()) {
                throw new Stopped();
            }
            control.interruptible(true);
            try {
                return request.get();
            } catch (CancellationException waitingForBudget) {
                control.interruptedFromOutside();
                throw new Stopped();
            } finally {
                control.interruptible(false);
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
            case CREDENTIALS_UNAVAILABLE -> failure instanceof ConsoleFailure.CredentialsUnavailable c
                    ? switch (c.recovery()) {
                        case SSO_SIGN_IN -> "the SSO session of profile " + c.profile() + " has expired";
                        case MFA_CODE -> "the role session of profile " + c.profile() + " needs an MFA code";
                        case RENEW_ELSEWHERE -> "the credentials of profile " + c.profile() + " are missing or expired";
                    }
                    : "the profile's credentials are missing or expired";
            default -> failure.getMessage();
        };
        String advice = failure instanceof ConsoleFailure.CredentialsUnavailable c ? c.advice() : "Fix it, then Resume.";
        return "Paused: " + what + " (" + type(failure) + "). Nothing more is sent. " + advice;
    }

    /** The sign-in that renews the credentials whose failure halted a run, if the console can do it. */
    private static ConsoleFailure.CredentialsUnavailable.Recovery signInFor(ConsoleFailure failure) {
        return failure instanceof ConsoleFailure.CredentialsUnavailable c && c.renewableInConsole()
                ? c.recovery() : null;
    }

    static String type(ConsoleFailure failure) {
        return UserWrites.type(failure);
    }

    private static String auditHalt(String problem) {
        return "Paused: the audit log cannot be written (" + problem + "). Nothing is changed without a record: "
                + "free disk space or fix the folder's permissions, then Resume.";
    }
}
