package dev.cognitoconsole.aws;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts every attempt of a call against the call's rate budget from the moment it goes out: the first attempt's
 * start, granted before the call, is moved to when the SDK transmits it, and each retry waits for a start of its
 * own, as the server counts retries like any other request. The sync client runs a call's attempts on the calling
 * thread, so the budget is the calling thread's, set by {@link #during}.
 */
final class AttemptsInBudget implements ExecutionInterceptor {
    private static final ExecutionAttribute<int[]> ATTEMPTS = new ExecutionAttribute<>("console.attempts");
    private static final ThreadLocal<Budget> BUDGET = new ThreadLocal<>();

    /** Waits for one more start from the call's budget. */
    @FunctionalInterface
    interface Gate {
        RateBudgets.Ticket pass() throws InterruptedException;
    }

    private record Budget(RateBudgets.Ticket first, Gate gate) {
    }

    /** Runs {@code call}, whose first attempt holds {@code first} and whose retries wait at {@code gate}. */
    static <T> T during(RateBudgets.Ticket first, Gate gate, Supplier<T> call) {
        Budget before = BUDGET.get();
        BUDGET.set(new Budget(first, gate));
        try {
            return call.get();
        } finally {
            BUDGET.set(before);
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, new int[1]);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        int[] attempts = attributes.getAttribute(ATTEMPTS);
        Budget budget = BUDGET.get();
        if (attempts == null || budget == null) {
            return;
        }
        if (++attempts[0] == 1) {
            budget.first().wentOut();
            return;
        }
        try {
            budget.gate().pass().wentOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Stopped while a retry waited for the rate budget");
        }
    }
}
