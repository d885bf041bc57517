package dev.cognitoconsole.find;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.DirectExecutorService;
import dev.cognitoconsole.testing.FakeUserDirectory;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever is typed into "Find user" is either searched, well escaped, or refused with a reason. */
class FindInputPropertiesTest {
    private static final AwsProfile PROFILE = new AwsProfile("support", "eu-west-1", null, ProfileKind.STATIC_KEYS);

    @Property(tries = 1000)
    void anyTextIsSearchedOrRefusedWithAReason(@ForAll("typed") String typed) {
        FakeUserDirectory directory = new FakeUserDirectory()
                .addPools("support", "eu-west-1", new UserPool("eu-west-1_Pool1", "one"));
        FindViewModel find = new FindViewModel(new PoolLists(directory), directory, null,
                new CurrentThreadTaskExecutor(), new DirectExecutorService(),
                new SimpleObjectProperty<>(new Connection(PROFILE, "eu-west-1")),
                FXCollections.observableArrayList(PROFILE), List.of("eu-west-1"), SettingsService.inMemory());
        find.textProperty().set(typed);

        find.find();

        if (find.problemProperty().get() != null) {
            assertThat(find.problemProperty().get()).isNotBlank();
            assertThat(directory.calls()).isEmpty();
        } else {
            assertThat(find.searchedProperty().get().value()).isEqualTo(typed.strip());
            assertThat(find.searchedProperty().get().expression()).hasSizeLessThanOrEqualTo(256);
            assertThat(find.notSearched()).isEmpty();
            assertThat(find.summaryProperty().get()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> typed() {
        return Arbitraries.frequencyOf(
                weighted(3, Arbitraries.strings().all().ofMaxLength(40)),
                weighted(3, Arbitraries.strings().withChars("\"\\ @+-ł€😀\u202e\t\u0301").alpha().numeric()
                        .ofMaxLength(30)),
                weighted(1, Arbitraries.strings().withChars("a\"\\").ofMinLength(200).ofMaxLength(300)));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends String>> weighted(int weight,
                                                                                         Arbitrary<String> a) {
        return net.jqwik.api.Tuple.of(weight, a);
    }
}
