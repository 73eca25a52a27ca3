package io.waymark.scenarios.engine.entity;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.db.SqlFragment;
import io.waymark.platform.jobs.DueTable;
import io.waymark.scenarios.engine.entity.ScenarioGraph.BeforeEventTrigger;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * V28's due rows of before-event triggers (one per trigger and user: the user's date of the
 * trigger's event, due {@code minutes} before it) and the fills that create them for dates already
 * set. Both are due work ({@code platform.jobs}): claimed as {@code claimed}, their {@code due_at}
 * then the end of the lease.
 */
@Dependent
public class BeforeEventStore {

  /** Due before-event rows, fired by the before-event dispatcher. */
  public static final DueTable DUE = DueTable.plain("scenario_before_events");

  /** Fills of a trigger's rows from the dates already set, a batch of users at a time. */
  public static final DueTable FILLS = DueTable.plain("scenario_before_event_fills");

  /** A claimed row as its firing reads it. */
  public record Due(
      long id, long triggerId, long userId, String eventCode, String matchValue, Instant eventAt) {}

  /** A claimed fill: the trigger and the last user id done. */
  public record Fill(long id, long triggerId, long afterUserId) {}

  /** One batch of a fill: the users read and the last of them. */
  public record Filled(int users, long lastUserId) {}

  /**
   * Schedules (or moves) the rows of these users' dates, {@code source} answering {@code user_id,
   * event_at}: a date in the past schedules nothing; a row already there is re-armed only when its
   * event moved (a row fired for this very date stays fired) or, still pending, when its due time
   * moved (the trigger's minutes changed). Moving a claimed row takes it back from its firing.
   */
  private static final String UPSERT =
      """
      insert into scenario_before_events as b
        (trigger_id, scenario_id, user_id, event_code, match_value, minutes, event_at, due_at, updated_at)
      select ?, ?, d.user_id, ?, ?, ?, d.event_at, d.event_at - make_interval(mins => ?), ?
      from %s d where d.event_at > ?
      on conflict (trigger_id, user_id) do update set event_code = excluded.event_code,
        match_value = excluded.match_value, minutes = excluded.minutes, event_at = excluded.event_at,
        due_at = excluded.due_at, state = 'pending', attempts = 0, last_error = null, fired_at = null,
        updated_at = excluded.updated_at
      where b.event_at <> excluded.event_at
         or (b.state in ('pending', 'claimed') and b.minutes is distinct from excluded.minutes)""";

  @Inject Jdbc jdbc;

  /** The user's date of this trigger's event is {@code eventAt} (a past one schedules nothing). */
  public void schedule(BeforeEventTrigger trigger, long userId, Instant eventAt, Instant now) {
    List<Object> params = new ArrayList<>(List.of(userId, eventAt));
    params.addAll(upsertParams(trigger, now));
    jdbc.update(
        "with d as (select cast(? as bigint) as user_id, cast(? as timestamptz) as event_at) "
            + UPSERT.formatted("d"),
        params.toArray());
  }

  /** The user's date is gone (cleared, or its goal ended): the rows of these triggers go. */
  public int unschedule(List<Long> triggerIds, long userId) {
    return jdbc.update(
        "delete from scenario_before_events where trigger_id = any(cast(? as bigint[])) and user_id = ?",
        Jdbc.idArray(triggerIds),
        userId);
  }

  /**
   * The next batch of a fill: the users after {@code afterUserId} with a date, {@code dates}
   * answering {@code user_id, event_at}, scheduled in one statement.
   */
  public Filled fillBatch(
      BeforeEventTrigger trigger, SqlFragment dates, long afterUserId, int limit, Instant now) {
    List<Object> params = new ArrayList<>(dates.params());
    params.add(afterUserId);
    params.addAll(upsertParams(trigger, now));
    return jdbc.first(
            "with d as (select x.user_id, x.event_at from ("
                + dates.sql()
                + ") x where x.user_id > ? order by x.user_id limit "
                + limit
                + "), s as ("
                + UPSERT.formatted("d")
                + " returning 1) select count(*), coalesce(max(user_id), 0) from d",
            rs -> new Filled(rs.getInt(1), rs.getLong(2)),
            params.toArray())
        .orElseThrow();
  }

  private static List<Object> upsertParams(BeforeEventTrigger trigger, Instant now) {
    List<Object> params = new ArrayList<>();
    params.add(trigger.triggerId());
    params.add(trigger.scenarioId());
    params.add(trigger.eventCode());
    params.add(trigger.matchValue());
    params.add(trigger.minutes());
    params.add(trigger.minutes());
    params.add(now);
    params.add(now);
    return params;
  }

