package dev.cognitoconsole.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats the console exports to, told apart by the file name's extension. */
public enum ExportFormat {
    CSV("csv", "CSV (spreadsheets)"),
    JSON("json", "JSON");

    private final String extension;
    private final String label;

    ExportFormat(String extension, String label) {
        this.extension = extension;
        this.label = label;
    }

    /** The extension without its dot, such as {@code csv}. */
    public String extension() {
        return extension;
    }

    public String label() {
        return label;
    }

    /** The format a file name's extension names, if it names one. */
    public static Optional<ExportFormat> of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (name.endsWith("." + format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Where to write and in which format: the file's own extension decides; a name without a known
     * extension (file choosers on some systems add none) gets {@code fallback}'s.
     */
    public static Target target(Path chosen, ExportFormat fallback) {
        return of(chosen).map(f -> new Target(chosen, f))
                .orElseGet(() -> new Target(chosen.resolveSibling(chosen.getFileName() + "." + fallback.extension),
                        fallback));
    }

    /** A file and the format to write it in. */
    public record Target(Path file, ExportFormat format) {
    }
}
