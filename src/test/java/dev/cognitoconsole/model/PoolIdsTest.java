package dev.cognitoconsole.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PoolIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1_AbC123", "us-east-1_a", "local_7x9", "ap-southeast-7_Z", "a_b",
            "under_score_Ok1"})
    void acceptsValidIds(String id) {
        assertThat(PoolIds.problem(id)).isEmpty();
    }

    @Test
    void acceptsExactlyFiftyFiveCharacters() {
        String id = "eu-west-1_" + "A".repeat(45);
        assertThat(id).hasSize(55);

        assertThat(PoolIds.problem(id)).isEmpty();
    }

    @Test
    void rejectsFiftySixCharactersNamingBothLengths() {
        String id = "eu-west-1_" + "A".repeat(46);

        assertThat(PoolIds.problem(id)).hasValueSatisfying(p -> assertThat(p).contains("at most 55", "has 56"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void asksForAnIdWhenNothingWasTyped(String text) {
        assertThat(PoolIds.problem(text)).hasValueSatisfying(p -> assertThat(p).startsWith("Enter a user pool id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-underscore", "eu-west-1_ab c", "eu-west-1_", "_AbC123", "eu-west-1_Ab-C",
            "eu west-1_AbC", "eu-west-1_Ab\"C", "eu-west-1_Äbc", " eu-west-1_AbC123", "eu-west-1_AbC123 "})
    void rejectsTextThatDoesNotFollowTheRule(String text) {
        assertThat(PoolIds.problem(text)).hasValueSatisfying(p -> assertThat(p)
                .contains("\"" + text + "\" is not a user pool id").contains("eu-west-1_AbC123"));
    }

    @Test
    void showsControlCharactersEscaped() {
        assertThat(PoolIds.problem("eu-west-1_ab\u0007c")).hasValueSatisfying(p -> assertThat(p)
                .contains("eu-west-1_ab\\u0007c").doesNotContain("\u0007"));
        assertThat(PoolIds.problem("eu-west-1\u0000_abc")).hasValueSatisfying(p -> assertThat(p)
                .contains("\\u0000").doesNotContain("\u0000"));
    }

    @Test
    void quotesAtMostSixtyCharactersOfALongId() {
        // Longer than 55 fails on length first; the quoting limit protects the message from odd text.
        String id = "x".repeat(40) + "\u0001" + "y".repeat(10);

        assertThat(PoolIds.problem(id)).hasValueSatisfying(p -> assertThat(p).contains("\\u0001"));
    }
}
