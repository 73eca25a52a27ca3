package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.JobStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The dispatcher's short transactions, each committed before anything is handed off. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobClaims {

  @Inject JobStore jobs;

  @Inject EngineSettings settings;

  @Inject Clock clock;

  public List<Long> claim(int limit) {
    Instant now = clock.instant();
    return jobs.claim(now, now.plus(settings.lease()), limit);
  }

  /**
   * How many more jobs may be claimed now without exceeding {@code
   * waymark.scenarios.max-in-flight}.
   */
  public int room() {
    return settings.maxInFlight() - jobs.inFlight(clock.instant(), settings.maxInFlight());
  }

  public int dropOutlived() {
    return jobs.dropOutlived(clock.instant(), settings.batch());
  }

  public int applyWakeups() {
    return jobs.applyWakeups(clock.instant(), settings.batch());
  }
}
