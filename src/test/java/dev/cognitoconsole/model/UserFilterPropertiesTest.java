package dev.cognitoconsole.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.cognitoconsole.model.UserFilter.Attribute;
import dev.cognitoconsole.model.UserFilter.Match;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Whatever the operator types, a {@link UserFilter} either explains why it cannot be sent or yields a well-formed
 * ListUsers Filter whose quoted value un-escapes to exactly what was typed.
 */
class UserFilterPropertiesTest {

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void anyTextGivesAReasonOrAWellFormedFilter(@ForAll("typed") String value, @ForAll Attribute attribute,
                                                @ForAll Match match) {
        UserFilter filter = new UserFilter(attribute, match, value);
        check(filter);
        // The generator must reach both outcomes and the interesting reasons, or the property proves little.
        String outcome = filter.problem().map(UserFilterPropertiesTest::reason).orElse("accepted");
        Statistics.collect(outcome);
        Statistics.coverage(checker -> {
            checker.check("accepted").percentage(p -> p > 10);
            checker.check("accepted").count(c -> c > 100);
            checker.check("space").count(c -> c > 0);
            checker.check("control").count(c -> c > 0);
            checker.check("surrogate").count(c -> c > 0);
            checker.check("too long").count(c -> c > 0);
            checker.check("choices").count(c -> c > 0);
            checker.check("exactly").count(c -> c > 0);
            checker.check("empty").count(c -> c > 0);
        });
    }

    private static String reason(String problem) {
        if (problem.startsWith("Type the")) {
            return "empty";
        } else if (problem.contains("space")) {
            return "space";
        } else if (problem.contains("control character")) {
            return "control";
        } else if (problem.contains("surrogate")) {
            return "surrogate";
        } else if (problem.contains("too long")) {
            return "too long";
        } else if (problem.contains(" is one of: ")) {
            return "choices";
        } else if (problem.contains("matched exactly")) {
            return "exactly";
        }
        return "other: " + problem;
    }

    @Property(tries = 1000)
    void defaultStringsToo(@ForAll String value, @ForAll Attribute attribute, @ForAll Match match) {
        check(new UserFilter(attribute, match, value));
    }

    @Property(tries = 500)
    void plainTextIsAlwaysAcceptedForFreeTextAttributes(@ForAll("plain") String value, @ForAll Match match,
                                                         @ForAll("freeText") Attribute attribute) {
        UserFilter filter = new UserFilter(attribute, match, value);
        assertThat(filter.problem()).isEmpty();
        check(filter);
    }

    @Property(tries = 200)
    void everyChoiceIsAcceptedExactly(@ForAll("choice") Tuple.Tuple2<Attribute, String> choice) {
        UserFilter filter = new UserFilter(choice.get1(), Match.EXACT, choice.get2());
        assertThat(filter.expression()).isEqualTo(choice.get1().apiName() + " = \"" + choice.get2() + "\"");
    }

    private static void check(UserFilter filter) {
        String value = filter.value();
        Optional<String> problem = filter.problem();
        if (problem.isPresent()) {
            assertThat(problem.get()).isNotBlank();
            assertThatThrownBy(filter::expression)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage(problem.get());
            return;
        }
        String expression = filter.expression();
        String head = filter.attribute().apiName() + " " + filter.match().operator() + " \"";
        assertThat(expression).startsWith(head).endsWith("\"");
        assertThat(expression.length()).isLessThanOrEqualTo(UserFilter.MAX_FILTER_LENGTH)
                .isGreaterThan(head.length());
        assertThat(unescape(expression.substring(head.length(), expression.length() - 1))).isEqualTo(value);

        // What an accepted value is: never empty, no edge whitespace, no control character, well-formed UTF-16,
        // one of the choices for a choice attribute.
        assertThat(value).isNotEmpty().isEqualTo(value.strip());
        assertThat(value.codePoints().noneMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029))
                .isTrue();
        assertThat(value.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
                .as("no unpaired surrogate").isTrue();
        if (!filter.attribute().choices().isEmpty()) {
            assertThat(filter.match()).isEqualTo(Match.EXACT);
            assertThat(filter.attribute().choices()).contains(value);
        }
    }

    /** Reads a quoted body back: a backslash escapes the next character; an unescaped quote is malformed. */
    private static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 >= body.length()) {
                    fail("dangling backslash at the end of <%s>", body);
                }
                out.append(body.charAt(++i));
            } else if (c == '"') {
                fail("unescaped quote at %d in <%s>", i, body);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(12)),
                Tuple.of(8, Arbitraries.of("\"", "\\", "\\\"", "\"\\", "\\\\", "\"\"")),
                Tuple.of(4, Arbitraries.of(" ", "  ", "\u00A0", "\u3000", "\u2003")),
                Tuple.of(4, Arbitraries.chars().range('\u0000', '\u001F').map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("\u007F", "\u0085", "\u2028", "\u2029", "\t", "\n", "\r")),
                Tuple.of(3, Arbitraries.of("محمد", "שלום", "\u200F", "\u202B", "\u202C", "\u202E", "عبد الله")),
                Tuple.of(3, Arbitraries.of("e\u0301", "\u0301", "\u0308", "a\u0323\u0302", "\u200D", "\uFE0F")),
                Tuple.of(3, Arbitraries.of("😀", "🎉", "👩‍👩‍👧", "🇫🇷", "𝔘", "\uD83D\uDE00")),
                Tuple.of(3, Arbitraries.of("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDE00\uD83D")),
                Tuple.of(3, Arbitraries.strings().withCharRange('\u4E00', '\u9FFF').ofMinLength(1).ofMaxLength(6)),
                Tuple.of(2, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(4)),
                Tuple.of(3, Arbitraries.of(Attribute.CONFIRMATION_STATUS.choices())),
                Tuple.of(2, Arbitraries.of(Attribute.ENABLED_STATE.choices())));
        Arbitrary<String> shortText = piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
        Arbitrary<String> longText = piece.list().ofMinSize(20).ofMaxSize(120).map(parts -> String.join("", parts));
        Arbitrary<String> nearTheLimit = Arbitraries.integers().between(230, 260)
                .flatMap(n -> Arbitraries.of("a", "\"", "\\", "é", "😀")
                        .list().ofSize(n).map(parts -> String.join("", parts)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, shortText),
                Tuple.of(2, longText),
                Tuple.of(2, nearTheLimit),
                Tuple.of(1, Arbitraries.of(Attribute.CONFIRMATION_STATUS.choices())),
                Tuple.of(1, Arbitraries.of(Attribute.ENABLED_STATE.choices())),
                Tuple.of(1, Arbitraries.just("")));
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withCharRange('!', '~').withChars(' ', 'é', 'ß', '山', 'م')
                .ofMinLength(1).ofMaxLength(100)
                .filter(s -> s.equals(s.strip()));
    }

    @Provide
    Arbitrary<Attribute> freeText() {
        return Arbitraries.of(Attribute.class).filter(a -> a.choices().isEmpty());
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Attribute, String>> choice() {
        return Arbitraries.of(Attribute.CONFIRMATION_STATUS, Attribute.ENABLED_STATE)
                .flatMap(a -> Arbitraries.of(a.choices()).map(v -> Tuple.of(a, v)));
    }
}
