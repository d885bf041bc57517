package dev.cognitoconsole.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A user written straight into a cognito-local pool file. {@code status} is a Cognito UserStatus
 * such as CONFIRMED or UNCONFIRMED; {@code extraAttributes} come after {@code sub} and {@code email};
 * {@code mfa} is the UserMFASettingList AdminGetUser reports, its first method the preferred one.
 */
public record SeedUser(String username, String email, boolean enabled, String status,
                       Instant created, Instant lastModified, Map<String, String> extraAttributes, List<String> mfa) {

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
        mfa = mfa == null ? List.of() : List.copyOf(mfa);
    }

    /** A user without MFA. */
    public SeedUser(String username, String email, boolean enabled, String status, Instant created,
                    Instant lastModified, Map<String, String> extraAttributes) {
        this(username, email, enabled, status, created, lastModified, extraAttributes, List.of());
    }

    /** The same user with these MFA methods turned on, the first preferred. */
    public SeedUser withMfa(String... methods) {
        return new SeedUser(username, email, enabled, status, created, lastModified, extraAttributes, List.of(methods));
    }

    /** Deterministic, so tests can predict it. */
    public String sub() {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
