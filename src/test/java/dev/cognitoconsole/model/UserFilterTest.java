package dev.cognitoconsole.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoconsole.model.UserFilter.Attribute;
import dev.cognitoconsole.model.UserFilter.Match;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserFilterTest {

    private static final String SPACE_PROBLEM = "The search text starts or ends with a space; Cognito would look for "
            + "it literally. Remove the space.";
    private static final String CONTROL_PROBLEM = "The search text holds a control character (such as a tab or "
            + "line break); no user attribute can match it.";
    private static final String SURROGATE_PROBLEM = "The search text holds a broken character (an unpaired surrogate).";
    private static final String STATUS_CHOICES = "Confirmation status is one of: UNCONFIRMED, CONFIRMED, ARCHIVED, "
            + "COMPROMISED, UNKNOWN, RESET_REQUIRED, FORCE_CHANGE_PASSWORD, EXTERNAL_PROVIDER.";
    private static final String ENABLED_CHOICES = "Enabled / Disabled is one of: Enabled, Disabled.";

    private static String expression(Attribute attribute, Match match, String value) {
        UserFilter filter = new UserFilter(attribute, match, value);
        assertThat(filter.problem()).as("problem for %s", value).isEmpty();
        return filter.expression();
    }

    private static void assertProblem(UserFilter filter, String message) {
        assertThat(filter.problem()).contains(message);
        assertThatThrownBy(filter::expression)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(message);
    }

    // ---------------------------------------------------------------- expressions, attribute by attribute

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "USERNAME           | EXACT       | alice                | username = \"alice\"",
            "USERNAME           | STARTS_WITH | ali                  | username ^= \"ali\"",
            "EMAIL              | EXACT       | alice@example.com    | email = \"alice@example.com\"",
            "EMAIL              | STARTS_WITH | ali                  | email ^= \"ali\"",
            "PHONE_NUMBER       | EXACT       | +15555550100         | phone_number = \"+15555550100\"",
            "PHONE_NUMBER       | STARTS_WITH | +1555                | phone_number ^= \"+1555\"",
            "NAME               | EXACT       | Alice Example        | name = \"Alice Example\"",
            "NAME               | STARTS_WITH | Ali                  | name ^= \"Ali\"",
            "GIVEN_NAME         | EXACT       | Alice                | given_name = \"Alice\"",
            "GIVEN_NAME         | STARTS_WITH | Al                   | given_name ^= \"Al\"",
            "FAMILY_NAME        | EXACT       | Example              | family_name = \"Example\"",
            "FAMILY_NAME        | STARTS_WITH | Ex                   | family_name ^= \"Ex\"",
            "PREFERRED_USERNAME | EXACT       | ally                 | preferred_username = \"ally\"",
            "PREFERRED_USERNAME | STARTS_WITH | al                   | preferred_username ^= \"al\"",
            "SUB                | EXACT       | 0a1b2c3d-4e5f-6789-abcd-ef0123456789 | sub = \"0a1b2c3d-4e5f-6789-abcd-ef0123456789\"",
            "SUB                | STARTS_WITH | 0a1b                 | sub ^= \"0a1b\"",
    })
    void freeTextAttributesExactAndPrefix(Attribute attribute, Match match, String value, String expected) {
        assertThat(expression(attribute, match, value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNCONFIRMED", "CONFIRMED", "ARCHIVED", "COMPROMISED", "UNKNOWN", "RESET_REQUIRED",
            "FORCE_CHANGE_PASSWORD", "EXTERNAL_PROVIDER"})
    void confirmationStatusExact(String status) {
        assertThat(expression(Attribute.CONFIRMATION_STATUS, Match.EXACT, status))
                .isEqualTo("cognito:user_status = \"" + status + "\"");
    }

    @Test
    void confirmationStatusUnconfirmed() {
        assertThat(expression(Attribute.CONFIRMATION_STATUS, Match.EXACT, "UNCONFIRMED"))
                .isEqualTo("cognito:user_status = \"UNCONFIRMED\"");
    }

    @Test
    void enabledStateExact() {
        assertThat(expression(Attribute.ENABLED_STATE, Match.EXACT, "Enabled")).isEqualTo("status = \"Enabled\"");
        assertThat(expression(Attribute.ENABLED_STATE, Match.EXACT, "Disabled")).isEqualTo("status = \"Disabled\"");
    }

    @Test
    void apiNamesAndChoicesAreTheFilterableOnes() {
        assertThat(Stream.of(Attribute.values()).map(Attribute::apiName)).containsExactlyInAnyOrder(
                "username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
                "cognito:user_status", "status", "sub");
        assertThat(Match.EXACT.operator()).isEqualTo("=");
        assertThat(Match.STARTS_WITH.operator()).isEqualTo("^=");
    }

    // ---------------------------------------------------------------- escaping

    @Test
    void backslashIsEscaped() {
        assertThat(expression(Attribute.USERNAME, Match.EXACT, "back\\slash"))
                .isEqualTo("username = \"back\\\\slash\"");
    }

    @Test
    void quoteIsEscaped() {
        assertThat(expression(Attribute.USERNAME, Match.EXACT, "say \"hi\""))
                .isEqualTo("username = \"say \\\"hi\\\"\"");
    }

    @Test
    void quotesAndBackslashesTogether() {
        // value: \"  (backslash, quote) -> \\\"  inside the quotes
        assertThat(expression(Attribute.EMAIL, Match.STARTS_WITH, "a\\\"b"))
                .isEqualTo("email ^= \"a\\\\\\\"b\"");
        assertThat(expression(Attribute.USERNAME, Match.EXACT, "\"")).isEqualTo("username = \"\\\"\"");
        assertThat(expression(Attribute.USERNAME, Match.EXACT, "\\")).isEqualTo("username = \"\\\\\"");
    }

    @Test
    void otherPunctuationIsNotEscaped() {
        assertThat(expression(Attribute.USERNAME, Match.EXACT, "o'brien^=x*?%_'"))
                .isEqualTo("username = \"o'brien^=x*?%_'\"");
    }

    // ---------------------------------------------------------------- Unicode kept verbatim

    @ParameterizedTest
    @ValueSource(strings = {
            "José Müller",                 // accents (precomposed)
            "Jose\u0301",                  // combining acute accent
            "山田太郎",                      // CJK
            "محمد",                        // RTL Arabic
            "שלום",                        // RTL Hebrew
            "\u202Bمحمد\u202C",            // with bidi embedding controls (format chars, not control chars)
            "😀 party 🎉",                  // emoji (surrogate pairs)
            "👩‍👩‍👧",                         // ZWJ emoji sequence
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",                      // supplementary letters
    })
    void unicodeIsAcceptedAndKeptVerbatim(String value) {
        assertThat(expression(Attribute.NAME, Match.EXACT, value)).isEqualTo("name = \"" + value + "\"");
        assertThat(expression(Attribute.USERNAME, Match.STARTS_WITH, value))
                .isEqualTo("username ^= \"" + value + "\"");
    }

    // ---------------------------------------------------------------- rejections

    @Test
    void emptyExact() {
        assertProblem(new UserFilter(Attribute.EMAIL, Match.EXACT, ""), "Type the exact email to search for.");
        assertProblem(new UserFilter(Attribute.PHONE_NUMBER, Match.EXACT, ""),
                "Type the exact phone number to search for.");
    }

    @Test
    void emptyPrefix() {
        assertProblem(new UserFilter(Attribute.EMAIL, Match.STARTS_WITH, ""),
                "Type the start of the email to search for.");
        assertProblem(new UserFilter(Attribute.GIVEN_NAME, Match.STARTS_WITH, ""),
                "Type the start of the given name to search for.");
    }

    @Test
    void nullValueIsTreatedAsEmpty() {
        assertProblem(new UserFilter(Attribute.USERNAME, Match.EXACT, null), "Type the exact username to search for.");
    }

    @Test
    void missingAttributeOrMatch() {
        assertProblem(new UserFilter(null, Match.EXACT, "x"), "Choose what to search and how to match.");
        assertProblem(new UserFilter(Attribute.USERNAME, null, "x"), "Choose what to search and how to match.");
    }

    @ParameterizedTest
    @ValueSource(strings = {" alice", "alice ", " ", "  alice  ", "\u3000alice"})
    void leadingOrTrailingSpace(String value) {
        assertProblem(new UserFilter(Attribute.USERNAME, Match.EXACT, value), SPACE_PROBLEM);
        assertProblem(new UserFilter(Attribute.USERNAME, Match.STARTS_WITH, value), SPACE_PROBLEM);
    }

    @Test
    void innerSpaceIsFine() {
        assertThat(expression(Attribute.NAME, Match.EXACT, "Alice  Example")).isEqualTo("name = \"Alice  Example\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\tb", "a\nb", "a\rb", "a\u0000b", "a\u2028b", "a\u2029b", "a\u007Fb", "a\u0085b",
            "a\u001Bb"})
    void controlCharacters(String value) {
        assertProblem(new UserFilter(Attribute.USERNAME, Match.EXACT, value), CONTROL_PROBLEM);
        assertProblem(new UserFilter(Attribute.EMAIL, Match.STARTS_WITH, value), CONTROL_PROBLEM);
    }

    @Test
    void controlCharacterAtTheEdgeIsRejectedToo() {
        // A NUL is not whitespace, so it reaches the control-character check even at the end.
        assertProblem(new UserFilter(Attribute.USERNAME, Match.EXACT, "alice\u0000"), CONTROL_PROBLEM);
        // A trailing tab or newline is whitespace: the space message comes first, still a rejection.
        assertThat(new UserFilter(Attribute.USERNAME, Match.EXACT, "alice\t").problem()).isPresent();
        assertThat(new UserFilter(Attribute.USERNAME, Match.EXACT, "alice\n").problem()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800b", "a\uDC00b", "\uD83D", "x\uDE00", "\uDE00\uD83D", "ok\uD83D\uDE00\uD83D"})
    void unpairedSurrogates(String value) {
        assertProblem(new UserFilter(Attribute.USERNAME, Match.EXACT, value), SURROGATE_PROBLEM);
        assertProblem(new UserFilter(Attribute.NAME, Match.STARTS_WITH, value), SURROGATE_PROBLEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unconfirmed", "CONFIRMED_", "UNC", "Enabled", "x\\\""})
    void confirmationStatusOutsideItsChoices(String value) {
        assertProblem(new UserFilter(Attribute.CONFIRMATION_STATUS, Match.EXACT, value), STATUS_CHOICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"enabled", "DISABLED", "Disable", "true", "CONFIRMED"})
    void enabledStateOutsideItsChoices(String value) {
        assertProblem(new UserFilter(Attribute.ENABLED_STATE, Match.EXACT, value), ENABLED_CHOICES);
    }

    @Test
    void choiceAttributesCannotBeMatchedByPrefix() {
        assertProblem(new UserFilter(Attribute.CONFIRMATION_STATUS, Match.STARTS_WITH, "UNCONFIRMED"),
                "Confirmation status can only be matched exactly.");
        assertProblem(new UserFilter(Attribute.ENABLED_STATE, Match.STARTS_WITH, "Disabled"),
                "Enabled / Disabled can only be matched exactly.");
        // A partial value is outside the choices: that reason comes first.
        assertProblem(new UserFilter(Attribute.ENABLED_STATE, Match.STARTS_WITH, "Dis"), ENABLED_CHOICES);
    }

    // ---------------------------------------------------------------- length

    @Test
    void longestValueThatFits() {
        // `username = "` is 12 characters and the closing quote 1: 243 characters of value make 256.
        String value = "a".repeat(243);
        String expression = expression(Attribute.USERNAME, Match.EXACT, value);
        assertThat(expression).hasSize(UserFilter.MAX_FILTER_LENGTH);
    }

    @Test
    void oneCharacterTooLong() {
        assertProblem(new UserFilter(Attribute.USERNAME, Match.EXACT, "a".repeat(244)),
                "The search text is too long: it has 244 characters, and at most 243 fit in Cognito's "
                        + "256-character filter.");
    }

    @Test
    void prefixOperatorCountsToo() {
        // `username ^= "` is 13 characters: 242 characters of value make 256, 243 make 257.
        assertThat(expression(Attribute.USERNAME, Match.STARTS_WITH, "a".repeat(242)))
                .hasSize(UserFilter.MAX_FILTER_LENGTH);
        assertProblem(new UserFilter(Attribute.USERNAME, Match.STARTS_WITH, "a".repeat(243)),
                "The search text is too long: it has 243 characters, and at most 242 fit in Cognito's "
                        + "256-character filter.");
    }

    @Test
    void escapesCountTowardsTheLength() {
        // 121 quotes escape to 242 characters: 12 + 242 + 1 = 255 fits.
        assertThat(expression(Attribute.USERNAME, Match.EXACT, "\"".repeat(121))).hasSize(255);
        // 122 quotes are only 122 characters typed, but 244 escaped: 257.
        assertProblem(new UserFilter(Attribute.USERNAME, Match.EXACT, "\"".repeat(122)),
                "The search text is too long: it has 122 characters (244 once quotes and backslashes are "
                        + "escaped), and at most 243 fit in Cognito's 256-character filter.");
        // 120 quotes double to 240, 120 backslashes too: 12 + 480 + 1 = 493.
        assertProblem(new UserFilter(Attribute.USERNAME, Match.EXACT, "\"\\".repeat(120)),
                "The search text is too long: it has 240 characters (480 once quotes and backslashes are "
                        + "escaped), and at most 243 fit in Cognito's 256-character filter.");
    }

    @Test
    void veryLongValue() {
        assertProblem(new UserFilter(Attribute.EMAIL, Match.STARTS_WITH, "x".repeat(10_000)),
                "The search text is too long: it has 10000 characters, and at most "
                        + (256 - "email ^= \"".length() - 1) + " fit in Cognito's 256-character filter.");
    }

    // ---------------------------------------------------------------- expression() guards itself

    static Stream<Arguments> invalidFilters() {
        return Stream.of(
                Arguments.of(new UserFilter(Attribute.EMAIL, Match.EXACT, "")),
                Arguments.of(new UserFilter(Attribute.EMAIL, Match.EXACT, " a")),
                Arguments.of(new UserFilter(Attribute.EMAIL, Match.EXACT, "a\tb")),
                Arguments.of(new UserFilter(Attribute.EMAIL, Match.EXACT, "a\uD800")),
                Arguments.of(new UserFilter(Attribute.ENABLED_STATE, Match.EXACT, "on")),
                Arguments.of(new UserFilter(Attribute.ENABLED_STATE, Match.STARTS_WITH, "Enabled")),
                Arguments.of(new UserFilter(Attribute.EMAIL, Match.EXACT, "a".repeat(300))));
    }

    @ParameterizedTest
    @MethodSource("invalidFilters")
    void expressionThrowsWithTheProblemMessage(UserFilter filter) {
        String problem = filter.problem().orElseThrow();
        assertThat(problem).isNotBlank();
        assertThatThrownBy(filter::expression).isInstanceOf(IllegalStateException.class).hasMessage(problem);
    }

    @ParameterizedTest
    @EnumSource(Attribute.class)
    void everyAttributeHasALabelAndApiName(Attribute attribute) {
        assertThat(attribute.apiName()).isNotBlank();
        assertThat(attribute.label()).isNotBlank();
        Match match = Match.EXACT;
        String value = attribute.choices().isEmpty() ? "v" : attribute.choices().get(0);
        assertThat(expression(attribute, match, value)).isEqualTo(attribute.apiName() + " = \"" + value + "\"");
    }

    @Test
    void describe() {
        assertThat(new UserFilter(Attribute.EMAIL, Match.STARTS_WITH, "ali").describe())
                .isEqualTo("Email starts with \"ali\"");
    }
}
