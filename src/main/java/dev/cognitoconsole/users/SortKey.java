package dev.cognitoconsole.users;

import dev.cognitoconsole.model.PoolUser;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/** The columns the users table sorts by, with the order each one means. */
public enum SortKey {
    USERNAME(text(PoolUser::username)),
    EMAIL(text(PoolUser::email)),
    ENABLED(Comparator.comparing(PoolUser::enabled)),
    STATUS(text(PoolUser::status)),
    CREATED(time(PoolUser::created)),
    LAST_MODIFIED(time(PoolUser::lastModified));

    private final Comparator<PoolUser> ascending;

    SortKey(Comparator<PoolUser> ascending) {
        this.ascending = ascending;
    }

    public Comparator<PoolUser> comparator(boolean ascendingOrder) {
        return ascendingOrder ? ascending : ascending.reversed();
    }

    /** One level of a sort: a key and its direction. */
    public record Order(SortKey key, boolean ascending) {
    }

    private static Comparator<PoolUser> text(Function<PoolUser, String> field) {
        return Comparator.comparing(field, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
    }

    private static Comparator<PoolUser> time(Function<PoolUser, Instant> field) {
        return Comparator.comparing(field, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
