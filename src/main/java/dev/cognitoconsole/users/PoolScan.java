package dev.cognitoconsole.users;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.users.ListingPosition.Chain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load of a pool's users, run in the background: follows the chains of a {@link ListingPosition} side by
 * side and hands the users to the table in batches. A whole-pool listing shows its unsliced first page after one
 * round trip and lists the rest of the pool in slices by the first character of {@code sub}, each its own chain;
 * the rate budget, applied to every request by the directory, sets the pace. How a listing starts depends on
 * what the session knows of the pool ({@link Start}). A server that refuses or ignores the slice filter gets the
 * rest of the pool as one chain.
 */
final class PoolScan {
    private static final Logger LOG = LoggerFactory.getLogger(PoolScan.class);

    /** How a fresh whole-pool listing starts, from what this session learnt of the pool. */
    enum Start {
        /**
         * Nothing known yet: the first page and the 16 slices go out together, the slices behind the first page in
         * the budget, so that a large pool does not wait a round trip for its slices.
         */
        FIRST_PAGE_AND_SLICES,
        /** The pool fitted one page, or its subs do not slice: the first page alone, one request for a small pool. */
        FIRST_PAGE_ALONE,
        /** The pool was listed in slices: the 16 slices at once. */
        SLICES,
        /** The server does not list the pool by slices: one chain. */
        ONE_CHAIN
    }

    /** What the scan tells the table; each call runs on the UI thread. */
    interface Sink {
        void append(List<PoolUser> users, ListingPosition after);

        void activity(String note);

        /**
         * The server did not list the pool by slices: later loads of this pool go as one chain at once.
         *
         * @param placesLost whether the slices listed so far cannot be trusted, so the load cannot be continued
         */
        void slicesRefused(boolean placesLost);

        /**
         * Whether the pool is large enough to list in slices (more than one page of users whose subs slice), so
         * that later loads of it start in slices at once.
         */
        void sliceable(boolean large);
    }

    /** How long a failed load waits for the answers of requests already out: a hung one must not hold the banner. */
    static final Duration FAILING_GRACE = Duration.ofSeconds(2);

    /** A page or failure of a chain's request, or ({@code started}) word that the request got its start. */
    private record Answer(int round, int chain, Page<PoolUser> page, Throwable failure, boolean started) {
        Answer(int round, int chain, Page<PoolUser> page, Throwable failure) {
            this(round, chain, page, failure, false);
        }
    }

    private final UserDirectory directory;
    /** Runs each page request; {@code null}: on the scan's own thread, and the pool is listed as one chain. */
    private final TaskExecutor pages;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final Clock clock;
    private final PoolSelection target;
    private final UserFilter search;
    private final Start how;
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();

    private Chain[] chains;
    private TaskExecutor.Job[] running;
    /** Whether a chain's request is out (its answer may already wait in the queue). */
    private boolean[] asked;
    private int[] throttles;
    private boolean[] answered;
    private int round;
    /** The chain to launch next, so that the chains take turns. */
    private int cursor;
    private int inFlight;
    /** The requests allowed in flight together: halved when Cognito throttles, raised by one per that many pages. */
    private int inFlightLimit;
    private int pagesSinceRaise;
    private int throttleStreak;
    private Set<String> firstPage = new HashSet<>();
    /** The first characters of the subs on the unsliced first page. */
    private Set<Character> firstPageStarts = Set.of();
    /**
     * Whether a slice's page held only users of its slice where the unsliced first page held others: the server
     * applies the filter, so a failure before every slice has answered need not fall back to one chain.
     */
    private boolean filterShown;
    /** Whether every slice's first page was a page of its slice; until then their users wait in {@link #held}. */
    private boolean confirmed = true;
    private List<PoolUser> held = new ArrayList<>();
    private Chain unsliced;
    /**
     * Whether the slices went out beside the unsliced first page (the last chain), which has not answered yet: the
     * slices' answers wait in {@link #early} until it has, and their next pages are not asked for.
     */
    private boolean speculating;
    /** Whether the first page got its start from the budget, so that the slices may queue behind it. */
    private boolean firstPageStarted;
    private List<Answer> early = new ArrayList<>();
    private final List<PoolUser> pending = new ArrayList<>();
    private long lastPublish;
    private boolean publishedOnce;
    private long listed;
    /**
     * The failure that ends this load once the requests already sent have answered, or {@code null}: their pages
     * count against the quota, so they reach the table rather than being asked for again on Continue.
     */
    private ConsoleFailure failing;
    private long failingSince;

