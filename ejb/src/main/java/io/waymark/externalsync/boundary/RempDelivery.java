package io.waymark.externalsync.boundary;

import io.waymark.externalsync.control.CallResult;
import io.waymark.externalsync.control.RempClient;
import io.waymark.externalsync.control.RempSettings;
import io.waymark.externalsync.entity.OutboxCall;
import io.waymark.platform.sweep.Sweep;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers the REMP outbox every {@code waymark.remp.campaign.sweep-period} when {@code
 * waymark.remp.campaign.url} is set: each batch claims due calls (SKIP LOCKED), sends them at once
 * and records the answers; a run goes on while batches come back full. Finished rows go with {@link
 * RempPurge}.
 */
@ApplicationScoped
public class RempDelivery implements Sweep {

  private static final System.Logger LOG = System.getLogger(RempDelivery.class.getName());

  @Inject RempSettings settings;

  @Inject RempDeliveries deliveries;

  @Inject RempClient client;

  @PostConstruct
  void check() {
    if (!settings.enabled()) {
      LOG.log(Level.INFO, "REMP campaign sync is off (waymark.remp.campaign.url is not set)");
      return;
    }
    LOG.log(Level.INFO, "REMP campaign sync is on: {0}", settings.baseUrl());
    client.checkTarget();
  }

  @Override
  public String name() {
    return "remp.delivery";
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
  public int batchSize() {
    return settings.batch();
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    List<OutboxCall> calls = deliveries.claim();
    if (!calls.isEmpty()) {
      Map<OutboxCall, CompletableFuture<CallResult>> pending = new LinkedHashMap<>();
      calls.forEach(call -> pending.put(call, client.send(call)));
      Map<OutboxCall, CallResult> results = new LinkedHashMap<>();
      pending.forEach((call, future) -> results.put(call, future.join()));
      deliveries.record(results);
    }
    return calls.size();
  }
}
