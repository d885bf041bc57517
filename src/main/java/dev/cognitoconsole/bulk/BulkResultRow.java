package dev.cognitoconsole.bulk;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One user of a bulk change (or one line of an imported file left out), and what happened to it. */
public final class BulkResultRow {
    private final int index;
    private final String username;

    // Properties
    private final ReadOnlyObjectWrapper<BulkOutcome> outcome;
    private final ReadOnlyStringWrapper detail;
    private final ReadOnlyStringWrapper errorType = new ReadOnlyStringWrapper();

    BulkResultRow(int index, String username, BulkOutcome outcome, String detail) {
        this.index = index;
        this.username = username;
        this.outcome = new ReadOnlyObjectWrapper<>(outcome);
        this.detail = new ReadOnlyStringWrapper(detail);
    }

    /** The row's place in the list, from 1. */
    public int index() {
        return index + 1;
    }

    public String username() {
        return username;
    }

    public ReadOnlyObjectProperty<BulkOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public BulkOutcome getOutcome() {
        return outcome.get();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public String getDetail() {
        return detail.get();
    }

    /** The AWS error code (or the console's failure type) of a failure, else {@code null}. */
    public ReadOnlyStringProperty errorTypeProperty() {
        return errorType.getReadOnlyProperty();
    }

    public String getErrorType() {
        return errorType.get();
    }

    int position() {
        return index;
    }

    void set(BulkOutcome next, String text, String error) {
        outcome.set(next);
        detail.set(text);
        errorType.set(error);
    }

    @Override
    public String toString() {
        return username + ": " + outcome.get() + (errorType.get() == null ? "" : " " + errorType.get())
                + " (" + detail.get() + ")";
    }
}
