package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.jobs.DueWork;
import io.waymark.scenarios.engine.control.EngineCatalog;
import io.waymark.scenarios.engine.control.EngineSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * One dispatch pass (the timers' tick, and {@code POST /api/v1/ops/scenario-dispatch}): follow
 * definition changes, turn the wake-up rows of lost hand-offs into due jobs, drop the jobs of
 * deleted (or restored) scenarios, then dispatch the due jobs ({@link DueWork}: batches while they
 * come back full, up to {@code waymark.scenarios.max-in-flight} claimed-but-not-run jobs, each
 * batch handed to the queue after its claim committed). Safe to run concurrently anywhere: claims
 * skip locked rows, and a job runs at most once whatever is handed off twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScenarioDispatch {

  private static final System.Logger LOG = System.getLogger(ScenarioDispatch.class.getName());

  @Inject EngineCatalog catalog;

  @Inject JobClaims claims;

  @Inject ScenarioJobQueue queue;

  @Inject EngineSettings settings;

  @Inject DueWork due;

  @Inject ScenarioJobKind kind;

  /** Returns how many jobs this pass claimed and handed off. */
  public int pass() {
    catalog.refresh();
    while (claims.applyWakeups() >= settings.batch()) {
      // many lost hand-offs: keep going
    }
    int dropped = 0;
    int batch;
    do {
      batch = claims.dropOutlived();
      dropped += batch;
    } while (batch == settings.batch());
    if (dropped > 0) {
      LOG.log(Level.INFO, "Dropped {0} jobs of deleted or restored scenarios", dropped);
    }
    return due.dispatch(kind);
  }

  /** Hands these jobs to the queue again (operators' re-kick; duplicates are harmless). */
  public void handOff(List<Long> jobIds) {
    queue.send(jobIds);
  }
}
