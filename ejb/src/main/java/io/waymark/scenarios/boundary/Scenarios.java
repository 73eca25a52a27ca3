package io.waymark.scenarios.boundary;

import io.waymark.platform.criteria.CriteriaCompiler;
import io.waymark.platform.criteria.CriterionPlugin;
import io.waymark.platform.db.Sql;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Param;
import io.waymark.platform.plugins.Trigger;
import io.waymark.platform.plugins.Triggers;
import io.waymark.scenarios.control.DatabaseReferences;
import io.waymark.scenarios.control.DocumentParser;
import io.waymark.scenarios.control.DocumentWriter;
import io.waymark.scenarios.control.ScenarioDefinition;
import io.waymark.scenarios.control.ScenarioStore;
import io.waymark.scenarios.control.ScenarioValidator;
import io.waymark.scenarios.control.UuidRemap;
import io.waymark.scenarios.control.WebhookHeaders;
import io.waymark.scenarios.engine.control.DatedEvents;
import io.waymark.scenarios.engine.control.ElementTypes;
import io.waymark.scenarios.entity.Scenario;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Scenarios as documents (SPEC §6): save (create or update, validated first), info, list, and the
 * lifecycle — enable, disable, duplicate, soft delete, restore — each firing its event inside the
 * transaction for the engine.
 */
@Stateless
public class Scenarios {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject ScenarioStore store;

  @Inject DatabaseReferences references;

  @Inject ElementTypes elementTypes;

  @Inject Triggers triggers;

  @Inject DatedEvents datedEvents;

  @Inject CriteriaCompiler criteria;

  @Inject UnavailableElements unavailable;

  @Inject Event<ScenarioSaved> saved;

  @Inject Event<ScenarioEnabled> enabled;

  @Inject Event<ScenarioDisabled> disabled;

  @Inject Event<ScenarioDeleted> deleted;

  @Inject Event<ScenarioRestored> restored;

  /**
   * Creates (no {@code id}) or updates the scenario of the document and returns it as {@link
   * #info}. A new scenario is disabled unless the document enables it; an update without {@code
   * enabled} keeps the state.
   */
  public JsonObject save(JsonObject document) {
    ScenarioDefinition definition = DocumentParser.parse(document);
    WebhookHeaders.refuseSealed(definition);
    Scenario scenario = null;
    if (definition.id() != null) {
      scenario = entity(definition.id());
      if (scenario.getDeletedAt() != null) {
        throw WaymarkException.conflict(
            "invalid_data",
            "Scenario " + definition.id() + " is deleted; restore it before changing it");
      }
    }
    ScenarioValidator.validate(definition, references, vocabulary());
    Instant now = clock.instant();
    boolean wasEnabled = false;
    if (scenario == null) {
      scenario = new Scenario(now);
    } else {
      wasEnabled = scenario.isEnabled();
    }
    boolean enable = definition.enabled() == null ? wasEnabled : definition.enabled();
    scenario.setName(definition.name());
    scenario.setEnabled(enable);
    scenario.setVisual(definition.visual().toString());
    scenario.setUpdatedAt(now);
    if (scenario.getId() == null) {
      em.persist(scenario);
    }
    em.flush();
    store.write(scenario, definition, now);
    long id = scenario.getId();
    saved.fire(new ScenarioSaved(id));
    if (enable && !wasEnabled) {
      enabled.fire(new ScenarioEnabled(id));
    } else if (!enable && wasEnabled) {
      disabled.fire(new ScenarioDisabled(id));
    }
    return info(id);
  }

  /** The full document, also of a deleted scenario; 404 {@code not_found} when there is none. */
  public JsonObject info(long id) {
    Scenario scenario = entity(id);
    return DocumentWriter.write(
        store.read(scenario),
        new DocumentWriter.Metadata(
            id,
            scenario.isEnabled(),
            scenario.getDuplicatedFrom(),
            scenario.getCreatedAt(),
            scenario.getUpdatedAt(),
            scenario.getDeletedAt(),
            scenario.getRestoredAt()));
  }

