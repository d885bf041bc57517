package dev.cognitoconsole.aws;

import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Credentials held in memory, when they expire ({@code null}: never), and the fingerprint of the AWS files
 * they were read from: an edit of the files (new keys, another role) makes them stale. {@code null} for an
 * MFA session, which came from the operator's code and lasts until it expires.
 */
record HeldCredentials(AwsCredentials credentials, Instant expiration, String files) {
    HeldCredentials(AwsCredentials credentials, Instant expiration) {
        this(credentials, expiration, null);
    }

    static HeldCredentials forever(AwsCredentials credentials) {
        return new HeldCredentials(credentials, null);
    }

    /** A role session STS handed out. */
    static HeldCredentials of(Credentials session) {
        return new HeldCredentials(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken()), session.expiration());
    }

    boolean goodAt(Instant now) {
        return expiration == null || now.isBefore(expiration.minus(ProfileCredentials.RENEW_BEFORE));
    }

    boolean matches(String fingerprint) {
        return files == null || files.equals(fingerprint);
    }

    HeldCredentials stampedWith(String fingerprint) {
        return new HeldCredentials(credentials, expiration, fingerprint);
    }

    @Override
    public String toString() {
        return "HeldCredentials[expiration=" + expiration + "]";
    }
}
