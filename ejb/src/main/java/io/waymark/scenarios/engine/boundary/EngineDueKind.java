package io.waymark.scenarios.engine.boundary;

import io.waymark.platform.jobs.DueKind;
import io.waymark.platform.time.Backoff;
import io.waymark.scenarios.engine.control.EngineSettings;
import java.time.Duration;

/**
 * The scenario engine's kinds of due work (its jobs, before-event rows and fills) share the
 * engine's settings: batch, work in flight, lease, attempts and backoff ({@code
 * waymark.scenarios.*}).
 */
abstract class EngineDueKind implements DueKind {

  protected abstract EngineSettings settings();

  @Override
  public int batch() {
    return settings().batch();
  }

  @Override
  public int maxInFlight() {
    return settings().maxInFlight();
  }

  @Override
  public Duration lease() {
    return settings().lease();
  }

  @Override
  public int maxAttempts() {
    return settings().maxAttempts();
  }

  @Override
  public Duration retryAfter(int attempts) {
    return Backoff.after(attempts, settings().retryDelay(), settings().retryMaxDelay());
  }

  /**
   * Claim no more than the consumers can run within a lease: a long queue would delay every
   * hand-off behind it and, once leases run out, fill it with duplicates; what is left stays due
   * for the next pass.
   */
  @Override
  public Duration budget() {
    return settings().dispatchPeriod().multipliedBy(5);
  }
}
