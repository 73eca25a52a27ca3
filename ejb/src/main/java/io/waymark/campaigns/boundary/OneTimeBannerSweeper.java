package io.waymark.campaigns.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges one-time banners that expired more than {@code
 * waymark.campaigns.one-time-banner-retention} ago. The row outlives its expiry for that long
 * because its dedup key is what keeps a late retry of the giver (a scenario job) from giving the
 * banner again. One non-persistent timer per server; the delete is harmless on several servers.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class OneTimeBannerSweeper {

  private static final System.Logger LOG = System.getLogger(OneTimeBannerSweeper.class.getName());

  @Resource TimerService timers;

  @Inject Campaigns campaigns;

  @Inject
  @ConfigProperty(name = "waymark.campaigns.one-time-banner-purge-period", defaultValue = "PT1H")
  Duration period;

  @Inject
  @ConfigProperty(name = "waymark.campaigns.one-time-banner-retention", defaultValue = "P30D")
  Duration retention;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        period.toMillis(), period.toMillis(), new TimerConfig("one-time-banner-purge", false));
  }

  @Timeout
  void purge() {
    int purged;
    int total = 0;
    do {
      purged = campaigns.purgeExpiredOneTimeBanners(retention);
      total += purged;
    } while (purged == Campaigns.PURGE_BATCH);
    if (total > 0) {
      LOG.log(
          Level.INFO, "Purged {0} one-time banners expired more than {1} ago", total, retention);
    }
  }
}
