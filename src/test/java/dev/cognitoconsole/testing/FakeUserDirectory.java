package dev.cognitoconsole.testing;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.AuthEvent;
import dev.cognitoconsole.model.MfaSettings;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.SignInHistory;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An in-memory {@link UserDirectory}: pools per profile and region, users per pool, paged with tokens in
 * configurable page sizes. It records every call, can fail the next call of an operation with a given
 * {@link ConsoleFailure}, and can run a hook when an operation is called (to act "while it is in flight").
 */
public final class FakeUserDirectory implements UserDirectory {
    private UserFilter lastFilter;
    public static final String LIST_POOLS = "ListUserPools";
    public static final String LIST_USERS = "ListUsers";
    public static final String GET_USER = "AdminGetUser";
    public static final String DISABLE_USER = "AdminDisableUser";
    public static final String ENABLE_USER = "AdminEnableUser";
    public static final String SIGN_OUT = "AdminUserGlobalSignOut";
    public static final String LIST_GROUPS_FOR_USER = "AdminListGroupsForUser";
    public static final String LIST_AUTH_EVENTS = "AdminListUserAuthEvents";

    /**
     * One call made to the directory.
     *
     * @param operation the API operation, such as {@code ListUsers}
     * @param profile   the connection's profile name
     * @param region    the connection's region
     * @param poolId    the pool, or {@code null} for ListUserPools
     * @param argument  the token for a listing, the user name for a user operation
     */
    public record Call(String operation, String profile, String region, String poolId, String argument) {
    }

    private final Map<String, List<UserPool>> poolsByConnection = new HashMap<>();
    private final Map<String, List<PoolUser>> usersByPool = new LinkedHashMap<>();
    private final Map<String, Deque<ConsoleFailure>> failures = new HashMap<>();
    private final Map<String, List<Consumer<Call>>> hooks = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, List<UserGroup>> groupsByUser = new HashMap<>();
    private final Map<String, List<AuthEvent>> eventsByUser = new HashMap<>();
    private final Map<String, MfaSettings> mfaByUser = new HashMap<>();
    private boolean signInsKept = true;
    private int detailsPageSize = GROUPS_PAGE_SIZE;
    private int poolsPageSize = POOLS_PAGE_SIZE;
    private int usersPageSize = USERS_PAGE_SIZE;
    private int[] usersPageSizes = new int[0];
    private boolean ignoreWrites;

    // Set-up

    /** Pools that ListUserPools returns for this profile and region; each pool starts with no users. */
    public synchronized FakeUserDirectory addPools(String profile, String region, UserPool... pools) {
        poolsByConnection.computeIfAbsent(key(profile, region), k -> new ArrayList<>()).addAll(Arrays.asList(pools));
        for (UserPool pool : pools) {
            usersByPool.computeIfAbsent(pool.id(), k -> new ArrayList<>());
        }
        return this;
    }

    /** Users of a pool, in ListUsers order; the pool becomes known even when {@code users} is empty. */
    public synchronized FakeUserDirectory addUsers(String poolId, List<PoolUser> users) {
        usersByPool.computeIfAbsent(poolId, k -> new ArrayList<>()).addAll(users);
        return this;
    }

    public FakeUserDirectory addUsers(String poolId, PoolUser... users) {
        return addUsers(poolId, Arrays.asList(users));
    }

    /** Groups of a user of a pool, in AdminListGroupsForUser order. */
    public synchronized FakeUserDirectory addGroups(String poolId, String username, UserGroup... groups) {
        groupsByUser.computeIfAbsent(poolId + "/" + username, k -> new ArrayList<>()).addAll(Arrays.asList(groups));
        return this;
    }

    /** Sign-in events of a user of a pool, newest first. */
    public synchronized FakeUserDirectory addAuthEvents(String poolId, String username, AuthEvent... events) {
        eventsByUser.computeIfAbsent(poolId + "/" + username, k -> new ArrayList<>()).addAll(Arrays.asList(events));
        return this;
    }

    /** The MFA settings AdminGetUser reports for a user (none set: no MFA). */
    public synchronized FakeUserDirectory setMfa(String poolId, String username, MfaSettings mfa) {
        mfaByUser.put(poolId + "/" + username, mfa);
        return this;
    }

    /** Every pool answers sign-in history as a pool without threat protection does. */
    public synchronized FakeUserDirectory signInsNotKept() {
        signInsKept = false;
        return this;
    }

    /** Page size of the groups and sign-in event listings. */
    public synchronized FakeUserDirectory detailsPageSize(int size) {
        detailsPageSize = size;
        return this;
    }

    public synchronized FakeUserDirectory poolsPageSize(int size) {
        poolsPageSize = size;
        return this;
    }

    public synchronized FakeUserDirectory usersPageSize(int size) {
        usersPageSize = size;
        return this;
    }

