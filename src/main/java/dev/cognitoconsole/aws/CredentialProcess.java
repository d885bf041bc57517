package dev.cognitoconsole.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Runs a profile's {@code credential_process} as the AWS CLI does (through {@code sh -c}, or {@code cmd /C} on
 * Windows) and reads the JSON it prints. Unlike the SDK's ProcessCredentialsProvider it has a time limit: a
 * process that hangs is killed, with its children. The output holds secrets: it is never logged nor quoted.
 */
final class CredentialProcess {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OUTPUT = 64 * 1024;
    private static final int MAX_ERROR_SHOWN = 300;
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);

    private final Duration timeLimit;
    private final ExecutorService readers;

    /** @param readers runs the readers of the process's output and error streams (two per run) */
    CredentialProcess(Duration timeLimit, ExecutorService readers) {
        this.timeLimit = timeLimit;
        this.readers = readers;
    }

    /** Credentials and when they expire ({@code null}: never). */
    record Result(AwsCredentials credentials, Instant expiration) {
        @Override
        public String toString() {
            return "CredentialProcess.Result[expiration=" + expiration + "]";
        }
    }

    /** Why the process gave no credentials, in words for the operator (never the process's output). */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    Result run(String command) throws Failed {
        Process process;
        try {
            process = new ProcessBuilder(shell(command)).start();
        } catch (IOException e) {
            throw new Failed("it could not be started (" + e.getMessage() + ")");
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // It does not read its input anyway.
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAtMost(process.getInputStream()),
                readers);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAtMost(process.getErrorStream()),
                readers);
        try {
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new Failed("it did not finish within " + seconds(timeLimit) + " and was stopped");
            }
            byte[] output = out.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                String error = new String(err.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS),
                        StandardCharsets.UTF_8).strip();
                throw new Failed("it exited with code " + process.exitValue()
                        + (error.isEmpty() ? "" : ": " + trimmed(error)));
            }
            return parse(output);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new Failed("it was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new Failed("its output could not be read");
        }
    }

    private static List<String> shell(String command) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("cmd.exe", "/C", command)
                : List.of("sh", "-c", command);
    }

    // The shell's children would keep the pipes open after the shell itself is gone. Waits (briefly) for them
    // to end, so that no credential tool is left running behind the console.
    private static void kill(Process process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // Killed forcibly: it ends, whether or not it has yet.
            }
        }
    }

    private static byte[] readAtMost(InputStream in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (bytes.size() < MAX_OUTPUT) {
                    bytes.write(buffer, 0, Math.min(n, MAX_OUTPUT - bytes.size()));
                }
            }
        } catch (IOException e) {
            // The process was killed: what was read is all there is.
        }
        return bytes.toByteArray();
    }

    // The documented format: {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}.
    private static Result parse(byte[] output) throws Failed {
        JsonNode json;
        try {
            json = JSON.readTree(output);
        } catch (IOException e) {
            json = null;
        }
        String expected = " (expected JSON with \"Version\": 1, \"AccessKeyId\" and \"SecretAccessKey\")";
        if (json == null || !json.isObject()) {
            throw new Failed("it printed something that is not JSON" + expected);
        }
        if (json.path("Version").asInt(-1) != 1) {
            throw new Failed("its JSON has no \"Version\": 1" + expected);
        }
        String keyId = json.path("AccessKeyId").asText("");
        String secret = json.path("SecretAccessKey").asText("");
        if (keyId.isBlank() || secret.isBlank()) {
            throw new Failed("its JSON lacks AccessKeyId or SecretAccessKey" + expected);
        }
        String token = json.path("SessionToken").asText("");
        Instant expiration = null;
        if (json.hasNonNull("Expiration")) {
            try {
                expiration = OffsetDateTime.parse(json.get("Expiration").asText()).toInstant();
            } catch (RuntimeException e) {
                throw new Failed("its Expiration is not an ISO-8601 date");
            }
        }
        AwsCredentials credentials = token.isBlank() ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, token);
        return new Result(credentials, expiration);
    }

    private static String trimmed(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_SHOWN ? oneLine : oneLine.substring(0, MAX_ERROR_SHOWN) + "…";
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
