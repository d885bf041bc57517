package dev.cognitoconsole.users;

import dev.cognitoconsole.model.PoolUser;
import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/** The columns the users table sorts by. Missing values go last in either direction. */
public enum SortKey {
    USERNAME(PoolUser::username, Names.ORDER),
    EMAIL(PoolUser::email, Names.ORDER),
    ENABLED(PoolUser::enabled, Comparator.naturalOrder()),
    STATUS(PoolUser::status, Names.ORDER),
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

    /** Text in the operator's locale: á beside a, case ignored (secondary strength), not by code point. */
    private static final class Names {
        static final Comparator<String> ORDER = collator()::compare;

        /** Letters with no decomposition that Java's rules put after z unless the locale places them. */
        private static final String BESIDE_THEIR_BASE = "& l ; ł , Ł & d ; đ , Đ & o ; ø , Ø & h ; ħ , Ħ";

        private static Collator collator() {
            Collator collator = Collator.getInstance(Locale.getDefault());
            if (collator instanceof RuleBasedCollator rules) {
                try {
                    collator = new RuleBasedCollator(rules.getRules() + BESIDE_THEIR_BASE);
                } catch (ParseException e) {
                    LoggerFactory.getLogger(SortKey.class).warn("Keeping the locale's collation", e);
                }
            }
            collator.setStrength(Collator.SECONDARY);
            return collator;
        }
    }

    /** One level of a sort: a key and its direction. */
    public record Order(SortKey key, boolean ascending) {
    }
}
