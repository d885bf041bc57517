package dev.cognitoconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The build's binary stylesheet, which JavaFX loads in place of console.css, says what console.css says. */
class BinaryStylesheetTest {
    @Test
    void theBinaryStylesheetBesideConsoleCssHoldsItsRules() throws IOException {
        URL css = FxDialogService.STYLESHEET;
        URL bss = new URL(css.toExternalForm().replaceFirst("\\.css$", ".bss"));

        List<String> parsed = rules(new CssParser().parse(css));
        List<String> binary = rules(Stylesheet.loadBinary(bss));

        assertThat(parsed).hasSizeGreaterThan(20).anySatisfy(rule -> assertThat(rule).contains(".banner"));
        assertThat(binary).isEqualTo(parsed);
    }

    /** Each rule's selectors and declarations (a binary stylesheet reads its declarations when first asked). */
    private static List<String> rules(Stylesheet stylesheet) {
        return stylesheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations()).toList();
    }
}