    /**
     * Sizes of the first ListUsers pages of a listing, in order (0 gives an empty page that still carries a
     * token, as Cognito may); later pages use {@link #usersPageSize(int)}.
     */
    public synchronized FakeUserDirectory usersPageSizes(int... sizes) {
        usersPageSizes = sizes.clone();
        return this;
    }

    /** The next call of {@code operation} throws {@code failure} (queued: several calls fail in order). */
    public synchronized FakeUserDirectory failNext(String operation, ConsoleFailure failure) {
        failures.computeIfAbsent(operation, k -> new ArrayDeque<>()).addLast(failure);
        return this;
    }

    /**
     * Runs {@code hook} on every call of {@code operation}, after it is recorded and before it is answered.
     * A hook may throw a {@link ConsoleFailure} to fail that call.
     */
    public synchronized FakeUserDirectory onCall(String operation, Consumer<Call> hook) {
        hooks.computeIfAbsent(operation, k -> new ArrayList<>()).add(hook);
        return this;
    }

    /** From now on, disable and enable succeed without changing the user, as if another operator undid it. */
    public synchronized FakeUserDirectory ignoreWrites() {
        ignoreWrites = true;
        return this;
    }

    // Inspection

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** Forgets the calls recorded so far, so that a test can assert on what follows. */
    public synchronized void forgetCalls() {
        calls.clear();
    }

    /** The user as the fake holds it now. */
    public synchronized PoolUser user(String poolId, String username) {
        return find(poolId, username);
    }

    // UserDirectory

    @Override
    public Page<UserPool> listPools(Connection connection, String nextToken) {
        record(LIST_POOLS, connection, null, nextToken);
        synchronized (this) {
            List<UserPool> all = poolsByConnection.getOrDefault(key(connection.profile().name(),
                    connection.region()), List.of());
            int offset = offsetOf(LIST_POOLS, nextToken);
            int end = Math.min(all.size(), offset + poolsPageSize);
            return new Page<>(all.subList(offset, end), end < all.size() ? "pools-" + end : null);
        }
    }

    @Override
    public Page<PoolUser> listUsers(Connection connection, String poolId, UserFilter filter,
                                    String paginationToken) {
        record(LIST_USERS, connection, poolId, paginationToken);
        synchronized (this) {
            lastFilter = filter;
            List<PoolUser> all = usersOf(LIST_USERS, poolId).stream()
                    .filter(u -> filter == null || matches(filter, u))
                    .toList();
            int index = 0;
            int offset = 0;
            if (paginationToken != null) {
                String[] parts = paginationToken.split("-");
                if (parts.length != 3 || !parts[0].equals("users")) {
                    throw new ConsoleFailure.InvalidParameter(LIST_USERS, "bad token " + paginationToken, "req-fake", null);
                }
                index = Integer.parseInt(parts[1]);
                offset = Integer.parseInt(parts[2]);
            }
            int size = index < usersPageSizes.length ? usersPageSizes[index] : usersPageSize;
            int end = Math.min(all.size(), offset + size);
            String next = end < all.size() ? "users-" + (index + 1) + "-" + end : null;
            return new Page<>(all.subList(offset, end), next);
        }
    }

    /** The filter of the last ListUsers call, or {@code null}. */
    public synchronized UserFilter lastFilter() {
        return lastFilter;
    }

    // Enough of Cognito's filter semantics for ViewModel tests: exact or prefix on one attribute.
    private static boolean matches(UserFilter filter, PoolUser user) {
        String actual = switch (filter.attribute()) {
            case USERNAME -> user.username();
            case CONFIRMATION_STATUS -> user.status();
            case ENABLED_STATE -> user.enabledLabel();
            default -> user.attributes().get(filter.attribute().apiName());
        };
        if (actual == null) {
            return false;
        }
        return filter.match() == UserFilter.Match.EXACT ? actual.equals(filter.value())
                : actual.startsWith(filter.value());
    }

    @Override
    public PoolUser getUser(Connection connection, String poolId, String username) {
        record(GET_USER, connection, poolId, username);
        synchronized (this) {
            usersOf(GET_USER, poolId);
            PoolUser user = find(poolId, username);
            if (user == null) {
                throw new ConsoleFailure.UserNotFound(GET_USER, "User does not exist.", "req-fake", null);
            }
            return user;
        }
    }

    @Override
    public MfaSettings getMfaSettings(Connection connection, String poolId, String username) {
        record(GET_USER, connection, poolId, username);
        synchronized (this) {
            existing(GET_USER, poolId, username);
            return mfaByUser.getOrDefault(poolId + "/" + username, new MfaSettings(List.of(), null));
        }
    }

    @Override
    public Page<UserGroup> listGroupsForUser(Connection connection, String poolId, String username,
                                             String nextToken) {
        record(LIST_GROUPS_FOR_USER, connection, poolId, username);
        synchronized (this) {
            existing(LIST_GROUPS_FOR_USER, poolId, username);
            return page(groupsByUser.getOrDefault(poolId + "/" + username, List.of()), nextToken);
        }
    }

