package io.waymark.scenarios.engine.boundary;

import io.waymark.scenarios.engine.control.JobsDue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * After a commit, hands the jobs it made due (wake-ups, descendants, trigger jobs) to the queue.
 * They are gathered here and sent by ONE drain at a time ({@link ScenarioJobQueue#drain}, on its
 * own thread: no transactional resource is used where JTA has finished — DESIGN §4): idle, a job
 * goes out at once, alone; under load the jobs that came while the drain was sending go out
 * together, up to {@code waymark.scenarios.run-batch} per message, and run in one transaction (ADR
 * 0024). Nothing is lost with a server: what is only here is a wake-up row or a due job, which the
 * dispatcher claims.
 */
@ApplicationScoped
public class JobsDueHandOff {

  @Inject ScenarioJobQueue queue;

  private final ConcurrentLinkedQueue<Long> waiting = new ConcurrentLinkedQueue<>();

  private final AtomicBoolean draining = new AtomicBoolean();

  /** When the last drain pass started (System.nanoTime; one drain at a time). */
  private volatile long lastPass = System.nanoTime() - Long.MAX_VALUE / 2;

  void handOff(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobsDue event) {
    waiting.addAll(event.jobIds());
    if (draining.compareAndSet(false, true)) {
      try {
        queue.drain(this);
      } catch (RuntimeException e) {
        draining.set(false); // not started: the next hand-off starts one (the rows stay due)
        throw e;
      }
    }
  }

  /** Up to {@code max} of the jobs waiting, in arrival order (none: nothing waits). */
  List<Long> take(int max) {
    List<Long> ids = new ArrayList<>(Math.min(max, 64));
    Long id;
    while (ids.size() < max && (id = waiting.poll()) != null) {
      ids.add(id);
    }
    return ids;
  }

  /** How many jobs wait (an estimate while others add). */
  int pending() {
    return waiting.size();
  }

  /**
   * Whether the previous drain pass started less than {@code window} nanoseconds before {@code now}
   * (hand-offs keep coming); {@code now} becomes the last start.
   */
  boolean busy(long now, long window) {
    boolean busy = now - lastPass < window;
    lastPass = now;
    return busy;
  }

  /** The drain ended by a failure: the next hand-off starts another. */
  void failed() {
    draining.set(false);
  }

  /**
   * The drain stops; true when jobs came meanwhile and the caller is to go on draining (it is the
   * drain again).
   */
  boolean stop() {
    draining.set(false);
    return !waiting.isEmpty() && draining.compareAndSet(false, true);
  }
}
