package dev.cognitoconsole.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.ConsoleFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The operator-facing record of every change: JSON Lines, one entry per line, each written and synced to
 * disk before the call it describes goes out, so a crash loses at most the line being written.
 */
public final class AuditLog implements AuditTrail {
    private final Path file;
    private final Clock clock;
    private final String operator;

    /** @param operator the workstation user running the console */
    public AuditLog(Path file, Clock clock, String operator) {
        this.file = file;
        this.clock = clock;
        this.operator = operator;
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
                detail != null ? detail : failure == null ? null : failure.getMessage());
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
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
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

    /** What {@link #read} found: the entries, and how many lines were damaged and skipped. */
    public record Contents(List<AuditEntry> entries, int damagedLines) {
    }

    /** Reads every entry; a damaged line (such as a half-written last one) is skipped and counted. */
    public static Contents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0);
        }
        List<AuditEntry> entries = new ArrayList<>();
        int damaged = 0;
        // new String(...) replaces broken bytes instead of failing, so one bad line cannot hide the rest.
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                AuditEntry entry = Json.MAPPER.readValue(line, AuditEntry.class);
                if (entry == null || entry.time() == null || entry.phase() == null) {
                    damaged++;
                } else {
                    entries.add(entry);
                }
            } catch (IOException e) {
                damaged++;
            }
        }
        return new Contents(entries, damaged);
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
