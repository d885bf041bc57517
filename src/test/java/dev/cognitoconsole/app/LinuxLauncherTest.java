package dev.cognitoconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux launcher script (jpackage/linux/launcher.sh, put in the app image's bin folder) finds its app image
 * however it is called, and starts the runtime's java with the configuration's options, class path and main class.
 * The app image here is a folder with that script, a configuration and a "java" that prints its arguments.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the script is the launcher of the Linux app image only")
class LinuxLauncherTest {
    private static final Path SCRIPT = Path.of("jpackage/linux/launcher.sh");

    @TempDir
    Path dir;
    private Path image;
    private Path launcher;

    @BeforeEach
    void appImage() throws IOException {
        dir = dir.toRealPath(); // the expected paths are plain ones
        image = dir.resolve("cognito admin"); // a space, as a folder under a home may have
        launcher = image.resolve("bin/cognito-admin-console");
        Files.createDirectories(launcher.getParent());
        Files.copy(SCRIPT, launcher);
        executable(launcher);
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Files.writeString(app.resolve("cognito-admin-console.cfg"), String.join("\n",
                "[Application]",
                "app.classpath=$APPDIR/console.jar",
                "app.mainclass=dev.cognitoconsole.app.Main",
                "app.classpath=$APPDIR/sdk.jar",
                "",
                "[JavaOptions]",
                "java-options=-XX:SharedArchiveFile=$APPDIR/app.jsa",
                "java-options=-Dfile.encoding=UTF-8"));
        Path java = Files.createDirectories(image.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        executable(java);
    }

    @Test
    void calledByItsFullPathItPassesTheConfiguration() throws Exception {
                assertThat(run(dir, launcher.toString(), "--demo")).containsExactly(
                "-XX:SharedArchiveFile=" + image + "/lib/app/app.jsa",
                "-Dfile.encoding=UTF-8",
                "-Djpackage.app-path=" + image + "/bin/cognito-admin-console",
                "-classpath", image + "/lib/app/console.jar:" + image + "/lib/app/sdk.jar",
                "dev.cognitoconsole.app.Main",
                "--demo");
    }

    @Test
    void calledThroughALinkRelativelyOrWithDotsItFindsTheSameImage() throws Exception {
        List<String> plain = run(dir, launcher.toString());
        Path link = Files.createSymbolicLink(dir.resolve("console-link"), launcher);

        assertThat(run(dir, link.toString())).isEqualTo(plain);
        assertThat(run(image.resolve("bin"), "./cognito-admin-console")).isEqualTo(plain);
        assertThat(run(image.resolve("lib"), "../bin/cognito-admin-console")).isEqualTo(plain);
        assertThat(run(dir, image.resolve("bin") + "/./cognito-admin-console")).isEqualTo(plain);
        assertThat(run(dir, image.resolve("lib") + "/../bin/cognito-admin-console")).isEqualTo(plain);
    }

    private static List<String> run(Path workingDir, String command, String... args) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(command));
        commandLine.addAll(List.of(args));
        Process process = new ProcessBuilder(commandLine).directory(workingDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        assertThat(process.exitValue()).as("exit status of " + command).isZero();
        return out.lines().toList();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
