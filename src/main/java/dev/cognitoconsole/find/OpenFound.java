package dev.cognitoconsole.find;

import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.users.UserRow;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Opens a found user in the main window: picks its pool, searches the pool on the server for exactly that username
 * (so the row is there however large the pool is, without listing it all) and selects the row once it is listed.
 */
public final class OpenFound {
    private final Consumer<PoolSelection> choosePool;
    private final Consumer<UserFilter> searchPool;
    private final ObservableList<UserRow> rows;
    private final Consumer<UserRow> select;
    private ListChangeListener<UserRow> waiting;

    /**
     * @param choosePool picks a pool on its connection (the connection bar)
     * @param searchPool searches the pool picked (the users table's search)
     * @param rows       the rows the users table shows
     * @param select     selects a row in the users table and scrolls to it
     */
    public OpenFound(Consumer<PoolSelection> choosePool, Consumer<UserFilter> searchPool, ObservableList<UserRow> rows,
                     Consumer<UserRow> select) {
        this.choosePool = choosePool;
        this.searchPool = searchPool;
        this.rows = rows;
        this.select = select;
    }

    public void open(FoundUser found) {
        if (waiting != null) {
            rows.removeListener(waiting);
            waiting = null;
        }
        String username = found.user().username();
        choosePool.accept(found.selection());
        searchPool.accept(new UserFilter(UserFilter.Attribute.USERNAME, UserFilter.Match.EXACT, username));
        if (!selectIfListed(username)) {
            waiting = change -> {
                if (selectIfListed(username)) {
                    rows.removeListener(waiting);
                    waiting = null;
                }
            };
            rows.addListener(waiting);
        }
    }

    private boolean selectIfListed(String username) {
        for (UserRow row : rows) {
            if (row.getUser().username().equals(username)) {
                select.accept(row);
                return true;
            }
        }
        return false;
    }
}