  /** A fill of the trigger from its first user (a fill under way starts again). */
  public void requestFill(long triggerId, Instant now) {
    jdbc.update(
        "insert into scenario_before_event_fills (trigger_id, due_at, updated_at) values (?, ?, ?)"
            + " on conflict (trigger_id) do update set after_user_id = 0, state = 'pending', attempts = 0,"
            + " last_error = null, due_at = excluded.due_at, updated_at = excluded.updated_at",
        triggerId,
        now,
        now);
  }

  /**
   * The scenario stays enabled: rows of triggers gone, disabled or changed to another event go (and
   * fills of triggers gone); the others stay, so a user already fired is not fired again.
   */
  public void dropStale(long scenarioId) {
    jdbc.update(
        "delete from scenario_before_events b using scenario_triggers t where t.id = b.trigger_id"
            + " and b.scenario_id = ? and (t.deleted_at is not null or t.type <> 'before_event'"
            + " or t.event_code <> b.event_code or t.match_value is distinct from b.match_value)",
        scenarioId);
    jdbc.update(
        "delete from scenario_before_event_fills f using scenario_triggers t where t.id = f.trigger_id"
            + " and t.scenario_id = ? and (t.deleted_at is not null or t.type <> 'before_event')",
        scenarioId);
  }

  /**
   * The scenario is disabled (its fired rows stay, so enabling it again fires nobody twice for the
   * same date) or deleted (all its rows go); its fills go.
   */
  public void dropScenario(long scenarioId, boolean keepFired) {
    jdbc.update(
        "delete from scenario_before_events where scenario_id = ?"
            + (keepFired ? " and state <> 'fired'" : ""),
        scenarioId);
    jdbc.update(
        "delete from scenario_before_event_fills f using scenario_triggers t"
            + " where t.id = f.trigger_id and t.scenario_id = ?",
        scenarioId);
  }

  /** The user of a row (no lock: the firing locks the user first, as a goal change does). */
  public Optional<Long> userOf(long id) {
    return jdbc.first(
        "select user_id from scenario_before_events where id = ?", rs -> rs.getLong(1), id);
  }

  /** Locks the user's row, the lock every change of the user's dates takes first. */
  public void lockUser(long userId) {
    jdbc.first("select 1 from users where id = ? for no key update", rs -> 1, userId);
  }

  /** The user's date now, as the dated event reads it ({@code dates}: user_id, event_at). */
  public Optional<Instant> currentDate(SqlFragment dates, long userId) {
    List<Object> params = new ArrayList<>(dates.params());
    params.add(userId);
    return jdbc.first(
        "select x.event_at from (" + dates.sql() + ") x where x.user_id = ?",
        rs -> Jdbc.instant(rs, 1),
        params.toArray());
  }

  /** Locks a row still claimed for its firing (empty: moved, dropped, or fired meanwhile). */
  public Optional<Due> lockClaimed(long id) {
    return jdbc.first(
        "select id, trigger_id, user_id, event_code, match_value, event_at"
            + " from scenario_before_events where id = ? and state = 'claimed' for update",
        rs ->
            new Due(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                Jdbc.instant(rs, 6)),
        id);
  }

  public void fired(long id, Instant now) {
    jdbc.update(
        "update scenario_before_events set state = 'fired', fired_at = ?, updated_at = ? where id = ?",
        now,
        now,
        id);
  }

  public void delete(long id) {
    jdbc.update("delete from scenario_before_events where id = ?", id);
  }

  /** Locks a fill still claimed (empty: restarted or dropped meanwhile). */
  public Optional<Fill> lockFill(long id) {
    return jdbc.first(
        "select id, trigger_id, after_user_id from scenario_before_event_fills"
            + " where id = ? and state = 'claimed' for update",
        rs -> new Fill(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
        id);
  }

  /** The fill goes on after this user, due now. */
  public void advanceFill(long id, long lastUserId, Instant now) {
    jdbc.update(
        "update scenario_before_event_fills set after_user_id = ?, state = 'pending', attempts = 0,"
            + " due_at = ?, updated_at = ? where id = ?",
        lastUserId,
        now,
        now,
        id);
  }

  public void finishFill(long id) {
    jdbc.update("delete from scenario_before_event_fills where id = ?", id);
  }
}
