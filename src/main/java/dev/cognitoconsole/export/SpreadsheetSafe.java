package dev.cognitoconsole.export;

/**
 * Keeps a spreadsheet from running a cell as a formula (CSV injection): a value that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading single quote, which spreadsheets
 * take as "this is text".
 */
public final class SpreadsheetSafe {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetSafe() {
    }

    /** The value as a spreadsheet should see it; {@code null} stays {@code null}. */
    public static String cell(String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return "'" + value;
    }
}
