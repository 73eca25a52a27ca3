package io.waymark.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's claim loop: batches while they come back full, never more in flight than the
 * kind allows.
 */
class DueWorkTest {

  /** Rows 1..due, claimed in order; in flight until {@link #finish} (the handlers' runs). */
  static final class Table extends DueTransactions {
    final int maxInFlight;
    long next = 1;
    final long due;
    int inFlight;
    int mostInFlight;
    final List<List<Long>> claims = new ArrayList<>();

    Table(long due, int maxInFlight) {
      this.due = due;
      this.maxInFlight = maxInFlight;
    }

    @Override
    public List<DueItem> claim(DueKind kind, int limit) {
      List<DueItem> items = new ArrayList<>();
      while (items.size() < limit && next <= due) {
        items.add(new DueItem(next++, 0));
      }
      inFlight += items.size();
      mostInFlight = Math.max(mostInFlight, inFlight);
      claims.add(items.stream().map(DueItem::id).toList());
      return items;
    }

    @Override
    public int room(DueKind kind) {
      return maxInFlight - inFlight;
    }

    @Override
    public void record(DueKind kind, List<DueItem> items, List<Handled> outcomes) {}
  }

  static DueKind kind(int batch, int maxInFlight, Duration budget) {
    return new DueKind() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public DueTable table() {
        return null;
      }

      @Override
      public int batch() {
        return batch;
      }

      @Override
      public int maxInFlight() {
        return maxInFlight;
      }

      @Override
      public Duration lease() {
        return Duration.ofMinutes(1);
      }

      @Override
      public int maxAttempts() {
        return 3;
      }

      @Override
      public Duration retryAfter(int attempts) {
        return Duration.ofSeconds(1);
      }

      @Override
      public Duration budget() {
        return budget;
      }

      @Override
      public List<Handled> handle(List<DueItem> items) {
        return items.stream().map(i -> (Handled) new Handled.HandedOff()).toList();
      }
    };
  }

  private static DueWork work(Table table) {
    DueWork work = new DueWork();
    work.transactions = table;
    return work;
  }

  @Test
  void claimsFullBatchesUntilNothingIsDue() {
    Table table = new Table(7, 100);
    assertThat(work(table).dispatch(kind(3, 100, Duration.ofSeconds(5)))).isEqualTo(7);
    assertThat(table.claims).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
  }

  @Test
  void neverClaimsMoreThanTheRoomLeftInFlightAndLeavesTheRestToTheNextPass() {
    Table table = new Table(10, 4);
    assertThat(work(table).dispatch(kind(3, 4, Duration.ofSeconds(5)))).isEqualTo(4);
    assertThat(table.claims).containsExactly(List.of(1L, 2L, 3L), List.of(4L));
    assertThat(table.mostInFlight).isEqualTo(4);
    table.inFlight = 1; // runs ended before the next pass
    assertThat(work(table).dispatch(kind(3, 4, Duration.ofSeconds(5)))).isEqualTo(3);
    assertThat(table.claims).last().isEqualTo(List.of(5L, 6L, 7L));
  }
}
