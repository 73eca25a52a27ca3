package io.waymark.it.platform;

import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error is the JSON error body; bodies are JSON whatever the Content-Type says. */
class ErrorModelIT {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/javascript",
        "type=application/json",
        "text/plain",
        "%%garbage%%",
        "application/json; charset=utf-8"
      })
  void bodiesAreJsonWhateverTheContentType(String contentType) {
    Api.Reply reply =
        Api.bootstrap()
            .header("Content-Type", contentType)
            .post("/api/v1/users", "{\"email\":\"" + Api.email("ctype") + "\"}");
    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void emptyBody() {
    Api.Reply reply = Api.bootstrap().post("/api/v1/users", "");
    assertError(reply, 400, "empty_request", "Empty request");
  }

  @Test
  void malformedJson() {
    assertError(
        Api.bootstrap().post("/api/v1/users", "{\"email\":"),
        400,
        "malformed_json",
        "Malformed JSON");
    assertError(
        Api.bootstrap().post("/api/v1/users", "email=x"), 400, "malformed_json", "Malformed JSON");
  }

  @Test
  void notAnObjectIsAPayloadError() {
    assertError(
        Api.bootstrap().post("/api/v1/users", "[1,2]"), 400, "payload_error", "Payload error");
    assertError(
        Api.bootstrap().post("/api/v1/users", "{\"email\":42}"),
        400,
        "payload_error",
        "Payload error");
  }

  @Test
  void unknownRouteIsJson404() {
    assertError(
        Api.bootstrap().get("/api/v1/no-such-thing"), 404, "route_not_found", "Route not found");
  }

  @Test
  void wrongMethodIsJson405() {
    assertError(
        Api.bootstrap().delete("/api/v1/users"), 405, "method_not_allowed", "Method not allowed");
  }

  @Test
  void htmlIsNeverTheAnswerEvenWhenAskedFor() {
    Api.Reply reply = Api.bootstrap().header("Accept", "text/html").get("/api/v1/users/abc");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().getString("code")).isEqualTo("user_not_found");
  }

  @Test
  void badQueryParameters() {
    assertError(
        Api.bootstrap().get("/api/v1/users?after=xyz"),
        400,
        "invalid_input",
        "Invalid parameter 'after'");
    assertError(
        Api.bootstrap().get("/api/v1/users?limit=0"),
        400,
        "invalid_input",
        "Invalid parameter 'limit'");
  }
}
