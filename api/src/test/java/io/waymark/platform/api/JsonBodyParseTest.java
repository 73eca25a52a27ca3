package io.waymark.platform.api;

import static io.waymark.platform.api.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How a raw request body becomes a {@link JsonBody}, or which 400 it is instead (SPEC §1). */
class JsonBodyParseTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\n\t  \r\n"})
  void noBodyIsAnEmptyRequest(String raw) {
    WaymarkException e = failure(() -> JsonBody.parse(raw));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("empty_request");
    assertThat(e.getMessage()).isEqualTo("Empty request");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "{\"email\":",
        "{\"email\":\"a@b.c\",}",
        "{'email':'a@b.c'}",
        "email=a@b.c&password=x",
        "<user/>",
        "{\"a\":01}",
        "{\"a\":NaN}"
      })
  void unparseableTextIsMalformedJson(String raw) {
    WaymarkException e = failure(() -> JsonBody.parse(raw));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("malformed_json");
    assertThat(e.getMessage()).isEqualTo("Malformed JSON");
    assertThat(e.errors()).isEmpty();
  }

  // The three disabled tests below fail against the current JsonBody: Parsson's reader stops after
  // the first value, and throws plain RuntimeExceptions for its depth and number-size limits,
  // which JsonBody.parse does not catch (so they end as 500 incidents). Enable them with the fix.

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1}}", "{\"a\":1} {\"b\":2}", "{\"email\":\"a@b.c\"} garbage"})
  void trailingContentAfterTheObjectIsMalformedJson(String raw) {
    WaymarkException e = failure(() -> JsonBody.parse(raw));
    assertThat(e.code()).isEqualTo("malformed_json");
  }

  @Test
  void nestingBeyondTheParsersDepthLimitIsMalformedJsonNotAServerError() {
    String deep = "{\"a\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}";
    WaymarkException e = failure(() -> JsonBody.parse(deep));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("malformed_json");
  }

  @Test
  void aNumberTooLongForTheParserIsA400NotAServerError() {
    WaymarkException e = failure(() -> JsonBody.parse("{\"user_id\":" + "9".repeat(1_101) + "}"));
    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void deepButReasonableNestingIsRead() {
    String deep = "{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}";
    assertThat(JsonBody.parse(deep).has("a")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"email\":\"a@b.c\"}]", "42", "\"a@b.c\"", "true", "null"})
  void wellFormedJsonThatIsNoObjectIsAPayloadErrorOnTheRoot(String raw) {
    WaymarkException e = failure(() -> JsonBody.parse(raw));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("payload_error");
    assertThat(e.getMessage()).isEqualTo("Payload error");
    assertThat(e.errors()).containsExactly(new FieldError("", "must be a JSON object"));
  }

  @Test
  void anObjectIsReadWithSurroundingWhitespaceAndUnknownFieldsKept() {
    JsonBody body = JsonBody.parse("\n  {\"email\":\"a@b.c\",\"unknown\":{\"x\":[1]}}  \n");
    assertThat(body.string("email", true)).isEqualTo("a@b.c");
    assertThat(body.json().keySet()).containsExactly("email", "unknown");
    body.done();
  }

  @Test
  void anEmptyObjectParsesAndOnlyRequiredFieldsFailLater() {
    JsonBody body = JsonBody.parse("{}");
    assertThat(body.string("email", false)).isNull();
    body.done();
    body.string("email", true);
    WaymarkException e = failure(body::done);
    assertThat(e.errors()).containsExactly(new FieldError("email", "is required"));
  }

  @Test
  void unicodeEscapesAndNonAsciiTextSurvive() {
    JsonBody body = JsonBody.parse("{\"name\":\"Zo\\u00eb \u00e5\u00e6\u00f8 \u2603\"}");
    assertThat(body.string("name", true)).isEqualTo("Zoë åæø ☃");
  }

  @Test
  void aNulInAnyStringOrKeyIsRefusedNamingEveryField() {
    WaymarkException e =
        failure(
            () ->
                JsonBody.parse(
                    "{\"email\":\"a\\u0000@b.c\",\"items\":[{\"goal_code\":\"ok\"},"
                        + "{\"goal_code\":\"x\\u0000\"}],\"props\":{\"k\\u0000\":1},"
                        + "\"fine\":\"\\\\u0000 is text\"}"));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("payload_error");
    assertThat(e.errors())
        .containsExactly(
            new FieldError("email", JsonBody.NUL_MESSAGE),
            new FieldError("items[1].goal_code", JsonBody.NUL_MESSAGE),
            new FieldError("props.k", JsonBody.NUL_MESSAGE));
  }

  @Test
  void anEscapedBackslashBeforeU0000IsNoNul() {
    assertThat(JsonBody.parse("{\"a\":\"\\\\u0000\"}").string("a", true)).isEqualTo("\\u0000");
  }
}
