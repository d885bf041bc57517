package dev.cognitoconsole.common;

/** Where messages for the operator go. One banner at a time: a newer notice replaces the older one. */
public interface Notifier {
    void show(Notice notice);

    void dismiss();

    /** Closes the notice shown if it has this {@link Notice#code()}; any other notice stays. */
    default void dismiss(String code) {
    }
}
