package io.waymark.scenarios.control;

import io.waymark.platform.db.Sql;
import io.waymark.platform.json.JsonSupport;
import io.waymark.platform.plugins.Triggers;
import io.waymark.scenarios.control.ScenarioDefinition.Descendant;
import io.waymark.scenarios.control.ScenarioDefinition.Element;
import io.waymark.scenarios.control.ScenarioDefinition.Exit;
import io.waymark.scenarios.control.ScenarioDefinition.Reentry;
import io.waymark.scenarios.control.ScenarioDefinition.Trigger;
import io.waymark.scenarios.engine.control.DatedEvents;
import io.waymark.scenarios.entity.Scenario;
import io.waymark.scenarios.entity.ScenarioElement;
import io.waymark.scenarios.entity.ScenarioTrigger;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The definition graph in its tables (V9): reads a scenario's live triggers, elements, links and
 * edges back into a definition, and writes a definition over them — rows whose uuid stays are
 * updated in place (a soft-deleted row whose uuid comes back is revived), rows that left are
 * soft-deleted, links and edges are rewritten.
 */
@Dependent
public class ScenarioStore {

  @Inject Triggers triggers;

  @Inject DatedEvents datedEvents;

  @Inject WebhookHeaders webhookHeaders;

  @PersistenceContext EntityManager em;

