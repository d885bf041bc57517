package dev.cognitoconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.testing.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux launcher script (jpackage/linux/launcher.sh, put in the app image's bin folder) finds its app image
 * however it is called, and starts the runtime's java with the configuration's options, class path and main class.
 * The app image here is a folder with that script, a configuration and a "java" that prints its arguments; to make
 * and use the class-data archive, the runtime is this JDK and the class path a jar with one class.
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
        appImageAt(dir.resolve("cognito admin")); // a space, as a folder under a home may have
    }

    private void appImageAt(Path folder) throws IOException {
        image = folder;
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
        archiveMadeFor(image.resolve("lib/app"));

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

    @Test
    void withoutAnArchiveMadeForItsFolderItLeavesTheArchiveOut() throws Exception {
        // None made yet: JDK 17 would start with no archive at all, not even the runtime's.
        assertThat(run(dir, launcher.toString())).doesNotContain("-XX:SharedArchiveFile=" + image + "/lib/app/app.jsa")
                .contains("-Dfile.encoding=UTF-8");

        // Made where the image was before it was copied or moved here.
        archiveMadeFor(dir.resolve("elsewhere/lib/app"));
        assertThat(run(dir, launcher.toString())).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile="));

        // Made here, then deleted by hand: the note of where it was made stays behind.
        archiveMadeFor(image.resolve("lib/app"));
        Files.delete(image.resolve("lib/app/app.jsa"));
        assertThat(run(dir, launcher.toString())).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
    }

    /**
     * The archive is made with the app image's own java from its class list, and then used: a real runtime (this
     * JDK) and a real class here, started with -Xshare:on, which fails when the archive cannot be mapped. In a
     * folder without a space: JDK 17 leaves the class path's classes out of an archive when its path has one
     * (the JDK's and JavaFX's classes are still archived).
     */
    @Test
    void makesTheClassDataArchiveFromItsClassListAndThenStartsWithIt() throws Exception {
        appImageAt(dir.resolve("cognito-admin-console"));
        realRuntimeAndJar();
        Files.writeString(image.resolve("lib/app/cognito-admin-console.classlist"),
                "java/lang/Object\n" + Greeter.class.getName().replace('.', '/') + "\n");

        List<String> made = run(dir, launcher.toString(), "--make-class-data-archive");

        Path app = image.resolve("lib/app");
        assertThat(made).containsExactly("cognito-admin-console: made its class-data archive " + app
                + "/app.jsa (a faster start)");
        assertThat(Files.readString(app.resolve("app.jsa.for"))).isEqualTo(app + "\n");
        assertThat(app.resolve("app.jsa.log")).doesNotExist();
        assertThat(app.resolve("app.jsa.tmp")).doesNotExist();
        List<String> started = run(dir, launcher.toString(), "hello");
        assertThat(started).contains("greeting hello")
                .anyMatch(line -> line.contains(Greeter.class.getName()) && line.contains("shared objects file"));
    }

    @Test
    void withoutAClassListItSaysThereIsNoArchiveToMake() throws Exception {
        Failed failed = makeArchiveFailing();

        assertThat(failed.status()).isEqualTo(2);
        assertThat(failed.err()).startsWith("cognito-admin-console: no class list at " + image
                + "/lib/app/cognito-admin-console.classlist, so no class-data archive to make");
        assertThat(image.resolve("lib/app/app.jsa")).doesNotExist();
    }

    /** The JVM refuses the dump: its last words are shown, and nothing is left behind (an old archive is gone). */
    @Test
    void whenTheJvmCannotMakeTheArchiveItSaysWhatTheJvmSaidAndLeavesNothing() throws Exception {
        Path app = image.resolve("lib/app");
        Files.writeString(app.resolve("cognito-admin-console.classlist"), "java/lang/Object\n");
        archiveMadeFor(app);
        Files.writeString(image.resolve("lib/runtime/bin/java"),
                "#!/bin/sh\necho 'Error: An error has occurred while processing the shared archive file.'\nexit 1\n");

        Failed failed = makeArchiveFailing();

        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("cognito-admin-console: could not make the class-data archive (the app"
                + " starts without it); the JVM said:\n"
                + "Error: An error has occurred while processing the shared archive file.\n");
        try (var left = Files.list(app)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("cognito-admin-console.cfg", "cognito-admin-console.classlist");
        }
    }

    private record Failed(int status, String err) {
    }

    private Failed makeArchiveFailing() throws Exception {
        Process process = new ProcessBuilder(launcher.toString(), "--make-class-data-archive").start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return new Failed(process.exitValue(), err);
    }

    /** Started by the launcher in {@link #makesTheClassDataArchiveFromItsClassListAndThenStartsWithIt}. */
    public static final class Greeter {
        public static void main(String[] args) {
            System.out.println("greeting " + String.join(" ", args));
        }
    }

    /** An archive (its contents do not matter to the script) and the folder it says it was made for. */
    private void archiveMadeFor(Path appFolder) throws IOException {
        Files.writeString(image.resolve("lib/app/app.jsa"), "not read by the script");
        Files.writeString(image.resolve("lib/app/app.jsa.for"), appFolder + "\n");
    }

    /** This JDK as the image's runtime, a jar with {@link Greeter} as its class path and main class. */
    private void realRuntimeAndJar() throws IOException {
        Path runtime = image.resolve("lib/runtime");
        Trees.delete(runtime);
        Files.createSymbolicLink(runtime, Path.of(System.getProperty("java.home")));
        String entry = Greeter.class.getName().replace('.', '/') + ".class";
        Path app = image.resolve("lib/app");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app.resolve("console.jar")));
                InputStream in = Greeter.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
        }
        Files.writeString(app.resolve("cognito-admin-console.cfg"), String.join("\n",
                "[Application]",
                "app.classpath=$APPDIR/console.jar",
                "app.mainclass=" + Greeter.class.getName(),
                "",
                "[JavaOptions]",
                "java-options=-XX:SharedArchiveFile=$APPDIR/app.jsa",
                "java-options=-Xshare:on",
                "java-options=-Xlog:class+load=info"));
    }

    private static List<String> run(Path workingDir, String command, String... args) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(command));
        commandLine.addAll(List.of(args));
        Process process = new ProcessBuilder(commandLine).directory(workingDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        assertThat(process.exitValue()).as("exit status of " + command).isZero();
        return out.lines().toList();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
