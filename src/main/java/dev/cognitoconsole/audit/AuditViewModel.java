package dev.cognitoconsole.audit;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.export.ExportFailures;
import dev.cognitoconsole.export.ExportFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit window: every recorded change, one row per attempt with its final outcome, filtered by pool, user,
 * operator, bulk run, outcome and date; exported as the filters show it.
 */
public final class AuditViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);

    /** Which outcomes to list. */
    public enum OutcomeFilter {
        ANY("Any outcome"),
        DONE("Done"),
        SKIPPED("Skipped"),
        FAILED("Failed"),
        UNKNOWN("Unknown"),
        NONE_RECORDED("No outcome recorded");

        private final String label;

        OutcomeFilter(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean accepts(AuditChange change) {
            return switch (this) {
                case ANY -> true;
                case NONE_RECORDED -> change.outcome() == null;
                default -> change.outcome() != null && change.outcome().name().equals(name());
            };
        }
    }

    /** The format the date fields take and show. */
    public static final String DATE_PATTERN = "yyyy-mm-dd";
    /** How many changes the window holds at most: a 200 MiB log has about 190,000. */
    public static final int DEFAULT_LIMIT = 50_000;
    /** Attempts awaiting their outcome while reading; an outcome follows its attempt within seconds. */
    private static final int OPEN_LIMIT = 10_000;

    private final Path file;
    private final TaskExecutor executor;
    private final Notifier notifier;
    private final Clock clock;
    private final int limit;
    private TaskExecutor.Job loadJob;
    /** Set once the log held more than the window: from then on the filters are applied while reading. */
    private boolean filterWhileReading;

    // Properties
    private final ObservableList<AuditChange> all = FXCollections.observableArrayList();
    private final FilteredList<AuditChange> shown = new FilteredList<>(all);
    private final ObservableList<AuditChange> shownReadOnly = FXCollections.unmodifiableObservableList(shown);
    private final StringProperty poolFilter = new SimpleStringProperty("");
    private final StringProperty userFilter = new SimpleStringProperty("");
    private final StringProperty operatorFilter = new SimpleStringProperty("");
    private final StringProperty runFilter = new SimpleStringProperty("");
    private final ObjectProperty<OutcomeFilter> outcomeFilter = new SimpleObjectProperty<>(OutcomeFilter.ANY);
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper fromDateTypo = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper toDateTypo = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper dateProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper damagedLines = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper leftOut = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper leftOutText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper damagedText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final BooleanBinding canExport;

    /**
     * @param file     the audit log
     * @param notifier the audit window's own banner
     * @param clock    today's date and the operator's time zone, for the date range and file names
     */
    public AuditViewModel(Path file, TaskExecutor executor, Notifier notifier, Clock clock) {
        this(file, executor, notifier, clock, DEFAULT_LIMIT);
    }

    /** @param limit how many changes the window holds at most: the newest */
    public AuditViewModel(Path file, TaskExecutor executor, Notifier notifier, Clock clock, int limit) {
        this.file = file;
        this.executor = executor;
        this.notifier = notifier;
        this.clock = clock;
        this.limit = limit;
        ObjectBinding<Predicate<AuditChange>> predicate = Bindings.createObjectBinding(this::filter, poolFilter,
                userFilter, operatorFilter, runFilter, outcomeFilter, fromDate, toDate);
        shown.predicateProperty().bind(predicate);
        // What the window holds was chosen by the old filters: read again for the new ones.
        predicate.addListener((obs, old, now) -> {
            if (filterWhileReading) {
                load();
            }
        });
        fromDate.addListener((obs, old, now) -> fromDateTypo.set(null));
        toDate.addListener((obs, old, now) -> toDateTypo.set(null));
        dateProblem.bind(Bindings.createStringBinding(() -> fromDateTypo.get() != null ? fromDateTypo.get()
                : toDateTypo.get() != null ? toDateTypo.get()
                : fromDate.get() != null && toDate.get() != null && fromDate.get().isAfter(toDate.get())
                ? "The start date is after the end date." : null,
                fromDate, toDate, fromDateTypo, toDateTypo));
        summary.bind(Bindings.createStringBinding(this::describe, loading, all, shown));
        damagedText.bind(Bindings.createStringBinding(() -> damagedLines.get() == 0 ? null
                : damagedLines.get() == 1 ? "1 damaged line skipped"
                : String.format("%,d damaged lines skipped", damagedLines.get()), damagedLines));
        leftOutText.bind(Bindings.createStringBinding(() -> leftOut.get() == 0 ? null
                : String.format("%,d older %s left out: the window holds the newest %,d; filter to find older ones",
                        leftOut.get(), leftOut.get() == 1 ? "change" : "changes", limit), leftOut));
        canExport = Bindings.isNotEmpty(shown).and(exporting.not()).and(loading.not());
    }

    /** The audit log read. */
    public Path file() {
        return file;
    }

    /** The changes that pass the filters, newest first. */
    public ObservableList<AuditChange> changes() {
        return shownReadOnly;
    }

    /** Part of a pool id. */
    public StringProperty poolFilterProperty() {
        return poolFilter;
    }

    /** Part of a user name or sub. */
    public StringProperty userFilterProperty() {
        return userFilter;
    }

    /** Part of the workstation user or of the AWS caller ARN. */
    public StringProperty operatorFilterProperty() {
        return operatorFilter;
    }

    /** Part of a bulk run's id. */
    public StringProperty runFilterProperty() {
        return runFilter;
    }

    public ObjectProperty<OutcomeFilter> outcomeFilterProperty() {
        return outcomeFilter;
    }

    /** The first day listed (in the operator's time zone), or {@code null} for no limit. */
    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    /** The last day listed, included, or {@code null} for no limit. */
    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    /** Why the typed first day was not taken, or {@code null}. */
    public ReadOnlyStringProperty fromDateTypoProperty() {
        return fromDateTypo.getReadOnlyProperty();
    }

    /** Why the typed last day was not taken, or {@code null}. */
    public ReadOnlyStringProperty toDateTypoProperty() {
        return toDateTypo.getReadOnlyProperty();
    }

    /** The operator's time zone: the Time column and the date range are in it. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Reads a first day as typed, {@value #DATE_PATTERN} as the Time column shows it. Returns the day the filter
     * now holds: the typed one, none for a blank text, or, for a text that is not such a date, the day it held
     * before, with {@link #fromDateTypoProperty} saying why.
     */
    public LocalDate typedFromDate(String text) {
        return typed(text, fromDate, fromDateTypo, "From");
    }

    /** {@link #typedFromDate} for the last day. */
    public LocalDate typedToDate(String text) {
        return typed(text, toDate, toDateTypo, "To");
    }

    /** Why the date range lists nothing or a typed date was not taken, or {@code null}. */
    public ReadOnlyStringProperty dateProblemProperty() {
        return dateProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** Lines of the log that could not be read (cut short by a crash, or edited by hand), skipped. */
    public ReadOnlyIntegerProperty damagedLinesProperty() {
        return damagedLines.getReadOnlyProperty();
    }

    /** "3 damaged lines skipped", or {@code null} when every line was read. */
    public ReadOnlyStringProperty damagedTextProperty() {
        return damagedText.getReadOnlyProperty();
    }

    /** Changes that pass the filters but are older than the newest the window holds, so not listed. */
    public ReadOnlyLongProperty leftOutProperty() {
        return leftOut.getReadOnlyProperty();
    }

    /** "700 older changes left out: ...", or {@code null} when the window lists every change. */
    public ReadOnlyStringProperty leftOutTextProperty() {
        return leftOutText.getReadOnlyProperty();
    }

    /** "42 changes", "5 shown of 42 changes", "No changes recorded yet". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** A file name such as {@code audit-2026-11-24.csv}. */
    public String suggestedFileName(ExportFormat format) {
        return "audit-" + LocalDate.now(clock) + "." + format.extension();
    }

    // Commands

    /** Reads the log again in the background; a read in flight is abandoned. */
    public void load() {
        if (loadJob != null) {
            loadJob.cancel();
        }
        loading.set(true);
        Predicate<AuditChange> keep = filterWhileReading ? filter() : change -> true;
        loadJob = executor.run(job -> {
                    RecentChanges changes = new RecentChanges(limit, OPEN_LIMIT, keep);
                    int damaged = AuditLog.stream(file, changes);
                    return new Loaded(changes.newestFirst(), changes.leftOut(), damaged);
                },
                loaded -> {
                    loadJob = null;
                    all.setAll(loaded.changes());
                    damagedLines.set(loaded.damagedLines());
                    leftOut.set(loaded.leftOut());
                    loading.set(false);
                    if (loaded.leftOut() > 0 && !filterWhileReading) {
                        filterWhileReading = true;
                        if (filtered()) {
                            load();
                        }
                    }
                },
                error -> {
                    loadJob = null;
                    loading.set(false);
                    LOG.warn("The audit log {} cannot be read", file, error);
                    notifier.show(Notice.error("AuditUnreadable", "The audit log cannot be read")
                            .message(ExportFailures.describe(error))
                            .advice("Check that " + file + " can be read, then reload.")
                            .action("Reload", this::load)
                            .build());
                });
    }

    /** Lists every change again. */
    public void clearFilters() {
        poolFilter.set("");
        userFilter.set("");
        operatorFilter.set("");
        runFilter.set("");
        outcomeFilter.set(OutcomeFilter.ANY);
        fromDate.set(null);
        toDate.set(null);
        fromDateTypo.set(null);
        toDateTypo.set(null);
    }

    /**
     * Writes the changes listed now to {@code chosen}: CSV or JSON by its extension, else {@code fallback} with
     * that extension added.
     */
    public void export(Path chosen, ExportFormat fallback) {
        if (exporting.get() || chosen == null) {
            return;
        }
        List<AuditChange> changes = List.copyOf(shown);
        ExportFormat.Target target = ExportFormat.target(chosen, fallback);
        exporting.set(true);
        executor.run(job -> {
                    AuditExport.write(changes, target.format(), target.file());
                    return changes.size();
                },
                written -> {
                    exporting.set(false);
                    LOG.info("Exported {} audited changes to {}", written, target.file());
                    notifier.show(Notice.info("AuditExported", String.format(written == 1 ? "%,d change exported"
                            : "%,d changes exported", written),
                            "Written to " + target.file() + " as " + target.format() + "."));
                },
                error -> {
                    exporting.set(false);
                    LOG.warn("Export of the audit log to {} failed", target.file(), error);
                    notifier.show(Notice.error("ExportFailed", "Export failed: " + target.file().getFileName()
                            + " was not written")
                            .message(ExportFailures.describe(error))
                            .advice("Choose another folder, or free disk space, then export again.")
                            .action("Retry", () -> export(chosen, fallback))
                            .build());
                });
    }

    private record Loaded(List<AuditChange> changes, long leftOut, int damagedLines) {
    }

    private LocalDate typed(String text, ObjectProperty<LocalDate> date, ReadOnlyStringWrapper typo, String field) {
        String typedText = text == null ? "" : text.strip();
        if (typedText.isEmpty()) {
            // The field empties itself after a typo: that echo leaves the typo's message in place.
            if (date.get() != null) {
                typo.set(null);
            }
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(typedText);
            typo.set(null);
            return day;
        } catch (DateTimeParseException e) {
            typo.set(field + ": \u201c" + typedText + "\u201d is not a date. Type it as " + DATE_PATTERN
                    + ", such as " + LocalDate.now(clock) + ".");
            return date.get();
        }
    }

    private boolean filtered() {
        return !needle(poolFilter.get()).isEmpty() || !needle(userFilter.get()).isEmpty()
                || !needle(operatorFilter.get()).isEmpty() || !needle(runFilter.get()).isEmpty()
                || fromDate.get() != null || toDate.get() != null
                || outcomeFilter.get() != null && outcomeFilter.get() != OutcomeFilter.ANY;
    }

    private Predicate<AuditChange> filter() {
        String pool = needle(poolFilter.get());
        String user = needle(userFilter.get());
        String operator = needle(operatorFilter.get());
        String run = needle(runFilter.get());
        OutcomeFilter outcome = outcomeFilter.get() == null ? OutcomeFilter.ANY : outcomeFilter.get();
        ZoneId zone = clock.getZone();
        LocalDate from = fromDate.get();
        LocalDate to = toDate.get();
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return change -> contains(change.poolId(), pool)
                && (contains(change.username(), user) || contains(change.userSub(), user))
                && (contains(change.operator(), operator) || contains(change.callerArn(), operator))
                && contains(change.runId(), run)
                && outcome.accepts(change)
                && (start == null || !change.time().isBefore(start))
                && (end == null || change.time().isBefore(end));
    }

    private static String needle(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String value, String needle) {
        return needle.isEmpty() || value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private String describe() {
        if (loading.get() && all.isEmpty()) {
            return "Reading the audit log…";
        }
        if (all.isEmpty()) {
            return "No changes recorded yet";
        }
        String total = all.size() == 1 ? "1 change" : String.format("%,d changes", all.size());
        return shown.size() == all.size() ? total : String.format("%,d shown of %s", shown.size(), total);
    }
}
