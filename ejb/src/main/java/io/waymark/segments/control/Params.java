package io.waymark.segments.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Typed reading of a criterion's params, reporting problems at {@code <path>.<name>}. */
final class Params {

  private final JsonObject params;
  private final String path;
  private final CompileContext context;
  private boolean ok = true;

  Params(JsonObject params, String path, CompileContext context) {
    this.params = params;
    this.path = path;
    this.context = context;
  }

  boolean ok() {
    return ok;
  }

  void error(String name, String message) {
    ok = false;
    context.error(CriteriaParser.at(path, name), message);
  }

  boolean has(String name) {
    return params.containsKey(name) && params.get(name).getValueType() != JsonValue.ValueType.NULL;
  }

  String string(String name, boolean required) {
    JsonValue v = params.get(name);
    if (v instanceof JsonString s && !s.getString().isEmpty()) {
      return s.getString();
    }
    if (v != null && v.getValueType() != JsonValue.ValueType.NULL && !(v instanceof JsonString)) {
      error(name, "must be a string");
    } else if (required) {
      error(name, "is required");
    }
    return null;
  }

  String oneOf(String name, List<String> allowed, boolean required) {
    String value = string(name, required);
    if (value != null && !allowed.contains(value)) {
      error(name, "must be one of " + String.join(", ", allowed));
      return null;
    }
    return value;
  }

  Integer integer(String name, int min, int max, boolean required) {
    JsonValue v = params.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      long value = n.longValue();
      if (value >= min && value <= max) {
        return (int) value;
      }
    }
    error(name, "must be an integer from " + min + " to " + max);
    return null;
  }

  JsonValue raw(String name) {
    return params.get(name);
  }

  /**
   * An ISO-8601 time with offset in the years 1 to 9999, or null: PostgreSQL's timestamps end in
   * 294276, Java's go on to 999,999,999.
   */
  static Instant time(JsonValue v) {
    if (v instanceof JsonString s) {
      try {
        OffsetDateTime time = OffsetDateTime.parse(s.getString());
        int year = time.withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999 ? time.toInstant() : null;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
