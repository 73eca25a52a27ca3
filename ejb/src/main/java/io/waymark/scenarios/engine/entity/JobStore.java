package io.waymark.scenarios.engine.entity;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.jobs.ClaimSpec;
import io.waymark.platform.jobs.Claims;
import io.waymark.platform.jobs.DueTable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The job rows over plain JDBC, in the caller's transaction. Batch limits are ints written into the
 * text.
 */
@Dependent
public class JobStore {

  private static final String COLUMNS =
      "id, scenario_id, element_id, trigger_id, user_id, state, attempts, due_at, entered_at,"
          + " context, created_at";

  /** A job dropped because its user left the scenario: its end, bound to now, now. */
  private static final String EXITED =
      "update scenario_jobs set state = 'dropped', result = 'exited', last_error = 'exited',"
          + " finished_at = ?, updated_at = ?";

  @Inject Jdbc jdbc;

  @Inject JobIds ids;

  @Inject Claims claims;

  /**
   * Records the user's entry of the scenario when its re-entry rule lets the user in: {@code
   * always}; {@code once} — never entered before; {@code after_days} — the last entry is at least
   * that many days old. One statement; concurrent entries of one user are serialised by the entries
   * row. Whether the user entered.
   */
  public boolean admit(long scenarioId, long userId, String mode, Integer days, Instant now) {
    String when =
        switch (mode) {
          case "once" -> "e.entered_at is null";
          case "after_days" ->
              "e.entered_at is null or e.entered_at <= excluded.entered_at - make_interval(days => "
                  + days
                  + ")";
          default -> "true";
        };
    return !jdbc.list(
            "insert into scenario_entries as e (scenario_id, user_id, entered_at) values (?, ?, ?)"
                + " on conflict (scenario_id, user_id) do update set entered_at = excluded.entered_at"
                + " where "
                + when
                + " returning 1",
            rs -> 1,
            scenarioId,
            userId,
            now)
        .isEmpty();
  }

  /**
   * The user leaves the scenario now, if the user ever entered it (a user who never did has nothing
   * to leave, and gets no row): its jobs created until now are dropped as {@code exited} when they
   * come to run ({@link #exitedAt}), and the pending ones right after commit ({@link #dropExited}).
   * No job row is touched here: the causing transaction (a goal completion) locks no job. Whether
   * the user was in it.
   */
  public boolean exit(long scenarioId, long userId, Instant now) {
    return jdbc.update(
            "update scenario_entries set exited_at = ? where scenario_id = ? and user_id = ?",
            now,
            scenarioId,
            userId)
        > 0;
  }

  /** When the user last left the scenario, if ever. */
  public Optional<Instant> exitedAt(long scenarioId, long userId) {
    return jdbc.first(
        "select exited_at from scenario_entries where scenario_id = ? and user_id = ?",
        rs -> Jdbc.instant(rs, 1),
        scenarioId,
        userId);
  }

  /**
   * Drops the user's pending jobs of the scenario created before the exit, as {@code exited} (one
   * the exiting event itself started stays: exit first, then entry); one a run holds is waited for
   * (the run's own check drops what it leaves).
   */
  public int dropExited(long scenarioId, long userId, Instant exitedAt, Instant now) {
    return jdbc.update(
        EXITED
            + " where scenario_id = ? and user_id = ?"
            + " and state in "
            + JobState.PENDING_SQL
            + " and created_at < ?",
        now,
        now,
        scenarioId,
        userId,
        exitedAt);
  }

  /** A job whose user left the scenario after it was created: dropped as {@code exited}. */
  public void exited(long id, Instant now) {
    jdbc.update(EXITED + " where id = ?", now, now, id);
  }

