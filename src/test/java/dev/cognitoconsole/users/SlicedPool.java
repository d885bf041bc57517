package dev.cognitoconsole.users;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.MfaSettings;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.SignInHistory;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.model.UserPool;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A pool whose ListUsers pages as Cognito's do under change: ordered by {@code sub}, each token a cursor after
 * the last user listed, so users added or removed mid-listing are seen or missed as a sequential listing would.
 * Filters on {@code sub} and {@code username} (exact or prefix) are honoured, unless told to refuse or ignore them.
 * Thread-safe: a sliced listing asks it from several threads.
 */
final class SlicedPool implements UserDirectory {

    /** One ListUsers request: the filter expression ({@code null}: none) and the token. */
    record Request(String filter, String token) {
    }

    private final TreeMap<String, PoolUser> bySub = new TreeMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<ConsoleFailure>> failures = new HashMap<>();
    private final Random random = new Random(19);
    private Consumer<Request> hook = r -> { };
    private boolean refuseSubFilter;
    private boolean ignoreFilters;
    private int counter;

    /** {@code count} users with random lower-case UUID subs. */
    synchronized List<PoolUser> add(int count) {
        List<PoolUser> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(add(new UUID(random.nextLong(), random.nextLong()).toString()));
        }
        return made;
    }

    /** One user with this sub. */
    synchronized PoolUser add(String sub) {
        PoolUser user = new PoolUser(String.format("user%07d", ++counter), sub, null, true, "CONFIRMED",
                Instant.EPOCH, Instant.EPOCH, Map.of("sub", sub));
        bySub.put(sub, user);
        return user;
    }

    synchronized void remove(PoolUser user) {
        bySub.remove(user.sub());
    }

    synchronized List<PoolUser> all() {
        return List.copyOf(bySub.values());
    }

    /** Runs before each request is answered (outside the pool's lock), with the request. */
    synchronized SlicedPool onRequest(Consumer<Request> action) {
        hook = action;
        return this;
    }

    /** Requests with this filter expression fail with these failures in turn, then are answered. */
    synchronized SlicedPool fail(String filter, ConsoleFailure... inTurn) {
        failures.computeIfAbsent(filter, f -> new ArrayDeque<>()).addAll(List.of(inTurn));
        return this;
    }

    /** Answers a filter on sub with InvalidParameterException, as an old endpoint or emulator may. */
    synchronized SlicedPool refuseSubFilter() {
        refuseSubFilter = true;
        return this;
    }

    /** Answers every request as if it had no filter. */
    synchronized SlicedPool ignoreFilters() {
        ignoreFilters = true;
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Page<PoolUser> listUsers(Connection connection, String poolId, UserFilter filter, String token) {
        String expression = filter == null ? null : filter.expression();
        Request request = new Request(expression, token);
        Consumer<Request> before;
        synchronized (this) {
            requests.add(request);
            before = hook;
        }
        before.accept(request);
        synchronized (this) {
            Deque<ConsoleFailure> queued = failures.get(expression);
            if (queued != null && !queued.isEmpty()) {
                throw queued.removeFirst();
            }
            if (refuseSubFilter && filter != null && filter.attribute() == UserFilter.Attribute.SUB) {
                throw new ConsoleFailure.InvalidParameter("ListUsers", "Invalid search filter", "req-refused", null);
            }
            UserFilter applied = ignoreFilters ? null : filter;
            String after = token == null ? null : token.substring(token.indexOf('|') + 1);
            List<PoolUser> page = new ArrayList<>();
            String last = null;
            for (PoolUser user : (after == null ? bySub : bySub.tailMap(after, false)).values()) {
                if (page.size() == USERS_PAGE_SIZE) {
                    break;
                }
                last = user.sub();
                if (applied == null || matches(applied, user)) {
                    page.add(user);
                }
            }
            boolean more = last != null && bySub.higherKey(last) != null && page.size() == USERS_PAGE_SIZE;
            return new Page<>(page, more ? expression + "|" + last : null);
        }
    }

    private static boolean matches(UserFilter filter, PoolUser user) {
        String actual = filter.attribute() == UserFilter.Attribute.SUB ? user.sub() : user.username();
        return filter.match() == UserFilter.Match.EXACT ? actual.equals(filter.value())
                : actual.startsWith(filter.value());
    }

    @Override
    public Page<UserPool> listPools(Connection connection, String nextToken) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PoolUser getUser(Connection connection, String poolId, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void disableUser(Connection connection, String poolId, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void enableUser(Connection connection, String poolId, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void globalSignOut(Connection connection, String poolId, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MfaSettings getMfaSettings(Connection connection, String poolId, String username) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<UserGroup> listGroupsForUser(Connection connection, String poolId, String username, String nextToken) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SignInHistory listUserAuthEvents(Connection connection, String poolId, String username, String nextToken) {
        throw new UnsupportedOperationException();
    }
}
