package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.jobs.DueItem;
import io.waymark.platform.jobs.DueTable;
import io.waymark.platform.jobs.Handled;
import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;

/**
 * Scenario jobs as the first kind of due work: a claimed batch goes to the job queue in one go (one
 * message per job, so runs spread over the MDB pool and the servers); {@link ScenarioJobs} runs and
 * records each job in its own transaction, and {@link ScenarioJobConsumer} reports a run that
 * threw.
 */
@ApplicationScoped
public class ScenarioJobKind extends EngineDueKind {

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
  protected EngineSettings settings() {
    return settings;
  }

  @Override
  public List<Handled> handle(List<DueItem> items) {
    queue.send(items.stream().map(DueItem::id).toList());
    return Collections.nCopies(items.size(), Handled.HANDED_OFF);
  }
}
