package dev.cognitoconsole.bulk;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which users a bulk change applies to: the rows selected in the table, all rows shown (a choice kept here rather
 * than a selection of every row, which is slow on large tables), or a list imported from a file.
 */
public final class BulkSelectionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BulkSelectionViewModel.class);
    private static final int PROBLEMS_SHOWN = 5;

    private final UsersViewModel users;
    private final BulkRunViewModel run;
    private final TaskExecutor executor;
    private final Notifier notifier;

    // Properties
    private final ObservableList<String> selected = FXCollections.observableArrayList();
    private final BooleanProperty allShown = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<UsernameImport.Result> imported = new ReadOnlyObjectWrapper<>();
    private final IntegerBinding count;
    private final StringBinding targetText;
    private final StringBinding allShownText;
    private final BooleanBinding canAct;

    public BulkSelectionViewModel(UsersViewModel users, BulkRunViewModel run, TaskExecutor executor,
                                  Notifier notifier) {
        this.users = users;
        this.run = run;
        this.executor = executor;
        this.notifier = notifier;
        IntegerBinding shown = Bindings.size(users.visibleRows());
        count = Bindings.createIntegerBinding(() -> imported.get() != null ? imported.get().names().size()
                        : allShown.get() ? shown.get() : selected.size(),
                imported, allShown, shown, selected);
        allShownText = Bindings.createStringBinding(() -> String.format("All %,d shown", shown.get()), shown);
        targetText = Bindings.createStringBinding(this::describeTarget, imported, allShown, shown, selected,
                users.selectionProperty(), users.loadingProperty(), users.quickFilterProperty());
        canAct = Bindings.createBooleanBinding(() -> count.get() > 0 && users.selectionProperty().get() != null
                && !run.stateProperty().get().active(), count, users.selectionProperty(), run.stateProperty());
        // "All shown" means the rows shown when ticked: a new filter or search would change the target unseen.
        users.quickFilterProperty().addListener((obs, old, now) -> allShown.set(false));
        users.searchProperty().addListener((obs, old, now) -> allShown.set(false));
        users.selectionProperty().addListener((obs, old, now) -> {
            selected.clear();
            allShown.set(false);
            run.forgetProblem();
            // A list imported for one pool is never the target in another: it is set aside, and the operator told.
            UsernameImport.Result list = imported.get();
            if (list != null) {
                imported.set(null);
                notifier.show(Notice.info("ImportSetAside", "Imported list set aside")
                        .message("The " + list.names().size() + " users from " + list.source()
                                + " were imported for " + (old == null ? "another pool" : old.pool().displayName())
                                + ".")
                        .advice("Import the file again to act on it in this pool.")
                        .build());
            }
        });
    }

    // Properties

    /** Whether the change applies to every row the table shows (after the quick filter), not only the selected. */
    public BooleanProperty allShownProperty() {
        return allShown;
    }

    /** "All 300 shown". */
    public ObservableStringValue allShownTextProperty() {
        return allShownText;
    }

    /** How many users a bulk change would apply to. */
    public ObservableIntegerValue countProperty() {
        return count;
    }

    /** Says what a bulk change would apply to, such as "2 selected" or "1,204 users from users.csv". */
    public ObservableStringValue targetTextProperty() {
        return targetText;
    }

    /** The list imported from a file, or {@code null} when the table is the source. */
    public ReadOnlyObjectProperty<UsernameImport.Result> importedProperty() {
        return imported.getReadOnlyProperty();
    }

    /** Whether Disable, Enable and Sign out can start: users to change, a pool, and no bulk change under way. */
    public ObservableBooleanValue canActProperty() {
        return canAct;
    }

    // Commands

    /** The rows selected in the table now. */
    public void selectRows(List<UserRow> rows) {
        selected.setAll(rows.stream().map(r -> r.getUser().username()).toList());
    }

    /**
     * Reads usernames from a file in the background; from then on they are what Disable, Enable and Sign out apply
     * to.
     */
    public void importFile(Path file) {
        executor.run(job -> UsernameImport.read(file), this::imported, error -> {
            if (error instanceof UsernameImport.NotAList) {
                LOG.info("Did not import usernames from {}: {}", file, error.getMessage());
            } else {
                LOG.warn("Could not import usernames from {}", file, error);
            }
            notifier.show(Notice.warning("ImportFailed", "Could not read " + file.getFileName())
                    .message(String.valueOf(error.getMessage()))
                    .advice("Choose a UTF-8 text file with one username per line, or a CSV file with a "
                            + "username column.")
                    .build());
        });
    }

    /** Read-only mode went off (or IAM's refusal no longer applies): a refusal said under the bar is stale. */
    public void writesBackOn() {
        run.forgetProblem();
    }

    /** Forgets the imported list: the table's selection is the source again. */
    public void clearImport() {
        imported.set(null);
    }

    /** Asks to confirm, then disables every target user. */
    public boolean disable() {
        return request(UserAction.DISABLE);
    }

    /** Asks to confirm, then enables every target user. */
    public boolean enable() {
        return request(UserAction.ENABLE);
    }

    /** Asks to confirm, then signs every target user out everywhere. */
    public boolean signOut() {
        return request(UserAction.SIGN_OUT);
    }

    /** The usernames a bulk change would apply to now, in table (or file) order. */
    public List<String> targets() {
        UsernameImport.Result list = imported.get();
        if (list != null) {
            return list.usernames();
        }
        if (allShown.get()) {
            return users.visibleRows().stream().map(r -> r.getUser().username()).toList();
        }
        return List.copyOf(selected);
    }

    private boolean request(UserAction action) {
        PoolSelection target = users.selectionProperty().get();
        UsernameImport.Result list = imported.get();
        List<String> names = targets();
        String source = list != null ? list.source()
                : allShown.get() ? String.format("all %,d shown", names.size())
                : names.size() == 1 ? "1 selected row" : String.format("%,d selected rows", names.size());
        return run.request(action, target, names, source, list == null ? List.of() : list.problems());
    }

    private void imported(UsernameImport.Result result) {
        imported.set(result);
        LOG.info("Imported {} usernames from {}; {} lines left out", result.names().size(), result.source(),
                result.problems().size());
        String unquoted = unquotedText(result);
        if (result.problems().isEmpty()) {
            if (unquoted.isEmpty()) {
                notifier.dismiss();
            } else {
                int n = result.unquoted().size();
                notifier.show(Notice.info("ImportUnquoted", (n == 1 ? "1 name" : n + " names") + " of "
                                + result.source() + " read as exported")
                        .message(unquoted)
                        .build());
            }
            return;
        }
        String lines = shownFirst(result.problems().stream().map(UsernameImport.Problem::message).toList());
        int n = result.problems().size();
        notifier.show(Notice.warning("ImportLinesLeftOut", (n == 1 ? "1 line" : n + " lines") + " of "
                + result.source() + " left out")
                .message(unquoted.isEmpty() ? lines : lines + "\n" + unquoted)
                .advice("Blank, repeated and invalid names are never sent. Fix the file and import it again "
                        + "to include them.")
                .build());
    }

    // The console's export quotes a name such as =1+1 for spreadsheets, and says so in a column: the quote is not
    // part of the name.
    private static String unquotedText(UsernameImport.Result result) {
        if (result.unquoted().isEmpty()) {
            return "";
        }
        return "The console's export put a ' before these names for spreadsheets; it was taken off again:\n"
                + shownFirst(result.unquoted().stream()
                        .map(name -> "Line " + name.line() + ": " + UsernameImport.printable(name.username()))
                        .toList());
    }

    private static String shownFirst(List<String> lines) {
        String shown = lines.stream().limit(PROBLEMS_SHOWN).collect(Collectors.joining("\n"));
        return lines.size() > PROBLEMS_SHOWN ? shown + "\n… and " + (lines.size() - PROBLEMS_SHOWN) + " more" : shown;
    }

    private String describeTarget() {
        UsernameImport.Result list = imported.get();
        if (list != null) {
            int n = list.names().size();
            String text = (n == 1 ? "1 user" : String.format("%,d users", n)) + " from " + list.source();
            int left = list.problems().size();
            return left == 0 ? text : text + String.format(" · %,d %s left out", left, left == 1 ? "line" : "lines");
        }
        if (users.selectionProperty().get() == null) {
            return "Pick a pool to change users in bulk";
        }
        if (allShown.get()) {
            String filter = users.quickFilterProperty().get();
            return String.format("All %,d shown", users.visibleRows().size())
                    + (filter == null || filter.isBlank() ? "" : " (quick filter \"" + filter.strip() + "\")")
                    + (users.loadingProperty().get() ? " (still loading)" : "");
        }
        return selected.isEmpty() ? "No users selected" : String.format("%,d selected", selected.size());
    }
}
