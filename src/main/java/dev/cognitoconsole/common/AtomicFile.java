package dev.cognitoconsole.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;

/**
 * Writes a file through a temporary one beside it, moved into place at the end: a failed or cancelled write
 * (an export, the settings, a sign-in token) never leaves a half-written file under the target's name, nor
 * destroys the file it replaces. The data and the rename are synced to the disk, so a power cut leaves the old
 * file or the whole new one.
 */
public final class AtomicFile {

    /** What goes into the file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @param attributes given to the temporary file when it is created (such as owner-only permissions), so the
     *                   content is never readable by others, not even for a moment
     */
    public static void write(Path target, Body body, FileAttribute<?>... attributes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".part", attributes);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                body.writeTo(out);
            }
            // A body may close the stream itself; a sync through a new channel reaches the same file's data.
            try (FileChannel written = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes the rename itself survive a power cut: until the folder is synced, it may be lost. */
    private static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Windows refuses to open a folder as a channel: the move stands, only its sync is left to the system.
        }
    }
}