    PoolScan(UserDirectory directory, TaskExecutor pages, Sleeper sleeper, LongSupplier nanoClock, Clock clock,
             PoolSelection target, UserFilter search, Start start) {
        this.directory = directory;
        this.pages = pages;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.clock = clock;
        this.target = target;
        this.search = search;
        this.how = search == null && pages != null ? start : Start.ONE_CHAIN;
    }

    Void run(TaskExecutor.Job job, ListingPosition start, Sink sink) throws InterruptedException {
        boolean fresh = start.fresh() && !start.sliced();
        boolean atOnce = how == Start.SLICES && fresh;
        speculating = how == Start.FIRST_PAGE_AND_SLICES && fresh;
        if (atOnce) {
            follow(ListingPosition.slices(Set.of()).chains());
        } else if (speculating) {
            List<Chain> all = new ArrayList<>(ListingPosition.slices(Set.of()).chains());
            all.add(Chain.first(null));
            follow(all);
            cursor = all.size() - 1;
        } else {
            follow(start.chains());
        }
        firstPage.addAll(start.firstPage());
        lastPublish = nanoClock.getAsLong();
        try {
            while (!job.isCancelled()) {
                launchReady();
                if (failing != null && (inFlight == 0
                        || nanoClock.getAsLong() - failingSince >= FAILING_GRACE.toNanos())) {
                    fail(job, sink, failing);
                }
                if (inFlight == 0) {
                    if (atOnce && listed <= UserDirectory.USERS_PAGE_SIZE) {
                        job.publish(() -> sink.sliceable(false));
                    }
                    return null;
                }
                Answer answer = next();
                if (answer == null) {
                    if (!pending.isEmpty()) {
                        publish(job, sink);
                    }
                } else if (answer.round() == round) {
                    if (answer.started()) {
                        firstPageStarted = true;
                        continue;
                    }
                    inFlight--;
                    running[answer.chain()] = null;
                    if (speculating && answer.chain() != firstPageChain()) {
                        early.add(answer);
                        continue;
                    }
                    take(job, sink, answer);
                }
            }
            return null;
        } finally {
            cancelRunning();
        }
    }

    private void follow(List<Chain> next) {
        cancelRunning();
        round++;
        inFlight = 0;
        chains = next.toArray(new Chain[0]);
        running = new TaskExecutor.Job[chains.length];
        asked = new boolean[chains.length];
        throttles = new int[chains.length];
        answered = new boolean[chains.length];
        inFlightLimit = mostInFlight();
        pagesSinceRaise = 0;
        cursor = 0;
    }

    /** One request per chain at most. */
    private int mostInFlight() {
        return chains.length;
    }

    private void launchReady() {
        if (failing != null) {
            return;
        }
        for (int tried = 0; tried < chains.length && inFlight < inFlightLimit; tried++) {
            int i = cursor;
            cursor = (cursor + 1) % chains.length;
            if (!chains[i].done() && !asked[i] && (!speculating || firstPageStarted || i == firstPageChain())) {
                launch(i);
            }
        }
    }

    private void launch(int index) {
        int myRound = round;
        UserFilter filter = chains[index].filter(search);
        String token = chains[index].token();
        inFlight++;
        asked[index] = true;
        if (pages == null) {
            try {
                answers.add(new Answer(myRound, index, request(filter, token, () -> { }), null));
            } catch (RuntimeException failure) {
                answers.add(new Answer(myRound, index, null, failure));
            }
            return;
        }
        Runnable started = speculating && index == firstPageChain()
                ? () -> answers.add(new Answer(myRound, index, null, null, true)) : () -> { };
        running[index] = pages.run(j -> request(filter, token, started),
                page -> answers.add(new Answer(myRound, index, page, null)),
                failure -> answers.add(new Answer(myRound, index, null, failure)));
    }

    private Page<PoolUser> request(UserFilter filter, String token, Runnable started) {
        return directory.listUsers(target.connection(), target.poolId(), filter, token, started);
    }

    /** While speculating, the unsliced first page's chain: the last. */
    private int firstPageChain() {
        return chains.length - 1;
    }

    /** The next answer, or {@code null} when rows are waiting and it is time to show them. */
    private Answer next() throws InterruptedException {
        long now = nanoClock.getAsLong();
        long wait = pending.isEmpty() ? Long.MAX_VALUE : lastPublish + UserListing.PUBLISH_INTERVAL.toNanos() - now;
        if (failing != null) {
            wait = Math.min(wait, failingSince + FAILING_GRACE.toNanos() - now);
        }
        if (wait == Long.MAX_VALUE) {
            return answers.take();
        }
        return wait <= 0 ? answers.poll() : answers.poll(wait, TimeUnit.NANOSECONDS);
    }

