package dev.cognitoconsole.bulk;

import dev.cognitoconsole.export.UserExporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the usernames of a bulk change from a file. A {@code .csv} file (or one whose first line is a CSV header
 * naming a {@code username} column) is read as CSV: the {@code username} column, else the first column. Any other
 * file holds one username per line. A cell the console's own CSV export quoted for spreadsheets (its
 * {@value UserExporter#QUOTED_COLUMN} column names it) loses that quote again; any other leading quote is part of the
 * name. Blank lines, repeated names and names Cognito would refuse are reported with
 * their line number and left out, so none of them is ever sent.
 */
public final class UsernameImport {
    /** Cognito's limit on a username's length, in characters. */
    public static final int MAX_LENGTH = 128;
    private static final Pattern RULE = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    /** Header cells that name the username column (compared without case). */
    static final Set<String> HEADER_NAMES = Set.of("username", "cognito:username", "user name", "user_name");
    private static final char BOM = '\uFEFF';

    private UsernameImport() {
    }

    /** One username to send, with the line of the file it came from. */
    public record Name(String username, long line) {
    }

    /** A line left out of the list. */
    public record Problem(long line, Kind kind, String text, String message) {
        public enum Kind { BLANK, DUPLICATE, INVALID }
    }

    /**
     * What a file holds.
     *
     * @param source   the file name, for the screen
     * @param names    the usernames to send, in file order, each once
     * @param problems the lines left out, in file order
     * @param unquoted   the names whose leading {@code '} the console's own export added (its
     *                   {@value UserExporter#QUOTED_COLUMN} column says so) and the import took off again
     */
    public record Result(String source, List<Name> names, List<Problem> problems, List<Name> unquoted) {
        public Result {
            names = List.copyOf(names);
            problems = List.copyOf(problems);
            unquoted = List.copyOf(unquoted);
        }

        public Result(String source, List<Name> names, List<Problem> problems) {
            this(source, names, problems, List.of());
        }

        public List<String> usernames() {
            return names.stream().map(Name::username).toList();
        }
    }

    /** A file that holds no list: empty, or not UTF-8 text. The message says which, for the operator. */
    public static final class NotAList extends IOException {
        NotAList(String message) {
            super(message);
        }
    }

    /** Reads a UTF-8 file (a byte order mark is ignored). */
    public static Result read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text = utf8(Files.readAllBytes(file));
        return parse(name, text, name.toLowerCase(Locale.ROOT).endsWith(".csv"));
    }

    /** The bytes as text, or why they are no list: the first byte that is not UTF-8 is named by its position. */
    static String utf8(byte[] bytes) throws NotAList {
        if (bytes.length == 0) {
            throw new NotAList("The file is empty.");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new NotAList(String.format("This is not a text file (UTF-8): byte %,d of %,d (0x%02X) is not UTF-8 "
                    + "text.", at + 1, bytes.length, bytes[at] & 0xFF));
        }
        return out.flip().toString();
    }

    /** Parses text; {@code csv} says whether it is a CSV file even without a username header. */
    public static Result parse(String source, String text, boolean csv) throws IOException {
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        Collector out = new Collector(source);
        if (csv || csvHeader(firstLine(text))) {
            readCsv(new StringReader(text), out);
        } else {
            readLines(new StringReader(text), out);
        }
        return out.result();
    }

    /** Why Cognito would refuse this username, or empty when it is a valid one. */
    public static Optional<String> problem(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("empty");
        }
        int length = username.codePointCount(0, username.length());
        if (length > MAX_LENGTH) {
            return Optional.of("longer than " + MAX_LENGTH + " characters (" + length + ")");
        }
        if (!RULE.matcher(username).matches()) {
            return Optional.of("holds a space, a control character or another character Cognito does not allow "
                    + "in a username");
        }
        return Optional.empty();
    }

    private static void readLines(Reader reader, Collector out) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        long number = 0;
        boolean first = true;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            // A lone header line ("username") in a plain list names the column; it is not a user.
            if (first && HEADER_NAMES.contains(line.strip().toLowerCase(Locale.ROOT))) {
                first = false;
                continue;
            }
            first = false;
            out.add(line, number);
        }
    }

    private static void readCsv(Reader reader, Collector out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            int column = 0;
            int quoted = -1;
            String columnName = null;
            boolean first = true;
            while (true) {
                // A record starts on the line after the one the parser finished last (a quoted value may span lines).
                long line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (first) {
                    first = false;
                    int header = headerColumn(record);
                    if (header >= 0) {
                        column = header;
                        columnName = record.get(header).strip();
                        quoted = indexOf(record, UserExporter.QUOTED_COLUMN);
                        continue;
                    }
                }
                String cell = column < record.size() ? record.get(column) : "";
                boolean addedQuote = quoted >= 0 && quoted < record.size()
                        && List.of(record.get(quoted).strip().split(" ")).contains(columnName);
                out.add(cell, line, addedQuote);
            }
        } catch (UncheckedIOException e) {
            // The parser's iterator wraps a malformed file (a quote never closed) unchecked: report it as declared.
            throw e.getCause();
        }
    }

    private static int headerColumn(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            if (HEADER_NAMES.contains(record.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(CSVRecord record, String name) {
        for (int i = 0; i < record.size(); i++) {
            if (record.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }

    // Only a header with a comma makes a plain-named file CSV: a lone "username" line is a plain list's header.
    private static boolean csvHeader(String line) {
        if (line.indexOf(',') < 0) {
            return false;
        }
        for (String cell : line.split(",")) {
            String name = cell.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (HEADER_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static final class Collector {
        private final String source;
        private final List<Name> names = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<Name> unquoted = new ArrayList<>();
        private final Map<String, Long> seen = new HashMap<>();

        Collector(String source) {
            this.source = source;
        }

        void add(String raw, long line) {
            add(raw, line, false);
        }

        /** @param addedQuote whether the console's export put a {@code '} before this name, to be taken off */
        void add(String raw, long line, boolean addedQuote) {
            // Spaces around a name are a file's formatting, not part of the name (Cognito allows none anyway).
            String name = raw.strip();
            boolean unquote = addedQuote && name.startsWith("'");
            if (unquote) {
                name = name.substring(1);
            }
            if (name.isEmpty()) {
                problems.add(new Problem(line, Problem.Kind.BLANK, raw, "Line " + line + ": blank"));
                return;
            }
            Optional<String> invalid = problem(name);
            if (invalid.isPresent()) {
                problems.add(new Problem(line, Problem.Kind.INVALID, name,
                        "Line " + line + ": \"" + printable(name) + "\" is not a Cognito username: " + invalid.get()));
                return;
            }
            Long earlier = seen.putIfAbsent(name, line);
            if (earlier != null) {
                problems.add(new Problem(line, Problem.Kind.DUPLICATE, name,
                        "Line " + line + ": \"" + name + "\" repeats line " + earlier));
                return;
            }
            names.add(new Name(name, line));
            if (unquote) {
                unquoted.add(new Name(name, line));
            }
        }

        Result result() {
            return new Result(source, names, problems, unquoted);
        }
    }

    /** The name as it can be shown: control characters spelled out, long names cut. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(60).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' ') {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > 60) {
            out.append('…');
        }
        return out.toString();
    }
}
