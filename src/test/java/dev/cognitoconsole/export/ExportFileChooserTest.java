package dev.cognitoconsole.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export dialog opens in the folder used last, also after a restart (the settings remember it). */
class ExportFileChooserTest {
    @TempDir
    Path dir;

    @Test
    void theFolderRememberedInTheSettingsIsWhereTheDialogOpens() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("exports"));

        ExportFileChooser chooser = new ExportFileChooser(() -> exports.toString(), folder -> { });

        assertThat(chooser.initialFolder()).contains(exports.toFile());
    }

    @Test
    void aRememberedFolderThatIsGoneIsNotOffered() {
        ExportFileChooser chooser = new ExportFileChooser(() -> dir.resolve("gone").toString(), folder -> { });

        assertThat(chooser.initialFolder()).isEmpty();
        assertThat(new ExportFileChooser().initialFolder()).as("nothing remembered").isEmpty();
    }
}
