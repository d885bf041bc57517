package dev.cognitoconsole.connection;

import dev.cognitoconsole.model.AwsProfile;

/** The connection tests' way to pick a profile the view model listed, by its name. */
final class ProfileLookup {
    private ProfileLookup() {
    }

    static AwsProfile profileNamed(ConnectionViewModel vm, String name) {
        return vm.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
