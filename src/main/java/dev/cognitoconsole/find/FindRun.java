package dev.cognitoconsole.find;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * One search across places: lists each place's pools, then runs the filtered ListUsers of every pool (every page),
 * all at once on the workers, so the rate budgets, not the round trips, set the pace. Reports to its
 * {@link Listener} from the calling thread only, in the order answers arrive.
 */
final class FindRun {

    /** What a search learns, told on the thread that called {@link #run}. */
    interface Listener {
        void listed(Connection place, List<UserPool> pools);

        void notListed(Connection place, ConsoleFailure failure);

        void found(Connection place, UserPool pool, List<PoolUser> users);

        void poolDone(Connection place, UserPool pool);

        void poolFailed(Connection place, UserPool pool, ConsoleFailure failure);

        void account(String profile, String account);
    }

    private sealed interface Answer {
    }

    private record Listed(Connection place, List<UserPool> pools) implements Answer {
    }

    private record NotListed(Connection place, ConsoleFailure failure) implements Answer {
    }

    private record PageRead(Connection place, UserPool pool, Page<PoolUser> page) implements Answer {
    }

    private record PageFailed(Connection place, UserPool pool, ConsoleFailure failure) implements Answer {
    }

    private record Account(String profile, String account) implements Answer {
    }

    private final PoolLists poolLists;
    private final UserDirectory directory;
    private final Function<Connection, Optional<CallerIdentity>> callers;
    private final ExecutorService workers;
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final List<Future<?>> calls = new ArrayList<>();

    /**
     * @param callers who AWS sees behind a connection (its account), or {@code null} to not ask
     */
    FindRun(PoolLists poolLists, UserDirectory directory, Function<Connection, Optional<CallerIdentity>> callers,
            ExecutorService workers) {
        this.poolLists = poolLists;
        this.directory = directory;
        this.callers = callers;
        this.workers = workers;
    }

    /**
     * Searches every place with {@code filter}; returns once every pool answered or failed.
     *
     * @param accountsToAsk the profiles whose account is not known yet, one place of each
     * @throws InterruptedException when the search is stopped; the calls still out are cancelled
     */
    void run(List<Connection> places, Map<String, Connection> accountsToAsk, UserFilter filter, Listener listener)
            throws InterruptedException {
        int outstanding = 0;
        try {
            for (Connection place : places) {
                submit(() -> list(place));
                outstanding++;
            }
            if (callers != null) {
                for (Map.Entry<String, Connection> entry : new LinkedHashMap<>(accountsToAsk).entrySet()) {
                    submit(() -> account(entry.getKey(), entry.getValue()));
                    outstanding++;
                }
            }
            while (outstanding > 0) {
                Answer answer = answers.take();
                outstanding--;
                if (answer instanceof Listed l) {
                    listener.listed(l.place(), l.pools());
                    for (UserPool pool : l.pools()) {
                        submit(() -> search(l.place(), pool, filter, null));
                        outstanding++;
                    }
                } else if (answer instanceof NotListed n) {
                    listener.notListed(n.place(), n.failure());
                } else if (answer instanceof PageRead p) {
                    if (!p.page().items().isEmpty()) {
                        listener.found(p.place(), p.pool(), p.page().items());
                    }
                    if (p.page().hasMore()) {
                        String token = p.page().nextToken();
                        submit(() -> search(p.place(), p.pool(), filter, token));
                        outstanding++;
                    } else {
                        listener.poolDone(p.place(), p.pool());
                    }
                } else if (answer instanceof PageFailed f) {
                    listener.poolFailed(f.place(), f.pool(), f.failure());
                } else if (answer instanceof Account a && a.account() != null) {
                    listener.account(a.profile(), a.account());
                }
            }
        } finally {
            calls.forEach(call -> call.cancel(true));
        }
    }

    private void submit(Runnable call) {
        calls.add(workers.submit(call));
    }

    private void list(Connection place) {
        try {
            answers.add(new Listed(place, poolLists.pools(place)));
        } catch (CancellationException stopped) {
            // The search was stopped while the call waited for its budget: nobody waits for the answer.
        } catch (RuntimeException e) {
            answers.add(new NotListed(place, ConsoleFailure.from(e)));
        }
    }

    private void search(Connection place, UserPool pool, UserFilter filter, String token) {
        try {
            answers.add(new PageRead(place, pool, directory.listUsers(place, pool.id(), filter, token)));
        } catch (CancellationException stopped) {
            // As in list: stopped.
        } catch (RuntimeException e) {
            answers.add(new PageFailed(place, pool, ConsoleFailure.from(e)));
        }
    }

    private void account(String profile, Connection place) {
        String account = null;
        try {
            account = callers.apply(place).map(CallerIdentity::account).orElse(null);
        } catch (RuntimeException unknown) {
            // The account column stays empty: who the caller is does not decide what is found.
        }
        answers.add(new Account(profile, account));
    }
}
