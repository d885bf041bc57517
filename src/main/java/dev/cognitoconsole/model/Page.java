package dev.cognitoconsole.model;

import java.util.List;

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
}
