package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.JobStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The dispatch pass's own short transactions before it claims (the claims are {@code
 * platform.jobs}'), each committed before anything is handed off.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobClaims {

  @Inject JobStore jobs;

  @Inject EngineSettings settings;

  @Inject Clock clock;

  public int dropOutlived() {
    return jobs.dropOutlived(clock.instant(), settings.batch());
  }

  public int applyWakeups() {
    return jobs.applyWakeups(clock.instant(), settings.batch());
  }
}
