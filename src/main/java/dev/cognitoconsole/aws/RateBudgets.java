package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.Connection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side request-rate budgets, one per Cognito quota category and connection. Cognito's quotas are per
 * account and region and shared with the production apps, so the console spends only part of each.
 */
public final class RateBudgets {

    /** Cognito's request-rate quota categories, with their default quota in requests per second. */
    public enum Category {
        USER_LIST(30, 15),
        USER_UPDATE(25, 10),
        USER_READ(120, 40),
        /** AdminListGroupsForUser, AdminListUserAuthEvents (and AdminListDevices). */
        USER_RESOURCE_READ(50, 20),
        POOL_READ(15, 5);

        private final int quota;
        private final int defaultBudget;

        Category(int quota, int defaultBudget) {
            this.quota = quota;
            this.defaultBudget = defaultBudget;
        }

        /** Cognito's default quota for the category, requests per second per account and region. */
        public int quota() {
            return quota;
        }

        public int defaultBudget() {
            return defaultBudget;
        }
    }

    private final Map<Category, Integer> budgets = new EnumMap<>(Category.class);
    private final Map<String, RequestWindow> limiters = new ConcurrentHashMap<>();
    private final boolean unlimited;

    private RateBudgets(boolean unlimited) {
        this.unlimited = unlimited;
        for (Category c : Category.values()) {
            budgets.put(c, c.defaultBudget());
        }
    }

    /** The default budgets: half or less of each quota. */
    public static RateBudgets defaults() {
        return new RateBudgets(false);
    }

    /** No budget at all: for benchmarks that measure the raw path. */
    public static RateBudgets unlimited() {
        return new RateBudgets(true);
    }

    /** Sets a category's budget, clamped to 1..quota; running limiters follow at once. */
    public synchronized int setBudget(Category category, int requestsPerSecond) {
        int clamped = Math.max(1, Math.min(category.quota(), requestsPerSecond));
        budgets.put(category, clamped);
        limiters.forEach((key, limiter) -> {
            if (key.endsWith("|" + category.name())) {
                limiter.setLimit(clamped);
            }
        });
        return clamped;
    }

    public synchronized int budget(Category category) {
        return budgets.get(category);
    }

    /**
     * Waits until a request of this category may go out on this connection: at most the budget's number of
     * requests start in any one-second window, however the window is placed.
     *
     * @return the start taken, to be told when the request actually goes out
     * @throws InterruptedException when the waiting thread is interrupted (the operator stopped the work)
     */
    public Ticket acquire(Connection connection, Category category) throws InterruptedException {
        if (unlimited) {
            return Ticket.NONE;
        }
        RequestWindow window = limiters.computeIfAbsent(key(connection, category),
                k -> new RequestWindow(budget(category), System::nanoTime));
        RequestWindow.Start start = window.acquire();
        return () -> window.wentOut(start, System.nanoTime());
    }

    /** A start taken from a budget. */
    @FunctionalInterface
    public interface Ticket {
        Ticket NONE = () -> { };

        /** The request goes out now: it counts against the budget from now, not from when its start was granted. */
        void wentOut();
    }

    // The account is not known without STS; the profile and region stand for it.
    private static String key(Connection connection, Category category) {
        return connection.profile().name() + "|" + connection.region() + "|" + category.name();
    }
}
