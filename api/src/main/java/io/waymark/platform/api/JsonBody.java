package io.waymark.platform.api;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request body read as JSON whatever its Content-Type said, with typed field readers that collect
 * every field error, so one {@code payload_error} names all of them. Call {@link #done()} after
 * reading.
 */
public final class JsonBody {

  private static final Pattern DIGITS = Pattern.compile("-?\\d{1,18}");

  private final JsonObject json;
  private final String prefix;
  private final List<FieldError> errors;

  private JsonBody(JsonObject json, String prefix, List<FieldError> errors) {
    this.json = json;
    this.prefix = prefix;
    this.errors = errors;
  }

  public static JsonBody parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw WaymarkException.emptyRequest();
    }
    JsonValue value = readOneValue(raw);
    if (value == null) {
      throw WaymarkException.malformedJson();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw WaymarkException.payloadError("", "must be a JSON object");
    }
    // a NUL can only arrive escaped (a raw control character is malformed JSON)
    if (raw.contains("\\u0000")) {
      List<FieldError> nul = new ArrayList<>();
      findNul(value, "", nul);
      if (!nul.isEmpty()) {
        throw WaymarkException.payloadError(nul);
      }
    }
    return new JsonBody(value.asJsonObject(), "", new ArrayList<>());
  }

  /**
   * The one JSON value of the text, or null when the text is not exactly one value: unparseable,
   * something after the value ({@code {…} garbage}), or beyond the parser's own limits (nesting
   * deeper than 1,000, numbers over 1,100 digits), which Parsson reports as plain {@code
   * RuntimeException} / {@code UnsupportedOperationException} rather than {@code JsonException}.
   */
  private static JsonValue readOneValue(String raw) {
    try (var parser = JsonSupport.JSON.createParser(new StringReader(raw))) {
      if (!parser.hasNext()) {
        return null;
      }
      parser.next();
      JsonValue value = parser.getValue();
      return parser.hasNext() ? null : value;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The message for a text with U+0000 in it, which PostgreSQL cannot store. */
  public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

  /**
   * Every string and key with U+0000 in it, by path ({@code items[3].goal_code}); a key's own path
   * names it.
   */
  private static void findNul(JsonValue value, String path, List<FieldError> found) {
    switch (value.getValueType()) {
      case STRING -> {
        if (((JsonString) value).getString().indexOf('\0') >= 0) {
          found.add(new FieldError(path, NUL_MESSAGE));
        }
      }
      case OBJECT ->
          value
              .asJsonObject()
              .forEach(
                  (key, v) -> {
                    String at = path.isEmpty() ? key : path + "." + key;
                    if (key.indexOf('\0') >= 0) {
                      found.add(new FieldError(at.replace("\0", ""), NUL_MESSAGE));
                    } else {
                      findNul(v, at, found);
                    }
                  });
      case ARRAY -> {
        var array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
          findNul(array.get(i), path + "[" + i + "]", found);
        }
      }
      default -> {}
    }
  }

  /**
   * A nested object read with the same error list, its paths prefixed ({@code items[3].goal_code}).
   */
  public JsonBody nested(JsonObject object, String path) {
    return new JsonBody(object, path + ".", errors);
  }

  public JsonObject json() {
    return json;
  }

  public boolean has(String name) {
    return json.containsKey(name) && json.get(name).getValueType() != JsonValue.ValueType.NULL;
  }

  public String string(String name, boolean required) {
    JsonValue v = json.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (v instanceof JsonString s) {
      if (required && s.getString().isBlank()) {
        error(name, "is required");
        return null;
      }
      return s.getString();
    }
    error(name, "must be a string");
    return null;
  }

  /** An id given as an integer or a numeric string. */
  public Long id(String name, boolean required) {
    return id(name, json.get(name), required);
  }

  private Long id(String name, JsonValue v, boolean required) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.longValueExact();
      } catch (ArithmeticException e) {
        error(name, "is out of range");
        return null;
      }
    }
    if (v instanceof JsonString s && DIGITS.matcher(s.getString().strip()).matches()) {
      return Long.parseLong(s.getString().strip());
    }
    error(name, "must be an integer");
    return null;
  }

  public Integer integer(String name, int min, int max) {
    Long value = id(name, false);
    if (value != null && (value < min || value > max)) {
      error(name, "must be between " + min + " and " + max);
      return null;
    }
    return value == null ? null : value.intValue();
  }

  public Boolean bool(String name) {
    JsonValue v = json.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    error(name, "must be a boolean");
    return null;
  }

  /**
   * A required array of ids (integers or numeric strings, at least 1), holding 1 to {@code max}
   * (more: a 413, before anything else is read).
   */
  public List<Long> ids(String name, int max) {
    JsonValue v = json.get(name);
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      error(
          name,
          v == null || v.getValueType() == JsonValue.ValueType.NULL
              ? "is required (an array of ids)"
              : "must be an array of ids");
      return List.of();
    }
    var array = v.asJsonArray();
    if (array.size() > max) {
      throw WaymarkException.tooLarge("At most " + max + " ids in " + prefix + name);
    }
    if (array.isEmpty()) {
      error(name, "must hold at least one id");
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String item = name + "[" + i + "]";
      Long id = id(item, array.get(i), true);
      if (id != null && id < 1) {
        error(item, "must be a positive id");
      } else if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  public List<String> strings(String name) {
    JsonValue v = json.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      error(name, "must be an array of strings");
      return null;
    }
    List<String> out = new ArrayList<>();
    var array = v.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof JsonString s) {
        out.add(s.getString());
      } else {
        error(name + "[" + i + "]", "must be a string");
      }
    }
    return out;
  }

  public void error(String name, String message) {
    errors.add(new FieldError(prefix + name, message));
  }

  /**
   * Adds rule violations found by a boundary's validation, except for fields that already have a
   * type error.
   */
  public void addRuleErrors(List<FieldError> ruleErrors) {
    for (FieldError e : ruleErrors) {
      if (errors.stream().noneMatch(existing -> existing.path().equals(prefix + e.path()))) {
        errors.add(new FieldError(prefix + e.path(), e.message()));
      }
    }
  }

  /** Throws {@code payload_error} naming every field error collected so far. */
  public void done() {
    if (!errors.isEmpty()) {
      throw WaymarkException.payloadError(errors);
    }
  }
}
