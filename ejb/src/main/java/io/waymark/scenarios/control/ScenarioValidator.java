package io.waymark.scenarios.control;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.plugins.Trigger;
import io.waymark.platform.plugins.Triggers;
import io.waymark.scenarios.control.ScenarioDefinition.Descendant;
import io.waymark.scenarios.control.ScenarioDefinition.Element;
import io.waymark.scenarios.engine.control.DatedEvents;
import io.waymark.scenarios.engine.control.ElementCheck;
import io.waymark.scenarios.engine.control.ElementTypes;
import io.waymark.scenarios.engine.control.References;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a scenario must meet before it is saved (SPEC §6, issue #5): known types and trigger
 * codes, the options each type needs, existing references, links to existing other elements, no
 * cycle that passes no {@code wait} or {@code goal}, every element reachable from a trigger, A/B
 * distributions adding up to 100. Every problem is reported, on the path {@code elements.<uuid>} or
 * {@code triggers.<uuid>}.
 */
public final class ScenarioValidator {

  private final ScenarioDefinition definition;
  private final References references;
  private final Vocabulary vocabulary;
  private final List<FieldError> errors = new ArrayList<>();

  /** The registries a document is checked against: element types, triggers and dated events. */
  public record Vocabulary(ElementTypes elements, Triggers triggers, DatedEvents dated) {}

  private ScenarioValidator(
      ScenarioDefinition definition, References references, Vocabulary vocabulary) {
    this.definition = definition;
    this.references = references;
    this.vocabulary = vocabulary;
  }

  public static List<FieldError> problems(
      ScenarioDefinition definition, References references, Vocabulary vocabulary) {
    ScenarioValidator validator = new ScenarioValidator(definition, references, vocabulary);
    validator.run();
    return List.copyOf(validator.errors);
  }

  /** Throws 422 {@code validation_error} naming every problem. */
  public static void validate(
      ScenarioDefinition definition, References references, Vocabulary vocabulary) {
    List<FieldError> errors = problems(definition, references, vocabulary);
    if (!errors.isEmpty()) {
      throw new WaymarkException(
          422,
          "validation_error",
          "The scenario is not valid: "
              + errors.get(0).path()
              + ": "
              + errors.get(0).message()
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
          null,
          errors);
    }
  }

  private void run() {
    definition.triggers().values().forEach(this::trigger);
    for (int i = 0; i < definition.exits().size(); i++) {
      ScenarioDefinition.Exit exit = definition.exits().get(i);
      event("exit[" + i + "].trigger", exit.eventCode(), exit.options());
    }
    reentry(definition.reentry());
    definition.elements().values().forEach(this::element);
    Set<String> cyclic = ScenarioGraph.cyclesWithoutPause(definition);
    cyclic.forEach(uuid -> element(uuid, "is on a cycle that passes no wait or goal element"));
    ScenarioGraph.unreachable(definition)
        .forEach(uuid -> element(uuid, "is not reachable from any trigger"));
  }

  /** The length of the name and match-value columns (varchar(255)). */
  static final int MAX_TEXT = 255;

  private void trigger(ScenarioDefinition.Trigger trigger) {
    String path = "triggers." + trigger.uuid();
    if (trigger.name() != null && trigger.name().length() > MAX_TEXT) {
      errors.add(new FieldError(path, "the name must have at most " + MAX_TEXT + " characters"));
    }
    if (TriggerTypes.EVENT.equals(trigger.type())) {
      event(path, trigger.eventCode(), trigger.options());
    } else if (TriggerTypes.BEFORE_EVENT.equals(trigger.type())) {
      beforeEvent(path, trigger);
      if (!(trigger.options().get("minutes") instanceof JsonNumber n)
          || !n.isIntegral()
          || n.longValue() < 1
          || n.longValue() > MAX_BEFORE_MINUTES) {
        errors.add(
            new FieldError(
                path,
                "before_event: option 'minutes' is required (an integer from 1 to "
                    + MAX_BEFORE_MINUTES
                    + ", ten years)"));
      }
    } else {
      errors.add(
          new FieldError(
              path, "unknown trigger type '" + trigger.type() + "' (event or before_event)"));
    }
    for (String uuid : trigger.elements()) {
      if (!definition.elements().containsKey(uuid)) {
        errors.add(new FieldError(path, "starts element '" + uuid + "', which does not exist"));
      }
    }
  }

  /** The dated event a before-event trigger names must be registered, with what it needs. */
  private void beforeEvent(String path, ScenarioDefinition.Trigger trigger) {
    String code = trigger.eventCode();
    if (!TriggerTypes.BEFORE_EVENT_CODE.matcher(code).matches()) {
      errors.add(
          new FieldError(
              path,
              "before_event: the event code must be one of "
                  + vocabulary.dated().codes()
                  + " (as [a-z0-9_.-], a colon and an argument for field)"));
      return;
    }
    vocabulary
        .dated()
        .named(code)
        .ifPresentOrElse(
            named ->
                named.event().problems(named.argument(), trigger.options(), references).stream()
                    .map(problem -> new FieldError(path, "before_event " + problem))
                    .forEach(errors::add),
            () ->
                errors.add(
                    new FieldError(
                        path,
                        "before_event: unknown dated event '"
                            + code
                            + "' (known: "
                            + vocabulary.dated().codes()
                            + ")")));
  }

  /** The longest time before a dated event: ten years, in minutes. */
  static final long MAX_BEFORE_MINUTES = 3650L * 24 * 60;

  /** The longest re-entry wait: ten years. */
  static final int MAX_REENTRY_DAYS = 3650;

  private void reentry(ScenarioDefinition.Reentry reentry) {
    switch (reentry.mode()) {
      case "always", "once" -> {
        if (reentry.days() != null) {
          errors.add(new FieldError("reentry.days", "is only for the mode after_days"));
        }
      }
      case "after_days" -> {
        if (reentry.days() == null || reentry.days() < 1 || reentry.days() > MAX_REENTRY_DAYS) {
          errors.add(
              new FieldError("reentry.days", "is required: 1 to " + MAX_REENTRY_DAYS + " days"));
        }
      }
      default ->
          errors.add(
              new FieldError(
                  "reentry.mode",
                  "unknown mode '" + reentry.mode() + "' (always, once or after_days)"));
    }
  }

  /** An event trigger's code and match option, as a trigger or an exit criterion has them. */
  private void event(String path, String code, JsonObject options) {
    var type = vocabulary.triggers().scenario(code);
    if (type.isEmpty()) {
      errors.add(
          new FieldError(
              path,
              "unknown trigger event code '"
                  + code
                  + "' (one of "
                  + String.join(
                      ", ",
                      vocabulary.triggers().scenarioTriggers().stream()
                          .map(Trigger::scenarioCode)
                          .sorted()
                          .toList())
                  + ")"));
    } else if (type.get().matchParam() != null) {
      String option = type.get().matchParam();
      JsonValue value = options.get(option);
      if (!(value instanceof JsonString s) || s.getString().isBlank()) {
        errors.add(new FieldError(path, code + ": option '" + option + "' is required"));
      } else if (s.getString().length() > MAX_TEXT) {
        errors.add(
            new FieldError(
                path,
                code + ": option '" + option + "' must have at most " + MAX_TEXT + " characters"));
      } else if ("goal_code".equals(option) && !references.goalExists(s.getString())) {
        errors.add(new FieldError(path, "unknown goal code '" + s.getString() + "'"));
      } else if ("segment_code".equals(option) && !references.segmentExists(s.getString())) {
        errors.add(new FieldError(path, "unknown segment code '" + s.getString() + "'"));
      }
    }
  }

  private void element(Element element) {
    if (element.name() != null && element.name().length() > MAX_TEXT) {
      element(element.uuid(), "the name must have at most " + MAX_TEXT + " characters");
    }
    var type = vocabulary.elements().find(element.type());
    if (type.isEmpty()) {
      element(
          element.uuid(),
          "unknown element type '"
              + element.type()
              + "' (one of "
              + String.join(
                  ", ", vocabulary.elements().all().stream().map(t -> t.key()).sorted().toList())
              + ")");
    } else {
      type.get()
          .check(
              new ElementCheck(
                  element.type(),
                  element.options(),
                  references,
                  message -> element(element.uuid(), message)));
    }
    Set<String> seen = new HashSet<>();
    int variants =
        element.options().get("variants") instanceof jakarta.json.JsonArray a ? a.size() : 0;
    for (Descendant d : element.descendants()) {
      if (d.uuid().equals(element.uuid())) {
        element(element.uuid(), "links to itself");
      } else if (!definition.elements().containsKey(d.uuid())) {
        element(element.uuid(), "descendant '" + d.uuid() + "' does not exist");
      }
      if (!"positive".equals(d.direction()) && !"negative".equals(d.direction())) {
        element(
            element.uuid(),
            "descendant '" + d.uuid() + "': direction must be positive or negative");
      }
      if (type.isPresent() && type.get().variants()) {
        if (d.position() == null || d.position() < 0 || d.position() >= Math.max(variants, 1)) {
          element(
              element.uuid(),
              "descendant '"
                  + d.uuid()
                  + "': position must be a variant index from 0 to "
                  + (variants - 1));
        }
      } else if (d.position() != null) {
        element(
            element.uuid(),
            "descendant '" + d.uuid() + "': only ab_test descendants have a position");
      }
      if (!seen.add(d.uuid() + "/" + d.direction() + "/" + d.position())) {
        element(element.uuid(), "descendant '" + d.uuid() + "' is listed twice");
      }
    }
  }

  private void element(String uuid, String message) {
    errors.add(new FieldError("elements." + uuid, message));
  }
}
