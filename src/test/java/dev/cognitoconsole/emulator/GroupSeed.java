package dev.cognitoconsole.emulator;

import java.util.List;
import java.util.Objects;

/**
 * A group of a cognito-local pool and its members, made through the API (CreateGroup, AdminAddUserToGroup).
 *
 * @param precedence {@code null}: none
 */
public record GroupSeed(String name, String description, Integer precedence, List<String> members) {
    public GroupSeed {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}
