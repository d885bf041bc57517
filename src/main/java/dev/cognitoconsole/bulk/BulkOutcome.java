package dev.cognitoconsole.bulk;

/** Where one user of a bulk change stands. */
public enum BulkOutcome {
    /** Not worked on yet. */
    PENDING("Waiting"),
    /** Being read or changed now. */
    WORKING("Working…"),
    /** Changed, and AdminGetUser reads the wanted state. */
    DONE("Done, verified"),
    /** Cognito accepted the change, but reading the user back failed. */
    UNVERIFIED("Done, not verified"),
    /** Already in the wanted state: nothing was sent. */
    SKIPPED("Skipped"),
    /** Dry run: the user is not in the wanted state, so a real run would change it. */
    WOULD_CHANGE("Would change"),
    /** No such user in the pool. */
    NOT_FOUND("Not found"),
    /** Cognito refused, or the user could not be read; the user was not changed. */
    FAILED("Failed"),
    /** No clear answer, and reading the user back failed too: the user may or may not have changed. */
    UNKNOWN("Unknown"),
    /** The run was cancelled before anything was sent for this user. */
    NOT_SENT("Not sent"),
    /** A line of an imported file that is blank, repeated or not a username: never sent. */
    LEFT_OUT("Left out");

    private final String label;

    BulkOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the user's part of the run is over. */
    public boolean finished() {
        return this != PENDING && this != WORKING;
    }

    /** Whether running the user again may help. */
    public boolean retryable() {
        return this == FAILED || this == UNKNOWN || this == UNVERIFIED;
    }
}
