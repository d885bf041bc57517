package dev.cognitoconsole.aws;

import java.time.Duration;

/**
 * How the console's SDK clients behave on the wire.
 *
 * @param maxAttempts        attempts per call, the first included (STANDARD retry mode, with backoff)
 * @param attemptTimeout     limit for one HTTP attempt
 * @param callTimeout        limit for a whole call, retries included
 * @param connectTimeout     limit for opening a connection
 */
public record ClientSettings(int maxAttempts, Duration attemptTimeout, Duration callTimeout,
                             Duration connectTimeout) {

    /** What the installed console uses. */
    public static ClientSettings defaults() {
        return new ClientSettings(3, Duration.ofSeconds(15), Duration.ofSeconds(40), Duration.ofSeconds(5));
    }
}
