package io.waymark.platform.sweep;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every {@link Sweep}: one non-persistent interval timer per sweep on each server (never one
 * per user or row), the first run one period after start. A run repeats batches while they come
 * back full, each in its own transaction, and stops early when the server shuts down. A run still
 * going when its next tick comes is not started twice; sweeps run side by side (bean-managed
 * concurrency). A failed batch ends the run; it is logged, kept in the sweep's status, and the next
 * tick tries again.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Sweeps {

  private static final System.Logger LOG = System.getLogger(Sweeps.class.getName());

  @Resource TimerService timers;

  @Inject @Any Instance<Sweep> all;

  @Inject SweepBatches batches;

  @Inject Clock clock;

  private final Map<String, SweepRecord> records = new TreeMap<>();
  private volatile boolean stopping;

  @PostConstruct
  void schedule() {
    for (Sweep sweep : all) {
      String name = sweep.name();
      if (records.containsKey(name)) {
        throw new IllegalStateException("Two sweeps are named " + name);
      }
      long period = Math.max(1, sweep.period().toMillis());
      records.put(name, new SweepRecord(sweep));
      timers.createIntervalTimer(period, period, new TimerConfig(name, false));
    }
    LOG.log(Level.INFO, "Sweeps scheduled: {0}", records.keySet());
  }

  @PreDestroy
  void stop() {
    stopping = true;
  }

  @Timeout
  void tick(Timer timer) {
    SweepRecord record = records.get(String.valueOf(timer.getInfo()));
    if (record != null) {
      run(record);
    }
  }

  /** Runs a sweep now, as its timer would (operators and tests); false when it is running. */
  public boolean runNow(String name) {
    SweepRecord record = records.get(name);
    if (record == null) {
      throw new IllegalArgumentException("No sweep named " + name);
    }
    return run(record);
  }

  /** What every sweep did on this server, by name. */
  public List<SweepStatus> statuses() {
    return records.values().stream()
        .map(SweepRecord::status)
        .sorted(Comparator.comparing(SweepStatus::name))
        .toList();
  }

  private boolean run(SweepRecord record) {
    if (!record.start(clock.instant())) {
      return false;
    }
    Sweep sweep = record.sweep();
    int done = 0;
    long items = 0;
    try {
      int handled;
      do {
        handled = sweep.own() ? batches.withoutTransaction(sweep) : batches.inNewTransaction(sweep);
        done++;
        items += handled;
      } while (handled >= sweep.batchSize() && !stopping);
      record.finished(clock.instant(), done, items, null);
      if (items > 0) {
        LOG.log(Level.INFO, "Sweep {0}: {1} items in {2} batches", sweep.name(), items, done);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Sweep " + sweep.name() + " failed in batch " + (done + 1), e);
      record.finished(clock.instant(), done, items, e);
    }
    return true;
  }

  /** A sweep and what it did, updated by its runs. */
  private static final class SweepRecord {
    private final Sweep sweep;
    private final String name;
    private final Duration period;
    private long runs;
    private long items;
    private Instant startedAt;
    private Duration lastDuration;
    private int lastBatches;
    private long lastItems;
    private String lastError;
    private Instant lastErrorAt;
    private boolean running;

    SweepRecord(Sweep sweep) {
      this.sweep = sweep;
      this.name = sweep.name();
      this.period = sweep.period();
    }

    Sweep sweep() {
      return sweep;
    }

    synchronized boolean start(Instant now) {
      if (running) {
        return false;
      }
      running = true;
      startedAt = now;
      return true;
    }

    synchronized void finished(Instant now, int batches, long handled, RuntimeException failure) {
      running = false;
      runs++;
      items += handled;
      lastDuration = Duration.between(startedAt, now);
      lastBatches = batches;
      lastItems = handled;
      if (failure == null) {
        lastError = null;
        lastErrorAt = null;
      } else {
        lastError = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        lastErrorAt = now;
      }
    }

    synchronized SweepStatus status() {
      return new SweepStatus(
          name,
          period,
          runs,
          items,
          startedAt,
          lastDuration,
          lastBatches,
          lastItems,
          lastError,
          lastErrorAt,
          running);
    }
  }
}
