package io.waymark.externalsync.boundary;

import io.waymark.externalsync.control.CallResult;
import io.waymark.externalsync.control.RempClient;
import io.waymark.externalsync.control.RempSettings;
import io.waymark.externalsync.entity.OutboxCall;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers the REMP outbox: one non-persistent timer per server ({@code
 * waymark.remp.campaign.sweep-period}), created only when sync is on. Each tick claims due calls in
 * batches (SKIP LOCKED, so servers share the work), sends a batch concurrently, records the
 * answers, and goes on while batches come back full and the tick is within its period; finished
 * rows past {@code waymark.remp.campaign.keep} are purged.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RempDeliverySweeper {

  private static final System.Logger LOG = System.getLogger(RempDeliverySweeper.class.getName());

  @Resource TimerService timers;

  @Inject RempSettings settings;

  @Inject RempDeliveries deliveries;

  @Inject RempClient client;

  @PostConstruct
  void schedule() {
    if (!settings.enabled()) {
      LOG.log(Level.INFO, "REMP campaign sync is off (waymark.remp.campaign.url is not set)");
      return;
    }
    LOG.log(Level.INFO, "REMP campaign sync is on: {0}", settings.baseUrl());
    client.checkTarget();
    long period = settings.sweepPeriod().toMillis();
    timers.createIntervalTimer(period, period, new TimerConfig("remp-campaign-delivery", false));
  }

  @Timeout
  void deliver() {
    long deadline = System.nanoTime() + settings.sweepPeriod().toNanos();
    try {
      List<OutboxCall> calls;
      do {
        calls = deliveries.claim();
        if (!calls.isEmpty()) {
          deliveries.record(send(calls));
        }
      } while (calls.size() == settings.batch() && System.nanoTime() < deadline);
      int purged = deliveries.purgeFinished();
      if (purged > 0) {
        LOG.log(Level.DEBUG, "Purged {0} finished REMP outbox rows", purged);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "REMP delivery stopped early; claimed calls are due again after their lease",
          e);
    }
  }

  private Map<OutboxCall, CallResult> send(List<OutboxCall> calls) {
    Map<OutboxCall, CompletableFuture<CallResult>> pending = new LinkedHashMap<>();
    calls.forEach(call -> pending.put(call, client.send(call)));
    Map<OutboxCall, CallResult> results = new LinkedHashMap<>();
    pending.forEach((call, future) -> results.put(call, future.join()));
    return results;
  }
}
