package io.waymark.platform.api;

import static io.waymark.platform.api.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed readers of {@link JsonBody}: what they return and which field error they record. */
class JsonBodyFieldsTest {

  private static List<FieldError> errorsOf(JsonBody body) {
    WaymarkException e = failure(body::done);
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("payload_error");
    return e.errors();
  }

  @Test
  void hasIsFalseForMissingAndNullFields() {
    JsonBody body = JsonBody.parse("{\"a\":1,\"b\":null,\"c\":\"\",\"d\":false}");
    assertThat(body.has("a")).isTrue();
    assertThat(body.has("b")).isFalse();
    assertThat(body.has("c")).isTrue();
    assertThat(body.has("d")).isTrue();
    assertThat(body.has("e")).isFalse();
  }

  @Test
  void stringReturnsTheTextAndNullForMissingOptionalFields() {
    JsonBody body = JsonBody.parse("{\"first_name\":\"Ada\",\"last_name\":null,\"locale\":\"\"}");
    assertThat(body.string("first_name", true)).isEqualTo("Ada");
    assertThat(body.string("last_name", false)).isNull();
    assertThat(body.string("missing", false)).isNull();
    // only a required field must be non-blank: an optional one may be cleared with ""
    assertThat(body.string("locale", false)).isEmpty();
    body.done();
  }

