package io.waymark.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code waymark.outbox.*}: how often the net sweeps, and how much per batch. */
@ApplicationScoped
public class OutboxSettings {

  @Inject
  @ConfigProperty(name = "waymark.outbox.sweep-period", defaultValue = "PT2S")
  Duration sweepPeriod;

  @Inject
  @ConfigProperty(name = "waymark.outbox.batch", defaultValue = "100")
  int batch;

  @Inject
  @ConfigProperty(name = "waymark.outbox.purge-period", defaultValue = "PT1M")
  Duration purgePeriod;

  @Inject
  @ConfigProperty(name = "waymark.outbox.purge-batch", defaultValue = "1000")
  int purgeBatch;

  public Duration sweepPeriod() {
    return sweepPeriod;
  }

  public int batch() {
    return Math.max(1, batch);
  }

  public Duration purgePeriod() {
    return purgePeriod;
  }

  public int purgeBatch() {
    return Math.max(1, purgeBatch);
  }
}
