package dev.cognitoconsole.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Joins audit entries into changes as they stream past, oldest first, and keeps only the newest
 * {@code limit} changes that pass a filter, so that reading a log of any length takes bounded memory.
 */
final class RecentChanges implements Consumer<AuditEntry> {
    private final int limit;
    private final int openLimit;
    private final Predicate<AuditChange> filter;
    /** Operation id to {attempt, outcome}, in the order first seen: an outcome is written seconds after its attempt. */
    private final LinkedHashMap<String, AuditEntry[]> open = new LinkedHashMap<>();
    private final Deque<AuditChange> kept = new ArrayDeque<>();
    private int anonymous;
    private long leftOut;

    /**
     * @param limit     how many changes to keep
     * @param openLimit how many attempts to hold while waiting for their outcome; the oldest is closed
     *                  without one past this
     * @param filter    which changes to keep
     */
    RecentChanges(int limit, int openLimit, Predicate<AuditChange> filter) {
        this.limit = limit;
        this.openLimit = openLimit;
        this.filter = filter;
    }

    @Override
    public void accept(AuditEntry entry) {
        // A line without an id cannot be joined: it stands alone.
        String id = entry.operationId() != null ? entry.operationId() : "\0line-" + anonymous++;
        AuditEntry[] pair = open.computeIfAbsent(id, key -> new AuditEntry[2]);
        pair[entry.phase() == AuditEntry.Phase.ATTEMPT ? 0 : 1] = entry;
        if (open.size() > openLimit) {
            Iterator<AuditEntry[]> eldest = open.values().iterator();
            close(eldest.next());
            eldest.remove();
        }
    }

    private void close(AuditEntry[] pair) {
        AuditChange change = AuditChange.join(pair[0], pair[1]);
        if (!filter.test(change)) {
            return;
        }
        kept.addLast(change);
        if (kept.size() > limit) {
            kept.removeFirst();
            leftOut++;
        }
    }

    /** Ends the stream: the changes kept, newest first. */
    List<AuditChange> newestFirst() {
        for (Map.Entry<String, AuditEntry[]> pending : open.entrySet()) {
            close(pending.getValue());
        }
        open.clear();
        List<AuditChange> changes = new ArrayList<>(kept);
        changes.sort(Comparator.comparing(AuditChange::time).reversed()
                .thenComparing(AuditChange::operationId, Comparator.nullsLast(Comparator.naturalOrder())));
        return changes;
    }

    /** How many changes passed the filter but were older than the newest {@code limit}. */
    long leftOut() {
        return leftOut;
    }
}
