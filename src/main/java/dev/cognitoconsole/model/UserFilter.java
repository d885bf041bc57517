package dev.cognitoconsole.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A server-side search: one ListUsers {@code Filter} on one attribute, exact or starts-with. The value is
 * escaped as Cognito's filter grammar requires, so any text the operator types yields a well-formed filter
 * or a clear reason why not.
 *
 * @param attribute what to search
 * @param match     exact or starts-with
 * @param value     the text as typed
 */
public record UserFilter(Attribute attribute, Match match, String value) {

    /** Cognito limits the whole Filter expression to 256 characters. */
    public static final int MAX_FILTER_LENGTH = 256;

    /** The attributes ListUsers can filter on. */
    public enum Attribute {
        USERNAME("username", "Username"),
        EMAIL("email", "Email"),
        PHONE_NUMBER("phone_number", "Phone number"),
        NAME("name", "Name"),
        GIVEN_NAME("given_name", "Given name"),
        FAMILY_NAME("family_name", "Family name"),
        PREFERRED_USERNAME("preferred_username", "Preferred username"),
        SUB("sub", "User id (sub)"),
        CONFIRMATION_STATUS("cognito:user_status", "Confirmation status"),
        ENABLED_STATE("status", "Enabled / Disabled");

        private final String apiName;
        private final String label;

        Attribute(String apiName, String label) {
            this.apiName = apiName;
            this.label = label;
        }

        /** The name in the filter expression. */
        public String apiName() {
            return apiName;
        }

        public String label() {
            return label;
        }

        /** The fixed values this attribute takes, or an empty list when it is free text. */
        public List<String> choices() {
            return switch (this) {
                case CONFIRMATION_STATUS -> List.of("UNCONFIRMED", "CONFIRMED", "ARCHIVED", "COMPROMISED",
                        "UNKNOWN", "RESET_REQUIRED", "FORCE_CHANGE_PASSWORD", "EXTERNAL_PROVIDER");
                case ENABLED_STATE -> List.of("Enabled", "Disabled");
                default -> List.of();
            };
        }
    }

    /** How the value is compared. */
    public enum Match {
        EXACT("=", "is exactly"),
        STARTS_WITH("^=", "starts with");

        private final String operator;
        private final String label;

        Match(String operator, String label) {
            this.operator = operator;
            this.label = label;
        }

        public String operator() {
            return operator;
        }

        public String label() {
            return label;
        }
    }

    /** Why this search cannot be sent, or empty when it can. */
    public Optional<String> problem() {
        if (attribute == null || match == null) {
            return Optional.of("Choose what to search and how to match.");
        }
        String text = value == null ? "" : value;
        if (text.isEmpty()) {
            return Optional.of(match == Match.EXACT
                    ? "Type the exact " + attribute.label().toLowerCase(Locale.ROOT) + " to search for."
                    : "Type the start of the " + attribute.label().toLowerCase(Locale.ROOT) + " to search for.");
        }
        if (!text.equals(text.strip())) {
            return Optional.of("The search text starts or ends with a space; Cognito would look for it literally. "
                    + "Remove the space.");
        }
        if (text.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029)) {
            return Optional.of("The search text holds a control character (such as a tab or line break); "
                    + "no user attribute can match it.");
        }
        if (!wellFormedUtf16(text)) {
            return Optional.of("The search text holds a broken character (an unpaired surrogate).");
        }
        if (!attribute.choices().isEmpty() && !attribute.choices().contains(text)) {
            return Optional.of(attribute.label() + " is one of: " + String.join(", ", attribute.choices()) + ".");
        }
        if (!attribute.choices().isEmpty() && match != Match.EXACT) {
            return Optional.of(attribute.label() + " can only be matched exactly.");
        }
        int length = expressionFor(text).length();
        if (length > MAX_FILTER_LENGTH) {
            // Said in what the operator typed: the attribute, the operator and the escapes take the rest of the 256.
            int escaped = escape(text).length();
            int room = MAX_FILTER_LENGTH - (length - escaped);
            return Optional.of("The search text is too long: it has " + text.length() + " characters"
                    + (escaped == text.length() ? "" : " (" + escaped + " once quotes and backslashes are escaped)")
                    + ", and at most " + room + " fit in Cognito's " + MAX_FILTER_LENGTH + "-character filter.");
        }
        return Optional.empty();
    }

    /** The ListUsers Filter expression, such as {@code email ^= "ali"}. Check {@link #problem()} first. */
    public String expression() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
        return expressionFor(value);
    }

    /** A short description for the screen, such as {@code Email starts with "ali"}. */
    public String describe() {
        return attribute.label() + " " + match.label() + " \"" + value + "\"";
    }

    private String expressionFor(String text) {
        return attribute.apiName() + " " + match.operator() + " \"" + escape(text) + "\"";
    }

    /** Escapes a value for Cognito's filter grammar: backslash and double quote are preceded by a backslash. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean wellFormedUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
