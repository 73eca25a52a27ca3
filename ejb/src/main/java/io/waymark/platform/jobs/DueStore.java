package io.waymark.platform.jobs;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The due-work statements of any {@link DueTable}, in the caller's transaction. */
@ApplicationScoped
public class DueStore {

  @Inject Jdbc jdbc;

  @Inject Claims claims;

  /** Claims up to {@code limit} due rows, leased until {@code leaseEnd}. */
  public List<DueItem> claim(DueTable table, int limit, Instant now, Instant leaseEnd) {
    return claims.claim(
        table.claim(),
        limit,
        rs -> new DueItem(rs.getLong(1), rs.getInt(2)),
        Collections.nCopies(table.dueParameters(), now).toArray(),
        leaseEnd,
        now);
  }

  /** Claimed rows whose lease has not run out, counted up to {@code limit}. */
  public int inFlight(DueTable table, Instant now, int limit) {
    return jdbc.first(
            "select count(*) from (select 1 from %s where state = '%s' and due_at > ? limit %d) f"
                .formatted(table.name(), table.claimed(), limit),
            rs -> rs.getInt(1),
            now)
        .orElse(0);
  }

  /** Locks a pending row and answers its attempts so far; empty when it is no longer pending. */
  public Optional<Integer> lockPending(DueTable table, long id) {
    return jdbc.first(
        "select attempts from %s where id = ? and state in %s for update"
            .formatted(table.name(), table.pending()),
        rs -> rs.getInt(1),
        id);
  }

  /** Back to pending after its {@code attempts}-th failure, due at {@code dueAt}. */
  public void retry(
      DueTable table, long id, int attempts, Instant dueAt, String error, Instant now) {
    jdbc.update(
        "update %s set state = %s, attempts = ?, due_at = ?, last_error = ?, updated_at = ? where id = ? and state in %s"
            .formatted(table.name(), table.retry(), table.pending()),
        attempts,
        dueAt,
        error,
        now,
        id);
  }

  /** Given up: dead with the reason (and the time it finished, where the table keeps it). */
  public void dead(DueTable table, long id, int attempts, String error, Instant now) {
    String finished = table.finishedAt() == null ? "" : ", " + table.finishedAt() + " = ?";
    Object[] params =
        table.finishedAt() == null
            ? new Object[] {attempts, error, now, id}
            : new Object[] {attempts, error, now, now, id};
    jdbc.update(
        "update %s set state = '%s', attempts = ?, last_error = ?, updated_at = ?%s where id = ? and state in %s"
            .formatted(table.name(), table.dead(), finished, table.pending()),
        params);
  }
}