    private void accepted(TaskExecutor.Job job, Sink sink, int index, Page<PoolUser> page)
            throws InterruptedException {
        Chain chain = chains[index];
        if (throttles[index] > 0) {
            job.publish(() -> sink.activity(null));
        }
        throttles[index] = 0;
        throttleStreak = 0;
        if (++pagesSinceRaise >= inFlightLimit && inFlightLimit < mostInFlight()) {
            inFlightLimit++;
            pagesSinceRaise = 0;
        }
        if (!page.items().stream().allMatch(u -> chain.holds(u.sub()))) {
            if (!confirmed) {
                fallBack(job, sink, "answers a sub filter with users outside it");
                return;
            }
            // The server stopped honouring the filter: Reload lists the pool as one chain, not in slices again.
            job.publish(() -> sink.slicesRefused(true));
            throw new ConsoleFailure.Unknown("ListUsers", null, target.connection().endpoint()
                    + " answered ListUsers with sub ^= \"" + chain.prefix() + "\" with users whose sub does not start "
                    + "so. Reload to list the pool again, as one chain of pages.", null, null);
        }
        chains[index] = chain.next(page.hasMore() ? page.nextToken() : null, clock.instant());
        listed += page.items().size();
        if (how != Start.ONE_CHAIN && chain.prefix() == null && !chain.started()) {
            firstPageAnswered(job, sink, index, page);
            return;
        }
        List<PoolUser> users = firstPage.isEmpty() ? page.items() : notShownYet(page.items());
        if (!confirmed) {
            held.addAll(users);
            answered[index] = true;
            filterShown |= !page.items().isEmpty()
                    && firstPageStarts.stream().anyMatch(c -> !chain.prefix().equals(String.valueOf(c)));
            if (allAnswered()) {
                confirmed = true;
                pending.addAll(held);
                held = List.of();
                publish(job, sink);
            }
            return;
        }
        pending.addAll(users);
        if (!publishedOnce || finished()
                || nanoClock.getAsLong() - lastPublish >= UserListing.PUBLISH_INTERVAL.toNanos()) {
            publish(job, sink);
        }
    }

    /**
     * The unsliced first page, shown at once. If there is more and its subs slice, the rest of the pool is listed
     * in slices; otherwise its chain goes on alone, and slices already out are dropped.
     */
    private void firstPageAnswered(TaskExecutor.Job job, Sink sink, int index, Page<PoolUser> page)
            throws InterruptedException {
        boolean slicesOut = speculating;
        speculating = false;
        pending.addAll(page.items());
        boolean large = !chains[index].done() && page.items().stream().allMatch(u -> slices(u.sub()));
        job.publish(() -> sink.sliceable(large));
        if (!large) {
            if (slicesOut) {
                early = new ArrayList<>();
                follow(List.of(chains[index]));
            }
            publish(job, sink);
            return;
        }
        unsliced = chains[index];
        firstPage = new HashSet<>();
        page.items().forEach(u -> firstPage.add(u.username()));
        firstPageStarts = page.items().stream().map(u -> u.sub().charAt(0)).collect(Collectors.toSet());
        filterShown = false;
        confirmed = false;
        held = new ArrayList<>();
        publish(job, sink);
        if (slicesOut) {
            joinSlices(job, sink);
        } else {
            follow(ListingPosition.slices(Set.of()).chains());
        }
    }

    /** The slices already out become the listing's chains; the answers that came before the first page's count now. */
    private void joinSlices(TaskExecutor.Job job, Sink sink) throws InterruptedException {
        int slices = chains.length - 1;
        chains = Arrays.copyOf(chains, slices);
        running = Arrays.copyOf(running, slices);
        asked = Arrays.copyOf(asked, slices);
        throttles = Arrays.copyOf(throttles, slices);
        answered = Arrays.copyOf(answered, slices);
        inFlightLimit = Math.min(inFlightLimit, slices);
        cursor = 0;
        List<Answer> arrived = early;
        early = new ArrayList<>();
        int myRound = round;
        for (Answer answer : arrived) {
            if (round != myRound) {
                return;
            }
            take(job, sink, answer);
        }
    }

