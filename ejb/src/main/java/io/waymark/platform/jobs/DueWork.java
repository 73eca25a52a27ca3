package io.waymark.platform.jobs;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The one dispatcher of due work (DESIGN §4a, ADR 0021): claims a kind's due rows in batches
 * ({@code FOR UPDATE SKIP LOCKED}, each claim committed on its own), never more than the kind's max
 * in flight, while batches come back full and its budget lasts; hands each batch to the kind and
 * records the failed and dead outcomes. Safe to run concurrently on any number of servers: a row is
 * claimed by one of them, and a row whose handler never reported is due again when its lease ends.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DueWork {

  private static final System.Logger LOG = System.getLogger(DueWork.class.getName());

  @Inject DueTransactions transactions;

  /** One dispatch of the kind; returns how many rows it claimed. */
  public int dispatch(DueKind kind) {
    long deadline = System.nanoTime() + kind.budget().toNanos();
    int room = transactions.room(kind);
    int claimed = 0;
    int wanted;
    List<DueItem> items;
    do {
      wanted = Math.min(kind.batch(), room - claimed);
      if (wanted <= 0) {
        break;
      }
      items = transactions.claim(kind, wanted);
      if (items.isEmpty()) {
        break;
      }
      claimed += items.size();
      List<Handled> outcomes;
      try {
        outcomes = kind.handle(items);
      } catch (RuntimeException e) {
        // e.g. the queue away: the batch stays claimed and is due again when its lease ends
        LOG.log(
            Level.WARNING,
            "Handing out "
                + items.size()
                + " "
                + kind.name()
                + " items failed; they are due again"
                + " when their lease ends",
            e);
        break;
      }
      transactions.record(kind, items, outcomes);
    } while (items.size() == wanted && System.nanoTime() < deadline);
    return claimed;
  }

  /** A handler's run of this row threw: count the attempt (retry or dead), in a new transaction. */
  public void failed(DueKind kind, long id, String error) {
    transactions.failed(kind, id, error);
  }

  /** Gives the row up for good, in a new transaction. */
  public void dead(DueKind kind, long id, String error) {
    transactions.dead(kind, id, error);
  }
}
