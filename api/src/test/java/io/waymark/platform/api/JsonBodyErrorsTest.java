package io.waymark.platform.api;

import static io.waymark.platform.api.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link JsonBody} collects errors across nested objects and validation, so that one
 * payload_error names every bad field with its full path.
 */
class JsonBodyErrorsTest {

  private static final String BATCH =
      "{\"user_id\":\"x\",\"items\":[{\"goal_code\":\"a\"},{\"goal_code\":7},"
          + "{\"params\":{\"value\":[]}}]}";

  @Test
  void doneWithoutErrorsLetsTheRequestGoOn() {
    JsonBody body = JsonBody.parse("{\"user_id\":1}");
    body.id("user_id", true);
    body.done();
    body.done();
  }

  @Test
  void nestedObjectsReportPathsUnderTheGivenPathIntoTheParentsErrors() {
    JsonBody body = JsonBody.parse(BATCH);
    body.id("user_id", true);
    var items = body.json().getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      JsonBody item = body.nested(items.getJsonObject(i), "items[" + i + "]");
      item.string("goal_code", true);
    }
    // the path given to nested() is the full path from the root, as CampaignBody passes it
    JsonObject params = items.getJsonObject(2).getJsonObject("params");
    body.nested(params, "items[2].params").string("value", true);

    WaymarkException e = failure(body::done);
    assertThat(e.code()).isEqualTo("payload_error");
    assertThat(e.errors())
        .containsExactly(
            new FieldError("user_id", "must be an integer"),
            new FieldError("items[1].goal_code", "must be a string"),
            new FieldError("items[2].goal_code", "is required"),
            new FieldError("items[2].params.value", "must be a string"));
  }

  @Test
  void aNestedBodyFailsTheWholeRequestFromEitherEnd() {
    JsonBody body = JsonBody.parse("{\"event\":{\"name\":5}}");
    JsonBody event = body.nested(body.json().getJsonObject("event"), "event");
    event.string("name", true);
    assertThat(failure(event::done).errors())
        .containsExactly(new FieldError("event.name", "must be a string"));
    assertThat(failure(body::done).errors())
        .containsExactly(new FieldError("event.name", "must be a string"));
  }

  @Test
  void explicitErrorsArePrefixedLikeReaderErrors() {
    JsonBody body = JsonBody.parse("{\"banner\":{}}");
    body.error("code", "is reserved");
    body.nested(body.json().getJsonObject("banner"), "banners[0]").error("text", "is too long");
    assertThat(failure(body::done).errors())
        .containsExactly(
            new FieldError("code", "is reserved"),
            new FieldError("banners[0].text", "is too long"));
  }

  @Test
  void ruleErrorsAreAddedButNeverTwiceForAFieldThatAlreadyHasATypeError() {
    JsonBody body = JsonBody.parse("{\"email\":1,\"code\":\"LIST\"}");
    body.string("email", true);
    body.string("code", true);
    body.addRuleErrors(
        List.of(
            new FieldError("email", "must be a well-formed email address"),
            new FieldError("code", "must match [a-z0-9_-]{1,64}")));
    assertThat(failure(body::done).errors())
        .containsExactly(
            new FieldError("email", "must be a string"),
            new FieldError("code", "must match [a-z0-9_-]{1,64}"));
  }

  @Test
  void ruleErrorsOfANestedBodyGetItsPrefix() {
    JsonBody body = JsonBody.parse("{\"items\":[{\"goal_code\":3}]}");
    JsonBody item = body.nested(body.json().getJsonArray("items").getJsonObject(0), "items[0]");
    item.string("goal_code", false);
    item.addRuleErrors(
        List.of(new FieldError("goal_code", "is reserved"), new FieldError("name", "is blank")));
    assertThat(failure(body::done).errors())
        .containsExactly(
            new FieldError("items[0].goal_code", "must be a string"),
            new FieldError("items[0].name", "is blank"));
  }

  @Test
  void theCollectedErrorsBecomeTheWireBodyOfSpecSection1() {
    JsonBody body = JsonBody.parse("{\"items\":[{\"goal_code\":3}]}");
    body.id("user_id", true);
    body.nested(body.json().getJsonArray("items").getJsonObject(0), "items[0]")
        .string("goal_code", true);
    JsonObject wire = ErrorBodies.body(failure(body::done));
    assertThat(wire.toString())
        .isEqualTo(
            "{\"status\":\"error\",\"message\":\"Payload error\",\"code\":\"payload_error\","
                + "\"errors\":[{\"user_id\":\"is required\"},"
                + "{\"items[0].goal_code\":\"must be a string\"}]}");
  }
}
