package dev.cognitoconsole.export;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exports the users the table shows to a CSV or JSON file, in the background, with progress. */
public final class ExportViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);

    private final ObservableList<PoolUser> shown;
    private final ObservableObjectValue<PoolSelection> selection;
    private final ObservableBooleanValue listingUnfinished;
    private final UserExporter exporter;
    private final TaskExecutor executor;
    private final Notifier notifier;
    private TaskExecutor.Job running;

    // Properties
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper();
    private final BooleanBinding canExport;

    /**
     * @param users     the users the table shows (all loaded, or the search result narrowed by the quick filter)
     * @param selection the pool shown, for the suggested file name
     * @param listingUnfinished true while the list is loading, or stopped before its last page: the rows are
     *                          then only part of the pool
     */
    public ExportViewModel(ObservableList<PoolUser> users, ObservableObjectValue<PoolSelection> selection,
                           ObservableBooleanValue listingUnfinished, UserExporter exporter, TaskExecutor executor,
                           Notifier notifier) {
        this.shown = users;
        this.selection = selection;
        this.listingUnfinished = listingUnfinished;
        this.exporter = exporter;
        this.executor = executor;
        this.notifier = notifier;
        this.canExport = Bindings.isNotEmpty(shown).and(busy.not());
    }

    /** Whether an export is being written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How far the export in progress is, from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Exporting 12,000 of 100,000 users…" while an export runs, else {@code null}. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Whether there is something to export and no export is running. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** A file name for the pool shown, such as {@code eu-west-1_AbC123-users.csv}; {@code -partial} before the
     * extension while the listing is unfinished. */
    public String suggestedFileName(ExportFormat format) {
        PoolSelection shown = selection.get();
        String base = shown == null ? "users" : shown.poolId() + "-users";
        return base + (listingUnfinished.get() ? "-partial" : "") + "." + format.extension();
    }

    /** The save dialog's title: "Export users", and while the listing is unfinished, that the file is partial. */
    public String chooserTitle() {
        return listingUnfinished.get() ? String.format("Export users: loading not finished, the file will hold the "
                + "%s loaded so far", users(shown.size())) : "Export users";
    }

    // Commands

    /**
     * Writes the users the table shows now to {@code chosen}: CSV or JSON by its extension, else {@code fallback}
     * (the file chooser's filter) with that extension added.
     */
    public void export(Path chosen, ExportFormat fallback) {
        if (busy.get() || chosen == null) {
            return;
        }
        List<PoolUser> users = shown.stream().toList();
        // Decided at the click: a listing that ends while the file is written does not make it whole.
        boolean partial = listingUnfinished.get();
        ExportFormat.Target target = ExportFormat.target(chosen, fallback);
        busy.set(true);
        showProgress(0, users.size(), partial);
        running = executor.run(job -> {
                    exporter.write(users, target.format(), target.file(),
                            (written, total) -> job.publish(() -> showProgress(written, total, partial)));
                    return users.size();
                },
                written -> finished(target, written, partial),
                error -> failed(target, chosen, fallback, error));
    }

    /** Stops the export in progress; the chosen file is left as it was. */
    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        busy.set(false);
        progressText.set(null);
    }

    private void showProgress(int written, int total, boolean partial) {
        progress.set(total == 0 ? 1 : (double) written / total);
        progressText.set(String.format(partial ? "Exporting %,d of %,d users loaded so far (partial)…"
                : "Exporting %,d of %,d users…", written, total));
    }

    private void finished(ExportFormat.Target target, int written, boolean partial) {
        running = null;
        busy.set(false);
        progressText.set(null);
        String where = "Written to " + target.file() + " as " + target.format() + ".";
        if (!partial) {
            LOG.info("Exported {} users to {} ({})", written, target.file(), target.format());
            notifier.show(Notice.info("ExportDone", users(written) + " exported", where));
            return;
        }
        LOG.info("Exported {} users to {} ({}) while the listing was unfinished: partial", written, target.file(),
                target.format());
        notifier.show(Notice.warning("ExportPartial", users(written) + " exported: partial")
                .message("Loading not finished: the file holds the " + users(written) + " loaded so far. " + where)
                .advice("For every user of the pool, let the list finish loading (or Continue it), then export again.")
                .build());
    }

    private static String users(int count) {
        return String.format(count == 1 ? "%,d user" : "%,d users", count);
    }

    private void failed(ExportFormat.Target target, Path chosen, ExportFormat fallback, Throwable error) {
        running = null;
        busy.set(false);
        progressText.set(null);
        LOG.warn("Export to {} failed", target.file(), error);
        notifier.show(Notice.error("ExportFailed", "Export failed: " + target.file().getFileName() + " was not written")
                .message(ExportFailures.describe(error))
                .advice("Choose another folder, or free disk space, then export again.")
                .action("Retry", () -> export(chosen, fallback))
                .build());
    }
}
