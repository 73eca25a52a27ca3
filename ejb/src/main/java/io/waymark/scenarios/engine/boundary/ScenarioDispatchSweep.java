package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.sweep.Sweep;
import io.waymark.scenarios.engine.control.EngineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The scenario dispatch passes: {@code waymark.scenarios.dispatchers} lanes per server, staggered
 * over {@code waymark.scenarios.dispatch-period} and running concurrently (the passes share nothing
 * but the database, where SKIP LOCKED splits the work). A pass commits each job on its own. Never a
 * timer per job.
 */
@ApplicationScoped
public class ScenarioDispatchSweep implements Sweep {

  @Inject EngineSettings settings;

  @Inject ScenarioDispatch dispatch;

  @Override
  public String name() {
    return "scenarios.dispatch";
  }

  @Override
  public Duration period() {
    return settings.dispatchPeriod();
  }

  @Override
  public int lanes() {
    return settings.dispatchers();
  }

  @Override
  public boolean own() {
    return true;
  }

  /** One pass (as {@code POST /api/v1/ops/scenario-dispatch} runs one); the jobs it claimed. */
  @Override
  public int runBatch() {
    return dispatch.pass();
  }
}
