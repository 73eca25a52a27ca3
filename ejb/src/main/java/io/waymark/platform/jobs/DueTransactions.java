package io.waymark.platform.jobs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispatcher's short transactions, each committed before anything is handed out, and the
 * failure record of a run that threw (its own transaction, the run's having rolled back).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DueTransactions {

  @Inject DueStore store;

  @Inject Clock clock;

  public List<DueItem> claim(DueKind kind, int limit) {
    Instant now = clock.instant();
    return store.claim(kind.table(), limit, now, now.plus(kind.lease()));
  }

  /** How many more rows of the kind may be claimed now without exceeding its max in flight. */
  public int room(DueKind kind) {
    return kind.maxInFlight() - store.inFlight(kind.table(), clock.instant(), kind.maxInFlight());
  }

  /** Records the failed and dead outcomes of a handled batch (the rest record themselves). */
  public void record(DueKind kind, List<DueItem> items, List<Handled> outcomes) {
    if (outcomes.size() != items.size()) {
      throw new IllegalStateException(
          kind.name()
              + " answered "
              + outcomes.size()
              + " outcomes for "
              + items.size()
              + " items");
    }
    Instant now = clock.instant();
    for (int i = 0; i < items.size(); i++) {
      DueItem item = items.get(i);
      if (outcomes.get(i) instanceof Handled.Failed failed) {
        fail(kind, item.id(), item.attempts(), failed.reason(), now);
      } else if (outcomes.get(i) instanceof Handled.Dead dead) {
        store.dead(kind.table(), item.id(), item.attempts() + 1, dead.reason(), now);
      }
    }
  }

  /**
   * A run of this row failed (and rolled back): count the attempt; retry with backoff, or dead
   * after the last attempt. Nothing when the row is no longer pending.
   */
  public void failed(DueKind kind, long id, String error) {
    Optional<Integer> attempts = store.lockPending(kind.table(), id);
    attempts.ifPresent(done -> fail(kind, id, done, error, clock.instant()));
  }

  /** Gives the row up (e.g. its hand-off was delivered the broker's last time). */
  public void dead(DueKind kind, long id, String error) {
    Optional<Integer> attempts = store.lockPending(kind.table(), id);
    attempts.ifPresent(done -> store.dead(kind.table(), id, done + 1, error, clock.instant()));
  }

  private void fail(DueKind kind, long id, int attemptsBefore, String error, Instant now) {
    int attempts = attemptsBefore + 1;
    if (attempts >= kind.maxAttempts()) {
      store.dead(kind.table(), id, attempts, error, now);
    } else {
      store.retry(kind.table(), id, attempts, now.plus(kind.retryAfter(attempts)), error, now);
    }
  }
}
