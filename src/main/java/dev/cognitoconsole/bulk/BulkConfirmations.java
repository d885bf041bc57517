package dev.cognitoconsole.bulk;

import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.writes.ChangeEffects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the confirmation of a bulk change shows and what an answer must hold to start it: a readable reason, and
 * the typed count above {@link #TYPED_COUNT_ABOVE} users or on production. Pure functions, no state.
 */
public final class BulkConfirmations {
    /** Above this many users the operator types the count to confirm. */
    public static final int TYPED_COUNT_ABOVE = 50;
    /** How many names the confirmation shows. */
    public static final int SAMPLE_SIZE = 10;
    public static final int MAX_REASON_LENGTH = 500;
    private static final int LEFT_OUT_SHOWN = 5;

    private BulkConfirmations() {
    }

    /** Why this answer cannot start a run, or empty when it can. */
    public static Optional<String> problem(DialogService.BulkAnswer answer, int count) {
        return problem(answer, count, false);
    }

    /** Why this answer cannot start a run, or empty when it can; on production the count is always typed. */
    public static Optional<String> problem(DialogService.BulkAnswer answer, int count, boolean production) {
        String reason = answer.reason() == null ? "" : answer.reason().strip();
        if (reason.isEmpty()) {
            return Optional.of("Write why, such as a ticket id: it goes into the audit log with every change.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            return Optional.of("The reason has " + reason.length() + " characters; at most " + MAX_REASON_LENGTH
                    + " fit.");
        }
        // An audit record nobody can read is no reason: it needs a letter or a digit, and no control codes.
        if (reason.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.of("Write the reason in words or a ticket id: it needs at least one letter or digit.");
        }
        if (reason.codePoints().anyMatch(cp -> Character.isISOControl(cp))) {
            return Optional.of("The reason holds a control character (such as a tab or line break); "
                    + "write it on one line.");
        }
        if (!answer.dryRun() && (production || countMustBeTyped(count))
                && !typedCountMatches(answer.typedCount(), count)) {
            return Optional.of("Type the number of users, " + count + ", to confirm.");
        }
        return Optional.empty();
    }

    public static boolean countMustBeTyped(int count) {
        return count > TYPED_COUNT_ABOVE;
    }

    // "1,204", "1 204" and "1204" all count: the separators are the locale's business.
    static boolean typedCountMatches(String typed, int count) {
        if (typed == null) {
            return false;
        }
        return typed.strip().replaceAll("[\\s,._'\u00A0\u202F]", "").equals(Integer.toString(count));
    }

    /**
     * The confirmation of a bulk change.
     *
     * @param leftOut     lines of an imported file left out
     * @param dryRunFound what the dry run before found, when its users are to run for real; else {@code null}
     */
    static DialogService.BulkConfirmation confirmationFor(UserAction action, PoolSelection target,
                                                          List<String> usernames, String source,
                                                          List<UsernameImport.Problem> leftOut, String dryRunFound,
                                                          boolean production) {
        return confirmationFor(action, target, usernames, source, leftOut, dryRunFound, production, null, null);
    }

    /**
     * The confirmation of a bulk change, in read-only mode or with a reason to start from.
     *
     * @param readOnly why changes are off (only a dry run may go ahead), or {@code null}
     * @param reason   the reason the field starts with, such as the dry run's when it runs for real; or {@code null}
     */
    static DialogService.BulkConfirmation confirmationFor(UserAction action, PoolSelection target,
                                                          List<String> usernames, String source,
                                                          List<UsernameImport.Problem> leftOut, String dryRunFound,
                                                          boolean production, String readOnly, String reason) {
        int count = usernames.size();
        String users = users(count);
        List<DialogService.Fact> facts = new ArrayList<>();
        facts.add(new DialogService.Fact("Users", users + (source == null ? "" : " (" + source + ")")));
        facts.add(new DialogService.Fact("Pool", target.pool().displayName()));
        facts.add(new DialogService.Fact("Profile", target.connection().profile().displayName()));
        facts.add(new DialogService.Fact("Region", target.connection().region()));
        if (dryRunFound != null) {
            facts.add(new DialogService.Fact("Dry run found", dryRunFound));
        }
        if (!leftOut.isEmpty()) {
            String lines = leftOut.stream().limit(LEFT_OUT_SHOWN).map(UsernameImport.Problem::message)
                    .collect(Collectors.joining("\n"));
            if (leftOut.size() > LEFT_OUT_SHOWN) {
                lines += "\n… and " + (leftOut.size() - LEFT_OUT_SHOWN) + " more";
            }
            facts.add(new DialogService.Fact("Left out, not sent", lines));
        }
        String note = ChangeEffects.ofEach(action) + (action.setsEnabled()
                ? " Each user is read first and skipped when already " + action.pastTense()
                  + "; each change is read back."
                : " Each user is read first and skipped when not found or disabled (disabling already revoked the "
                  + "tokens); sign-out leaves no state to read back, so "
                  + "each outcome is Cognito's answer, and one without a clear answer is not sent again.")
                + " Tick Dry run to only read the users and list what would change.";
        if (production) {
            note = "PRODUCTION: these are real users. " + note;
        }
        String question = readOnly == null ? action.label() + " " + users
                : "Dry run: " + action.label().toLowerCase() + " " + users;
        return new DialogService.BulkConfirmation(question,
                question + " in " + target.pool().displayName() + "?", facts,
                usernames.subList(0, Math.min(SAMPLE_SIZE, count)), count, production || countMustBeTyped(count), note,
                action.label() + " " + users, "Dry run: read " + users,
                answer -> problem(answer, count, production).or(() -> readOnly(answer, readOnly)), readOnly, reason);
    }

    private static Optional<String> readOnly(DialogService.BulkAnswer answer, String readOnly) {
        return readOnly == null || answer.dryRun() ? Optional.empty()
                : Optional.of(readOnly + " Only a dry run can go ahead: turn read-only mode off to run for real.");
    }

    /** The "Dry run found" fact: "118 would change, 2 already disabled, 1 not found". */
    static String dryRunFound(UserAction action, int wouldChange, int skipped, int notFound) {
        if (!action.setsEnabled()) {
            return wouldChange + " would be " + action.pastTense() + ", " + skipped + " disabled (nothing to revoke), "
                    + notFound + " not found";
        }
        return wouldChange + " would change, " + skipped + " already " + action.pastTense() + ", " + notFound
                + " not found";
    }

    /**
     * What to ask before the window closes during a real run.
     *
     * @param waiting how many users the run has not reached yet
     * @param run     the run's title, such as "Disabling 120 users"
     * @param where   the run's pool, profile, region and reason
     */
    static DialogService.Confirmation closeConfirmation(int waiting, String run, String where) {
        return new DialogService.Confirmation("Close during a bulk change",
                "A bulk change has " + users(waiting) + " not reached yet. Close anyway?",
                List.of(new DialogService.Fact("Run", run), new DialogService.Fact("Where", where)),
                "The run pauses after the user in hand, whose audit lines are written first. The users not reached "
                        + "are kept on disk, and the console offers them at its next start.",
                "Pause and close");
    }

    /** "1 user", "1,204 users". */
    static String users(int n) {
        return n == 1 ? "1 user" : String.format("%,d users", n);
    }
}
