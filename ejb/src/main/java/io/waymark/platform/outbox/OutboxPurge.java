package io.waymark.platform.outbox;

import io.waymark.platform.sweep.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Forgets finished items (done and dead) past their channel's retention, every {@code
 * waymark.outbox.purge-period}, {@code waymark.outbox.purge-batch} per channel and transaction.
 */
@ApplicationScoped
public class OutboxPurge implements Sweep {

  @Inject OutboxSettings settings;

  @Inject OutboxTransactions transactions;

  @Override
  public String name() {
    return "outbox.purge";
  }

  @Override
  public Duration period() {
    return settings.purgePeriod();
  }

  @Override
  public int batchSize() {
    return settings.purgeBatch();
  }

  @Override
  public boolean own() {
    return true;
  }

  @Override
  public int runBatch() {
    return transactions.purge();
  }
}
