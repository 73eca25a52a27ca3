package io.waymark.platform.outbox;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.json.JsonSupport;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code outbox_items} table, in the caller's transaction (plain JDBC: items are written on hot
 * paths, in scenario jobs and goal changes). Items of one channel and sequence key are delivered in
 * id order: an item is only due when no older item of the same sequence is still pending.
 */
@Dependent
public class OutboxStore {

  static final int MAX_ERROR = 1000;

  private static final String ENTRY_COLUMNS =
      "id, channel, unique_key, sequence_key, %s, state, outcome, attempts, due_at, created_at,"
          + " finished_at, last_status, last_error";

  @Inject Jdbc jdbc;

  /** An item's id, and whether this call wrote it (false: the key existed). */
  record Inserted(long id, boolean created) {}

  /**
   * Inserts each item, pending (or, with a dead reason, dead), unless its key exists, in one
   * statement; answers in the items' order, with the existing item's id for a key that was there
   * (or came twice).
   */
  List<Inserted> insertAll(String channel, List<Outbox.Item> items, Instant now) {
    int n = items.size();
    String[] key = new String[n];
    String[] sequence = new String[n];
    String[] payload = new String[n];
    String[] dead = new String[n];
    for (int i = 0; i < n; i++) {
      Outbox.Item item = items.get(i);
      key[i] = item.uniqueKey();
      sequence[i] = item.sequenceKey();
      payload[i] = item.payload().toString();
      dead[i] = truncate(item.deadReason());
    }
    Map<String, Long> created = new HashMap<>();
    jdbc.list(
        """
        insert into outbox_items (channel, unique_key, sequence_key, payload, state, due_at, created_at, finished_at, last_error)
        select ?, v.k, v.s, v.p::jsonb, case when v.d is null then 'pending' else 'dead' end, ?, ?,
               case when v.d is null then null else cast(? as timestamptz) end, v.d
        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[])) with ordinality as v(k, s, p, d, n)
        order by v.n
        on conflict (channel, unique_key) do nothing returning id, unique_key""",
        rs -> created.put(rs.getString(2), rs.getLong(1)),
        channel,
        now,
        now,
        now,
        key,
        sequence,
        payload,
        dead);
    Map<String, Long> existing = new HashMap<>();
    List<String> missing =
        Arrays.stream(key).filter(k -> !created.containsKey(k)).distinct().toList();
    if (!missing.isEmpty()) {
      jdbc.list(
          "select id, unique_key from outbox_items where channel = ? and unique_key = any(?)",
          rs -> existing.put(rs.getString(2), rs.getLong(1)),
          channel,
          missing.toArray(String[]::new));
    }
    List<Inserted> inserted = new ArrayList<>(n);
    Set<String> answered = new HashSet<>();
    for (String k : key) {
      Long id = answered.add(k) ? created.get(k) : null;
      if (id != null) {
        inserted.add(new Inserted(id, true));
      } else {
        Long old = created.containsKey(k) ? created.get(k) : existing.get(k);
        if (old == null) {
          throw new IllegalStateException("outbox item " + channel + "/" + k + " vanished");
        }
        inserted.add(new Inserted(old, false));
      }
    }
    return inserted;
  }

