package dev.cognitoconsole.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cognitoconsole.bulk.BulkConfirmations;
import dev.cognitoconsole.bulk.UsernameImport;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.model.PoolIds;
import dev.cognitoconsole.settings.SettingsStore;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Fuzzes every text the operator can type or hand over in a file: pool ids, imported username lists, the bulk
 * confirmation's reason and typed count, and the settings file. Whatever comes in, nothing throws except the
 * documented way, every refusal says why in words, and nothing malformed is accepted.
 */
class InputFuzzTest {
    private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    // 1. Pool ids

    @Property(tries = 2000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void anyPoolIdTextIsAcceptedOnlyWhenWellFormedAndOtherwiseExplained(@ForAll("poolIdText") String text) {
        Optional<String> problem = PoolIds.problem(text);
        if (problem.isEmpty()) {
            assertThat(text).hasSizeBetween(1, PoolIds.MAX_LENGTH);
            assertThat(POOL_ID.matcher(text).matches()).as("accepted %s", escaped(text)).isTrue();
        } else {
            assertThat(problem.get()).isNotBlank();
            assertNoRawControl(problem.get());
        }
        Statistics.collect(problem.isEmpty() ? "accepted" : text.length() > PoolIds.MAX_LENGTH ? "too long"
                : hasControl(text) ? "control" : "other refusal");
        Statistics.coverage(checker -> {
            checker.check("accepted").count(c -> c > 50);
            checker.check("too long").count(c -> c > 10);
            checker.check("control").count(c -> c > 50);
            checker.check("other refusal").count(c -> c > 50);
        });
    }

    @Example
    void aNullPoolIdIsExplained() {
        assertThat(PoolIds.problem(null)).hasValueSatisfying(m -> assertThat(m).isNotBlank());
    }

    @Provide
    Arbitrary<String> poolIdText() {
        Arbitrary<String> region = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_')
                .numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> suffix = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> valid = Combinators.combine(region, suffix).as((r, s) -> r + "_" + s);
        Arbitrary<String> spoiled = Combinators.combine(valid, nastyPiece(), Arbitraries.integers().between(0, 60))
                .as((v, piece, at) -> {
                    int i = Math.min(at, v.length());
                    return v.substring(0, i) + piece + v.substring(i);
                });
        return Arbitraries.frequencyOf(
                weighted(3, valid),
                weighted(3, spoiled),
                weighted(3, nastyText(12)),
                weighted(1, Arbitraries.strings().all().ofMaxLength(400)),
                weighted(1, Arbitraries.strings().withCharRange('\u0000', '\u00A0').ofMinLength(40).ofMaxLength(80)));
    }

    // 2. Username import

    @Property(tries = 1500)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void anyImportedFileGivesValidDistinctNamesAndReportsEveryOtherLine(@ForAll("importFile") String text,
                                                                        @ForAll boolean csvName) {
        UsernameImport.Result result;
        try {
            result = UsernameImport.parse(csvName ? "users.csv" : "users.txt", text, csvName);
        } catch (IOException e) {
            // The documented way to refuse a whole file (a CSV quote never closed): it must say why.
            assertThat(e.getMessage()).as("IOException message").isNotBlank();
            Statistics.collect("file refused");
            return;
        } catch (RuntimeException e) {
            fail("parse threw %s for %s", e, escaped(text));
            return;
        }
        long physicalLines = physicalLines(text);
        Set<String> seen = new HashSet<>();
        Set<Long> lines = new HashSet<>();
        for (UsernameImport.Name name : result.names()) {
            String n = name.username();
            assertThat(n.codePointCount(0, n.length())).as("length of %s", escaped(n)).isBetween(1, 128);
            assertThat(USERNAME.matcher(n).matches()).as("accepted %s", escaped(n)).isTrue();
            assertThat(seen.add(n)).as("duplicate accepted: %s", escaped(n)).isTrue();
            assertThat(name.line()).isBetween(1L, physicalLines);
            assertThat(lines.add(name.line())).as("line %d used twice", name.line()).isTrue();
        }
        for (UsernameImport.Problem problem : result.problems()) {
            assertThat(problem.line()).isBetween(1L, physicalLines);
            assertThat(lines.add(problem.line())).as("line %d reported twice", problem.line()).isTrue();
            assertThat(problem.kind()).isNotNull();
            assertThat(problem.message()).isNotBlank().startsWith("Line " + problem.line() + ": ");
            assertThat(problem.message().length()).isGreaterThan(("Line " + problem.line() + ": ").length());
            assertNoRawControl(problem.message());
        }
        Statistics.collect(result.names().isEmpty() ? "no names" : "names");
        Statistics.collect(result.problems().stream().map(p -> p.kind().name()).distinct().sorted().toList()
                .toString());
        Statistics.coverage(checker -> {
            checker.check("names").count(c -> c > 200);
        });
    }

    @Property(tries = 1000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everyLineOfAPlainListIsEitherANameOrReported(@ForAll("plainLines") List<String> lines,
                                                      @ForAll("lineBreak") String newline,
                                                      @ForAll boolean bom) throws IOException {
        // Without a comma the file stays a plain list: every line is accounted for, by its own number.
        String text = (bom ? "\uFEFF" : "") + String.join(newline, lines);
        UsernameImport.Result result = UsernameImport.parse("users.txt", text, false);
        // The file's lines as the import sees them: one leading byte order mark dropped.
        List<String> seen = new ArrayList<>(lines);
        if (!bom && !seen.isEmpty() && seen.get(0).startsWith("\uFEFF")) {
            seen.set(0, seen.get(0).substring(1));
        }
        String body = String.join(newline, seen);
        List<Long> reported = new ArrayList<>();
        result.names().forEach(n -> reported.add(n.line()));
        result.problems().forEach(p -> reported.add(p.line()));
        reported.sort(Comparator.naturalOrder());
        long last = body.isEmpty() ? 0 : seen.size();
        if (last > 0 && seen.get(seen.size() - 1).isEmpty()) {
            last--; // a final line break ends the last line; it starts no new one
        }
        boolean header = !seen.isEmpty() && Set.of("username", "cognito:username", "user name", "user_name")
                .contains(seen.get(0).strip().toLowerCase(Locale.ROOT));
        List<Long> all = new ArrayList<>();
        for (long i = header ? 2 : 1; i <= last; i++) {
            all.add(i);
        }
        assertThat(reported).as("lines of %s", escaped(text)).isEqualTo(all);
        for (UsernameImport.Problem p : result.problems()) {
            String stripped = seen.get((int) p.line() - 1).strip();
            switch (p.kind()) {
                case BLANK -> assertThat(stripped).isEmpty();
                case INVALID -> assertThat(UsernameImport.problem(stripped)).isPresent();
                case DUPLICATE -> assertThat(result.usernames()).contains(stripped);
                default -> fail("unknown kind %s", p.kind());
            }
        }
        for (UsernameImport.Name n : result.names()) {
            assertThat(n.username()).isEqualTo(seen.get((int) n.line() - 1).strip());
        }
    }

    @Provide
    Arbitrary<List<String>> plainLines() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.of("alice", "bob", " alice ", "\tbob", "", "  ", "username", "Ünïcødé",
                        "a b", "\"q\"", "x\u0000y", "😀", "\uD800", "e\u0301", "\u202Eevil")),
                weighted(2, nastyText(6).map(s -> s.replaceAll("[\r\n,]", ""))));
        return line.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> lineBreak() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    @Provide
    Arbitrary<String> importFile() {
        Arbitrary<String> name = Arbitraries.of("alice", "bob", "carol", "alice ", " bob", "\"alice\"", "\"a,b\"",
                "'bob'", "Alice", "ann@example.com", "ann+1", "dup", "dup", "user name", "a\"b", "\"\"", "",
                "   ", "\t", "x".repeat(128), "x".repeat(129), "é".repeat(128), "😀".repeat(128), "😀".repeat(129));
        Arbitrary<String> cell = Arbitraries.frequencyOf(weighted(3, name), weighted(2, nastyText(5)));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(3).map(cells -> String.join(",", cells));
        Arbitrary<String> header = Arbitraries.of("", "", "username\n", "Username\r\n", "id,username\n",
                "\"username\",email\r\n", "email,cognito:username\n", "user name\n", "\uFEFFusername\n");
        Arbitrary<String> body = Combinators.combine(row.list().ofMaxSize(25), Arbitraries.of("\n", "\r\n", "\r"))
                .as((rows, nl) -> String.join(nl, rows));
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.of("", "\uFEFF"), header, body,
                Arbitraries.of("", "\n", "\r\n", "\n\n"))
                .as((bom, h, b, end) -> bom + h + b + end);
        return Arbitraries.frequencyOf(
                weighted(5, shaped),
                weighted(2, nastyText(40)),
                weighted(1, Arbitraries.strings().all().ofMaxLength(300)));
    }

    // 3. Bulk confirmation

    @Property(tries = 2000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void anyConfirmationAnswerIsAcceptedOnlyWithAReasonAndTheRightCount(@ForAll("reason") String reason,
                                                                        @ForAll("countAndTyped") Object[] ct,
                                                                        @ForAll boolean dryRun) {
        int count = (Integer) ct[0];
        String typed = (String) ct[1];
        Optional<String> problem = BulkConfirmations.problem(new DialogService.BulkAnswer(reason, typed, dryRun),
                count);
        problem.ifPresent(m -> assertThat(m).isNotBlank());
        if (reason == null || reason.isBlank()) {
            assertThat(problem).as("blank reason %s", reason == null ? null : escaped(reason)).isPresent();
        }
        boolean typedRequired = !dryRun && count > BulkConfirmations.TYPED_COUNT_ABOVE;
        if (problem.isEmpty()) {
            assertThat(reason.strip()).isNotEmpty().hasSizeLessThanOrEqualTo(BulkConfirmations.MAX_REASON_LENGTH);
            assertThat(reason.codePoints().anyMatch(Character::isLetterOrDigit))
                    .as("an accepted reason can be read: %s", escaped(reason)).isTrue();
            if (typedRequired) {
                assertThat(typed).isNotNull();
                assertThat(typedValue(typed)).as("typed %s for %d", escaped(typed), count)
                        .isEqualTo(BigInteger.valueOf(count));
            }
        }
        // The plain ways of writing the right number are always accepted with a reason.
        if (reason != null && !reason.isBlank() && reason.strip().length() <= BulkConfirmations.MAX_REASON_LENGTH
                && reason.codePoints().anyMatch(Character::isLetterOrDigit)
                && reason.strip().codePoints().noneMatch(Character::isISOControl)
                && typed != null && (typed.equals(Integer.toString(count))
                || typed.equals(String.format(Locale.US, "%,d", count)))) {
            assertThat(problem).isEmpty();
        }
        Statistics.collect(problem.isEmpty() ? (typedRequired ? "accepted typed" : "accepted") : "refused");
        Statistics.coverage(checker -> {
            checker.check("accepted typed").count(c -> c > 50);
            checker.check("accepted").count(c -> c > 50);
            checker.check("refused").count(c -> c > 50);
        });
    }

    /**
     * An independent reading of a typed count: the ASCII digits, with only spaces and common group separators
     * around them; {@code null} when anything else is there.
     */
    private static BigInteger typedValue(String typed) {
        StringBuilder digits = new StringBuilder();
        for (int cp : typed.codePoints().toArray()) {
            if (cp >= '0' && cp <= '9') {
                digits.append((char) cp);
            } else if (!(Character.isWhitespace(cp) || Character.isSpaceChar(cp) || ",._'".indexOf(cp) >= 0)) {
                return null;
            }
        }
        return digits.length() == 0 ? null : new BigInteger(digits.toString());
    }

    @Provide
    Arbitrary<String> reason() {
        return Arbitraries.frequencyOf(
                weighted(4, Arbitraries.of("INC-1", "CHG-4411 offboarding", "  INC-2  ", "ticket\nsecond line")),
                weighted(2, Arbitraries.of("", " ", "\t\n", "\u2003", "\u00A0", "\u3000 ", "\u001C")),
                weighted(3, nastyText(10)),
                weighted(1, Arbitraries.strings().all().ofMinLength(490).ofMaxLength(520)),
                weighted(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<Object[]> countAndTyped() {
        Arbitrary<Integer> count = Arbitraries.frequencyOf(
                weighted(1, Arbitraries.integers().between(0, 60)),
                weighted(3, Arbitraries.integers().between(51, 2_000_000)));
        return count.flatMap(n -> {
            String plain = Integer.toString(n);
            Arbitrary<String> typed = Arbitraries.frequencyOf(
                    weighted(3, Arbitraries.of(plain, String.format(Locale.US, "%,d", n),
                            String.format(Locale.GERMANY, "%,d", n), String.format(Locale.FRANCE, "%,d", n),
                            " " + plain + " ", plain + "\n")),
                    weighted(2, Arbitraries.of(Integer.toString(n + 1), Integer.toString(n - 1), "0" + plain,
                            "-" + plain, "+" + plain, plain + "0", plain + "x", plain + ".5", "1e3", "",
                            "   ", "NaN", "٣", plain.replace('1', '١'), "９", plain + "\u0000", "\u202E" + plain)),
                    weighted(2, nastyText(4)),
                    weighted(1, Arbitraries.strings().numeric().withChars(',', '.', ' ', '_', '\'').ofMaxLength(12)),
                    weighted(1, Arbitraries.just(null)));
            return typed.map(t -> new Object[] {n, t});
        });
    }

    // 4. Settings file

    @Property(tries = 700)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void anySettingsFileLoadsWithinRangeOrSaysWhy(@ForAll("settingsBytes") byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("settings-fuzz");
        try {
            Path file = dir.resolve("settings.json");
            Files.write(file, bytes);
            SettingsStore.Loaded loaded;
            try {
                loaded = new SettingsStore(file, CLOCK).load();
            } catch (RuntimeException e) {
                fail("load threw %s for %s", e, escaped(new String(bytes, StandardCharsets.ISO_8859_1)));
                return;
            }
            assertThat(loaded).isNotNull();
            assertThat(loaded.settings()).isNotNull();
            assertThat(loaded.settings().listUsersPerSecond()).isBetween(1, 30);
            assertThat(loaded.settings().updatesPerSecond()).isBetween(1, 25);
            assertThat(loaded.settings().columns()).allSatisfy(c -> assertThat(c.id()).isNotNull());
            if (loaded.problem() != null) {
                assertThat(loaded.problem()).isNotBlank();
            }
            Statistics.collect(loaded.problem() == null ? "used" : "set aside");
            Statistics.coverage(checker -> {
                checker.check("used").count(c -> c > 50);
                checker.check("set aside").count(c -> c > 50);
            });
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    @Provide
    Arbitrary<byte[]> settingsBytes() {
        Arbitrary<String> number = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.integers().between(-5, 40).map(String::valueOf)),
                weighted(1, Arbitraries.of("0", "-2147483648", "2147483647", "2147483648", "99999999999999999999",
                        "1.5", "1e400", "-0", "NaN", "Infinity", "null", "\"12\"", "\"x\"", "true", "[]", "{}")));
        Arbitrary<String> text = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.of("\"ops\"", "null", "\"\"", "\"\\u0000\"", "\"😀\"", "\"\\uD800\"", "1")),
                weighted(1, nastyText(4).map(s -> "\"" + s + "\"")));
        Arbitrary<String> window = Combinators.combine(number, number, number, number)
                .as((x, y, w, h) -> "{\"x\":" + x + ",\"y\":" + y + ",\"width\":" + w + ",\"height\":" + h
                        + ",\"maximized\":false}");
        Arbitrary<String> columns = Combinators.combine(text, number).as((id, w) -> "{\"id\":" + id
                + ",\"width\":" + w + "}").list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> columnsOrOdd = Arbitraries.frequencyOf(weighted(4, columns),
                weighted(1, Arbitraries.of("null", "[null]", "{}", "\"cols\"", "[1,2]")));
        Arbitrary<String> profiles = Arbitraries.frequencyOf(
                weighted(3, text.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")),
                weighted(1, Arbitraries.of("null", "[null]", "[\"a\",\"a\"]", "{}")));
        Arbitrary<String> connections = Arbitraries.of("{}", "null", "{\"p\":{\"region\":\"eu-west-1\","
                + "\"poolId\":\"eu-west-1_a\"}}", "{\"p\":null}", "{\"p\":1}", "[]");
        Arbitrary<String> version = Arbitraries.frequencyOf(weighted(4, Arbitraries.just("1")), weighted(1, number));
        Arbitrary<String> json = Combinators.combine(version, number, number, Arbitraries.frequencyOf(
                        weighted(3, window), weighted(1, Arbitraries.of("null", "1", "[]"))), columnsOrOdd, profiles,
                        connections, text)
                .as((v, list, upd, w, cols, prof, conn, last) -> "{\"version\":" + v
                        + ",\"lastProfile\":" + last + ",\"connections\":" + conn + ",\"window\":" + w
                        + ",\"columns\":" + cols + ",\"listUsersPerSecond\":" + list
                        + ",\"updatesPerSecond\":" + upd + ",\"productionProfiles\":" + prof
                        + ",\"unknown\":{\"a\":[1]}}");
        Arbitrary<String> cut = Combinators.combine(json, Arbitraries.integers().between(0, 400))
                .as((j, at) -> j.substring(0, Math.min(at, j.length())));
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"version\"", "1", "-1", "null",
                "\"listUsersPerSecond\"", "\"updatesPerSecond\"", "\"columns\"", "\"window\"", "\"\\", "\"",
                " ", "\n", "true", "1e999", "\u0000", "\uFEFF", "/*", "//").list().ofMaxSize(30)
                .map(l -> String.join("", l));
        Arbitrary<Charset> charset = Arbitraries.frequencyOf(weighted(6, Arbitraries.just(StandardCharsets.UTF_8)),
                weighted(1, Arbitraries.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                        StandardCharsets.ISO_8859_1)));
        Arbitrary<byte[]> encoded = Combinators.combine(Arbitraries.frequencyOf(weighted(5, json), weighted(2, cut),
                        weighted(2, tokens)), charset)
                .as((s, cs) -> s.getBytes(cs));
        return Arbitraries.frequencyOf(
                weighted(6, encoded),
                weighted(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                weighted(1, Arbitraries.of(new byte[0], new byte[] {0, 0, 0, 0x7B}, new byte[] {(byte) 0xFE,
                        (byte) 0xFF}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "null".getBytes(
                                StandardCharsets.US_ASCII))));
    }

    // Shared generators and checks

    /** One awkward piece of text: a control character, a quote, a surrogate, an emoji, a word... */
    private static Arbitrary<String> nastyPiece() {
        return Arbitraries.frequencyOf(
                weighted(3, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8)),
                weighted(3, Arbitraries.of("_", "-", " ", "\t", "\n", "\r\n", "\r", ",", ";", "\"", "'", "\\",
                        "\\u0000", "\uFEFF", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009F", "\u00A0",
                        "\u2028", "\u2029", "\u200B", "\u200E", "\u200F", "\u202E", "\u2066", "\u0301", "e\u0301",
                        "é", "ß", "İ", "日本", "😀", "👩\u200D💻", "🇫🇷", "\uD800", "\uDFFF", "\uD83D", "\uDE00",
                        "Ⅻ", "٣", "９", "ﬀ", "%", "<", "&", "@", "username", "Username", "user name",
                        "cognito:username")),
                weighted(2, Arbitraries.chars().map(String::valueOf)),
                weighted(1, Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMinLength(1).ofMaxLength(3)),
                weighted(1, Arbitraries.strings().alpha().ofMinLength(40).ofMaxLength(150)));
    }

    private static Arbitrary<String> nastyText(int maxPieces) {
        return nastyPiece().list().ofMaxSize(maxPieces).map(l -> String.join("", l));
    }

    private static long physicalLines(String text) {
        long lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                lines++;
            }
        }
        return lines;
    }

    private static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }

    private static void assertNoRawControl(String message) {
        assertThat(hasControl(message)).as("raw control character in %s", escaped(message)).isFalse();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().limit(400).forEach(c -> {
            if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append(text.length() > 400 ? "…\"" : "\"").toString();
    }

    /** A weighted choice for {@link Arbitraries#frequencyOf}. */
    private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<? extends T> arb) {
        return Tuple.of(weight, arb);
    }
}
