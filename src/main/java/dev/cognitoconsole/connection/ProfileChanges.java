package dev.cognitoconsole.connection;

import dev.cognitoconsole.model.AwsProfile;
import java.util.List;

/**
 * What re-reading the AWS files changed.
 *
 * @param before  the profiles before
 * @param after   the profiles now
 * @param current the profile in use before, or {@code null}
 */
public record ProfileChanges(List<AwsProfile> before, List<AwsProfile> after, AwsProfile current) {

    public List<String> added() {
        return names(after).stream().filter(n -> !names(before).contains(n)).toList();
    }

    public List<String> removed() {
        return names(before).stream().filter(n -> !names(after).contains(n)).toList();
    }

    /** Whether the profile in use is gone from the files. */
    public boolean currentRemoved() {
        return current != null && removed().contains(current.name());
    }

    /** One sentence for the operator, such as "Added: staging. Removed: old-admin." */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (!added().isEmpty()) {
            text.append("Added: ").append(String.join(", ", added())).append(". ");
        }
        if (!removed().isEmpty()) {
            text.append("Removed: ").append(String.join(", ", removed())).append(". ");
        }
        if (text.length() == 0) {
            text.append("The same profiles, read again (renewed keys or settings apply now). ");
        }
        if (currentRemoved()) {
            text.append("Profile ").append(current.name()).append(", which was in use, is gone.");
        }
        return text.toString().strip();
    }

    private static List<String> names(List<AwsProfile> profiles) {
        return profiles.stream().map(AwsProfile::name).toList();
    }
}