  /**
   * Claims up to {@code limit} due items of the given channels (SKIP LOCKED: servers never claim
   * the same item), only those of {@code ids} when given; counts the attempt and reserves each item
   * for its channel's lease.
   */
  List<OutboxItem> claim(
      Map<String, Duration> leases, Instant now, int limit, Collection<Long> ids) {
    if (leases.isEmpty() || (ids != null && ids.isEmpty())) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    StringBuilder values = new StringBuilder();
    leases.forEach(
        (channel, lease) -> {
          values.append(values.isEmpty() ? "" : ", ").append("(?, ?::timestamptz)");
          params.add(channel);
          params.add(now.plus(lease));
        });
    params.add(now);
    String only = "";
    if (ids != null) {
      only = " and o.id = any(?::bigint[])";
      params.add(ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
    }
    // the limit is written into the text (an int, never user input) so the plan knows how few rows
    // are wanted
    String sql =
        """
        with lease (channel, until) as (values %s),
        due as (select o.id from outbox_items o
                where o.state = 'pending' and o.due_at <= ? and o.channel in (select channel from lease)%s
                  and (o.sequence_key is null or not exists (
                        select 1 from outbox_items older
                        where older.channel = o.channel and older.sequence_key = o.sequence_key
                          and older.state = 'pending' and older.id < o.id))
                order by o.due_at, o.id limit %d
                for update of o skip locked)
        update outbox_items o set attempts = o.attempts + 1, due_at = lease.until
        from due, lease where o.id = due.id and lease.channel = o.channel
        returning o.id, o.channel, o.unique_key, o.sequence_key, o.payload::text, o.attempts, o.created_at"""
            .formatted(values, only, limit);
    return jdbc.list(
        sql,
        rs ->
            new OutboxItem(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                json(rs.getString(5)),
                rs.getInt(6),
                Jdbc.instant(rs, 7)),
        params.toArray());
  }

  /** A delivery's end: {@code state} {@code done} or {@code dead}. */
  record Finished(long id, String state, String outcome, Integer status, String error) {}

  /** Ends these items in one statement; only a pending item changes. */
  void finishAll(List<Finished> items, Instant now) {
    if (items.isEmpty()) {
      return;
    }
    int n = items.size();
    String[] id = new String[n];
    String[] state = new String[n];
    String[] outcome = new String[n];
    String[] status = new String[n];
    String[] error = new String[n];
    for (int i = 0; i < n; i++) {
      Finished item = items.get(i);
      id[i] = Long.toString(item.id());
      state[i] = item.state();
      outcome[i] = item.outcome();
      status[i] = item.status() == null ? null : item.status().toString();
      error[i] = truncate(item.error());
    }
    jdbc.update(
        """
        update outbox_items o set state = v.state, outcome = v.outcome, last_status = v.status::int,
          last_error = v.error, finished_at = ?
        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
          as v(id, state, outcome, status, error)
        where o.id = v.id::bigint and o.state = 'pending'""",
        now,
        id,
        state,
        outcome,
        status,
        error);
  }

  /** The oldest pending item of that sequence, if any: the next to deliver. */
  Optional<Long> nextInSequence(String channel, String sequenceKey) {
    return jdbc.first(
        "select min(id) from outbox_items where channel = ? and sequence_key = ? and state = 'pending'",
        rs -> {
          long id = rs.getLong(1);
          return rs.wasNull() ? null : id;
        },
        channel,
        sequenceKey);
  }

  void retryAt(long id, Instant at, Integer status, String error) {
    jdbc.update(
        "update outbox_items set due_at = ?, last_status = ?, last_error = ? where id = ? and state = 'pending'",
        at,
        status,
        truncate(error),
        id);
  }

  /** Forgets up to {@code limit} of a channel's finished items older than {@code before}. */
  int purge(String channel, Instant before, int limit) {
    return jdbc.update(
        """
        delete from outbox_items where id in (
          select id from outbox_items where channel = ? and state <> 'pending' and finished_at < ?
          limit %d)"""
            .formatted(limit),
        channel,
        before);
  }

  /**
   * A dead item pending again, due now, with its attempts counted afresh; false when it is not dead
   * or was never attempted (recorded dead at once: there is nothing to deliver).
   */
  boolean revive(long id, Instant now) {
    return jdbc.update(
            "update outbox_items set state = 'pending', outcome = null, attempts = 0, due_at = ?, finished_at = null"
                + " where id = ? and state = 'dead' and attempts > 0",
            now,
            id)
        == 1;
  }

  /**
   * Newest first, keyset by id, optionally one channel, state and outcome; the payload without the
   * {@code omit} keys (none at all when null).
   */
  List<OutboxEntry> page(
      String channel, String state, String outcome, Long beforeId, int limit, List<String> omit) {
    List<Object> params = new ArrayList<>();
    String payload = "null";
    if (omit != null) {
      payload = "(payload" + " - ?::text".repeat(omit.size()) + ")::text";
      params.addAll(omit);
    }
    StringBuilder sql =
        new StringBuilder(
            "select " + ENTRY_COLUMNS.formatted(payload) + " from outbox_items where true");
    if (channel != null) {
      sql.append(" and channel = ?");
      params.add(channel);
    }
    if (state != null) {
      sql.append(" and state = ?");
      params.add(state);
    }
    if (outcome != null) {
      sql.append(" and outcome = ?");
      params.add(outcome);
    }
    if (beforeId != null) {
      sql.append(" and id < ?");
      params.add(beforeId);
    }
    sql.append(" order by id desc limit ").append(limit);
    return jdbc.list(sql.toString(), OutboxStore::entry, params.toArray());
  }

  Optional<OutboxEntry> find(long id) {
    return jdbc.first(
        "select " + ENTRY_COLUMNS.formatted("payload::text") + " from outbox_items where id = ?",
        OutboxStore::entry,
        id);
  }

  /** How many items each channel has in each state (done ones left out for the backlog). */
  List<OutboxCount> counts(boolean backlogOnly) {
    return jdbc.list(
        "select channel, state, count(*), min(created_at) from outbox_items"
            + (backlogOnly ? " where state <> 'done'" : "")
            + " group by channel, state order by channel, state",
        rs ->
            new OutboxCount(rs.getString(1), rs.getString(2), rs.getLong(3), Jdbc.instant(rs, 4)));
  }

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    String payload = rs.getString(5);
    int status = rs.getInt(12);
    Integer lastStatus = rs.wasNull() ? null : status;
    return new OutboxEntry(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        payload == null ? null : json(payload),
        rs.getString(6),
        rs.getString(7),
        rs.getInt(8),
        Jdbc.instant(rs, 9),
        Jdbc.instant(rs, 10),
        Jdbc.instant(rs, 11),
        lastStatus,
        rs.getString(13));
  }

  static JsonObject json(String text) {
    try (var reader = JsonSupport.JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
