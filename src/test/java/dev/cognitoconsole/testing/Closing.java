package dev.cognitoconsole.testing;

/** Closing what a test class opened, in the order given, skipping what was never opened. */
public final class Closing {
    private Closing() {
    }

    /** Closes each of {@code resources} that is not null, in order. */
    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not close " + resource, e);
            }
        }
    }
}
