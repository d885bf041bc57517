package dev.cognitoconsole.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The save dialog of every export: CSV or JSON, starting in the folder used last. */
public final class ExportFileChooser {
    private File lastFolder;

    /** Where to write and in which format (the chooser's filter, used when the name has no known extension). */
    public record Choice(Path file, ExportFormat format) {
    }

    public Optional<Choice> choose(Window owner, String title, Function<ExportFormat, String> suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        FileChooser.ExtensionFilter csv = filter(ExportFormat.CSV);
        FileChooser.ExtensionFilter json = filter(ExportFormat.JSON);
        chooser.getExtensionFilters().setAll(csv, json);
        chooser.setSelectedExtensionFilter(csv);
        chooser.setInitialFileName(suggestedName.apply(ExportFormat.CSV));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.getParentFile();
        return Optional.of(new Choice(Path.of(chosen.getPath()),
                chooser.getSelectedExtensionFilter() == json ? ExportFormat.JSON : ExportFormat.CSV));
    }

    private static FileChooser.ExtensionFilter filter(ExportFormat format) {
        return new FileChooser.ExtensionFilter(format.label() + " (*." + format.extension() + ")",
                "*." + format.extension());
    }
}
