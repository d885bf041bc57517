package dev.cognitoconsole.model;

/**
 * A Cognito user pool.
 *
 * @param id   the pool id, such as {@code eu-west-1_AbC123}
 * @param name the pool's name, or {@code null} when only the id is known (typed by the operator)
 */
public record UserPool(String id, String name) {

    public String displayName() {
        return name == null || name.isBlank() ? id : name + "  (" + id + ")";
    }
}
