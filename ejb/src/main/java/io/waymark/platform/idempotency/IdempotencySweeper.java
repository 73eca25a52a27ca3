package io.waymark.platform.idempotency;

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
 * Forgets Idempotency-Keys past their 24 h retention. One non-persistent timer per server, period
 * from {@code waymark.idempotency.sweep-period}; the delete is harmless when several servers run
 * it.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class IdempotencySweeper {

  private static final System.Logger LOG = System.getLogger(IdempotencySweeper.class.getName());

  @Resource TimerService timers;

  @Inject IdempotencyKeys keys;

  @Inject
  @ConfigProperty(name = "waymark.idempotency.sweep-period", defaultValue = "PT1H")
  Duration period;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        period.toMillis(), period.toMillis(), new TimerConfig("idempotency-sweep", false));
  }

  @Timeout
  void sweep() {
    int purged = keys.purgeExpired();
    if (purged > 0) {
      LOG.log(Level.INFO, "Forgot {0} expired Idempotency-Keys", purged);
    }
  }
}
