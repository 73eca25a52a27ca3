package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Done jobs are purged once {@code waymark.scenarios.keep} (P2D on the IT server) has passed since
 * they finished, and the statistics still count them over 30 days (the purge keeps daily figures);
 * pending jobs are never purged.
 */
class ScenarioRetentionIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void doneJobsArePurgedAfterTheKeepAndStillCountedInThe30DayStatistics() {
    String goal = Goals.createSimple("keep");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var check = s.element("segment", "{\"code\":\"onboarding_" + goal + "\"}");
    var waiting = s.element("wait", "{\"minutes\":600}");
    s.edge(check, waiting, "negative");
    s.trigger("goal_completed", goal, check);
    s.enable();
    try {
      long user = Goals.user();
      Goals.complete(goal, user); // completed: no longer in the goal's segment, so negative
      await().atMost(WAIT).until(() -> "waiting".equals(ScenarioGraphs.state(waiting, user)));
      assertThat(ScenarioGraphs.state(check, user)).isEqualTo("finished");
      // three days pass for the finished job, and for the waiting one too
      Db.update(
          "update scenario_jobs set finished_at = finished_at - interval '3 days',"
              + " created_at = created_at - interval '3 days' where element_id in (?, ?) and user_id = ?",
          check.id(),
          waiting.id(),
          user);

      Api.Reply run = Api.bootstrap().post("/api/v1/ops/sweeps/scenarios.job-purge/run", null);
      assertThat(run.status()).as(run.body()).isEqualTo(200);

      assertThat(ScenarioGraphs.jobs(check, user)).as("the finished job is purged").isEmpty();
      assertThat(ScenarioGraphs.state(waiting, user))
          .as("a pending job stays")
          .isEqualTo("waiting");
      Api.Reply stats = Api.bootstrap().get("/api/v1/scenarios/stats?id=" + s.id());
      assertThat(stats.status()).as(stats.body()).isEqualTo(200);
      JsonObject first = stats.json().getJsonArray("elements").getJsonObject(0);
      assertThat(first.getJsonObject("last_24h").getInt("finished")).isZero();
      assertThat(first.getJsonObject("last_30d").getInt("finished")).isEqualTo(1);
      assertThat(first.getJsonObject("last_30d").getInt("negative")).isEqualTo(1);
      assertThat(stats.json().getJsonArray("elements").getJsonObject(1).getInt("waiting"))
          .isEqualTo(1);
    } finally {
      s.delete();
    }
  }
}
