package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.jobs.DueItem;
import io.waymark.platform.jobs.DueKind;
import io.waymark.platform.jobs.DueTable;
import io.waymark.platform.jobs.Handled;
import io.waymark.platform.time.Backoff;
import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Scenario jobs as the first kind of due work: a claimed batch goes to the job queue in one go (one
 * message per job, so runs spread over the MDB pool and the servers); {@link ScenarioJobs} runs and
 * records each job in its own transaction, and {@link ScenarioJobConsumer} reports a run that
 * threw.
 */
@ApplicationScoped
public class ScenarioJobKind implements DueKind {

  @Inject EngineSettings settings;

  @Inject ScenarioJobQueue queue;

  @Override
  public String name() {
    return "scenario.jobs";
  }

  @Override
  public DueTable table() {
    return JobStore.DUE;
  }

  @Override
  public int batch() {
    return settings.batch();
  }

  @Override
  public int maxInFlight() {
    return settings.maxInFlight();
  }

  @Override
  public Duration lease() {
    return settings.lease();
  }

  @Override
  public int maxAttempts() {
    return settings.maxAttempts();
  }

  @Override
  public Duration retryAfter(int attempts) {
    return Backoff.after(attempts, settings.retryDelay(), settings.retryMaxDelay());
  }

  /**
   * Claim no more than the consumers can run within a lease: a long queue would delay every
   * hand-off behind it and, once leases run out, fill it with duplicates; what is left stays due
   * for the next pass.
   */
  @Override
  public Duration budget() {
    return settings.dispatchPeriod().multipliedBy(5);
  }

  @Override
  public List<Handled> handle(List<DueItem> items) {
    queue.send(items.stream().map(DueItem::id).toList());
    return Collections.nCopies(items.size(), Handled.HANDED_OFF);
  }
}
