package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.it.support.Goals;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The triggers not covered elsewhere: {@code goal_timed_out} (by goal code) and {@code
 * segment_entered} (a goal segment, entered when the goal gets an active row), each starting only
 * its own users, with its payload in the job.
 */
class ScenarioTriggersIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void goalTimedOutStartsTheUsersWhoseGoalTimedOut() {
    String watched = Goals.createSimple("sc-to");
    String other = Goals.createSimple("sc-to-other");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var wait = s.element("wait", "{\"minutes\":600}");
    s.trigger("goal_timed_out", watched, wait);
    s.enable();
    try {
      long user = Goals.user();
      long bystander = Goals.user();
      assertThat(Goals.assign(watched, user, 60).status()).isEqualTo(200);
      assertThat(Goals.assign(other, bystander, 60).status()).isEqualTo(200);

      assertThat(Goals.timeout(watched, user).status()).isEqualTo(200);
      assertThat(Goals.timeout(other, bystander).status()).isEqualTo(200);

      await().atMost(WAIT).until(() -> ScenarioGraphs.state(wait, user) != null);
      assertThat(ScenarioGraphs.context(wait, user).getString("goal_code")).isEqualTo(watched);
      ScenarioGraphs.dispatch();
      assertThat(ScenarioGraphs.jobs(wait, bystander)).as("another goal's timeout").isEmpty();
    } finally {
      s.delete();
    }
  }

  @Test
  void segmentEnteredStartsTheUsersEnteringTheGoalSegment() {
    String goal = Goals.createSimple("sc-seg");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var wait = s.element("wait", "{\"minutes\":600}");
    s.trigger("segment_entered", "onboarding_" + goal, wait);
    s.enable();
    try {
      long user = Goals.user();
      long bystander = Goals.user();

      assertThat(Goals.assign(goal, user, null).status()).isEqualTo(200);

      await().atMost(WAIT).until(() -> ScenarioGraphs.state(wait, user) != null);
      assertThat(ScenarioGraphs.context(wait, user).getString("segment_code"))
          .isEqualTo("onboarding_" + goal);
      ScenarioGraphs.dispatch();
      assertThat(ScenarioGraphs.jobs(wait, bystander))
          .as("a user who did not enter the segment")
          .isEmpty();
      // re-assigning an active goal is no new entry
      assertThat(Goals.assign(goal, user, null).status()).isEqualTo(200);
      ScenarioGraphs.dispatch();
      assertThat(ScenarioGraphs.jobs(wait, user)).hasSize(1);
    } finally {
      s.delete();
    }
  }
}
