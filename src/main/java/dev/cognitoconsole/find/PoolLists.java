package dev.cognitoconsole.find;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.UserPool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pools of each (profile, region), listed once (ListUserPools, every page) and kept while the console runs, so
 * that a second search costs only its ListUsers calls. {@link #forget()} lists them again next time.
 */
public final class PoolLists {
    private final UserDirectory directory;
    private final Map<Connection, List<UserPool>> known = new ConcurrentHashMap<>();

    public PoolLists(UserDirectory directory) {
        this.directory = directory;
    }

    /** The pools of {@code place}, listed now unless known. Blocks: call it off the UI thread. */
    public List<UserPool> pools(Connection place) {
        List<UserPool> cached = known.get(place);
        if (cached != null) {
            return cached;
        }
        List<UserPool> listed = List.copyOf(Page.all(token -> directory.listPools(place, token), () -> false));
        known.put(place, listed);
        return listed;
    }

    /** Forgets every list: the next search lists the pools again. */
    public void forget() {
        known.clear();
    }
}
