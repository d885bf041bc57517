package dev.cognitoconsole.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Notes, per call, how many attempts went out without a clear refusal (a 4xx answer). When the SDK retries a write
 * whose first attempt was cut off or timed out, and the retry is then refused (throttled, say), the last error alone
 * says "not changed" although the first attempt may have been applied; the failed call then carries an
 * {@link Unclear} marker, and {@link FailureMapper} reports its outcome as unknown.
 */
final class UnclearAttempts implements ExecutionInterceptor {
    private static final ExecutionAttribute<int[]> COUNTS = new ExecutionAttribute<>("console.unclearAttempts");
    private static final int SENT = 0;
    private static final int REFUSED = 1;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(COUNTS, new int[2]);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counts(attributes)[SENT]++;
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        if (status >= 400 && status < 500) {
            counts(attributes)[REFUSED]++;
        }
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        int[] counts = counts(attributes);
        Throwable error = context.exception();
        if (counts[SENT] - counts[REFUSED] > 0) {
            error.addSuppressed(new Unclear(counts[SENT] - counts[REFUSED]));
        }
        return error;
    }

    /** Whether {@code error} went through attempts that got no clear refusal. */
    static boolean hadUnclearAttempt(Throwable error) {
        for (Throwable suppressed : error.getSuppressed()) {
            if (suppressed instanceof Unclear) {
                return true;
            }
        }
        return false;
    }

    private static int[] counts(ExecutionAttributes attributes) {
        int[] counts = attributes.getAttribute(COUNTS);
        if (counts == null) {
            counts = new int[2];
            attributes.putAttribute(COUNTS, counts);
        }
        return counts;
    }

    /** The marker: attempts that went out and were not clearly refused. */
    static final class Unclear extends RuntimeException {
        Unclear(int attempts) {
            super(attempts + " attempt(s) without a clear refusal", null, false, false);
        }
    }
}
