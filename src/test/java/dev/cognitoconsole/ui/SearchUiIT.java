package dev.cognitoconsole.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.cognitoconsole.ui.ConsoleDriver.await;
import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.users.UserRow;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real console and SDK client against WireMock: server-side search and the quick filter. */
@ExtendWith(ApplicationExtension.class)
class SearchUiIT {
    private static final String POOL_ID = "eu-west-1_Search01";
    private static final String POOL = "Search pool  (" + POOL_ID + ")";
    private static final int USERS = 3;
    /** What the operator types: a double quote and a backslash, both special in Cognito's filter grammar. */
    private static final String TYPED = "o\"brien\\x";
    /** The Filter that must reach Cognito: {@code email ^= "o\"brien\\x"}. */
    private static final String EXPECTED_FILTER = "email ^= \"o\\\"brien\\\\x\"";
    private static final String MATCH = "obrien";

    @RegisterExtension
    static final FakeAws<CognitoStub> aws = FakeAws.stub(SearchUiIT::stub);

    private static void stub(CognitoStub cognito) {
        cognito.listPools(new CognitoStub.Pool(POOL_ID, "Search pool"));
        cognito.listUsersPages(POOL_ID, List.of(List.of(
                CognitoStub.user("alice"),
                CognitoStub.user("bob").withEnabled(false),
                CognitoStub.user("carol"))));
        // Only a ListUsers carrying exactly the escaped filter gets the match; it outranks the plain listing.
        String found = "{\"Users\":[" + CognitoStub.user(MATCH).withEmail(TYPED + "@example.com").listUsersJson() + "]}";
        cognito.server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + "ListUsers"))
                .withRequestBody(matchingJsonPath("$.UserPoolId", equalTo(POOL_ID)))
                .withRequestBody(matchingJsonPath("$.Filter", equalTo(EXPECTED_FILTER)))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", CognitoStub.CONTENT_TYPE)
                        .withHeader(CognitoStub.REQUEST_ID_HEADER, "search-request-0001")
                        .withBody(found)));
    }

    @RegisterExtension
    final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 3));
    private final ConsoleDriver ui = session.ui();

    @BeforeEach
    void openPool() {
        ui.openPool(1, POOL, USERS);
    }

    @Test
    void aSearchSendsTheEscapedFilterAndShowsWhatCognitoFound(FxRobot robot) {
        int listUsersBefore = aws.cognito().requestsFor("ListUsers");
        choose(robot, "#searchAttribute", "Email");
        choose(robot, "#searchMatch", "starts with");
        TextField field = ui.node("#searchField", TextField.class);
        robot.clickOn(field).write(TYPED);
        String typed = fx(field::getText);
        assertThat(typed).isEqualTo(TYPED);

        ui.click("#searchButton");

        ConsoleDriver.await("the search reached Cognito",
                () -> aws.cognito().requestsFor("ListUsers") > listUsersBefore);
        List<JsonNode> bodies = aws.cognito().requestBodies("ListUsers");
        JsonNode search = bodies.get(bodies.size() - 1);
        assertThat(search.path("Filter").asText()).isEqualTo(EXPECTED_FILTER);
        assertThat(search.path("UserPoolId").asText()).isEqualTo(POOL_ID);
        assertThat(search.has("PaginationToken")).as("a search starts at the first page").isFalse();

        TableView<UserRow> table = ui.table();
        Label count = ui.node("#userCount", Label.class);
        awaitFx("#usersTable shows only the match and #userCount names the search",
                () -> table.getItems().size() == 1 && count.getText().startsWith("1 user matching"));
        String shown = fx(() -> table.getItems().get(0).getUser().username());
        assertThat(shown).isEqualTo(MATCH);
        assertThat(ui.cellText(MATCH, "emailColumn")).isEqualTo(TYPED + "@example.com");
        assertThat(ui.text("#userCount")).isEqualTo("1 user matching Email starts with \"" + TYPED + "\"");
        // The problem line joins the window when first shown (JoinsWhenShown).
        assertThat(ui.maybe("#searchProblem").map(problem -> fx(problem::isVisible)).orElse(false)).isFalse();
        assertThat(aws.cognito().requestsFor("ListUsers") - listUsersBefore).as("one page, one request").isEqualTo(1);
    }

    @Test
    void anEmptyExactSearchIsExplainedAndSendsNothing(FxRobot robot) {
        choose(robot, "#searchAttribute", "Email");
        choose(robot, "#searchMatch", "is exactly");
        TextField field = ui.node("#searchField", TextField.class);
        onFx(() -> field.clear());
        int listUsersBefore = aws.cognito().requestsFor("ListUsers");

        ui.click("#searchButton");

        await("#searchProblem is shown", () -> fx(() -> ui.node("#searchProblem", Label.class).isVisible()));
        Label problem = ui.node("#searchProblem", Label.class);
        String explanation = fx(problem::getText);
        assertThat(explanation).isEqualTo("Type the exact email to search for.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(aws.cognito().requestsFor("ListUsers")).as("nothing is sent").isEqualTo(listUsersBefore);
        assertThat(fx(() -> ui.table().getItems().size())).as("the table is left as it was").isEqualTo(USERS);
    }

    @Test
    void theQuickFilterNarrowsTheVisibleRowsWithoutAsking(FxRobot robot) {
        int listUsersBefore = aws.cognito().requestsFor("ListUsers");
        TextField quickFilter = ui.node("#quickFilter", TextField.class);
        TableView<UserRow> table = ui.table();

        robot.clickOn(quickFilter).write("BO");

        awaitFx("#usersTable shows bob only", () -> table.getItems().size() == 1);
        String shown = fx(() -> table.getItems().get(0).getUser().username());
        assertThat(shown).isEqualTo("bob");
        assertThat(ui.text("#userCount")).isEqualTo("1 shown of 3 users");

        onFx(() -> quickFilter.clear());

        awaitFx("#usersTable shows every user again", () -> table.getItems().size() == USERS);
        assertThat(ui.text("#userCount")).isEqualTo("3 users");
        assertThat(aws.cognito().requestsFor("ListUsers")).as("filtering is local").isEqualTo(listUsersBefore);
    }

    /** Opens the combo box's list with its arrow and clicks the entry shown with this label. */
    private void choose(FxRobot robot, String comboQuery, String label) {
        ComboBox<?> combo = ui.node(comboQuery, ComboBox.class);
        robot.clickOn(fx(() -> robot.from(combo).lookup(".arrow-button").queryAs(Node.class)));
        awaitFx(comboQuery + "'s list is open", combo::isShowing);
        ListCell<?> cell = fx(() -> robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && label.equals(c.getText()) && showing(c))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No entry " + label + " in the open list of " + comboQuery)));
        robot.clickOn(cell);
        awaitFx(comboQuery + " shows " + label, () -> !combo.isShowing() && label.equals(shownValue(combo)));
    }

    @SuppressWarnings("unchecked")
    private static String shownValue(ComboBox<?> combo) {
        ComboBox<Object> any = (ComboBox<Object>) combo;
        return any.getConverter().toString(any.getValue());
    }

    private static boolean showing(Node node) {
        Window window = node.getScene() == null ? null : node.getScene().getWindow();
        return window != null && window.isShowing();
    }
}
