package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Exit criteria and re-entry (SPEC §6, #18 item 4): a listed trigger takes the user out of the
 * scenario — pending jobs dropped, counted as {@code exited} — and the re-entry rule decides
 * whether a user who entered before enters again: always (the default), once, after N days.
 */
class ScenarioExitIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void anExitCriterionDropsThePendingJobsAndIsCountedAsExited() {
    String start = Goals.createSimple("exit-start");
    String leave = Goals.createSimple("exit-leave");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var wait = s.element("wait", "{\"minutes\":600}");
    s.trigger("goal_completed", start, wait);
    s.exit("goal_completed", leave);
    s.enable();
    try {
      long user = Goals.user();
      long stays = Goals.user();
      Goals.complete(start, user);
      Goals.complete(start, stays);
      await().atMost(WAIT).until(() -> "waiting".equals(ScenarioGraphs.state(wait, user)));
      await().atMost(WAIT).until(() -> "waiting".equals(ScenarioGraphs.state(wait, stays)));

      Goals.complete(leave, user);
      await().atMost(WAIT).until(() -> "dropped".equals(ScenarioGraphs.state(wait, user)));
      assertThat(ScenarioGraphs.jobs(wait, user).get(0).get(2)).isEqualTo("exited");
      assertThat(ScenarioGraphs.state(wait, stays)).as("another user stays").isEqualTo("waiting");

      // the document keeps the criterion
      JsonObject document = Api.bootstrap().get("/api/v1/scenarios/info?id=" + s.id()).json();
      assertThat(document.getJsonArray("exit").getJsonObject(0).getJsonObject("trigger").toString())
          .isEqualTo("{\"code\":\"goal_completed\",\"options\":{\"goal_code\":\"" + leave + "\"}}");
      assertThat(document.getJsonObject("reentry").getString("mode")).isEqualTo("always");

      JsonObject stats =
          Api.bootstrap()
              .get("/api/v1/scenarios/stats?id=" + s.id())
              .json()
              .getJsonArray("elements")
              .getJsonObject(0);
      assertThat(stats.getJsonObject("last_24h").getInt("exited")).isEqualTo(1);
      assertThat(stats.getInt("waiting")).isEqualTo(1);

      // a user who left may come back: the next start is a new entry
      Goals.complete(start, user);
      await().atMost(WAIT).until(() -> ScenarioGraphs.jobs(wait, user).size() == 2);
      await().atMost(WAIT).until(() -> "waiting".equals(ScenarioGraphs.state(wait, user)));
    } finally {
      s.delete();
    }
  }

  @Test
  void reentryOnceAlwaysOrAfterDays() {
    String event = "reentry-" + UUID.randomUUID().toString().substring(0, 8);
    ScenarioGraphs once = journey(event, "once", null);
    ScenarioGraphs always = journey(event, "always", null);
    ScenarioGraphs later = journey(event, "after_days", 2);
    try {
      long user = Goals.user();
      track(user, event);
      track(user, event);
      assertThat(entries(once, user)).as("once").isEqualTo(1);
      assertThat(entries(always, user)).as("always").isEqualTo(2);
      assertThat(entries(later, user)).as("after 2 days, not yet").isEqualTo(1);

      // three days pass since the last entry
      Db.update(
          "update scenario_entries set entered_at = entered_at - interval '3 days'"
              + " where user_id = ?",
          user);
      track(user, event);
      assertThat(entries(once, user)).as("once, ever").isEqualTo(1);
      assertThat(entries(later, user)).as("after 2 days").isEqualTo(2);
      assertThat(entries(always, user)).isEqualTo(3);
    } finally {
      once.delete();
      always.delete();
      later.delete();
    }
  }

  private static ScenarioGraphs journey(String event, String mode, Integer days) {
    ScenarioGraphs s = ScenarioGraphs.scenario();
    s.trigger("event_received", event, s.element("wait", "{\"minutes\":600}"));
    s.reentry(mode, days);
    return s.enable();
  }

  /** The user's jobs in the scenario: one per entry (the journey is one wait element). */
  private static long entries(ScenarioGraphs s, long user) {
    List<List<Object>> rows =
        Db.query(
            "select count(*) from scenario_jobs where scenario_id = ? and user_id = ?",
            s.id(),
            user);
    return ((Number) rows.get(0).get(0)).longValue();
  }

  private static void track(long user, String event) {
    Api.Reply reply =
        Api.bootstrap()
            .post("/api/v1/events", "{\"user_id\":" + user + ",\"name\":\"" + event + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }
}
