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
 * Runs every {@link Sweep}: one non-persistent interval timer per sweep and lane on each server
 * (never one per user or row), the first run after the sweep's initial delay. A run repeats batches
 * while they come back full, each in its own transaction, for at most ten periods or a minute (the
 * next tick goes on with the rest), and stops early when the server shuts down. A run still going
 * when its lane's next tick comes is not started twice; sweeps run side by side (bean-managed
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

  /** Periods (at least {@link #MIN_RUN}) a run with full batches may go on for. */
  static final int RUN_LIMIT = 10;

  static final Duration MIN_RUN = Duration.ofMinutes(1);

  /** Between a sweep's name and its lane in a timer's info. */
  private static final String LANE = "#lane-";

  private final Map<String, SweepRecord> records = new TreeMap<>();
  private volatile boolean stopping;

  @PostConstruct
  void schedule() {
    for (Sweep sweep : all) {
      if (!sweep.enabled()) {
        continue;
      }
      String name = sweep.name();
      if (records.containsKey(name)) {
        throw new IllegalStateException("Two sweeps are named " + name);
      }
      long period = Math.max(1, sweep.period().toMillis());
      long initial = Math.max(0, sweep.initialDelay().toMillis());
      int lanes = Math.max(1, sweep.lanes());
      records.put(name, new SweepRecord(sweep, lanes, clock.instant().plusMillis(initial)));
      for (int lane = 0; lane < lanes; lane++) {
        timers.createIntervalTimer(
            initial + period * lane / lanes, period, new TimerConfig(name + LANE + lane, false));
      }
    }
    LOG.log(Level.INFO, "Sweeps scheduled: {0}", records.keySet());
  }

  @PreDestroy
  void stop() {
    stopping = true;
  }

  @Timeout
  void tick(Timer timer) {
    String info = String.valueOf(timer.getInfo());
    int at = info.lastIndexOf(LANE);
    SweepRecord record = records.get(info.substring(0, at));
    if (record != null) {
      run(record, Integer.parseInt(info.substring(at + LANE.length())));
    }
  }

  /** Runs a sweep now, as its timer would (operators and tests); false when it is running. */
  public boolean runNow(String name) {
    SweepRecord record = records.get(name);
    if (record == null) {
      throw new IllegalArgumentException("No sweep named " + name);
    }
    return run(record, 0);
  }

  /** What every sweep did on this server, by name. */
  public List<SweepStatus> statuses() {
    return records.values().stream()
        .map(SweepRecord::status)
        .sorted(Comparator.comparing(SweepStatus::name))
        .toList();
  }

  private boolean run(SweepRecord record, int lane) {
    if (!record.start(lane, clock.instant())) {
      return false;
    }
    Sweep sweep = record.sweep();
    // a run that keeps finding full batches goes on (yielding after one period left the backlog
    // idle until the next tick: half the speed of a timeout backlog); it ends after RUN_LIMIT
    // periods (at least a minute) so that its status shows, and the next tick goes on
    Duration limit = sweep.period().multipliedBy(RUN_LIMIT);
    Instant until = clock.instant().plus(limit.compareTo(MIN_RUN) < 0 ? MIN_RUN : limit);
    int done = 0;
    long items = 0;
    try {
      int handled;
      do {
        handled = sweep.own() ? batches.withoutTransaction(sweep) : batches.inNewTransaction(sweep);
        done++;
        items += handled;
      } while (handled >= sweep.batchSize() && !stopping && clock.instant().isBefore(until));
      record.finished(lane, clock.instant(), done, items, null);
      if (items > 0) {
        LOG.log(Level.DEBUG, "Sweep {0}: {1} items in {2} batches", sweep.name(), items, done);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Sweep " + sweep.name() + " failed in batch " + (done + 1), e);
      record.finished(lane, clock.instant(), done, items, e);
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
    private final Instant[] startedAt;
    private Instant lastStartedAt;
    private Duration lastDuration;
    private int lastBatches;
    private long lastItems;
    private String lastError;
    private Instant lastErrorAt;
    private final boolean[] running;
    private final Instant firstRunDue;
    private int failuresInARow;

    SweepRecord(Sweep sweep, int lanes, Instant firstRunDue) {
      this.firstRunDue = firstRunDue;
      this.sweep = sweep;
      this.name = sweep.name();
      this.period = sweep.period();
      this.running = new boolean[lanes];
      this.startedAt = new Instant[lanes];
    }

    Sweep sweep() {
      return sweep;
    }

    synchronized boolean start(int lane, Instant now) {
      if (running[lane]) {
        return false;
      }
      running[lane] = true;
      startedAt[lane] = now;
      lastStartedAt = now;
      return true;
    }

    synchronized void finished(
        int lane, Instant now, int batches, long handled, RuntimeException failure) {
      running[lane] = false;
      runs++;
      items += handled;
      lastDuration = Duration.between(startedAt[lane], now);
      lastBatches = batches;
      lastItems = handled;
      if (failure == null) {
        lastError = null;
        lastErrorAt = null;
        failuresInARow = 0;
      } else {
        failuresInARow++;
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
          lastStartedAt,
          lastDuration,
          lastBatches,
          lastItems,
          lastError,
          lastErrorAt,
          anyRunning(),
          failuresInARow,
          firstRunDue);
    }

    private boolean anyRunning() {
      for (boolean lane : running) {
        if (lane) {
          return true;
        }
      }
      return false;
    }
  }
}
