package dev.cognitoconsole.emulator;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A user pool written to cognito-local's database before it starts. */
public record PoolSeed(String id, String name, List<SeedUser> users) {

    /** Cognito's user pool id rule; cognito-local uses the id as its file name. */
    public static final Pattern ID_RULE = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

    public PoolSeed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!ID_RULE.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a user pool id: " + id);
        }
        users = List.copyOf(users);
    }
}
