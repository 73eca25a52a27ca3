package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.EngineSettings;
import io.waymark.scenarios.engine.entity.JobStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The dispatch pass's own short transactions before it claims (the claims are {@code
 * platform.jobs}'), each committed before anything is handed off.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobClaims {

  /**
   * A hand-off normally runs its wake-up within milliseconds (even a busy engine's queue drains in
   * seconds): wake-ups older than this are a lost hand-off's, and the dispatch pass applies them.
   */
  static final Duration LOST_HAND_OFF = Duration.ofSeconds(30);

  @Inject JobStore jobs;

  @Inject EngineSettings settings;

  @Inject Clock clock;

  public int dropOutlived() {
    return jobs.dropOutlived(clock.instant(), settings.batch());
  }

  public int applyWakeups() {
    Instant now = clock.instant();
    return jobs.applyWakeups(now.minus(LOST_HAND_OFF), now, settings.batch());
  }
}
