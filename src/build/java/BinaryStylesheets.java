import java.io.File;
import javafx.css.Stylesheet;

/**
 * Build step (run by Maven in process-classes, as a single-file program on the project's class path): writes the
 * binary form of each stylesheet named, beside it ({@code console.css} gives {@code console.bss}). JavaFX loads a
 * {@code .bss} in place of the {@code .css} of the same name when there is one, as it does for its own Modena, and
 * so the console's window no longer waits for its stylesheet to be parsed when it first opens.
 */
public final class BinaryStylesheets {
    private BinaryStylesheets() {
    }

    public static void main(String[] stylesheets) throws Exception {
        for (String name : stylesheets) {
            File css = new File(name);
            if (!css.isFile() || !name.endsWith(".css")) {
                throw new IllegalArgumentException("not a stylesheet: " + name);
            }
            File bss = new File(name.substring(0, name.length() - ".css".length()) + ".bss");
            Stylesheet.convertToBinary(css, bss);
            System.out.println("Binary stylesheet " + bss);
        }
    }
}
