package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.sweep.Sweep;
import io.waymark.scenarios.engine.entity.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges finished, failed and dropped scenario jobs once {@code waymark.scenarios.keep} (P30D, at
 * least one day) has passed since they finished, {@value #BATCH} per transaction, keeping them as
 * daily figures per element for the statistics ({@link JobStore#purgeDone}). Pending jobs are never
 * touched; sticky A/B variants live in their own table. Safe on several servers: each row is
 * deleted, and counted, once.
 */
@ApplicationScoped
public class ScenarioJobPurge implements Sweep {

  static final int BATCH = 5000;

  @Inject JobStore jobs;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.job-purge-period", defaultValue = "PT1H")
  Duration period;

  @Inject
  @ConfigProperty(name = "waymark.scenarios.keep", defaultValue = "P30D")
  Duration keep;

  @Override
  public String name() {
    return "scenarios.job-purge";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public int batchSize() {
    return BATCH;
  }

  /**
   * The last 24 hours of the statistics are read from the jobs themselves: a keep under a day would
   * take jobs away from them, so it is raised to a day.
   */
  Duration keep() {
    return keep.compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1) : keep;
  }

  @Override
  public int runBatch() {
    return jobs.purgeDone(clock.instant().minus(keep()), BATCH);
  }
}
