package dev.cognitoconsole.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the secret scan after the suites looks for, and where. A finding names the file, the kind of secret
 * and where it is, never the secret itself, so that the scan's own report leaks nothing.
 */
public final class SecretScanner {

    /** A secret found: what kind, and at which character of the text. */
    public record Finding(String kind, int offset) {
    }

    private record Kind(String name, Pattern pattern, Predicate<String> also) {
        Kind(String name, Pattern pattern) {
            this(name, pattern, match -> true);
        }
    }

    /** Found anywhere: a secret by its shape. */
    private static final List<Kind> SHAPES = List.of(
            new Kind("an access key id", Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")),
            // As ~/.aws/sso/cache and container credentials hold them; in a test report's XML the quotes are &quot;.
            new Kind("a token or secret as a JSON value", Pattern.compile("(?:\"|&quot;)(accessToken|refreshToken"
                    + "|clientSecret|sessionToken|secretAccessKey)(?:\"|&quot;)\\s*:\\s*(?:\"|&quot;)[^\"&\\s]{8,}",
                    Pattern.CASE_INSENSITIVE)),
            // Forty characters of base64 with both cases and a digit: a secret access key, even with no key id next
            // to it. Paths and hashes differ in characters or length; a 40-letter method name such as
            // aProfileWithoutRegionFallsBackToUsEast1 has no '/' or '+' and fewer than three digits.
            new Kind("a secret access key", Pattern.compile("(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[0-9])"
                    + "(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[A-Z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"),
                    match -> match.indexOf('/') >= 0 || match.indexOf('+') >= 0
                            || match.chars().filter(Character::isDigit).count() >= 3));

    /**
     * Found in what the console wrote (logs, settings, audit log, exports): the names of secrets. Not in test
     * reports, where test names mention them.
     */
    private static final List<Kind> NAMES = List.of(
            new Kind("the name aws_secret_access_key", Pattern.compile("aws_secret_access_key", Pattern.CASE_INSENSITIVE)),
            new Kind("the name aws_session_token", Pattern.compile("aws_session_token", Pattern.CASE_INSENSITIVE)),
            new Kind("the name X-Amz-Security-Token", Pattern.compile("X-Amz-Security-Token", Pattern.CASE_INSENSITIVE)),
            new Kind("an SSO token field", Pattern.compile("\"(accessToken|refreshToken|clientSecret)\"\\s*:")));

    /** What the console writes, in the suites, the demo and the packaged app's smoke test. */
    private static final List<String> CONSOLE_FOLDERS = List.of("it-data", "test-data", "test-exports",
            "demo/data", "demo/config", "smoke", "jpackage/cds-training");
    /** The tests' captured stdout and stderr, and their reports. */
    private static final List<String> REPORT_FOLDERS = List.of("surefire-reports", "failsafe-reports");

    private SecretScanner() {
    }

    /** Secrets in a file the console wrote: canaries, shapes and names. */
    public static List<Finding> inConsoleOutput(String text) {
        List<Finding> found = inReport(text);
        find(text, NAMES, found);
        return found;
    }

    /** Secrets in a test report or captured output: canaries and shapes. */
    public static List<Finding> inReport(String text) {
        List<Finding> found = new ArrayList<>();
        for (String canary : Canaries.all()) {
            int at = text.indexOf(canary);
            if (at >= 0) {
                found.add(new Finding("the test secret " + canary.substring(0, 6) + "…", at));
            }
        }
        int marked = text.indexOf(Canaries.MARK);
        if (marked >= 0) {
            found.add(new Finding("a test secret marked " + Canaries.MARK, marked));
        }
        find(text, SHAPES, found);
        return found;
    }

    private static void find(String text, List<Kind> kinds, List<Finding> found) {
        for (Kind kind : kinds) {
            Matcher match = kind.pattern().matcher(text);
            while (match.find()) {
                if (kind.also().test(match.group())) {
                    found.add(new Finding(kind.name(), match.start()));
                    break;
                }
            }
        }
    }

    /** The files of the console's folders under {@code target} that exist. */
    public static List<Path> consoleFiles(Path target) throws IOException {
        return files(target, CONSOLE_FOLDERS);
    }

    /** The captured output and XML reports of the tests under {@code target}, but the scan's own. */
    public static List<Path> reportFiles(Path target) throws IOException {
        return files(target, REPORT_FOLDERS).stream().filter(p -> {
            String name = p.getFileName().toString();
            return (name.endsWith("-output.txt") || name.endsWith(".xml")) && !name.contains("SecretScanAfterSuitesIT")
                    && !name.startsWith("secret-scan");
        }).toList();
    }

    private static List<Path> files(Path target, List<String> folders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            Path root = target.resolve(folder);
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The file as text; broken bytes are replaced, so a binary file is read too. */
    public static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
