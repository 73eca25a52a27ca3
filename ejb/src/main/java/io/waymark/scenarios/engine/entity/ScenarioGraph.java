package io.waymark.scenarios.engine.entity;

import io.waymark.platform.db.Jdbc;
import io.waymark.platform.json.JsonSupport;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads V9's definition graph (owned by the scenario model) for the engine: plain JDBC, read-only.
 */
@Dependent
public class ScenarioGraph {

  /**
   * A trigger's first element, for the in-memory trigger table, with its scenario's re-entry rule
   * ({@code reentryDays} only for {@code after_days}) and the trigger's type ({@code event} or
   * {@code before_event}).
   */
  public record TriggerStart(
      long triggerId,
      long scenarioId,
      String eventCode,
      String matchValue,
      long elementId,
      String reentryMode,
      Integer reentryDays,
      String type) {

    /** A before-event trigger's (started by its due rows, not by an event). */
    public boolean beforeEvent() {
      return "before_event".equals(type);
    }
  }

  /**
   * A before-event trigger of a live, enabled scenario: its dated event's code and match value, and
   * how many minutes before the event it fires (null when the stored options hold none).
   */
  public record BeforeEventTrigger(
      long triggerId, long scenarioId, String eventCode, String matchValue, Integer minutes) {}

  /** An exit criterion of a live, enabled scenario. */
  public record ExitCriterion(long scenarioId, String eventCode, String matchValue) {}

  @Inject Jdbc jdbc;

  public Optional<ScenarioState> scenario(long id) {
    return jdbc.first(
        "select id, enabled, deleted_at, restored_at from scenarios where id = ?",
        rs ->
            new ScenarioState(
                rs.getLong(1), rs.getBoolean(2), Jdbc.instant(rs, 3), Jdbc.instant(rs, 4)),
        id);
  }

  /** These scenarios by id (a batch's, read once). */
  public Map<Long, ScenarioState> scenarios(Collection<Long> ids) {
    Map<Long, ScenarioState> found = new HashMap<>();
    jdbc.list(
        "select id, enabled, deleted_at, restored_at from scenarios where id = any(cast(? as bigint[]))",
        rs ->
            found.put(
                rs.getLong(1),
                new ScenarioState(
                    rs.getLong(1), rs.getBoolean(2), Jdbc.instant(rs, 3), Jdbc.instant(rs, 4))),
        Jdbc.idArray(ids));
    return found;
  }

  /** These elements by id, deleted ones included (a batch's, read once). */
  public Map<Long, Element> elements(Collection<Long> ids) {
    Map<Long, Element> found = new HashMap<>();
    jdbc.list(
        "select id, scenario_id, uuid::text, name, type, options, deleted_at is not null from scenario_elements"
            + " where id = any(cast(? as bigint[]))",
        rs -> found.put(rs.getLong(1), element(rs)),
        Jdbc.idArray(ids));
    return found;
  }

  /** An element from id, scenario_id, uuid, name, type, options, deleted. */
  private static Element element(ResultSet rs) throws SQLException {
    return new Element(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        json(rs.getString(6)),
        rs.getBoolean(7));
  }

  /**
   * The live children on the branch a result selects: {@code positive} / {@code negative} edges, or
   * for a variant index the edges with that position.
   */
  public List<Long> descendants(long elementId, String result) {
    boolean variant = !result.equals("positive") && !result.equals("negative");
    String branch = variant ? "e.position = ?" : "e.direction = ? and e.position is null";
    Object value = variant ? (Object) Integer.valueOf(result) : result;
    return jdbc.list(
        "select e.child_id from scenario_element_edges e join scenario_elements c on c.id = e.child_id"
            + " where e.parent_id = ? and c.deleted_at is null and "
            + branch
            + " order by e.id",
        rs -> rs.getLong(1),
        elementId,
        value);
  }

  /** The first elements of the triggers (of both types) of enabled, live scenarios. */
  public List<TriggerStart> triggerStarts() {
    return jdbc.list(
        """
        select t.id, t.scenario_id, t.event_code, t.match_value, te.element_id, s.reentry_mode, s.reentry_days, t.type
        from scenario_triggers t join scenarios s on s.id = t.scenario_id
        join scenario_trigger_elements te on te.trigger_id = t.id join scenario_elements e on e.id = te.element_id
        where s.enabled and s.deleted_at is null and t.deleted_at is null and e.deleted_at is null""",
        rs ->
            new TriggerStart(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                (Integer) rs.getObject(7),
                rs.getString(8)));
  }

  /** The before-event triggers of enabled, live scenarios. */
  public List<BeforeEventTrigger> beforeEventTriggers() {
    return beforeEventTriggers("true");
  }

  /** Those of one scenario (none when it is not enabled and live). */
  public List<BeforeEventTrigger> beforeEventTriggersOf(long scenarioId) {
    return beforeEventTriggers("s.id = ?", scenarioId);
  }

  /** The trigger, if it is a live before-event trigger of an enabled, live scenario. */
  public Optional<BeforeEventTrigger> beforeEventTrigger(long triggerId) {
    return beforeEventTriggers("t.id = ?", triggerId).stream().findFirst();
  }

  private List<BeforeEventTrigger> beforeEventTriggers(String where, Object... params) {
    return jdbc.list(
        "select t.id, t.scenario_id, t.event_code, t.match_value, t.options from scenario_triggers t"
            + " join scenarios s on s.id = t.scenario_id where s.enabled and s.deleted_at is null"
            + " and t.deleted_at is null and t.type = 'before_event' and "
            + where
            + " order by t.id",
        rs ->
            new BeforeEventTrigger(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                minutes(json(rs.getString(5)))),
        params);
  }

  private static Integer minutes(JsonObject options) {
    return options.get("minutes") instanceof jakarta.json.JsonNumber n
            && n.isIntegral()
            && n.longValue() >= 1
            && n.longValue() <= Integer.MAX_VALUE
        ? n.intValue()
        : null;
  }

  public List<ExitCriterion> exitCriteria() {
    return jdbc.list(
        "select x.scenario_id, x.event_code, x.match_value from scenario_exits x"
            + " join scenarios s on s.id = x.scenario_id where s.enabled and s.deleted_at is null",
        rs -> new ExitCriterion(rs.getLong(1), rs.getString(2), rs.getString(3)));
  }

  /**
   * Goal elements of live scenarios (enabled or paused: a paused job is still woken, so it resumes
   * done).
   */
  public List<Element> goalElements() {
    return jdbc.list(
        "select e.id, e.scenario_id, e.uuid::text, e.name, e.type, e.options, false from scenario_elements e"
            + " join scenarios s on s.id = e.scenario_id where e.type = 'goal' and e.deleted_at is null and s.deleted_at is null",
        ScenarioGraph::element);
  }

  /**
   * Changes whenever a scenario, trigger or element changes in a way the in-memory tables care
   * about.
   */
  public String signature() {
    return jdbc.first(
            """
        select (select md5(coalesce(string_agg(id || ':' || enabled || ':' || coalesce(deleted_at::text, '') || ':' || updated_at::text, ','
                  order by id), '')) from scenarios)
               || ':' || (select count(*) from scenario_triggers where deleted_at is null)
               || ':' || (select count(*) from scenario_elements where deleted_at is null)
               || ':' || (select count(*) from scenario_trigger_elements)""",
            rs -> rs.getString(1))
        .orElse("");
  }

  static JsonObject json(String text) {
    if (text == null || text.isBlank()) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    try (var reader = JsonSupport.JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
