package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.EngineSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * A few non-persistent dispatch timers per server ({@code waymark.scenarios.dispatchers}, period
 * {@code waymark.scenarios.dispatch-period}), staggered over the period and running concurrently
 * (bean-managed concurrency: the passes share nothing but the database, where SKIP LOCKED splits
 * the work). Never a timer per job.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScenarioDispatchTimers {

  private static final System.Logger LOG = System.getLogger(ScenarioDispatchTimers.class.getName());

  @Resource TimerService timers;

  @Inject EngineSettings settings;

  @Inject ScenarioDispatch dispatch;

  @PostConstruct
  void schedule() {
    long period = settings.dispatchPeriod().toMillis();
    int count = settings.dispatchers();
    for (int i = 0; i < count; i++) {
      timers.createIntervalTimer(
          period + period * i / count, period, new TimerConfig("scenario-dispatch-" + i, false));
    }
  }

  @Timeout
  void tick(Timer timer) {
    try {
      int claimed = dispatch.pass();
      if (claimed > 0) {
        LOG.log(Level.DEBUG, "{0} claimed {1} scenario jobs", timer.getInfo(), claimed);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Scenario dispatch pass failed; claimed jobs are due again after their lease",
          e);
    }
  }
}
