package io.waymark.scenarios.engine.entity;

import io.waymark.platform.db.Jdbc;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The job rows over plain JDBC, in the caller's transaction. Batch limits are ints written into the
 * text.
 */
@Dependent
public class JobStore {

  private static final String COLUMNS =
      "id, scenario_id, element_id, trigger_id, user_id, state, attempts, due_at, entered_at,"
          + " context, created_at";

  @Inject Jdbc jdbc;

  @Inject JobIds ids;

  /**
   * A new job, due now: insert-only, so the causing transaction (a goal completion) locks no
   * existing job.
   */
  public long insert(
      long scenarioId,
      long elementId,
      Long triggerId,
      Long parentId,
      long userId,
      String context,
      Instant now) {
    long id = ids.next();
    jdbc.update(
        "insert into scenario_jobs (id, scenario_id, element_id, trigger_id, parent_id, user_id, state, due_at, context,"
            + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'created', ?, ?, ?, ?)",
        id,
        scenarioId,
        elementId,
        triggerId,
        parentId,
        userId,
        now,
        context,
        now,
        now);
    return id;
  }

  /** Locks the job for its run (jobs are locked before the user's goal rows, everywhere). */
  public Optional<Job> lock(long id) {
    return jdbc.first(
        "select " + COLUMNS + " from scenario_jobs where id = ? for update", JobStore::job, id);
  }

  public void finish(long id, String result, Instant enteredAt, Instant now) {
    jdbc.update(
        "update scenario_jobs set state = 'finished', result = ?, entered_at = ?, finished_at = ?, updated_at = ?,"
            + " last_error = null where id = ?",
        result,
        enteredAt,
        now,
        now,
        id);
  }

  public void waitUntil(long id, Instant dueAt, Instant enteredAt, Instant now) {
    jdbc.update(
        "update scenario_jobs set state = 'waiting', due_at = ?, entered_at = ?, updated_at = ? where id = ?",
        dueAt,
        enteredAt,
        now,
        id);
  }

  /** Ends the job for good: {@code failed} or {@code dropped}, with the reason. */
  public void end(long id, JobState state, String reason, Instant enteredAt, Instant now) {
    jdbc.update(
        "update scenario_jobs set state = ?, last_error = ?, entered_at = coalesce(?, entered_at), finished_at = ?,"
            + " updated_at = ? where id = ?",
        state.id(),
        reason,
        enteredAt,
        now,
        now,
        id);
  }

  /** Back to unclaimed, due at {@code dueAt} (a paused scenario, or a retry after a failure). */
  public void release(Job job, int attempts, Instant dueAt, String error, Instant now) {
    jdbc.update(
        "update scenario_jobs set state = ?, attempts = ?, due_at = ?, last_error = coalesce(?, last_error), updated_at = ?"
            + " where id = ?",
        job.entered() ? "waiting" : "created",
        attempts,
        dueAt,
        error,
        now,
        job.id());
  }

  /**
   * Claimed jobs whose lease has not run out (handed off, not yet run), counted up to {@code
   * limit}.
   */
  public int inFlight(Instant now, int limit) {
    return jdbc.first(
            "select count(*) from (select 1 from scenario_jobs where state = 'scheduled' and due_at > ? limit "
                + limit
                + ") f",
            rs -> rs.getInt(1),
            now)
        .orElse(0);
  }

  /**
   * Claims due jobs of enabled, live scenarios (not older than their restore): marks them scheduled
   * with a lease ({@code due_at} = its end, so a lost hand-off is claimed again) and returns their
   * ids.
   */
  public List<Long> claim(Instant now, Instant leaseEnd, int limit) {
    // Candidates are read per enabled scenario through (scenario_id, due_at) (V16), so the due jobs
    // of paused
    // scenarios are never scanned; only the chosen ones are locked, and a row another dispatcher
    // holds is skipped.
    return jdbc.list(
        """
        update scenario_jobs set state = 'scheduled', due_at = ?, updated_at = ?
        where id in (select j.id from scenario_jobs j
                     where j.id in (select c.id from scenarios s
                                    cross join lateral (select j2.id, j2.due_at from scenario_jobs j2
                                                        where j2.scenario_id = s.id and j2.state in %1$s and j2.due_at <= ?
                                                          and (s.restored_at is null or j2.created_at >= s.restored_at)
                                                        order by j2.due_at limit %2$d) c
                                    where s.enabled and s.deleted_at is null
                                    order by c.due_at limit %2$d)
                       and j.state in %1$s and j.due_at <= ?
                     for update skip locked)
        returning id"""
            .formatted(JobState.PENDING_SQL, limit),
        rs -> rs.getLong(1),
        leaseEnd,
        now,
        now,
        now);
  }

  /**
   * Drops pending jobs of deleted scenarios and jobs created before a scenario's restore; returns
   * how many. Starts from the deleted or restored scenarios and reads their jobs by range (V14),
   * never the whole set of pending jobs.
   */
  public int dropOutlived(Instant now, int limit) {
    return jdbc.update(
        """
        update scenario_jobs j set state = 'dropped', finished_at = ?, updated_at = ?,
               last_error = case when s.deleted_at is not null then 'scenario deleted' else 'created before the scenario was restored' end
        from scenarios s
        where s.id = j.scenario_id
          and j.id in (select j2.id from scenarios s2 join scenario_jobs j2 on j2.scenario_id = s2.id
                       where (s2.deleted_at is not null or s2.restored_at is not null) and j2.state in %s
                         and j2.created_at < case when s2.deleted_at is not null then 'infinity'::timestamptz else s2.restored_at end
                       limit %d for update of j2 skip locked)"""
            .formatted(JobState.PENDING_SQL, limit),
        now,
        now);
  }

  /** Wake-ups of the user's pending jobs on these elements (insert-only; returns the job ids). */
  public List<Long> wake(long userId, Collection<Long> elementIds, Instant now) {
    return jdbc.list(
        "insert into scenario_wakeups (job_id, created_at) select id, ? from scenario_jobs where user_id = ? and state in "
            + JobState.PENDING_SQL
            + " and element_id in ("
            + inList(elementIds)
            + ") returning job_id",
        rs -> rs.getLong(1),
        now,
        userId);
  }

  /** Consumes wake-ups written so far for this job (its run re-checks it anyway). */
  public void forgetWakeups(long jobId) {
    jdbc.update("delete from scenario_wakeups where job_id = ?", jobId);
  }

  /**
   * Turns up to {@code limit} wake-ups into due jobs (a hand-off may have been lost); returns how
   * many were read.
   */
  public int applyWakeups(Instant now, int limit) {
    List<Long> jobs =
        jdbc.list(
            "delete from scenario_wakeups where id in (select id from scenario_wakeups order by id limit "
                + limit
                + " for update skip locked) returning job_id",
            rs -> rs.getLong(1));
    if (!jobs.isEmpty()) {
      jdbc.update(
          "update scenario_jobs set due_at = ?, updated_at = ? where id in ("
              + inList(jobs)
              + ") and state = 'waiting'"
              + " and due_at > ?",
          now,
          now,
          now);
    }
    return jobs.size();
  }

  private static String inList(Collection<Long> ids) {
    // numbers only (never user input): written into the text
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  static Job job(ResultSet rs) throws SQLException {
    long trigger = rs.getLong(4);
    Long triggerId = rs.wasNull() ? null : trigger;
    return new Job(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        triggerId,
        rs.getLong(5),
        JobState.of(rs.getString(6)),
        rs.getInt(7),
        Jdbc.instant(rs, 8),
        Jdbc.instant(rs, 9),
        rs.getString(10),
        Jdbc.instant(rs, 11));
  }
}