  /**
   * Deletes up to {@code limit} finished, failed or dropped jobs that ended before {@code before},
   * oldest first (a row another server's purge deleted first is simply not counted again), and adds
   * them to the daily figures the statistics read ({@code scenario_job_days}) in the same
   * statement. The number deleted.
   */
  public int purgeDone(Instant before, int limit) {
    return jdbc.first(
            """
            with gone as (
              delete from scenario_jobs where id in (
                select id from scenario_jobs where state in ('finished', 'failed', 'dropped') and finished_at < ?
                order by finished_at limit %d)
              returning element_id, (finished_at at time zone 'UTC')::date as day, state, coalesce(result, '') as result),
            kept as (
              insert into scenario_job_days as d (element_id, day, state, result, jobs)
              select element_id, day, state, result, count(*) from gone group by 1, 2, 3, 4
              on conflict (element_id, day, state, result) do update set jobs = d.jobs + excluded.jobs)
            select count(*) from gone"""
                .formatted(limit),
            rs -> rs.getInt(1),
            before)
        .orElse(0);
  }

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

  /**
   * A descendant's job to insert ({@link #insertAll}): due now, with its parent's trigger, user and
   * context.
   */
  public record NewJob(
      long scenarioId,
      long elementId,
      Long triggerId,
      long parentId,
      long userId,
      String context) {}

