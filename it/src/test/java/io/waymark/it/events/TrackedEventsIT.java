package io.waymark.it.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackedEventsIT {

  private static String eventGoal(String eventName, String properties) {
    String code = Goals.code("event");
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/onboarding-goals",
                "{\"code\":\""
                    + code
                    + "\",\"name\":\"Event "
                    + code
                    + "\",\"type\":\"event\",\"event\":{\"name\":\""
                    + eventName
                    + "\""
                    + (properties == null ? "" : ",\"properties\":" + properties)
                    + "}}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return code;
  }

  @Test
  void aMatchingEventCompletesTheEventGoalAtTheEventsTime() {
    String name = "video_played_" + UUID.randomUUID().toString().substring(0, 6);
    String code = eventGoal(name, null);
    long user = Goals.user();
    Api.Reply reply =
        Api.bootstrap()
            .post(
                "/api/v1/events",
                "{\"user_id\":"
                    + user
                    + ",\"name\":\""
                    + name
                    + "\",\"time\":\"2026-01-02T03:04:05Z\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().getInt("accepted")).isEqualTo(1);
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false));
    assertThat(
            Db.single(
                "select completed_at = timestamptz '2026-01-02T03:04:05Z' from user_onboarding_goals u"
                    + " join onboarding_goals g on g.id = u.onboarding_goal_id where g.code = ? and u.user_id = ?",
                code,
                user))
        .isEqualTo(true);
  }

  @Test
  void propertyFiltersMustAllMatch() {
    String name = "plan_chosen_" + UUID.randomUUID().toString().substring(0, 6);
    String code = eventGoal(name, "{\"plan\":\"pro\",\"seats\":5}");
    long user = Goals.user();
    Api.Reply wrong =
        Api.bootstrap()
            .post(
                "/api/v1/events",
                "{\"user_id\":"
                    + user
                    + ",\"name\":\""
                    + name
                    + "\",\"properties\":{\"plan\":\"basic\",\"seats\":5}}");
    assertThat(wrong.status()).isEqualTo(200);
    Api.bootstrap()
        .post(
            "/api/v1/events",
            "{\"user_id\":"
                + user
                + ",\"name\":\""
                + name
                + "\",\"properties\":{\"plan\":\"pro\"}}");
    assertThat(Goals.rows(code, user)).isEmpty();
    Api.bootstrap()
        .post(
            "/api/v1/events",
            "{\"user_id\":"
                + user
                + ",\"name\":\""
                + name
                + "\",\"properties\":{\"plan\":\"pro\",\"seats\":5.0,\"extra\":true}}");
    assertThat(Goals.rows(code, user)).containsExactly(List.of(true, false));
  }

  @Test
  void repeatedClientIdsAreDuplicatesAlsoWithinOneBatch() {
    long user = Goals.user();
    String id = UUID.randomUUID().toString();
    String event = "{\"id\":\"" + id + "\",\"user_id\":" + user + ",\"name\":\"dedup\"}";
    JsonObject first =
        Api.bootstrap().post("/api/v1/events", "{\"events\":[" + event + "," + event + "]}").json();
    assertThat(first.getInt("accepted")).isEqualTo(1);
    assertThat(first.getInt("duplicates")).isEqualTo(1);
    JsonObject again = Api.bootstrap().post("/api/v1/events", event).json();
    assertThat(again.getInt("accepted")).isEqualTo(0);
    assertThat(again.getInt("duplicates")).isEqualTo(1);
    assertThat(Db.single("select count(*) from tracked_events where client_id = ?", id))
        .isEqualTo(1L);
    // events without an id are never duplicates
    Api.bootstrap()
        .post(
            "/api/v1/events",
            "{\"events\":[{\"user_id\":"
                + user
                + ",\"name\":\"noid\"},{\"user_id\":"
                + user
                + ",\"name\":\"noid\"}]}");
    assertThat(
            Db.single(
                "select count(*) from tracked_events where user_id = ? and name = 'noid'", user))
        .isEqualTo(2L);
  }

  @Test
  void eachEventInABatchStandsAlone() {
    long user = Goals.user();
    JsonObject body =
        Api.bootstrap()
            .post(
                "/api/v1/events",
                "{\"events\":["
                    + "{\"user_id\":"
                    + user
                    + ",\"name\":\"ok_one\"},"
                    + "{\"user_id\":999999996,\"name\":\"unknown_user\"},"
                    + "{\"user_id\":"
                    + user
                    + "},"
                    + "{\"user_id\":"
                    + user
                    + ",\"name\":\"bad_time\",\"time\":\"yesterday\"},"
                    + "{\"user_id\":"
                    + user
                    + ",\"name\":\"ok_two\",\"properties\":{\"a\":[1,2]}}]}")
            .json();
    assertThat(body.getInt("accepted")).isEqualTo(2);
    assertThat(body.getJsonArray("rejected").stream().map(r -> r.asJsonObject().getInt("index")))
        .containsExactly(1, 2, 3);
    assertThat(body.getJsonArray("rejected").getJsonObject(0).getString("code"))
        .isEqualTo("user_not_found");
    assertThat(body.getJsonArray("rejected").getJsonObject(1).getString("code"))
        .isEqualTo("payload_error");
    assertThat(body.getJsonArray("rejected").getJsonObject(1).getString("message"))
        .contains("events[2].name");
  }

  @Test
  void aRejectedSingleEventAnswers400Or404() {
    Api.Reply unknown =
        Api.bootstrap().post("/api/v1/events", "{\"user_id\":999999995,\"name\":\"x\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("code")).isEqualTo("user_not_found");
    Api.Reply invalid =
        Api.bootstrap().post("/api/v1/events", "{\"user_id\":\"abc\",\"name\":\"x\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().getString("code")).isEqualTo("payload_error");
  }

  @Test
  void batchesOverOneThousandEventsAreTooLarge() {
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      events.append(i == 0 ? "" : ",").append("{\"user_id\":1,\"name\":\"x\"}");
    }
    Api.Reply reply = Api.bootstrap().post("/api/v1/events", "{\"events\":[" + events + "]}");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().getString("code")).isEqualTo("payload_too_large");
  }
}
