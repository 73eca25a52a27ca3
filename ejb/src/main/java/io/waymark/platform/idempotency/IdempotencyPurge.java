package io.waymark.platform.idempotency;

import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets Idempotency-Keys past their 24 h retention, {@link IdempotencyKeys#PURGE_BATCH} at a
 * time, every {@code waymark.idempotency.sweep-period}; harmless when several servers run it.
 */
@ApplicationScoped
public class IdempotencyPurge implements Sweep {

  @Inject IdempotencyKeys keys;

  @Inject
  @ConfigProperty(name = "waymark.idempotency.sweep-period", defaultValue = "PT1H")
  Duration period;

  @Override
  public String name() {
    return "idempotency.purge";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public int batchSize() {
    return IdempotencyKeys.PURGE_BATCH;
  }

  @Override
  public int runBatch() {
    return keys.purgeExpired();
  }
}