  /**
   * Inserts these jobs, due now, in ONE statement (a batch's descendants); returns their ids in the
   * same order. Insert-only, like {@link #insert}.
   */
  public List<Long> insertAll(List<NewJob> jobs, Instant now) {
    if (jobs.isEmpty()) {
      return List.of();
    }
    int n = jobs.size();
    String[] id = new String[n];
    String[] scenario = new String[n];
    String[] element = new String[n];
    String[] trigger = new String[n];
    String[] parent = new String[n];
    String[] user = new String[n];
    String[] context = new String[n];
    List<Long> made = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      NewJob job = jobs.get(i);
      long next = ids.next();
      made.add(next);
      id[i] = Long.toString(next);
      scenario[i] = Long.toString(job.scenarioId());
      element[i] = Long.toString(job.elementId());
      trigger[i] = job.triggerId() == null ? null : job.triggerId().toString();
      parent[i] = Long.toString(job.parentId());
      user[i] = Long.toString(job.userId());
      context[i] = job.context();
    }
    jdbc.update(
        "insert into scenario_jobs (id, scenario_id, element_id, trigger_id, parent_id, user_id, state, due_at, context,"
            + " created_at, updated_at) select v.id::bigint, v.scenario::bigint, v.element::bigint, v.trigger::bigint,"
            + " v.parent::bigint, v.uid::bigint, 'created', ?, v.context, ?, ? from unnest(cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[])) as v(id, scenario, element, trigger, parent, uid, context)",
        now,
        now,
        now,
        id,
        scenario,
        element,
        trigger,
        parent,
        user,
        context);
    return made;
  }

  /**
   * Locks these jobs for their run, in user order (then id) — the order batches lock users in —,
   * and returns those still pending (a duplicate hand-off finds the others done).
   */
  public List<Job> lockPending(List<Long> ids) {
    return jdbc
        .list(
            "select "
                + COLUMNS
                + " from scenario_jobs where id = any(cast(? as bigint[])) order by user_id, id for update",
            JobStore::job,
            Jdbc.idArray(ids))
        .stream()
        .filter(job -> job.state().pending())
        .toList();
  }

  /**
   * What a run decided for a job ({@link #record}): {@code finished} with a result, {@code waiting}
   * until {@code dueAt}, or {@code failed} with the reason.
   */
  public record Recorded(
      long id, JobState state, String result, Instant dueAt, Instant enteredAt, String error) {

    public static Recorded finished(long id, String result, Instant enteredAt) {
      return new Recorded(id, JobState.FINISHED, result, null, enteredAt, null);
    }

    public static Recorded waiting(long id, Instant dueAt, Instant enteredAt) {
      return new Recorded(id, JobState.WAITING, null, dueAt, enteredAt, null);
    }

    public static Recorded failed(long id, String reason, Instant enteredAt) {
      return new Recorded(id, JobState.FAILED, null, null, enteredAt, reason);
    }
  }

  /**
   * Records what the runs decided, in ONE statement: a finished job gets its result and end (its
   * last error cleared), a waiting one its next due time, a failed one its end and reason; each
   * keeps its first entry.
   */
  public void record(List<Recorded> runs, Instant now) {
    if (runs.isEmpty()) {
      return;
    }
    int n = runs.size();
    String[] id = new String[n];
    String[] state = new String[n];
    String[] result = new String[n];
    String[] due = new String[n];
    String[] entered = new String[n];
    String[] error = new String[n];
    for (int i = 0; i < n; i++) {
      Recorded run = runs.get(i);
      id[i] = Long.toString(run.id());
      state[i] = run.state().id();
      result[i] = run.result();
      due[i] = run.dueAt() == null ? null : run.dueAt().toString();
      entered[i] = run.enteredAt() == null ? null : run.enteredAt().toString();
      error[i] = run.error();
    }
    jdbc.update(
        """
        update scenario_jobs j set state = v.state, result = coalesce(v.result, j.result),
          due_at = coalesce(v.due_at::timestamptz, j.due_at), entered_at = coalesce(v.entered_at::timestamptz, j.entered_at),
          finished_at = case when v.state = 'waiting' then j.finished_at else ? end,
          last_error = case when v.state = 'waiting' then j.last_error else v.error end, updated_at = ?
        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(? as text[])) as v(id, state, result, due_at, entered_at, error)
        where j.id = v.id::bigint""",
        now,
        now,
        id,
        state,
        result,
        due,
        entered,
        error);
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

  /** Back to unclaimed, due at {@code dueAt} (a paused scenario is claimed again once enabled). */
  public void release(Job job, Instant dueAt, Instant now) {
    jdbc.update(
        "update scenario_jobs set state = ?, due_at = ?, updated_at = ? where id = ?",
        job.entered() ? "waiting" : "created",
        dueAt,
        now,
        job.id());
  }

  /**
   * Scenario jobs as due work ({@code platform.jobs}): due jobs of enabled, live scenarios (not
   * older than their restore) are claimed as {@code scheduled}, {@code due_at} being the end of
   * their lease, so a lost hand-off is claimed again. Candidates are read per enabled scenario
   * through (scenario_id, due_at) (V16), so the due jobs of paused scenarios are never scanned;
   * only the chosen ones are locked, and a row another dispatcher holds is skipped. A retried job
   * goes back to {@code created} or, once it entered its element, {@code waiting}; a job whose runs
   * keep throwing ends {@code failed}.
   */
  public static final DueTable DUE =
      new DueTable(
          "scenario_jobs",
          """
          id in (select c.id from scenarios s
                 cross join lateral (select j2.id, j2.due_at from scenario_jobs j2
                                     where j2.scenario_id = s.id and j2.state in %1$s and j2.due_at <= ?
                                       and (s.restored_at is null or j2.created_at >= s.restored_at)
                                     order by j2.due_at limit %2$s) c
                 where s.enabled and s.deleted_at is null
                 order by c.due_at limit %2$s)
          and state in %1$s and due_at <= ?"""
              .formatted(JobState.PENDING_SQL, ClaimSpec.LIMIT),
          "due_at",
          JobState.PENDING_SQL,
          JobState.SCHEDULED.id(),
          "case when entered_at is null then 'created' else 'waiting' end",
          JobState.FAILED.id(),
          "finished_at");

  /**
   * Pending jobs a scenario's deletion or restore outlived: read per deleted or restored scenario
   * (a lateral read of its pending jobs by (scenario_id, created_at), V14), so the scan never
   * starts from the jobs — a join the planner could start from them re-read every pending job for
   * each one, and with tens of thousands pending it held both cores for minutes (the journey
   * benchmark found it).
   */
  private static final ClaimSpec OUTLIVED =
      new ClaimSpec(
          "scenario_jobs j",
          """
          id in (select c.id from scenarios s2
                 cross join lateral (select j2.id from scenario_jobs j2
                                     where j2.scenario_id = s2.id and j2.state in %1$s
                                       and j2.created_at < case when s2.deleted_at is not null then 'infinity'::timestamptz
                                                                else s2.restored_at end
                                     limit %2$s) c
                 where s2.deleted_at is not null or s2.restored_at is not null
                 limit %2$s)
          and state in %1$s"""
              .formatted(JobState.PENDING_SQL, ClaimSpec.LIMIT),
          "id",
          "no key update",
          """
          state = 'dropped', finished_at = ?, updated_at = ?,
          last_error = case when s.deleted_at is not null then 'scenario deleted' else 'created before the scenario was restored' end""",
          new ClaimSpec.Join("scenarios s", "s.id = j.scenario_id"),
          "j.id");

  /**
   * Drops pending jobs of deleted scenarios and jobs created before a scenario's restore; returns
   * how many. Starts from the deleted or restored scenarios and reads their jobs by range (V14),
   * never the whole set of pending jobs.
   */
  public int dropOutlived(Instant now, int limit) {
    return claims.claim(OUTLIVED, limit, rs -> rs.getLong(1), new Object[0], now, now).size();
  }

  /**
   * Wake-ups of these users' pending jobs on these elements (insert-only; returns the job ids):
   * read per user by the pending-jobs index (a lateral read, whatever the planner thinks of the
   * array).
   */
  public List<Long> wake(Collection<Long> userIds, Collection<Long> elementIds, Instant now) {
    return jdbc.list(
        "insert into scenario_wakeups (job_id, created_at) select j.id, ? from unnest(cast(? as bigint[])) as u(id)"
            + " cross join lateral (select id from scenario_jobs where user_id = u.id and state in "
            + JobState.PENDING_SQL
            + " and element_id in ("
            + Jdbc.idList(elementIds)
            + ")) j returning job_id",
        rs -> rs.getLong(1),
        now,
        Jdbc.idArray(userIds));
  }

  /** Consumes wake-ups written so far for these jobs (their runs re-check them anyway). */
  public void forgetWakeups(Collection<Long> jobIds) {
    jdbc.update(
        "delete from scenario_wakeups where job_id = any(cast(? as bigint[]))",
        Jdbc.idArray(jobIds));
  }

  /**
   * Pending jobs with a wake-up written before a moment (a hand-off that may have been lost): the
   * jobs are locked first, skipping those a run holds — a run locks its jobs and then deletes their
   * wake-ups, so taking the wake-ups first (as this sweep once did) deadlocked with the runs under
   * load. A waiting job due later becomes due now.
   */
  private static final ClaimSpec WOKEN =
      new ClaimSpec(
          "scenario_jobs j",
          """
          id in (select job_id from scenario_wakeups where created_at <= ? order by id limit %s)
          and state in %s"""
              .formatted(ClaimSpec.LIMIT, JobState.PENDING_SQL),
          "id",
          "no key update",
          """
          due_at = case when j.state = 'waiting' and j.due_at > ? then ? else j.due_at end,
          updated_at = case when j.state = 'waiting' and j.due_at > ? then ? else j.updated_at end""",
          null,
          "j.id");

  /**
   * Applies up to {@code limit} wake-ups written before {@code before} (their hand-off may have
   * been lost: a server died between commit and hand-off) — their waiting jobs become due now — and
   * deletes them, with wake-ups as old of jobs no longer pending; returns how many wake-ups went.
   * Newer wake-ups are their hand-offs' (whose runs delete them).
   */
  public int applyWakeups(Instant before, Instant now, int limit) {
    List<Long> jobs =
        claims.claim(WOKEN, limit, rs -> rs.getLong(1), new Object[] {before}, now, now, now, now);
    int gone =
        jobs.isEmpty()
            ? 0
            : jdbc.update(
                "delete from scenario_wakeups where job_id = any(cast(? as bigint[]))",
                Jdbc.idArray(jobs));
    // a run deletes its jobs' wake-ups, but one written while it ran outlives the job
    return gone
        + jdbc.update(
            "delete from scenario_wakeups where id in (select w.id from scenario_wakeups w where w.created_at <= ?"
                + " and not exists (select 1 from scenario_jobs j where j.id = w.job_id and j.state in "
                + JobState.PENDING_SQL
                + ") order by w.id limit "
                + limit
                + ")",
            before);
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
