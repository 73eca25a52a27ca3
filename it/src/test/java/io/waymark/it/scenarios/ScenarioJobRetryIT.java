package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A job whose run throws is retried by the due-work dispatcher with backoff and ends {@code failed}
 * after {@code waymark.scenarios.max-attempts} (4 by default; the suite's instance retries after 1
 * s, doubling). The fault is real: a database trigger refuses the job's own state change, so every
 * run rolls back as it would on a constraint or a lost connection.
 */
class ScenarioJobRetryIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void aRunThatKeepsThrowingIsRetriedWithBackoffThenFailedWithItsLastError() {
    ScenarioGraphs s = ScenarioGraphs.scenario();
    String start = Goals.createSimple("sc-job-retry");
    ScenarioGraphs.Element wait = s.element("wait", "{\"minutes\":600}");
    s.trigger("goal_completed", start, wait).enable();
    String fault = "it_job_fault_" + wait.id();
    Db.update(
        "create function "
            + fault
            + "() returns trigger language plpgsql as $$ begin raise exception 'IT fault on job %', new.id;"
            + " end $$");
    Db.update(
        "create trigger "
            + fault
            + " before update on scenario_jobs for each row when (new.element_id = "
            + wait.id()
            + " and new.state in ('waiting', 'finished')) execute function "
            + fault
            + "()");
    try {
      long user = Goals.user();
      assertThat(Goals.complete(start, user).status()).isEqualTo(200);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(job(wait, user))
                      .as("state, attempts, last error, finished")
                      .satisfies(j -> assertThat(j.get(0)).isEqualTo("failed")));
      List<Object> failed = job(wait, user);
      assertThat(((Number) failed.get(1)).intValue()).isEqualTo(4);
      assertThat((String) failed.get(2)).contains("IT fault on job");
      assertThat(failed.get(3)).as("finished_at").isNotNull();
      // three retries, each after its backoff: 1 s + 2 s + 4 s at least between the first run and
      // the end
      Duration ran =
          Duration.between(
              ((java.sql.Timestamp) failed.get(4)).toInstant(),
              ((java.sql.Timestamp) failed.get(3)).toInstant());
      assertThat(ran).isGreaterThanOrEqualTo(Duration.ofSeconds(7));

      // given up: a further dispatch claims nothing of it
      ScenarioGraphs.dispatch();
      assertThat(job(wait, user).subList(0, 2)).isEqualTo(failed.subList(0, 2));

      // and counted as failed in the scenario's statistics
      Api.Reply stats = Api.bootstrap().get("/api/v1/scenarios/stats?id=" + s.id());
      assertThat(stats.status()).as(stats.body()).isEqualTo(200);
      JsonObject element = stats.json().getJsonArray("elements").getJsonObject(0);
      assertThat(element.getJsonObject("last_24h").getInt("failed")).isEqualTo(1);
      assertThat(element.getJsonObject("last_30d").getInt("failed")).isEqualTo(1);
      assertThat(element.getInt("waiting")).isZero();
    } finally {
      Db.update("drop trigger " + fault + " on scenario_jobs");
      Db.update("drop function " + fault + "()");
    }
  }

  /** [state, attempts, last_error, finished_at, created_at] of the user's job on the element. */
  private static List<Object> job(ScenarioGraphs.Element element, long user) {
    return Db.query(
            "select state, attempts, last_error, finished_at, created_at from scenario_jobs"
                + " where element_id = ? and user_id = ?",
            element.id(),
            user)
        .get(0);
  }
}
