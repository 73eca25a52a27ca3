package io.waymark.platform.criteria;

import io.waymark.platform.plugins.Operator;
import io.waymark.platform.plugins.ValueType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Typed reading of a criterion's params, reporting problems at {@code <path>.<name>}. */
public final class Params {

  private final JsonObject params;
  private final String path;
  private final CompileContext context;
  private boolean ok = true;

  public Params(JsonObject params, String path, CompileContext context) {
    this.params = params;
    this.path = path;
    this.context = context;
  }

  public boolean ok() {
    return ok;
  }

  public void error(String name, String message) {
    ok = false;
    context.error(CriteriaParser.at(path, name), message);
  }

  public boolean has(String name) {
    return params.containsKey(name) && params.get(name).getValueType() != JsonValue.ValueType.NULL;
  }

  public String string(String name, boolean required) {
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

  public String oneOf(String name, List<String> allowed, boolean required) {
    String value = string(name, required);
    if (value != null && !allowed.contains(value)) {
      error(name, "must be one of " + String.join(", ", allowed));
      return null;
    }
    return value;
  }

  public Integer integer(String name, int min, int max, boolean required) {
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

  /** An operator of {@code allowed}, by key or alias ({@code neq}). */
  public Operator operator(String name, Collection<Operator> allowed, boolean required) {
    String key = string(name, required);
    if (key == null) {
      return null;
    }
    Operator operator = Operator.of(key).filter(allowed::contains).orElse(null);
    if (operator == null) {
      error(name, "must be one of " + String.join(", ", Operator.keys(allowed)));
    }
    return operator;
  }

  public JsonValue raw(String name) {
    return params.get(name);
  }

  /** An ISO-8601 time with offset in the years 1 to 9999, or null. */
  public static Instant time(JsonValue v) {
    return v instanceof JsonString s ? ValueType.time(s.getString()) : null;
  }
}
