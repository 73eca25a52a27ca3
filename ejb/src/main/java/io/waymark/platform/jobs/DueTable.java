package io.waymark.platform.jobs;

/**
 * A table of due work as the dispatcher sees it (ADR 0021): rows with the columns {@code id},
 * {@code state}, {@code due_at}, {@code attempts}, {@code last_error} and {@code updated_at}, some
 * states pending, one of them "claimed" (handed out, {@code due_at} then being the end of its
 * lease, so a claimed row whose server died is due again). A feature keeps its own table (scenario
 * jobs) or, for a small kind, shares one; either way the claim, the lease, the count in flight,
 * retries and dead rows are written once, here and in {@link DueStore}. All fragments are constant
 * SQL of the feature.
 *
 * @param name the table
 * @param due which pending rows are due, on the table without alias; each {@code ?} is bound to now
 *     ({@link ClaimSpec#LIMIT} stands for the claim's limit)
 * @param order the order due rows are claimed in
 * @param pending the SQL list of the pending states, claimed included (e.g. {@code ('created',
 *     'scheduled')})
 * @param claimed the state of a claimed row
 * @param retry the state a retried row goes back to (an SQL expression over the row)
 * @param dead the state of a row given up
 * @param finishedAt the column stamped when a row is given up, or null
 */
public record DueTable(
    String name,
    String due,
    String order,
    String pending,
    String claimed,
    String retry,
    String dead,
    String finishedAt) {

  /**
   * A table of a small kind with the plain states: {@code pending}, {@code claimed} (leased) and
   * {@code dead}; a retried row goes back to pending.
   */
  public static DueTable plain(String name) {
    return new DueTable(
        name,
        "state in ('pending', 'claimed') and due_at <= ?",
        "due_at",
        "('pending', 'claimed')",
        "claimed",
        "'pending'",
        "dead",
        null);
  }

  /** The claim: due rows become claimed, leased until the first {@code ?} of {@code set}. */
  ClaimSpec claim() {
    return new ClaimSpec(
        name + " d",
        due,
        order,
        "no key update",
        "state = '" + claimed + "', due_at = ?, updated_at = ?",
        null,
        "d.id, d.attempts");
  }

  /** How many {@code ?} the {@code due} fragment has (each bound to now). */
  int dueParameters() {
    return (int) due.chars().filter(c -> c == '?').count();
  }
}
