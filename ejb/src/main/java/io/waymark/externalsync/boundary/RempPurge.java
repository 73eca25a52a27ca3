package io.waymark.externalsync.boundary;

import io.waymark.externalsync.control.RempSettings;
import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** Purges the REMP outbox's finished rows, as often as it delivers (when the sync is on). */
@ApplicationScoped
public class RempPurge implements Sweep {

  @Inject RempSettings settings;

  @Inject RempDeliveries deliveries;

  @Override
  public String name() {
    return "remp.purge";
  }

  @Override
  public boolean enabled() {
    return settings.enabled();
  }

  @Override
  public Duration period() {
    return settings.sweepPeriod();
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    return deliveries.purgeFinished();
  }
}
