package dev.cognitoconsole.users;

import dev.cognitoconsole.model.PoolUser;
import java.util.Comparator;
import java.util.function.Function;

/** The columns the users table sorts by. Missing values go last in either direction. */
public enum SortKey {
    USERNAME(PoolUser::username, String.CASE_INSENSITIVE_ORDER),
    EMAIL(PoolUser::email, String.CASE_INSENSITIVE_ORDER),
    ENABLED(PoolUser::enabled, Comparator.naturalOrder()),
    STATUS(PoolUser::status, String.CASE_INSENSITIVE_ORDER),
    CREATED(PoolUser::created, Comparator.naturalOrder()),
    LAST_MODIFIED(PoolUser::lastModified, Comparator.naturalOrder());

    private final Comparator<PoolUser> ascending;
    private final Comparator<PoolUser> descending;

    <T> SortKey(Function<PoolUser, T> field, Comparator<? super T> order) {
        this.ascending = Comparator.comparing(field, Comparator.nullsLast(order));
        this.descending = Comparator.comparing(field, Comparator.nullsLast(order.reversed()));
    }

    public Comparator<PoolUser> comparator(boolean ascendingOrder) {
        return ascendingOrder ? ascending : descending;
    }

    /** One level of a sort: a key and its direction. */
    public record Order(SortKey key, boolean ascending) {
    }
}
