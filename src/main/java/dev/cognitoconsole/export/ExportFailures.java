package dev.cognitoconsole.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Says in a line why a file could not be written, without the exception's class names. */
public final class ExportFailures {
    private ExportFailures() {
    }

    public static String describe(Throwable error) {
        if (error instanceof AccessDeniedException denied) {
            return "The folder or file may not be written: " + denied.getFile() + ".";
        }
        if (error instanceof NoSuchFileException missing) {
            return "The folder does not exist: " + missing.getFile() + ".";
        }
        if (error instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "." : ": " + fs.getFile() + ".");
        }
        if (error instanceof InterruptedIOException) {
            return "The export was stopped.";
        }
        if (error instanceof IOException && error.getMessage() != null) {
            return error.getMessage();
        }
        return "An unexpected error stopped the export (details are in the log).";
    }
}
