package dev.cognitoconsole.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A user written straight into a cognito-local pool file. {@code status} is a Cognito UserStatus
 * such as CONFIRMED or UNCONFIRMED; {@code extraAttributes} come after {@code sub} and {@code email}.
 */
public record SeedUser(String username, String email, boolean enabled, String status,
                       Instant created, Instant lastModified, Map<String, String> extraAttributes) {

    /** Cognito's username rule (no white space). */
    public static final Pattern USERNAME_RULE = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    /** Every seeded user gets this password; it satisfies the default password policy. */
    public static final String DEMO_PASSWORD = "Demo-Passw0rd!";

    public SeedUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
        if (!USERNAME_RULE.matcher(username).matches()) {
            throw new IllegalArgumentException("Not a Cognito username: " + username);
        }
        // Keeps the caller's order, so the pool file lists attributes as given.
        extraAttributes = extraAttributes == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extraAttributes));
    }

    /** Deterministic, so tests can predict it. */
    public String sub() {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
