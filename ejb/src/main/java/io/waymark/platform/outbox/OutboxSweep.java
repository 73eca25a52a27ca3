package io.waymark.platform.outbox;

import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * The net under the hand-off, every {@code waymark.outbox.sweep-period} on each server: claims the
 * oldest due items of every channel that is on (retries, items whose hand-off was lost, items of a
 * crashed server once their lease ended) and delivers them; a run goes on while batches are full.
 */
@ApplicationScoped
public class OutboxSweep implements Sweep {

  @Inject OutboxSettings settings;

  @Inject OutboxTransactions transactions;

  @Inject OutboxDispatch dispatch;

  @Override
  public String name() {
    return "outbox.deliver";
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
    List<OutboxItem> items = transactions.claimDue();
    if (!items.isEmpty()) {
      dispatch.deliver(items);
    }
    return items.size();
  }
}
