package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Api;
import io.waymark.it.support.Db;
import io.waymark.it.support.Goals;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A job whose run fails is retried with backoff ({@code waymark.scenarios.retry-delay}, 1 s on the
 * IT server) and carries on once the cause is gone, before {@code waymark.scenarios.max-attempts}
 * (4) would give it up ({@link ScenarioJobRetryIT}: four failures → {@code failed}, in the
 * statistics). The failure is real: a {@code segment} element checks a raw-SQL segment that divides
 * by the number of point groups with a marker code, so it fails while that group is missing and
 * succeeds once it exists.
 */
class ScenarioRetriesIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final String marker = UUID.randomUUID().toString().substring(0, 8);
  private final String group = "retry-" + marker;

  /** A raw-SQL segment (every user) whose check divides by zero while the group is missing. */
  private String failingSegment() {
    createGroup(); // saving test-plans the SQL; make it valid, then take the group away
    String code = "retry-" + marker;
    String sql =
        "select id from users where 1 / (select count(*) from point_groups where code = '"
            + group
            + "') = 1";
    Api.Reply created =
        Api.bootstrap()
            .post(
                "/api/v1/segments",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("name", "Retry " + marker)
                    .add("sql", sql)
                    .add("recalculate_every_minutes", 527040)
                    .build()
                    .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Db.update("delete from point_groups where code = ?", group);
    return code;
  }

  private void createGroup() {
    Api.Reply reply =
        Api.bootstrap()
            .post("/api/v1/point-groups", "{\"code\":\"" + group + "\",\"name\":\"Retry\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }

  /** A scenario starting on the marker event at a segment element; returns it and the element. */
  private ScenarioGraphs.Element journey(ScenarioGraphs s, String segment) {
    var check = s.element("segment", "{\"code\":\"" + segment + "\"}");
    s.trigger("event_received", "retry-" + marker, check);
    s.enable();
    return check;
  }

  private void track(long user) {
    Api.Reply reply =
        Api.bootstrap()
            .post("/api/v1/events", "{\"user_id\":" + user + ",\"name\":\"retry-" + marker + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  /** [state, attempts, result, last_error] of the user's job on the element. */
  private static List<Object> job(ScenarioGraphs.Element element, long user) {
    List<List<Object>> rows =
        Db.query(
            "select state, attempts, result, last_error from scenario_jobs"
                + " where element_id = ? and user_id = ?",
            element.id(),
            user);
    return rows.isEmpty() ? List.of() : rows.get(0);
  }

  private static int attempts(ScenarioGraphs.Element element, long user) {
    List<Object> job = job(element, user);
    return job.isEmpty() ? 0 : ((Number) job.get(1)).intValue();
  }

  @Test
  void aJobFailingTwiceIsRetriedAndThenSucceeds() {
    String segment = failingSegment();
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var check = journey(s, segment);
    try {
      long user = Goals.user();
      track(user);
      await().atMost(WAIT).until(() -> attempts(check, user) >= 2);
      assertThat(job(check, user).get(3).toString()).contains("division by zero");
      assertThat(job(check, user).get(0)).as("still to be retried").isNotEqualTo("failed");

      createGroup(); // the cause goes away: the next retry succeeds
      await().atMost(WAIT).until(() -> "finished".equals(job(check, user).get(0)));
      assertThat(job(check, user).get(2)).isEqualTo("positive");
      assertThat(attempts(check, user)).as("the failed attempts are counted").isBetween(2, 3);
    } finally {
      s.delete();
    }
  }
}
