package dev.cognitoconsole.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * The folder of a test that writes exports, kept under target/test-exports (one per test, emptied when it
 * starts) so that the secret scan after the suites reads what the exports held. Use it as
 * {@code @TempDir(factory = KeptExports.class, cleanup = CleanupMode.NEVER)}.
 */
public final class KeptExports implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws Exception {
        String test = extensionContext.getTestMethod().map(m -> m.getName()).orElse("all");
        Path dir = Path.of("target", "test-exports", extensionContext.getRequiredTestClass().getName(), test)
                .toAbsolutePath();
        Trees.delete(dir);
        return Files.createDirectories(dir);
    }
}