  @Test
  void requiredStringsMustBePresentNonNullAndNonBlank() {
    JsonBody body = JsonBody.parse("{\"b\":null,\"c\":\"  \"}");
    assertThat(body.string("a", true)).isNull();
    assertThat(body.string("b", true)).isNull();
    assertThat(body.string("c", true)).isNull();
    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("a", "is required"),
            new FieldError("b", "is required"),
            new FieldError("c", "is required"));
  }

  @Test
  void aStringFieldOfAnotherTypeIsATypeErrorEvenWhenOptional() {
    JsonBody body = JsonBody.parse("{\"a\":42,\"b\":true,\"c\":[\"x\"],\"d\":{\"x\":1}}");
    assertThat(body.string("a", false)).isNull();
    assertThat(body.string("b", false)).isNull();
    assertThat(body.string("c", true)).isNull();
    assertThat(body.string("d", true)).isNull();
    assertThat(errorsOf(body))
        .extracting(FieldError::message)
        .containsOnly("must be a string")
        .hasSize(4);
  }

  @Test
  void idsAreIntegersOrNumericStrings() {
    JsonBody body =
        JsonBody.parse(
            "{\"a\":301109,\"b\":\"301109\",\"c\":\" 7 \",\"d\":-5,\"e\":9223372036854775807,"
                + "\"f\":\"123456789012345678\"}");
    assertThat(body.id("a", true)).isEqualTo(301109L);
    assertThat(body.id("b", true)).isEqualTo(301109L);
    assertThat(body.id("c", true)).isEqualTo(7L);
    assertThat(body.id("d", true)).isEqualTo(-5L);
    assertThat(body.id("e", true)).isEqualTo(Long.MAX_VALUE);
    assertThat(body.id("f", true)).isEqualTo(123456789012345678L);
    assertThat(body.id("missing", false)).isNull();
    body.done();
  }

  @Test
  void idsThatAreNoIntegerAreTypeErrors() {
    JsonBody body =
        JsonBody.parse(
            "{\"fraction\":1.5,\"point_zero\":1.0,\"text\":\"abc\",\"hex\":\"0x1F\",\"plus\":\"+5\",\"bool\":true,"
                + "\"array\":[1],\"empty\":\"\",\"spaced\":\"1 2\",\"wide\":\"\uFF14\uFF12\"}");
    for (String name :
        List.of("fraction", "point_zero", "text", "hex", "plus", "bool", "array", "empty")) {
      assertThat(body.id(name, false)).as(name).isNull();
    }
    assertThat(body.id("spaced", false)).isNull();
    // full-width digits are no ASCII digits: \d must not accept them
    assertThat(body.id("wide", false)).isNull();
    assertThat(errorsOf(body))
        .extracting(FieldError::path)
        .containsExactly(
            "fraction",
            "point_zero",
            "text",
            "hex",
            "plus",
            "bool",
            "array",
            "empty",
            "spaced",
            "wide");
  }

  @Test
  void idsBeyondALongAreOutOfRangeAsNumbersAndNoIntegerAsLongStrings() {
    JsonBody body =
        JsonBody.parse("{\"number\":9223372036854775808,\"text\":\"99999999999999999999\"}");
    assertThat(body.id("number", true)).isNull();
    assertThat(body.id("text", true)).isNull();
    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("number", "is out of range"),
            new FieldError("text", "must be an integer"));
  }

  @Test
  void requiredIdsMustBePresentAndNonNull() {
    JsonBody body = JsonBody.parse("{\"user_id\":null}");
    assertThat(body.id("user_id", true)).isNull();
    assertThat(body.id("goal_id", true)).isNull();
    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("user_id", "is required"), new FieldError("goal_id", "is required"));
  }

  @Test
  void integersAreCheckedAgainstTheirInclusiveBounds() {
    JsonBody body =
        JsonBody.parse(
            "{\"low\":1,\"high\":\"100\",\"under\":0,\"over\":101,\"huge\":3000000000,"
                + "\"text\":\"ten\"}");
    assertThat(body.integer("low", 1, 100)).isEqualTo(1);
    assertThat(body.integer("high", 1, 100)).isEqualTo(100);
    assertThat(body.integer("missing", 1, 100)).isNull();
    assertThat(body.integer("under", 1, 100)).isNull();
    assertThat(body.integer("over", 1, 100)).isNull();
    // beyond int: rejected by the bounds, never wrapped around by the narrowing
    assertThat(body.integer("huge", 1, 100)).isNull();
    assertThat(body.integer("text", 1, 100)).isNull();
    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("under", "must be between 1 and 100"),
            new FieldError("over", "must be between 1 and 100"),
            new FieldError("huge", "must be between 1 and 100"),
            new FieldError("text", "must be an integer"));
  }

  @Test
  void booleansAreOnlyJsonTrueAndFalse() {
    JsonBody body =
        JsonBody.parse(
            "{\"yes\":true,\"no\":false,\"none\":null,\"text\":\"true\",\"one\":1,\"list\":[true]}");
    assertThat(body.bool("yes")).isTrue();
    assertThat(body.bool("no")).isFalse();
    assertThat(body.bool("none")).isNull();
    assertThat(body.bool("missing")).isNull();
    assertThat(body.bool("text")).isNull();
    assertThat(body.bool("one")).isNull();
    assertThat(body.bool("list")).isNull();
    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("text", "must be a boolean"),
            new FieldError("one", "must be a boolean"),
            new FieldError("list", "must be a boolean"));
  }

  @Test
  void stringListsKeepTheirOrderAndNameEachBadElementByIndex() {
    JsonBody body =
        JsonBody.parse(
            "{\"roles\":[\"admin\",\"editor\"],\"empty\":[],\"none\":null,"
                + "\"mixed\":[\"a\",1,null,\"b\",{}],\"single\":\"admin\"}");
    assertThat(body.strings("roles")).containsExactly("admin", "editor");
    assertThat(body.strings("empty")).isEmpty();
    assertThat(body.strings("none")).isNull();
    assertThat(body.strings("missing")).isNull();
    // the good elements are still returned: callers rely on done() to stop the request
    assertThat(body.strings("mixed")).containsExactly("a", "b");
    assertThat(body.strings("single")).isNull();
    assertThat(errorsOf(body))
        .containsExactly(
            new FieldError("mixed[1]", "must be a string"),
            new FieldError("mixed[2]", "must be a string"),
            new FieldError("mixed[4]", "must be a string"),
            new FieldError("single", "must be an array of strings"));
  }
}
