package io.waymark.scenarios.engine.control;

import io.waymark.platform.error.FieldError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.function.Consumer;

/**
 * The options of one element being checked, what they may refer to, and where problems go. Each
 * problem is one message starting with the type, e.g. {@code goal: option 'recheckPeriodMinutes' is
 * required}.
 */
public final class ElementCheck {

  private final String type;
  private final JsonObject options;
  private final References references;
  private final Consumer<String> problems;

  public ElementCheck(
      String type, JsonObject options, References references, Consumer<String> problems) {
    this.type = type;
    this.options = options;
    this.references = references;
    this.problems = problems;
  }

  public JsonObject options() {
    return options;
  }

  public References references() {
    return references;
  }

  public void problem(String message) {
    problems.accept(type + ": " + message);
  }

  /** Problems found at a path below the options, e.g. {@code criteria.nodes[0].params.value}. */
  public void problem(FieldError error) {
    problem(error.path() + ": " + error.message());
  }

  /** A whole number of minutes, at least 1. */
  public Long minutes(String name, boolean required) {
    return integer(name, required, 1);
  }

  public Long integer(String name, boolean required, long min) {
    JsonValue value = options.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        problem("option '" + name + "' is required");
      }
      return null;
    }
    if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < min) {
      problem("option '" + name + "' must be an integer of at least " + min);
      return null;
    }
    return n.longValue();
  }

  public String string(String name, boolean required) {
    JsonValue value = options.get(name);
    if (value == null
        || value == JsonValue.NULL
        || value instanceof JsonString s && s.getString().isBlank()) {
      if (required) {
        problem("option '" + name + "' is required");
      }
      return null;
    }
    if (!(value instanceof JsonString s)) {
      problem("option '" + name + "' must be a string");
      return null;
    }
    return s.getString();
  }
}
