package io.waymark.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.it.support.Goals;
import org.junit.jupiter.api.Test;

/**
 * A scenario's save, enable, disable and delete apply the moment the call answers (#18 item 3): a
 * trigger event right after it starts — or no longer starts — the user, with no dispatch pass in
 * between. The job is inserted by the completing call itself, so it is checked without waiting.
 */
class ScenarioCatalogIT {

  @Test
  void aScenarioAppliesTheMomentItIsSavedEnabledDisabledOrDeleted() {
    String goal = Goals.createSimple("at-once");
    ScenarioGraphs s = ScenarioGraphs.scenario();
    var wait = s.element("wait", "{\"minutes\":600}");
    s.trigger("goal_completed", goal, wait);

    s.enable(); // created enabled
    long first = completed(goal);
    assertThat(ScenarioGraphs.jobs(wait, first)).as("right after the save").hasSize(1);

    s.disable();
    long second = completed(goal);
    assertThat(ScenarioGraphs.jobs(wait, second)).as("right after disabling").isEmpty();

    s.enable();
    long third = completed(goal);
    assertThat(ScenarioGraphs.jobs(wait, third)).as("right after enabling again").hasSize(1);

    s.delete();
    long fourth = completed(goal);
    assertThat(ScenarioGraphs.jobs(wait, fourth)).as("right after deleting").isEmpty();
  }

  private static long completed(String goal) {
    long user = Goals.user();
    assertThat(Goals.complete(goal, user).status()).isEqualTo(200);
    return user;
  }
}
