package io.waymark.campaigns.boundary;

import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Rebuilds this server's campaign segment cache every {@code
 * waymark.campaigns.segment-refresh-period}, the first time right after the server starts (without
 * holding up the deployment). Each server keeps its own cache: the sweep runs on every one.
 */
@ApplicationScoped
public class CampaignSegmentRefresh implements Sweep {

  @Inject CampaignSegments segments;

  @Override
  public String name() {
    return "campaigns.segment-refresh";
  }

  @Override
  public Duration period() {
    return segments.refreshPeriod();
  }

  @Override
  public Duration initialDelay() {
    return Duration.ZERO;
  }

  /** The cache reads the database outside any transaction, segment by segment. */
  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    return segments.refresh();
  }
}
