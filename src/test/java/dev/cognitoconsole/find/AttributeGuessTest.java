package dev.cognitoconsole.find;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.UserFilter.Attribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeGuessTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ann@example.com | EMAIL",
            "  ann@example.com  | EMAIL",
            "@ann | EMAIL",
            "+4915112345678 | PHONE_NUMBER",
            "+1 555 0100 | USERNAME",
            "+ | USERNAME",
            "4915112345678 | USERNAME",
            "7d3e1f2a-0b4c-4d5e-8f9a-0123456789ab | SUB",
            "7D3E1F2A-0B4C-4D5E-8F9A-0123456789AB | SUB",
            "7d3e1f2a-0b4c-4d5e-8f9a | USERNAME",
            "alice | USERNAME",
            "o\"brien\\x | USERNAME",
            "Jürgen | USERNAME"})
    void guessesTheAttributeFromTheText(String typed, Attribute expected) {
        assertThat(AttributeGuess.of(typed)).isEqualTo(expected);
    }
}
