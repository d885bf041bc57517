package dev.cognitoconsole.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One page of a paginated listing.
 *
 * @param items     the items of this page; may be fewer than the limit even when more remain
 * @param nextToken the token for the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextToken != null && !nextToken.isEmpty();
    }

    /**
     * Every item of a listing, page after page, from {@code fetch} (given {@code null} for the first page, then
     * each next token); {@code stopped} is asked after each page and ends the listing with the items so far.
     */
    public static <T> List<T> all(Function<String, Page<T>> fetch, BooleanSupplier stopped) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            Page<T> page = fetch.apply(token);
            all.addAll(page.items());
            token = page.hasMore() ? page.nextToken() : null;
        } while (token != null && !stopped.getAsBoolean());
        return all;
    }
}
