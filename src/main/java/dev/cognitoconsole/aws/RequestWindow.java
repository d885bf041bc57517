package dev.cognitoconsole.aws;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets at most {@code limit} requests start in any window of a second, whatever the window's alignment:
 * Cognito and a server's own counters may count in windows that start anywhere. Waiting requests start in the
 * order they asked, so that side-by-side chains of pages advance together and none is left to finish alone.
 */
final class RequestWindow {
    /** A little over a second, so that a request sent a few milliseconds late still lands in its own window. */
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1_020);

    /** The longest a waiting request sleeps before it reads the clock again. */
    private static final long LONGEST_NAP = TimeUnit.MILLISECONDS.toNanos(50);

    private final LongSupplier nanoClock;
    /** The start times of the last {@code limit} requests, oldest at {@code next}. */
    private long[] starts;
    private int next;
    /** The requests waiting, in the order they asked; only the first may start. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();

    RequestWindow(int limit, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.starts = free(limit);
    }

    /** A start taken: its slot and when it was granted, which no later start in that slot shares. */
    record Start(int slot, long at) {
    }

    synchronized void setLimit(int limit) {
        if (limit == starts.length) {
            return;
        }
        long[] ordered = new long[starts.length];
        for (int i = 0; i < starts.length; i++) {
            ordered[i] = starts[(next + i) % starts.length];
        }
        long[] resized = free(limit);
        int kept = Math.min(limit, ordered.length);
        // The most recent starts still count against the new limit; slots the new limit adds are free.
        System.arraycopy(ordered, ordered.length - kept, resized, limit - kept, kept);
        starts = resized;
        next = 0;
        notifyAll();
    }

    /**
     * Takes a start now if the limit leaves one: returns 0, and the caller may send at once. Otherwise returns how
     * long to wait before asking again. A start is counted when it is granted, not when it was first asked for, so
     * a thread that wakes late cannot bunch its request with the next second's.
     */
    synchronized long tryAcquire() {
        long now = nanoClock.getAsLong();
        long free = starts[next] + WINDOW_NANOS;
        if (free > now) {
            return free - now;
        }
        starts[next] = now;
        next = (next + 1) % starts.length;
        return 0;
    }

    /**
     * The request of {@code start} went out at {@code at}, later than its start was granted: it counts in the window
     * from then. A first request on a new client or connection can leave well after its start (the SDK's first use,
     * a TLS handshake), and the server counts it when it arrives, next to requests granted a window later.
     */
    synchronized void wentOut(Start start, long at) {
        // A slot granted again, or moved by a new limit, holds another time: the word is not about it.
        if (start.slot() < starts.length && starts[start.slot()] == start.at() && at > start.at()) {
            starts[start.slot()] = at;
        }
    }

    /** Waits until a request may start, behind every request that asked before it; returns the start taken. */
    synchronized Start acquire() throws InterruptedException {
        Object turn = new Object();
        waiting.addLast(turn);
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("Stopped while waiting for the rate budget");
                }
                if (waiting.peekFirst() != turn) {
                    wait();
                    continue;
                }
                long wait = tryAcquire();
                if (wait == 0) {
                    int slot = (next + starts.length - 1) % starts.length;
                    return new Start(slot, starts[slot]);
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(wait, LONGEST_NAP));
            }
        } finally {
            waiting.remove(turn);
            notifyAll();
        }
    }

    /** How many requests are waiting for a start. */
    synchronized int waiting() {
        return waiting.size();
    }

    private static long[] free(int limit) {
        long[] slots = new long[limit];
        Arrays.fill(slots, Long.MIN_VALUE / 2);
        return slots;
    }
}