    @Override
    public SignInHistory listUserAuthEvents(Connection connection, String poolId, String username,
                                            String nextToken) {
        record(LIST_AUTH_EVENTS, connection, poolId, username);
        synchronized (this) {
            existing(LIST_AUTH_EVENTS, poolId, username);
            if (!signInsKept) {
                return SignInHistory.notKept();
            }
            Page<AuthEvent> page = page(eventsByUser.getOrDefault(poolId + "/" + username, List.of()), nextToken);
            return new SignInHistory(true, page.items(), page.nextToken());
        }
    }

    private <T> Page<T> page(List<T> all, String token) {
        int offset = token == null ? 0 : Integer.parseInt(token.substring("details-".length()));
        int end = Math.min(all.size(), offset + detailsPageSize);
        return new Page<>(all.subList(offset, end), end < all.size() ? "details-" + end : null);
    }

    private void existing(String operation, String poolId, String username) {
        usersOf(operation, poolId);
        if (find(poolId, username) == null) {
            throw new ConsoleFailure.UserNotFound(operation, "User does not exist.", "req-fake", null);
        }
    }

    @Override
    public void disableUser(Connection connection, String poolId, String username) {
        record(DISABLE_USER, connection, poolId, username);
        setEnabled(DISABLE_USER, poolId, username, false);
    }

    @Override
    public void enableUser(Connection connection, String poolId, String username) {
        record(ENABLE_USER, connection, poolId, username);
        setEnabled(ENABLE_USER, poolId, username, true);
    }

    /** Succeeds for an existing user and changes nothing the fake keeps: sign-out only revokes tokens. */
    @Override
    public void globalSignOut(Connection connection, String poolId, String username) {
        record(SIGN_OUT, connection, poolId, username);
        synchronized (this) {
            usersOf(SIGN_OUT, poolId);
            if (find(poolId, username) == null) {
                throw new ConsoleFailure.UserNotFound(SIGN_OUT, "User does not exist.", "req-fake", null);
            }
        }
    }

    // Helpers

    /** A confirmed user with an e-mail address made from the name. */
    public static PoolUser user(String username, boolean enabled) {
        return new PoolUser(username, "sub-" + username, username + "@example.com", enabled, "CONFIRMED",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"),
                Map.of("email", username + "@example.com"));
    }

    /** {@code count} enabled users named prefix0001, prefix0002, ... */
    public static List<PoolUser> users(String prefix, int count) {
        List<PoolUser> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(user(String.format("%s%04d", prefix, i), true));
        }
        return out;
    }

    private Call record(String operation, Connection connection, String poolId, String argument) {
        Call call = new Call(operation, connection.profile().name(), connection.region(), poolId, argument);
        List<Consumer<Call>> toRun;
        ConsoleFailure failure;
        synchronized (this) {
            calls.add(call);
            toRun = List.copyOf(hooks.getOrDefault(operation, List.of()));
            Deque<ConsoleFailure> queued = failures.get(operation);
            failure = queued == null ? null : queued.pollFirst();
        }
        for (Consumer<Call> hook : toRun) {
            hook.accept(call);
        }
        if (failure != null) {
            throw failure;
        }
        return call;
    }

    private void setEnabled(String operation, String poolId, String username, boolean enabled) {
        synchronized (this) {
            List<PoolUser> users = usersOf(operation, poolId);
            PoolUser user = find(poolId, username);
            if (user == null) {
                throw new ConsoleFailure.UserNotFound(operation, "User does not exist.", "req-fake", null);
            }
            if (!ignoreWrites) {
                users.set(users.indexOf(user), new PoolUser(user.username(), user.sub(), user.email(), enabled,
                        user.status(), user.created(), Instant.parse("2024-02-01T00:00:00Z"), user.attributes()));
            }
        }
    }

    private List<PoolUser> usersOf(String operation, String poolId) {
        List<PoolUser> users = usersByPool.get(poolId);
        if (users == null) {
            throw new ConsoleFailure.ResourceNotFound(operation, "User pool " + poolId + " does not exist.",
                    "req-fake", null);
        }
        return users;
    }

    private PoolUser find(String poolId, String username) {
        return usersByPool.getOrDefault(poolId, List.of()).stream()
                .filter(u -> Objects.equals(u.username(), username)).findFirst().orElse(null);
    }

    private static int offsetOf(String operation, String token) {
        if (token == null) {
            return 0;
        }
        if (!token.startsWith("pools-")) {
            throw new ConsoleFailure.InvalidParameter(operation, "bad token " + token, "req-fake", null);
        }
        return Integer.parseInt(token.substring("pools-".length()));
    }

    private static String key(String profile, String region) {
        return profile + "@" + region;
    }
}
