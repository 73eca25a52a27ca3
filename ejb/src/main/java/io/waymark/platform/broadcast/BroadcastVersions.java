package io.waymark.platform.broadcast;

import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broadcast's net, every {@code waymark.broadcast.check-period} on each server: a topic whose
 * version row moved past what this server saw tells its receiver it missed a message.
 */
@ApplicationScoped
public class BroadcastVersions implements Sweep {

  @Inject BroadcastListener listener;

  @Inject
  @ConfigProperty(name = "waymark.broadcast.check-period", defaultValue = "PT10S")
  Duration period;

  @Override
  public String name() {
    return "broadcast.versions";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    return listener.checkVersions();
  }
}
