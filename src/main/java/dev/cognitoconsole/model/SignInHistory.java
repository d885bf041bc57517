package dev.cognitoconsole.model;

import java.util.List;

/**
 * One page of a user's sign-in history, newest first, or the fact that the pool keeps none.
 *
 * @param kept      whether the pool records sign-ins at all (threat protection is on); when not, there are no events
 * @param events    this page's events, newest first
 * @param nextToken the token for the next (older) page, or {@code null} on the last page
 */
public record SignInHistory(boolean kept, List<AuthEvent> events, String nextToken) {

    public SignInHistory {
        events = List.copyOf(events);
    }

    /** The pool has no threat protection, so Cognito records no sign-ins. */
    public static SignInHistory notKept() {
        return new SignInHistory(false, List.of(), null);
    }

    public boolean hasMore() {
        return nextToken != null && !nextToken.isEmpty();
    }
}
