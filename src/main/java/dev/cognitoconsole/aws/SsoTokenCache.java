package dev.cognitoconsole.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoconsole.common.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS CLI's SSO token cache: one JSON file per sign-in, named by the SHA-1 (hex) of the
 * {@code sso_session} name, or of the start URL for a legacy profile, as the CLI and the SDK name them. The
 * console reads the CLI's tokens and writes its own there, so the CLI and the console share a sign-in.
 */
final class SsoTokenCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    SsoTokenCache(Path dir) {
        this.dir = dir;
    }

    /** The AWS CLI's folder: ~/.aws/sso/cache. */
    static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".aws", "sso", "cache");
    }

    Path dir() {
        return dir;
    }

    /** The file of this session name (sso_session profiles) or start URL (legacy profiles). */
    Path fileFor(String cacheKey) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(cacheKey.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(sha1) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /**
     * The token cached for this key, or empty when there is none.
     *
     * @throws IOException when the file exists but cannot be read or is not a token
     */
    Optional<SsoToken> read(String cacheKey) throws IOException {
        Path file = fileFor(cacheKey);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the file's content: a token.
            throw new IOException("the file " + file + " is not valid JSON");
        }
        String accessToken = text(node, "accessToken");
        Instant expiresAt = instant(node, "expiresAt");
        if (accessToken == null || expiresAt == null) {
            throw new IOException("the file " + file + " has no accessToken or expiresAt");
        }
        return Optional.of(new SsoToken(text(node, "startUrl"), text(node, "region"), accessToken, expiresAt,
                text(node, "clientId"), text(node, "clientSecret"), instant(node, "registrationExpiresAt"),
                text(node, "refreshToken")));
    }

    /**
     * Writes the token in the CLI's format through a temporary file in the same folder, readable by the owner
     * only from its creation, moved into place at the end: no other user can read it, and no reader sees half a
     * file.
     */
    void write(String cacheKey, SsoToken token) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("startUrl", token.startUrl());
        node.put("region", token.region());
        node.put("accessToken", token.accessToken());
        node.put("expiresAt", iso(token.expiresAt()));
        if (token.clientId() != null) {
            node.put("clientId", token.clientId());
            node.put("clientSecret", token.clientSecret());
            node.put("registrationExpiresAt", iso(token.registrationExpiresAt()));
        }
        if (token.refreshToken() != null) {
            node.put("refreshToken", token.refreshToken());
        }
        Path target = fileFor(cacheKey);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(dir, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIR)}
                : new FileAttribute<?>[0]);
        AtomicFile.write(target, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, node),
                posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                        : new FileAttribute<?>[0]);
    }

    // The CLI writes whole seconds with a Z: 2026-01-31T12:00:00Z.
    private static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    // Older CLIs wrote "2026-01-31T12:00:00UTC".
    private static Instant instant(JsonNode node, String field) throws IOException {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        String iso = value.endsWith("UTC") ? value.substring(0, value.length() - 3) + "Z" : value;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            throw new IOException(field + " is not a date: " + value);
        }
    }

    /**
     * A cached sign-in. {@code clientId}, {@code clientSecret}, {@code registrationExpiresAt} and
     * {@code refreshToken} are there for sso_session sign-ins only: they let the token be refreshed.
     */
    record SsoToken(String startUrl, String region, String accessToken, Instant expiresAt, String clientId,
                    String clientSecret, Instant registrationExpiresAt, String refreshToken) {

        boolean refreshable(Instant now) {
            return refreshToken != null && clientId != null && clientSecret != null
                    && (registrationExpiresAt == null || now.isBefore(registrationExpiresAt));
        }

        @Override
        public String toString() {
            return "SsoToken[startUrl=" + startUrl + ", region=" + region + ", expiresAt=" + expiresAt + "]";
        }
    }
}
