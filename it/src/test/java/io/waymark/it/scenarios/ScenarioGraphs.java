package io.waymark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

/**
 * Scenarios for the engine's tests, written straight into V9's definition tables (the engine reads
 * nothing else), so these tests do not depend on the scenario document API. {@link #enable()} makes
 * the server's engine see the change at once by running a dispatch pass (which re-reads the
 * definitions when they changed).
 */
final class ScenarioGraphs {

  final long scenarioId;

  private ScenarioGraphs(long scenarioId) {
    this.scenarioId = scenarioId;
  }

  /** A new, disabled scenario with no elements. */
  static ScenarioGraphs scenario() {
    Object id =
        Db.single(
            "insert into scenarios (name, enabled, created_at, updated_at) values (?, false, now(), now()) returning id",
            "IT scenario " + UUID.randomUUID());
    return new ScenarioGraphs(((Number) id).longValue());
  }

  long element(String type, String optionsJson) {
    return ((Number)
            Db.single(
                "insert into scenario_elements (scenario_id, uuid, name, type, options) values (?, ?, ?, ?, ?) returning id",
                scenarioId,
                UUID.randomUUID(),
                type + " element",
                type,
                optionsJson))
        .longValue();
  }

  ScenarioGraphs edge(long parent, long child, String direction) {
    Db.update(
        "insert into scenario_element_edges (parent_id, child_id, direction) values (?, ?, ?)",
        parent,
        child,
        direction);
    return this;
  }

  ScenarioGraphs variantEdge(long parent, long child, int position) {
    Db.update(
        "insert into scenario_element_edges (parent_id, child_id, direction, position) values (?, ?, 'positive', ?)",
        parent,
        child,
        position);
    return this;
  }

  /**
   * An event trigger starting the given elements; {@code matchValue} is the goal code / event name
   * / segment code.
   */
  long trigger(String eventCode, String matchValue, long... elements) {
    long id =
        ((Number)
                Db.single(
                    "insert into scenario_triggers (scenario_id, uuid, name, type, event_code, match_value)"
                        + " values (?, ?, 'IT trigger', 'event', ?, ?) returning id",
                    scenarioId,
                    UUID.randomUUID(),
                    eventCode,
                    matchValue))
            .longValue();
    for (long element : elements) {
      Db.update(
          "insert into scenario_trigger_elements (trigger_id, element_id) values (?, ?)",
          id,
          element);
    }
    return id;
  }

  ScenarioGraphs enable() {
    return set("enabled = true");
  }

  ScenarioGraphs disable() {
    return set("enabled = false");
  }

  ScenarioGraphs delete() {
    return set("deleted_at = now()");
  }

  ScenarioGraphs restore() {
    return set("deleted_at = null, restored_at = now()");
  }

  private ScenarioGraphs set(String assignments) {
    Db.update(
        "update scenarios set " + assignments + ", updated_at = clock_timestamp() where id = ?",
        scenarioId);
    dispatch();
    return this;
  }

  /** One dispatch pass on the server; returns how many jobs it claimed. */
  static int dispatch() {
    Api.Reply reply = Api.bootstrap().post("/api/v1/ops/scenario-dispatch", "");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getInt("claimed");
  }

  /** The user's jobs on an element, oldest first: [id, state, result]. */
  static List<List<Object>> jobs(long elementId, long userId) {
    return Db.query(
        "select id, state, result from scenario_jobs where element_id = ? and user_id = ? order by id",
        elementId,
        userId);
  }

  static String state(long elementId, long userId) {
    List<List<Object>> jobs = jobs(elementId, userId);
    return jobs.isEmpty() ? null : (String) jobs.get(jobs.size() - 1).get(1);
  }

  static long jobId(long elementId, long userId) {
    List<List<Object>> jobs = jobs(elementId, userId);
    assertThat(jobs).as("jobs of element %d for user %d", elementId, userId).isNotEmpty();
    return ((Number) jobs.get(jobs.size() - 1).get(0)).longValue();
  }
}
