package dev.cognitoconsole.users;

import dev.cognitoconsole.model.UserFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a listing of one pool stands: the chains of ListUsers pages it follows, each with the token of its
 * next page. One chain lists the whole pool (or the search); a sliced listing follows one chain per first
 * character of {@code sub}, which together hold every user once.
 *
 * @param chains    the chains, each at the page after the last one that reached the table
 * @param firstPage usernames of the unsliced first page that their slice has not listed again yet
 */
record ListingPosition(List<Chain> chains, Set<String> firstPage) {

    /** A {@code sub} is a lower-case UUID: its first character is one of these. */
    static final String SLICE_PREFIXES = "0123456789abcdef";

    ListingPosition {
        chains = List.copyOf(chains);
        firstPage = Set.copyOf(firstPage);
    }

    /** The start of a listing: one chain from its first page. */
    static ListingPosition start() {
        return new ListingPosition(List.of(Chain.first(null)), Set.of());
    }

    /** One chain at {@code token} ({@code null}: done). */
    static ListingPosition sequential(String token, Instant tokenTime) {
        return new ListingPosition(List.of(Chain.first(null).next(token, tokenTime)), Set.of());
    }

    /** Every slice from its first page; {@code firstPage} are the users already shown by an unsliced page. */
    static ListingPosition slices(Set<String> firstPage) {
        List<Chain> chains = new ArrayList<>();
        for (char c : SLICE_PREFIXES.toCharArray()) {
            chains.add(Chain.first(String.valueOf(c)));
        }
        return new ListingPosition(chains, firstPage);
    }

    boolean sliced() {
        return chains.size() > 1;
    }

    boolean fresh() {
        return chains.stream().noneMatch(Chain::started);
    }

    boolean finished() {
        return chains.stream().allMatch(Chain::done);
    }

    long chainsDone() {
        return chains.stream().filter(Chain::done).count();
    }

    /** When the oldest token still to be followed was issued, or {@code null} when there is none. */
    Instant oldestToken() {
        return chains.stream().filter(c -> !c.done()).map(Chain::tokenTime).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }

    /**
     * One chain of pages.
     *
     * @param prefix    the first character of {@code sub} this chain lists, or {@code null} for every user
     * @param token     the token of the next page, {@code null} before the first page and once done
     * @param tokenTime when the token was issued
     * @param done      whether the last page has been listed
     */
    record Chain(String prefix, String token, Instant tokenTime, boolean done) {

        static Chain first(String prefix) {
            return new Chain(prefix, null, null, false);
        }

        boolean started() {
            return token != null || done;
        }

        /** The chain after a page whose next token is {@code nextToken} ({@code null}: the last page). */
        Chain next(String nextToken, Instant issued) {
            return nextToken == null ? new Chain(prefix, null, null, true) : new Chain(prefix, nextToken, issued, false);
        }

        /** The ListUsers filter of this chain's pages. */
        UserFilter filter(UserFilter search) {
            return prefix == null ? search : new UserFilter(UserFilter.Attribute.SUB, UserFilter.Match.STARTS_WITH, prefix);
        }

        /** Whether a user listed by this chain belongs to it: a server that ignores the filter lists others too. */
        boolean holds(String sub) {
            return prefix == null || (sub != null && sub.startsWith(prefix));
        }
    }
}
