package dev.cognitoconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoconsole.testing.Closing;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

class CognitoLocalIT {

    private static final String POOL_ID = "local_ItPool0001";

    @TempDir
    static Path workDir;

    static List<SeedUser> seeded;
    static CognitoLocal emulator;
    static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void start() {
        seeded = DemoData.supportDesk(50);
        emulator = CognitoLocal.start(workDir, List.of(new PoolSeed(POOL_ID, "IT pool", seeded)));
        cognito = emulator.rawClient();
    }

    @AfterAll
    static void stop() {
        Closing.closeAll(cognito, emulator);
    }

    @Test
    void listsTheSeededPool() {
        List<UserPoolDescriptionType> pools = cognito.listUserPools(r -> r.maxResults(60)).userPools();

        assertThat(pools).extracting(UserPoolDescriptionType::id, UserPoolDescriptionType::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(POOL_ID, "IT pool"));
    }

    @Test
    void listsEveryUserWithItsSeededState() {
        Map<String, UserType> listed = cognito.listUsers(r -> r.userPoolId(POOL_ID)).users().stream()
                .collect(Collectors.toMap(UserType::username, Function.identity()));

        assertThat(listed).hasSize(50);
        for (SeedUser user : seeded) {
            UserType actual = listed.get(user.username());
            assertThat(actual).as(user.username()).isNotNull();
            assertThat(actual.enabled()).as(user.username()).isEqualTo(user.enabled());
            assertThat(actual.userStatusAsString()).as(user.username()).isEqualTo(user.status());
            assertThat(actual.userCreateDate()).isEqualTo(user.created());
        }
    }

    @Test
    void findsUnicodeUsernames() {
        for (String username : List.of(DemoData.JOSE, DemoData.DMITRY, DemoData.YAMADA)) {
            AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(POOL_ID).username(username));

            assertThat(user.username()).isEqualTo(username);
            assertThat(user.userAttributes()).extracting(AttributeType::name, AttributeType::value)
                    .contains(org.assertj.core.groups.Tuple.tuple("sub", seededUser(username).sub()));
        }
    }

    @Test
    void awsConfigFilesPointTheSdkAtTheEmulator(@TempDir Path dir) {
        AwsConfigFiles files = AwsConfigFiles.write(dir, emulator.endpoint());
        ProfileFile profiles = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(files.config()).type(ProfileFile.Type.CONFIGURATION).build())
                .addFile(ProfileFile.builder().content(files.credentials()).type(ProfileFile.Type.CREDENTIALS).build())
                .build();

        try (CognitoIdentityProviderClient fromProfile = CognitoIdentityProviderClient.builder()
                .overrideConfiguration(o -> o.defaultProfileFile(profiles).defaultProfileName(AwsConfigFiles.PROFILE))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider.builder()
                        .profileFile(profiles).profileName(AwsConfigFiles.PROFILE).build())
                .httpClient(Apache5HttpClient.builder().build())
                .build()) {
            assertThat(fromProfile.listUserPools(r -> r.maxResults(60)).userPools())
                    .extracting(UserPoolDescriptionType::id).containsExactly(POOL_ID);
        }
    }

    @Test
    void closeStopsTheProcess(@TempDir Path dir) throws Exception {
        CognitoLocal other = CognitoLocal.start(dir, List.of());
        assertThat(accepts(other.port())).isTrue();

        other.close();
        other.close();

        assertThat(accepts(other.port())).isFalse();
        assertThat(dir.resolve("cognito-local.log")).exists();
    }

    @Test
    void explainsAMissingInstallation(@TempDir Path dir) {
        String previous = System.getProperty("emulator.dir");
        System.setProperty("emulator.dir", dir.resolve("nowhere").toString());
        try {
            assertThatThrownBy(() -> CognitoLocal.start(dir, List.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cognito-local is not installed");
        } finally {
            if (previous == null) {
                System.clearProperty("emulator.dir");
            } else {
                System.setProperty("emulator.dir", previous);
            }
        }
    }

    private static SeedUser seededUser(String username) {
        return seeded.stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
