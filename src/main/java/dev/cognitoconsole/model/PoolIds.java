package dev.cognitoconsole.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** Cognito's rule for user pool ids, checked before any call is made. */
public final class PoolIds {
    public static final int MAX_LENGTH = 55;
    private static final Pattern RULE = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

    private PoolIds() {
    }

    /** Returns why {@code text} is not a valid pool id, or empty when it is. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Enter a user pool id, such as eu-west-1_AbC123.");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("A user pool id has at most " + MAX_LENGTH + " characters; this one has "
                    + text.length() + ".");
        }
        if (!RULE.matcher(text).matches()) {
            return Optional.of("\"" + printable(text) + "\" is not a user pool id: it looks like "
                    + "<region>_<letters and digits>, such as eu-west-1_AbC123.");
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(60).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
