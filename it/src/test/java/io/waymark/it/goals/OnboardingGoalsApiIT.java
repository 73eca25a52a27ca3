package io.waymark.it.goals;

import static io.waymark.it.support.ApiAssertions.assertDenied;
import static io.waymark.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The onboarding module's wire contract (seed README) and goal definitions. */
class OnboardingGoalsApiIT {

  @Test
  void theSeedsCurlExampleWorksUnchanged() {
    String code = Goals.createSimple("demo");
    long user = Goals.user();
    Api.Reply reply =
        Api.bootstrap()
            .header("Content-Type", "application/javascript")
            .post(
                "/api/v1/onboarding-goals/complete",
                "{\n\t\"goal_code\": \"" + code + "\",\n\t\"user_id\": " + user + "\n}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false));
  }

  @Test
  void thePhpExamplesContentTypeAndAStringUserIdWork() {
    String code = Goals.createSimple("php");
    long user = Goals.user();
    Api.Reply reply =
        Api.bootstrap()
            .header("Content-Type", "type=application/json")
            .header("Accept", "application/json")
            .post(
                "/api/v1/onboarding-goals/complete",
                "{\"goal_code\":\"" + code + "\",\"user_id\":\"" + user + "\"}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().getString("status")).isEqualTo("ok");
  }

  @Test
  void completeErrorsHaveTheDocumentedMessages() {
    String code = Goals.createSimple("err");
    long user = Goals.user();
    assertError(
        Api.bootstrap().post("/api/v1/onboarding-goals/complete", ""),
        400,
        "empty_request",
        "Empty request");
    assertError(
        Api.bootstrap().post("/api/v1/onboarding-goals/complete", "{\"goal_code\":"),
        400,
        "malformed_json",
        "Malformed JSON");
    Api.Reply missing =
        Api.bootstrap().post("/api/v1/onboarding-goals/complete", "{\"user_id\":" + user + "}");
    assertError(missing, 400, "payload_error", "Payload error");
    assertThat(missing.json().getJsonArray("errors").toString()).contains("goal_code");
    Api.Reply nonNumeric = Goals.complete(code, "abc");
    assertError(nonNumeric, 400, "payload_error", "Payload error");
    assertThat(nonNumeric.json().getJsonArray("errors").toString()).contains("user_id");
    assertError(
        Goals.complete("no-such-goal", user),
        404,
        "goal_not_found",
        "goal 'no-such-goal' not found");
    assertError(
        Goals.complete(code, 301109999),
        404,
        "user_not_found",
        "user with ID '301109999' not found");
    assertThat(Goals.rows(code, user)).isEmpty();
    assertDenied(
        Api.anonymous().post("/api/v1/onboarding-goals/complete", "{}"),
        "Authorization header is missing");
  }

  @Test
  void listIsOrderedByNameWithTheDocumentedShape() {
    String b = Goals.code("list-b");
    String a = Goals.code("list-a");
    Api.bootstrap()
        .post(
            "/api/v1/onboarding-goals",
            "{\"code\":\"" + b + "\",\"name\":\"Zz list " + b + "\",\"type\":\"simple\"}");
    Api.bootstrap()
        .post(
            "/api/v1/onboarding-goals",
            "{\"code\":\"" + a + "\",\"name\":\"Aa list " + a + "\",\"type\":\"simple\"}");
    Api.Reply reply =
        Api.bootstrap()
            .header("Content-Type", "application/javascript")
            .get("/api/v1/onboarding-goals/list");
    assertThat(reply.status()).isEqualTo(200);
    JsonObject body = reply.json();
    assertThat(body.getString("status")).isEqualTo("ok");
    List<String> names =
        body.getJsonArray("goals").stream().map(v -> v.asJsonObject().getString("name")).toList();
    assertThat(names).isSorted();
    assertThat(names).contains("Aa list " + a, "Zz list " + b);
    assertThat(body.getJsonArray("goals").getJsonObject(0).keySet())
        .containsExactlyInAnyOrder("name", "code", "type");
  }

  @Test
  void goalsAreCreatedReadAndEditedButTheirCodeNeverChanges() {
    String code = Goals.code("edit");
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/onboarding-goals",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Watch a video\",\"type\":\"event\",\"event\":{\"name\":\"video_played\",\"properties\":{\"length\":\"full\"}}}");
    assertThat(created.status()).isEqualTo(201);
    JsonObject goal = created.json().getJsonObject("goal");
    assertThat(goal.getString("type")).isEqualTo("event");
    assertThat(goal.getJsonObject("event").getString("name")).isEqualTo("video_played");
    assertThat(goal.getJsonObject("event").getJsonObject("properties").getString("length"))
        .isEqualTo("full");

    Api.Reply taken =
        Api.bootstrap()
            .post("/api/v1/onboarding-goals", "{\"code\":\"" + code + "\",\"name\":\"x\"}");
    assertError(taken, 409, "code_taken", "Goal code '" + code + "' is already taken");

    Api.Reply renamed =
        Api.bootstrap()
            .put("/api/v1/onboarding-goals/" + code, "{\"name\":\"Watch the intro video\"}");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().getJsonObject("goal").getString("name"))
        .isEqualTo("Watch the intro video");
    assertThat(renamed.json().getJsonObject("goal").getJsonObject("event").getString("name"))
        .isEqualTo("video_played");

    Api.Reply recoded =
        Api.bootstrap().put("/api/v1/onboarding-goals/" + code, "{\"code\":\"other-code\"}");
    assertThat(recoded.status()).isEqualTo(409);
    assertThat(recoded.json().getString("code")).isEqualTo("immutable_field");
    assertThat(
            Api.bootstrap()
                .get("/api/v1/onboarding-goals/" + code)
                .json()
                .getJsonObject("goal")
                .getString("code"))
        .isEqualTo(code);
    assertError(
        Api.bootstrap().get("/api/v1/onboarding-goals/no-such-goal-x"),
        404,
        "goal_not_found",
        "goal 'no-such-goal-x' not found");
  }

  @Test
  void invalidDefinitionsAreRefused() {
    for (String reserved : List.of("list", "complete", "complete-batch", "assign", "timeout")) {
      Api.Reply reply =
          Api.bootstrap()
              .post("/api/v1/onboarding-goals", "{\"code\":\"" + reserved + "\",\"name\":\"x\"}");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().getJsonArray("errors").toString()).contains("reserved");
    }
    Api.Reply bad =
        Api.bootstrap()
            .post("/api/v1/onboarding-goals", "{\"code\":\"Bad Code!\",\"type\":\"beam\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").toString())
        .contains("\"code\"", "\"name\"", "\"type\"");
    Api.Reply noEvent =
        Api.bootstrap()
            .post(
                "/api/v1/onboarding-goals",
                "{\"code\":\"" + Goals.code("noevent") + "\",\"name\":\"x\",\"type\":\"event\"}");
    assertThat(noEvent.status()).isEqualTo(400);
    assertThat(noEvent.json().getJsonArray("errors").toString()).contains("event.name");
  }
}