  public ScenarioDefinition read(Scenario scenario) {
    long id = scenario.getId();
    List<ScenarioTrigger> triggerRows =
        em.createQuery(
                "select t from ScenarioTrigger t where t.scenarioId = :id"
                    + " and t.deletedAt is null order by t.id",
                ScenarioTrigger.class)
            .setParameter("id", id)
            .getResultList();
    List<ScenarioElement> elementRows =
        em.createQuery(
                "select e from ScenarioElement e where e.scenarioId = :id"
                    + " and e.deletedAt is null order by e.id",
                ScenarioElement.class)
            .setParameter("id", id)
            .getResultList();
    Map<Long, String> uuids = new HashMap<>();
    elementRows.forEach(e -> uuids.put(e.getId(), e.getUuid().toString()));
    Map<Long, List<String>> starts = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select te.trigger_id, te.element_id from scenario_trigger_elements te"
                    + " join scenario_triggers t on t.id = te.trigger_id where t.scenario_id = ?1 order by te.element_id")
            .setParameter(1, id)
            .getResultList()) {
      Object[] r = (Object[]) row;
      String child = uuids.get(((Number) r[1]).longValue());
      if (child != null) {
        starts.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(child);
      }
    }
    Map<Long, List<Descendant>> edges = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select e.parent_id, e.child_id, e.direction, e.position from scenario_element_edges e"
                    + " join scenario_elements p on p.id = e.parent_id where p.scenario_id = ?1 order by e.id")
            .setParameter(1, id)
            .getResultList()) {
      Object[] r = (Object[]) row;
      String child = uuids.get(((Number) r[1]).longValue());
      if (child != null) {
        edges
            .computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
            .add(
                new Descendant(
                    child, (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue()));
      }
    }
    Map<String, Trigger> triggers = new LinkedHashMap<>();
    triggerRows.forEach(
        t ->
            triggers.put(
                t.getUuid().toString(),
                new Trigger(
                    t.getUuid().toString(),
                    t.getName(),
                    t.getType(),
                    t.getEventCode(),
                    object(t.getOptions()),
                    starts.getOrDefault(t.getId(), List.of()))));
    Map<String, Element> elements = new LinkedHashMap<>();
    elementRows.forEach(
        e ->
            elements.put(
                e.getUuid().toString(),
                new Element(
                    e.getUuid().toString(),
                    e.getName(),
                    e.getType(),
                    object(e.getOptions()),
                    edges.getOrDefault(e.getId(), List.of()))));
    List<Exit> exits = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select event_code, options from scenario_exits where scenario_id = ?1 order by id")
            .setParameter(1, id)
            .getResultList()) {
      Object[] r = (Object[]) row;
      exits.add(new Exit((String) r[0], object((String) r[1])));
    }
    return new ScenarioDefinition(
        id,
        scenario.getName(),
        scenario.isEnabled(),
        triggers,
        elements,
        object(scenario.getVisual()),
        exits,
        new Reentry(scenario.getReentryMode(), scenario.getReentryDays()));
  }

  /**
   * Writes the graph of a validated definition over the scenario's rows, and its exit criteria and
   * re-entry rule.
   */
  public void write(Scenario scenario, ScenarioDefinition definition, Instant now) {
    long id = scenario.getId();
    scenario.setReentry(definition.reentry().mode(), definition.reentry().days());
    em.createNativeQuery("delete from scenario_exits where scenario_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    for (Exit exit : definition.exits()) {
      em.createNativeQuery(
              "insert into scenario_exits (scenario_id, event_code, match_value, options)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, id)
          .setParameter(2, exit.eventCode())
          .setParameter(3, Sql.nullable(matchValue(exit.eventCode(), exit.options())))
          .setParameter(4, exit.options().toString())
          .executeUpdate();
    }
    Map<UUID, ScenarioTrigger> triggerRows =
        em.createQuery(
                "select t from ScenarioTrigger t where t.scenarioId = :id", ScenarioTrigger.class)
            .setParameter("id", id)
            .getResultStream()
            .collect(Collectors.toMap(ScenarioTrigger::getUuid, Function.identity()));
    Map<UUID, ScenarioElement> elementRows =
        em.createQuery(
                "select e from ScenarioElement e where e.scenarioId = :id", ScenarioElement.class)
            .setParameter("id", id)
            .getResultStream()
            .collect(Collectors.toMap(ScenarioElement::getUuid, Function.identity()));
    Map<String, ScenarioElement> elements = new HashMap<>();
    for (Element e : definition.elements().values()) {
      ScenarioElement row = elementRows.remove(UUID.fromString(e.uuid()));
      boolean fresh = row == null;
      if (fresh) {
        row = new ScenarioElement(id, UUID.fromString(e.uuid()));
      }
      row.setName(e.name());
      row.setType(e.type());
      row.setOptions(
          webhookHeaders
              .sealed(e, fresh ? null : row.getOptions(), "elements." + e.uuid())
              .toString());
      row.setDeletedAt(null);
      if (fresh) {
        em.persist(row); // identity: inserted now, so set every column first
      }
      elements.put(e.uuid(), row);
    }
    elementRows.values().stream()
        .filter(r -> r.getDeletedAt() == null)
        .forEach(r -> r.setDeletedAt(now));
    Map<String, ScenarioTrigger> triggers = new HashMap<>();
    for (Trigger t : definition.triggers().values()) {
      ScenarioTrigger row = triggerRows.remove(UUID.fromString(t.uuid()));
      boolean fresh = row == null;
      if (fresh) {
        row = new ScenarioTrigger(id, UUID.fromString(t.uuid()));
      }
      row.setName(t.name());
      row.setType(t.type());
      row.setEventCode(t.eventCode());
      row.setMatchValue(matchValue(t));
      row.setOptions(t.options().toString());
      row.setDeletedAt(null);
      if (fresh) {
        em.persist(row);
      }
      triggers.put(t.uuid(), row);
    }
    triggerRows.values().stream()
        .filter(r -> r.getDeletedAt() == null)
        .forEach(r -> r.setDeletedAt(now));
    em.flush();
    em.createNativeQuery(
            "delete from scenario_trigger_elements where trigger_id in (select id from scenario_triggers where scenario_id = ?1)")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery(
            "delete from scenario_element_edges where parent_id in (select id from scenario_elements where scenario_id = ?1)")
        .setParameter(1, id)
        .executeUpdate();
    for (Trigger t : definition.triggers().values()) {
      for (String start : t.elements().stream().distinct().toList()) {
        em.createNativeQuery(
                "insert into scenario_trigger_elements (trigger_id, element_id) values (?1, ?2)")
            .setParameter(1, triggers.get(t.uuid()).getId())
            .setParameter(2, elements.get(start).getId())
            .executeUpdate();
      }
    }
    for (Element e : definition.elements().values()) {
      for (Descendant d : e.descendants()) {
        em.createNativeQuery(
                "insert into scenario_element_edges (parent_id, child_id, direction, position)"
                    + " values (?1, ?2, ?3, cast(?4 as integer))")
            .setParameter(1, elements.get(e.uuid()).getId())
            .setParameter(2, elements.get(d.uuid()).getId())
            .setParameter(3, d.direction())
            .setParameter(4, Sql.nullable(d.position() == null ? null : (long) d.position()))
            .executeUpdate();
      }
    }
  }

  /**
   * The option the engine looks the trigger up by (event_name, goal_code or segment_code; a
   * before-event trigger's goal code or field), or null.
   */
  String matchValue(Trigger t) {
    if (TriggerTypes.BEFORE_EVENT.equals(t.type())) {
      return datedEvents
          .named(t.eventCode())
          .map(named -> named.matchValue(t.options()))
          .orElse(null);
    }
    return matchValue(t.eventCode(), t.options());
  }

  private String matchValue(String eventCode, JsonObject options) {
    return triggers
        .scenario(eventCode)
        .map(io.waymark.platform.plugins.Trigger::matchParam)
        .map(option -> options.get(option) instanceof JsonString s ? s.getString() : null)
        .orElse(null);
  }

  static JsonObject object(String json) {
    try (var reader = JsonSupport.JSON.createReader(new StringReader(json == null ? "{}" : json))) {
      return reader.readObject();
    }
  }
}
