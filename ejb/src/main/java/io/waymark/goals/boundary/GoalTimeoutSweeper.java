package io.waymark.goals.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Times out goals whose expiry passed: one non-persistent timer per server (period {@code
 * waymark.goals.sweep-period}), each tick claiming due rows in batches with {@code FOR UPDATE SKIP
 * LOCKED} until a batch comes back short — safe with several servers on one database. Never a timer
 * per user.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GoalTimeoutSweeper {

  private static final System.Logger LOG = System.getLogger(GoalTimeoutSweeper.class.getName());

  @Resource TimerService timers;

  @Inject UserGoals userGoals;

  @Inject
  @ConfigProperty(name = "waymark.goals.sweep-period", defaultValue = "PT5S")
  Duration period;

  @Inject
  @ConfigProperty(name = "waymark.goals.sweep-batch", defaultValue = "5000")
  int batch;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        period.toMillis(), period.toMillis(), new TimerConfig("goal-timeout-sweep", false));
  }

  @Timeout
  void sweep() {
    int total = 0;
    int done;
    do {
      done = userGoals.timeOutDueGoals(batch);
      total += done;
    } while (done == batch);
    if (total > 0) {
      LOG.log(Level.INFO, "Timed out {0} due onboarding goals", total);
    }
  }
}