    /** A chain's page or failure, its request no longer out. */
    private void take(TaskExecutor.Job job, Sink sink, Answer answer) throws InterruptedException {
        asked[answer.chain()] = false;
        if (answer.failure() == null) {
            accepted(job, sink, answer.chain(), answer.page());
        } else {
            refused(job, sink, answer.chain(), ConsoleFailure.from(answer.failure()));
        }
    }

    private void refused(TaskExecutor.Job job, Sink sink, int index, ConsoleFailure failure)
            throws InterruptedException {
        if (failure instanceof ConsoleFailure.TooManyRequests) {
            throttles[index]++;
            throttleStreak++;
            if (throttles[index] >= UserListing.THROTTLE_TRIES || job.isCancelled()) {
                endAfterInFlight(failure);
                return;
            }
            // Cognito's quota is shared by every slice: all of them slow down, not only the one refused.
            inFlightLimit = Math.max(1, inFlightLimit / 2);
            pagesSinceRaise = 0;
            // The slice's own tries set the wait; a streak of refusals across slices lengthens it too.
            Duration wait = UserListing.BACKOFF.after(Math.max(throttles[index], throttleStreak));
            String note = String.format("Cognito is throttling ListUsers; retrying in %.1f s (try %d of %d).",
                    wait.toMillis() / 1000.0, throttles[index] + 1, UserListing.THROTTLE_TRIES);
            job.publish(() -> sink.activity(note));
            sleeper.sleep(wait);
            return;
        }
        if (!confirmed && failure.kind() == ConsoleFailure.Kind.INVALID_PARAMETER) {
            fallBack(job, sink, "refuses the sub filter (" + failure.getMessage() + ")");
            return;
        }
        endAfterInFlight(failure);
    }

    /**
     * No more requests go out; the load ends with the first such failure once every request out has answered, or
     * after {@link #FAILING_GRACE}, whichever comes first.
     */
    private void endAfterInFlight(ConsoleFailure failure) {
        if (failing == null) {
            failing = failure;
            failingSince = nanoClock.getAsLong();
        }
        if (!confirmed && filterShown) {
            // Continue goes on in slices; the slices that answered keep their users and their places.
            confirmed = true;
            pending.addAll(held);
            held = List.of();
        }
    }

    private void fail(TaskExecutor.Job job, Sink sink, ConsoleFailure failure) {
        // Rows fetched before the failure stay in the table, and Continue resumes after them.
        publish(job, sink);
        throw failure;
    }

    private void fallBack(TaskExecutor.Job job, Sink sink, String why) {
        LOG.info("{} {} for pool {}: listing the pool as one chain of pages", target.connection().endpoint(), why,
                target.poolId());
        job.publish(() -> sink.slicesRefused(false));
        firstPage = new HashSet<>();
        held = List.of();
        confirmed = true;
        follow(List.of(unsliced));
    }

    private void publish(TaskExecutor.Job job, Sink sink) {
        List<PoolUser> batch = List.copyOf(pending);
        pending.clear();
        lastPublish = nanoClock.getAsLong();
        publishedOnce = true;
        ListingPosition after = position();
        job.publish(() -> sink.append(batch, after));
    }

    /** Where the table stands once the rows handed over so far are in it. */
    private ListingPosition position() {
        if (speculating) {
            return ListingPosition.start();
        }
        if (!confirmed) {
            return new ListingPosition(List.of(unsliced), Set.of());
        }
        return new ListingPosition(List.of(chains), firstPage);
    }

    private List<PoolUser> notShownYet(List<PoolUser> users) {
        List<PoolUser> fresh = new ArrayList<>(users.size());
        for (PoolUser user : users) {
            if (!firstPage.remove(user.username())) {
                fresh.add(user);
            }
        }
        return fresh;
    }

    private boolean allAnswered() {
        for (boolean a : answered) {
            if (!a) {
                return false;
            }
        }
        return true;
    }

    private boolean finished() {
        for (Chain chain : chains) {
            if (!chain.done()) {
                return false;
            }
        }
        return true;
    }

    /** Slicing covers a pool only if every sub starts with a lower-case hex digit, as Cognito's UUIDs do. */
    private static boolean slices(String sub) {
        return sub != null && !sub.isEmpty() && ListingPosition.SLICE_PREFIXES.indexOf(sub.charAt(0)) >= 0;
    }

    private void cancelRunning() {
        if (running == null) {
            return;
        }
        for (TaskExecutor.Job job : running) {
            if (job != null) {
                job.cancel();
            }
        }
    }
}
