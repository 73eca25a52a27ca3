package io.waymark.platform.jobs;

/**
 * How a feature's due rows are claimed (DESIGN §4a: polling work claims due rows in batches with
 * {@code FOR UPDATE SKIP LOCKED}, safe with several servers on one database), as SQL fragments of
 * the feature's own table, run by {@link Claims} — so the claim-and-lease statement is written in
 * one place. All fragments are constant SQL of the feature (never user input); values are {@code ?}
 * parameters.
 *
 * @param table the table, with the alias the other fragments use for its updated row (e.g. {@code
 *     user_onboarding_goals u})
 * @param due which rows are due, on the table without alias (its {@code ?} are the claim's first
 *     parameters); {@code {limit}} in it stands for the claim's limit, for a candidate subquery
 *     that must not read more rows than are claimed
 * @param order the order due rows are claimed in (oldest due first)
 * @param lock {@code update}, or {@code no key update} where other transactions may insert rows
 *     referencing the claimed ones
 * @param set what claiming does to a row: a lease, a state change (its {@code ?} follow the due
 *     ones)
 * @param join further tables for {@code set} and {@code returning} ({@code from} list and their
 *     join condition), or null
 * @param returning the columns the claim answers
 */
public record ClaimSpec(
    String table, String due, String order, String lock, String set, Join join, String returning) {

  /** Stands for the claim's limit in {@code due}. */
  public static final String LIMIT = "{limit}";

  /** Further tables joined to the claimed rows. */
  public record Join(String tables, String condition) {}

  public ClaimSpec {
    if (!lock.equals("update") && !lock.equals("no key update")) {
      throw new IllegalArgumentException("lock must be update or no key update: " + lock);
    }
  }

  /** The claim of at most {@code limit} rows. */
  String sql(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a claim takes at least one row: " + limit);
    }
    String[] table = this.table.strip().split("\\s+");
    String name = table[0];
    String alias = table.length > 1 ? table[table.length - 1] : name;
    // the limit is written into the text (an int, never user input): as a parameter, PostgreSQL's
    // generic plan cannot see how few rows are claimed
    return """
        with due as (select id from %s where %s order by %s limit %d for %s skip locked)
        update %s set %s from due%s where %s.id = due.id%s returning %s"""
        .formatted(
            name,
            due.replace(LIMIT, Integer.toString(limit)),
            order,
            limit,
            lock,
            this.table.strip(),
            set,
            join == null ? "" : ", " + join.tables(),
            alias,
            join == null ? "" : " and " + join.condition(),
            returning);
  }
}