  /**
   * Newest first: up to {@code limit} scenarios with ids below {@code beforeId} (null: from the
   * newest).
   */
  public List<ScenarioSummary> list(boolean includeDeleted, Long beforeId, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "select s.id, s.name, s.enabled, s.deleted_at,"
                    + " (select count(*) from scenario_elements e where e.scenario_id = s.id and e.deleted_at is null), s.created_at, s.updated_at"
                    + " from scenarios s where (?1 or s.deleted_at is null) and (cast(?2 as bigint) is null or s.id < ?2)"
                    + " order by s.id desc limit ?3")
            .setParameter(1, includeDeleted)
            .setParameter(2, Sql.nullable(beforeId))
            .setParameter(3, limit)
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              Object[] row = (Object[]) r;
              return new ScenarioSummary(
                  ((Number) row[0]).longValue(),
                  (String) row[1],
                  (Boolean) row[2],
                  Sql.instant(row[3]),
                  ((Number) row[4]).longValue(),
                  Sql.instant(row[5]),
                  Sql.instant(row[6]));
            })
        .toList();
  }

  /**
   * Enables a scenario; a deleted one cannot be (409 {@code invalid_data}). Enabling an enabled one
   * changes nothing.
   */
  public void enable(long id) {
    Scenario scenario = entity(id);
    if (scenario.getDeletedAt() != null) {
      throw WaymarkException.conflict(
          "invalid_data", "Scenario " + id + " is deleted; restore it before enabling it");
    }
    if (!scenario.isEnabled()) {
      scenario.setEnabled(true);
      scenario.setUpdatedAt(clock.instant());
      enabled.fire(new ScenarioEnabled(id));
    }
  }

  public void disable(long id) {
    Scenario scenario = entity(id);
    if (scenario.isEnabled()) {
      scenario.setEnabled(false);
      scenario.setUpdatedAt(clock.instant());
      disabled.fire(new ScenarioDisabled(id));
    }
  }

  /** A disabled copy named "<name> (copy)" with new uuids everywhere; returns its document. */
  public JsonObject duplicate(long id) {
    Scenario source = entity(id);
    String name = source.getName() + " (copy)";
    ScenarioDefinition copy =
        UuidRemap.copy(
            store.read(source),
            name.length() > 255 ? name.substring(0, 255) : name,
            UUID::randomUUID);
    ScenarioValidator.validate(copy, references, vocabulary());
    Instant now = clock.instant();
    Scenario scenario = new Scenario(now);
    scenario.setName(copy.name());
    scenario.setVisual(copy.visual().toString());
    scenario.setDuplicatedFrom(id);
    em.persist(scenario);
    em.flush();
    store.write(scenario, copy, now);
    saved.fire(new ScenarioSaved(scenario.getId()));
    return info(scenario.getId());
  }

  /**
   * Soft delete: sets {@code deleted_at} and disables. Deleting a deleted scenario changes nothing.
   */
  public void delete(long id) {
    Scenario scenario = entity(id);
    if (scenario.getDeletedAt() == null) {
      Instant now = clock.instant();
      scenario.setDeletedAt(now);
      scenario.setEnabled(false);
      scenario.setUpdatedAt(now);
      deleted.fire(new ScenarioDeleted(id, now));
    }
  }

  /** Clears {@code deleted_at} and sets {@code restored_at}; the scenario stays disabled. */
  public void restore(long id) {
    Scenario scenario = entity(id);
    if (scenario.getDeletedAt() != null) {
      Instant now = clock.instant();
      scenario.setDeletedAt(null);
      scenario.setRestoredAt(now);
      scenario.setUpdatedAt(now);
      restored.fire(new ScenarioRestored(id, now));
    }
  }

  private Scenario entity(long id) {
    Scenario scenario = em.find(Scenario.class, id);
    if (scenario == null) {
      throw WaymarkException.notFound("not_found", "Scenario does not exist: " + id);
    }
    return scenario;
  }

  /** The triggers a scenario can start on (the scenario codes of the trigger vocabulary). */
  /** The dated events before-event triggers may name, in order. */
  public List<DatedEventView> datedEvents() {
    return datedEvents.all().stream()
        .map(
            e -> {
              List<Param> options = new ArrayList<>();
              options.add(
                  Param.required(
                      "minutes", "integer", "how long before the dated event the trigger fires"));
              options.addAll(e.params());
              return new DatedEventView(
                  e.code(e.argument()),
                  e.label(),
                  options,
                  List.of("user_id", "event_code", "event_at", "minutes_before", e.matchParam()));
            })
        .toList();
  }

  public List<Trigger> triggers() {
    return triggers.scenarioTriggers();
  }

  /** The criteria a condition element may use. */
  public List<CriterionPlugin> conditionCriteria() {
    return criteria.offered(CriterionPlugin.Use.CONDITION);
  }

  /**
   * The stored scenarios holding elements of a type this server does not run (their jobs there
   * fail; saving them again is refused until the elements are replaced).
   */
  public List<UnavailableElements.Holder> unavailableElements() {
    return unavailable.holders();
  }

  /** The element types this server runs, in key order. */
  public List<ElementTypeView> elementTypes() {
    return elementTypes.all().stream()
        .map(
            t ->
                new ElementTypeView(
                    t.key(), t.label(), t.params(), t.negativeBranch(), t.variants()))
        .toList();
  }

  private ScenarioValidator.Vocabulary vocabulary() {
    return new ScenarioValidator.Vocabulary(elementTypes, triggers, datedEvents);
  }
}
