package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.UserExited;
import io.waymark.scenarios.engine.entity.JobStore;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Drops the pending jobs of a user who left a scenario by an exit criterion, on its own thread and
 * transaction after the causing one committed (DESIGN §4). A job a run holds is waited for; what
 * that run leaves behind is dropped by the next run's own check ({@link ScenarioJobs}).
 */
@Stateless
public class ScenarioExits {

  @Inject JobStore jobs;

  @Inject Clock clock;

  @Asynchronous
  public void drop(UserExited exit) {
    jobs.dropExited(exit.scenarioId(), exit.userId(), exit.at(), clock.instant());
  }
}
