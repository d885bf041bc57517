package dev.cognitoconsole.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The save dialog of every export: CSV or JSON, starting in the folder used last. */
public final class ExportFileChooser {
    private final Supplier<String> remembered;
    private final Consumer<String> remember;
    private File lastFolder;

    /** Remembers the folder used last for this session only. */
    public ExportFileChooser() {
        this(() -> null, folder -> { });
    }

    /** Starts in the folder {@code remembered} names (the settings), and tells {@code remember} each new one. */
    public ExportFileChooser(Supplier<String> remembered, Consumer<String> remember) {
        this.remembered = remembered;
        this.remember = remember;
    }

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
        initialFolder().ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.getParentFile();
        if (lastFolder != null) {
            remember.accept(lastFolder.getPath());
        }
        return Optional.of(new Choice(Path.of(chosen.getPath()),
                chooser.getSelectedExtensionFilter() == json ? ExportFormat.JSON : ExportFormat.CSV));
    }

    /** The folder used last in this session, else the one remembered, if it still exists. */
    Optional<File> initialFolder() {
        File folder = lastFolder;
        if (folder == null && remembered.get() != null) {
            folder = new File(remembered.get());
        }
        return folder != null && folder.isDirectory() ? Optional.of(folder) : Optional.empty();
    }

    private static FileChooser.ExtensionFilter filter(ExportFormat format) {
        return new FileChooser.ExtensionFilter(format.label() + " (*." + format.extension() + ")",
                "*." + format.extension());
    }
}
