package dev.cognitoconsole.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.ConsoleFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator-facing record of every change: JSON Lines, one entry per line, each written and synced to
 * disk before the call it describes goes out, so a crash loses at most the line being written. A file past
 * its size limit is renamed {@code audit-<yyyyMMdd-HHmmss>.jsonl} (UTC) in the same folder and kept; readers
 * read those first. The folder and the files are the operator's alone where the file system has POSIX
 * permissions: the entries name users, subs and roles.
 */
public final class AuditLog implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** Past this size the file is rotated before the next append. */
    public static final long DEFAULT_ROTATE_BYTES = 10L * 1024 * 1024;

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final long rotateBytes;
    private boolean tightened;
    private final Clock clock;
    private final String operator;

    /** @param operator the workstation user running the console */
    public AuditLog(Path file, Clock clock, String operator) {
        this(file, clock, operator, DEFAULT_ROTATE_BYTES);
    }

    /** @param rotateBytes the size past which the file is renamed and a new one begun */
    public AuditLog(Path file, Clock clock, String operator, long rotateBytes) {
        this.file = file;
        this.clock = clock;
        this.operator = operator;
        this.rotateBytes = rotateBytes;
    }

    public Path file() {
        return file;
    }

    @Override
    public String attempt(Attempt attempt) {
        String id = UUID.randomUUID().toString();
        append(entry(id, AuditEntry.Phase.ATTEMPT, attempt, null, null, null));
        return id;
    }

    @Override
    public void outcome(String operationId, Attempt attempt, AuditEntry.Outcome outcome, ConsoleFailure failure,
                        String detail) {
        append(entry(operationId, AuditEntry.Phase.OUTCOME, attempt, outcome, failure, detail));
    }

    private AuditEntry entry(String id, AuditEntry.Phase phase, Attempt a, AuditEntry.Outcome outcome,
                             ConsoleFailure failure, String detail) {
        // The write path names the identity whose keys sign the call: never a lookup by profile name here.
        CallerIdentity signer = a.signer();
        return new AuditEntry(clock.instant(), id, phase, operator, a.connection().profile().name(),
                signer == null ? null : signer.arn(), signer == null ? null : signer.account(),
                a.connection().region(), a.poolId(), a.username(), a.userSub(), a.action(), a.reason(), outcome,
                failure == null ? null : failure.awsCode() != null ? failure.awsCode() : failure.kind().name(),
                failure == null ? null : failure.requestId(),
                detail != null ? detail : failure == null ? null : failure.getMessage(), a.runId());
    }

    /** Appends one entry and syncs it to disk. */
    public synchronized void append(AuditEntry entry) {
        byte[] line;
        try {
            line = (Json.MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit entry cannot be written as JSON", e);
        }
        try {
            if (!tightened) {
                createPrivateFolder(file.getParent());
            }
            rotateIfFull();
            if (endsCutOff()) {
                // A crash cut the last line short: without this the next entry would be glued onto it and lost.
                byte[] joined = new byte[line.length + 1];
                joined[0] = '\n';
                System.arraycopy(line, 0, joined, 1, line.length);
                line = joined;
            }
            try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), ownerOnly(OWNER_FILE))) {
                if (!tightened) {
                    tighten(file, OWNER_FILE);
                    tightened = true;
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new AuditUnavailable("The audit log " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private void rotateIfFull() throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < rotateBytes) {
            return;
        }
        String stem = stem(file);
        String stamp = STAMP.format(clock.instant());
        for (int n = 0; ; n++) {
            Path target = file.resolveSibling(stem + "-" + stamp + (n == 0 ? "" : "-" + n) + ".jsonl");
            if (Files.exists(target)) {
                continue;
            }
            try {
                Files.move(file, target);
                return;
            } catch (FileAlreadyExistsException taken) {
                // Another console rotated at the same second: try the next number.
            } catch (NoSuchFileException gone) {
                return; // another console rotated it first
            }
        }
    }

    private boolean endsCutOff() throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private void createPrivateFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, ownerOnly(OWNER_FOLDER));
        }
        tighten(folder, OWNER_FOLDER);
    }

    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** Narrows the permissions of a file made by an older version, or opened up by hand. */
    private static void tighten(Path path, Set<PosixFilePermission> wanted) {
        if (!posix(path)) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (IOException e) {
            // Someone else's file: still writable, so recording the change matters more than its permissions.
            LOG.warn("The permissions of {} cannot be narrowed to {}: {}", path,
                    PosixFilePermissions.toString(wanted), e.toString());
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** What {@link #read} found: the entries, and how many lines were damaged and skipped. */
    public record Contents(List<AuditEntry> entries, int damagedLines) {
    }

    /** Reads every entry into memory; a damaged line (such as a half-written last one) is skipped and counted. */
    public static Contents read(Path file) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        int damaged = stream(file, entries::add);
        return new Contents(entries, damaged);
    }

    /**
     * Hands every entry to {@code sink} line by line, oldest first: the rotated files in the order they were
     * made, then {@code file}. Returns how many lines were damaged and skipped.
     */
    public static int stream(Path file, Consumer<AuditEntry> sink) throws IOException {
        int damaged = 0;
        for (Path part : parts(file)) {
            damaged += streamOne(part, sink);
        }
        return damaged;
    }

    /** The rotated files of {@code file}, oldest first, then {@code file} itself when it exists. */
    public static List<Path> parts(Path file) throws IOException {
        List<Path> parts = new ArrayList<>();
        Path folder = file.getParent();
        if (folder != null && Files.isDirectory(folder)) {
            Pattern rotated = Pattern.compile(Pattern.quote(stem(file)) + "-(\\d{8}-\\d{6})(?:-(\\d+))?\\.jsonl");
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> rotated.matcher(p.getFileName().toString()).matches()).forEach(parts::add);
            }
            parts.sort(Comparator.comparing((Path p) -> group(rotated, p, 1))
                    .thenComparingLong(p -> Long.parseLong(group(rotated, p, 2))));
        }
        if (Files.exists(file)) {
            parts.add(file);
        }
        return parts;
    }

    private static String group(Pattern pattern, Path path, int group) {
        Matcher m = pattern.matcher(path.getFileName().toString());
        m.matches();
        return m.group(group) == null ? "0" : m.group(group);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
    }

    private static int streamOne(Path part, Consumer<AuditEntry> sink) throws IOException {
        int damaged = 0;
        // Replacing broken bytes instead of failing: one bad line cannot hide the rest.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(part), decoder))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    AuditEntry entry = Json.MAPPER.readValue(line, AuditEntry.class);
                    if (entry == null || entry.time() == null || entry.phase() == null) {
                        damaged++;
                    } else {
                        sink.accept(entry);
                    }
                } catch (JsonProcessingException e) {
                    damaged++;
                }
            }
        }
        return damaged;
    }

    /**
     * Made on the first write or read, not with the console's window, so that setting up Jackson and its
     * java.time module stays off the path to the first frame (docs/performance.md).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
