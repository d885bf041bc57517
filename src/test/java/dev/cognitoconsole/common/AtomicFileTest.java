package dev.cognitoconsole.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Whether the data reached the disk (the fsync of the file and its folder) cannot be seen from a test.
class AtomicFileTest {

    @TempDir
    Path dir;

    private Path target() {
        return dir.resolve("export.csv");
    }

    @Test
    void theWholeContentIsInPlaceAndNoTemporaryFileIsLeft() throws IOException {
        byte[] line = "alice,alice@example.com,true\n".getBytes(StandardCharsets.UTF_8);

        AtomicFile.write(target(), out -> {
            for (int i = 0; i < 40_000; i++) {
                out.write(line);
            }
        });

        assertThat(Files.size(target())).isEqualTo(40_000L * line.length);
        assertThat(Files.readString(target())).startsWith("alice,").endsWith("true\n");
        assertThat(filesInDir()).containsExactly("export.csv");
    }

    @Test
    void aBodyThatClosesTheStreamItselfStillGivesACompleteFile() throws IOException {
        AtomicFile.write(target(), out -> {
            out.write("complete".getBytes(StandardCharsets.UTF_8));
            out.close();
        });

        assertThat(target()).hasContent("complete");
        assertThat(filesInDir()).containsExactly("export.csv");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Files.writeString(target(), "old");

        assertThatThrownBy(() -> AtomicFile.write(target(), out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(target()).hasContent("old");
        assertThat(filesInDir()).containsExactly("export.csv");
    }

    @Test
    void theNewFileHasTheAttributesGiven() throws IOException {
        Files.writeString(target(), "old");
        Files.setPosixFilePermissions(target(), PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFile.write(target(), out -> out.write('x'),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target()))).isEqualTo("rw-------");
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
