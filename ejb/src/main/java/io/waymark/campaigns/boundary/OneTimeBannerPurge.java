package io.waymark.campaigns.boundary;

import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges one-time banners that expired more than {@code
 * waymark.campaigns.one-time-banner-retention} ago, a batch per transaction. The row outlives its
 * expiry for that long because its dedup key is what keeps a late retry of the giver (a scenario
 * job) from giving the banner again. Harmless on several servers.
 */
@ApplicationScoped
public class OneTimeBannerPurge implements Sweep {

  @Inject Campaigns campaigns;

  @Inject
  @ConfigProperty(name = "waymark.campaigns.one-time-banner-purge-period", defaultValue = "PT1H")
  Duration period;

  @Inject
  @ConfigProperty(name = "waymark.campaigns.one-time-banner-retention", defaultValue = "P30D")
  Duration retention;

  @Override
  public String name() {
    return "campaigns.one-time-banner-purge";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public int batchSize() {
    return Campaigns.PURGE_BATCH;
  }

  @Override
  public int runBatch() {
    return campaigns.purgeExpiredOneTimeBanners(retention);
  }
}
