package io.waymark.scenarios.boundary;

import io.waymark.platform.db.Jdbc;
import io.waymark.scenarios.engine.control.DatedEvents;
import io.waymark.scenarios.engine.control.ElementType;
import io.waymark.scenarios.engine.control.ElementTypes;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * At start, reports the stored scenarios holding an element type this server does not run (saved
 * before the type was withdrawn from the registry, e.g. {@code sms} until the SMS module registers
 * it): their jobs on that element fail with the reason, and saving the scenario again is refused
 * until the element is replaced. Likewise the before-event triggers on a dated event this server
 * does not know (saved before the registry checked them): they never fire.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class UnavailableElements {

  private static final System.Logger LOG = System.getLogger(UnavailableElements.class.getName());

  /** A scenario and the unavailable type it holds. */
  public record Holder(long scenarioId, String scenarioName, String type, long elements) {}

  @Inject Jdbc jdbc;

  @Inject ElementTypes types;

  /** A scenario and the before-event code it holds that no dated event of this server names. */
  public record UnknownDatedEvent(long scenarioId, String scenarioName, String code) {}

  @Inject DatedEvents datedEvents;

  @PostConstruct
  void report() {
    for (UnknownDatedEvent u : unknownDatedEvents()) {
      LOG.log(
          Level.WARNING,
          "Scenario {0} \"{1}\" has a before_event trigger on ''{2}'', which is not a dated event"
              + " of this server ({3}): it never fires until the trigger is replaced",
          u.scenarioId(),
          u.scenarioName(),
          u.code(),
          datedEvents.codes());
    }
    for (Holder h : holders()) {
      LOG.log(
          Level.WARNING,
          "Scenario {0} \"{1}\" holds {2} element(s) of type ''{3}'', which this server does not"
              + " run: their jobs fail until the elements are replaced",
          h.scenarioId(),
          h.scenarioName(),
          h.elements(),
          h.type());
    }
  }

  /**
   * The before-event triggers (not deleted, of scenarios not deleted) on an unknown dated event.
   */
  public List<UnknownDatedEvent> unknownDatedEvents() {
    return jdbc
        .list(
            "select distinct s.id, s.name, t.event_code from scenario_triggers t join scenarios s on s.id = t.scenario_id"
                + " where t.type = 'before_event' and t.deleted_at is null and s.deleted_at is null order by s.id, t.event_code",
            rs -> new UnknownDatedEvent(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .stream()
        .filter(u -> datedEvents.named(u.code()).isEmpty())
        .toList();
  }

  /** The scenarios (not deleted) holding elements (not deleted) of a type not registered. */
  public List<Holder> holders() {
    String[] registered = types.all().stream().map(ElementType::key).toArray(String[]::new);
    return jdbc.list(
        "select s.id, s.name, e.type, count(*) from scenario_elements e join scenarios s on s.id = e.scenario_id"
            + " where e.deleted_at is null and s.deleted_at is null and e.type <> all(?)"
            + " group by s.id, s.name, e.type order by s.id, e.type",
        rs -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
        (Object) registered);
  }
}
