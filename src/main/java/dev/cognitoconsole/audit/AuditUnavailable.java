package dev.cognitoconsole.audit;

/** The audit log cannot be written, so the change it would describe is not made. */
public final class AuditUnavailable extends RuntimeException {
    public AuditUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
