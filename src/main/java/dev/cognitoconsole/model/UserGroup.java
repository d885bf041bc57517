package dev.cognitoconsole.model;

/**
 * A group a user belongs to.
 *
 * @param name        the group's name
 * @param description its description, or {@code null}
 * @param precedence  its precedence (lower wins when groups give roles), or {@code null} when not set
 */
public record UserGroup(String name, String description, Integer precedence) {
}
