package io.waymark.scenarios.control;

import io.waymark.platform.error.FieldError;
import io.waymark.platform.error.WaymarkException;
import io.waymark.platform.json.JsonSupport;
import io.waymark.scenarios.control.ScenarioDefinition.Descendant;
import io.waymark.scenarios.control.ScenarioDefinition.Element;
import io.waymark.scenarios.control.ScenarioDefinition.Exit;
import io.waymark.scenarios.control.ScenarioDefinition.Reentry;
import io.waymark.scenarios.control.ScenarioDefinition.Trigger;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a scenario document into a {@link ScenarioDefinition}, refusing shape errors (wrong JSON
 * types, missing names, keys that are not uuids) as one 400 {@code payload_error} naming every
 * field. What the values mean is checked afterwards by {@link ScenarioValidator}.
 */
public final class DocumentParser {

  static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final List<FieldError> errors = new ArrayList<>();

  private DocumentParser() {}

  public static ScenarioDefinition parse(JsonObject doc) {
    DocumentParser parser = new DocumentParser();
    ScenarioDefinition definition = parser.read(doc);
    if (!parser.errors.isEmpty()) {
      throw WaymarkException.payloadError(parser.errors);
    }
    return definition;
  }

  /**
   * A uuid in canonical lower case; anything else unchanged (the validator then finds no such
   * element).
   */
  public static String normalise(String uuid) {
    return UUID.matcher(uuid).matches() ? uuid.toLowerCase(Locale.ROOT) : uuid;
  }

  private ScenarioDefinition read(JsonObject doc) {
    Long id = id(doc.get("id"));
    String name = string(doc, "name", "name", true);
    if (name != null && (name.isBlank() || name.length() > 255)) {
      error("name", "must have 1 to 255 characters");
    }
    Boolean enabled = enabled(doc.get("enabled"));
    Map<String, Trigger> triggers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonObject> e : objects(doc, "triggers").entrySet()) {
      Trigger trigger = trigger(e.getKey(), e.getValue());
      if (trigger != null) {
        triggers.put(trigger.uuid(), trigger);
      }
    }
    Map<String, Element> elements = new LinkedHashMap<>();
    for (Map.Entry<String, JsonObject> e : objects(doc, "elements").entrySet()) {
      Element element = element(e.getKey(), e.getValue());
      if (element != null) {
        elements.put(element.uuid(), element);
      }
    }
    JsonValue visual = doc.get("visual");
    JsonObject layout = JsonValue.EMPTY_JSON_OBJECT;
    if (visual instanceof JsonObject o) {
      layout = o;
    } else if (visual != null && visual != JsonValue.NULL) {
      error("visual", "must be an object");
    }
    return new ScenarioDefinition(
        id,
        name == null ? null : name.strip(),
        enabled,
        triggers,
        elements,
        layout,
        exits(doc.get("exit")),
        reentry(doc.get("reentry")));
  }

  /** {@code "exit":[{"trigger":{"code","options"?}}]}; absent or null: none. */
  private List<Exit> exits(JsonValue json) {
    List<Exit> out = new ArrayList<>();
    if (json == null || json == JsonValue.NULL) {
      return out;
    }
    if (json.getValueType() != JsonValue.ValueType.ARRAY) {
      error("exit", "must be an array of {\"trigger\":{\"code\",\"options\"}}");
      return out;
    }
    var array = json.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      String at = "exit[" + i + "]";
      if (!(array.get(i) instanceof JsonObject item)
          || !(item.get("trigger") instanceof JsonObject trigger)) {
        error(at + ".trigger", "must be an object with a code");
        continue;
      }
      String code = string(trigger, "code", at + ".trigger.code", true);
      JsonObject options = optionalObject(trigger, "options", at + ".trigger.options");
      if (code != null) {
        out.add(new Exit(code, options));
      }
    }
    return out;
  }

  /** {@code "reentry":{"mode","days"?}}; absent or null: always. */
  private Reentry reentry(JsonValue json) {
    if (json == null || json == JsonValue.NULL) {
      return Reentry.ALWAYS;
    }
    if (!(json instanceof JsonObject reentry)) {
      error("reentry", "must be an object {\"mode\",\"days\"?}");
      return Reentry.ALWAYS;
    }
    String mode = string(reentry, "mode", "reentry.mode", true);
    JsonValue days = reentry.get("days");
    Integer count = null;
    if (days instanceof JsonNumber n && n.isIntegral()) {
      if (n.bigIntegerValue().abs().bitLength() < 31) {
        count = n.intValue();
      } else {
        error("reentry.days", "is out of range");
      }
    } else if (days != null && days != JsonValue.NULL) {
      error("reentry.days", "must be an integer");
    }
    return mode == null ? Reentry.ALWAYS : new Reentry(mode, count);
  }

  private Trigger trigger(String key, JsonObject json) {
    String path = "triggers." + key;
    String uuid = key(key, json, path);
    String name = string(json, "name", path + ".name", true);
    String type = string(json, "type", path + ".type", true);
    String code = null;
    if (json.get("event") instanceof JsonObject event) {
      code = string(event, "code", path + ".event.code", true);
    } else {
      error(path + ".event", "must be an object with a code");
    }
    JsonObject options = optionalObject(json, "options", path + ".options");
    List<String> starts = new ArrayList<>();
    JsonValue list = json.get("elements");
    if (list != null && list != JsonValue.NULL) {
      if (list.getValueType() != JsonValue.ValueType.ARRAY) {
        error(path + ".elements", "must be an array of element uuids");
      } else {
        for (JsonValue v : list.asJsonArray()) {
          if (v instanceof JsonString s) {
            starts.add(normalise(s.getString()));
          } else {
            error(path + ".elements", "must be an array of element uuids");
          }
        }
      }
    }
    return uuid == null ? null : new Trigger(uuid, name, type, code, options, starts);
  }

  private Element element(String key, JsonObject json) {
    String path = "elements." + key;
    String uuid = key(key, json, path);
    String name = string(json, "name", path + ".name", true);
    String type = string(json, "type", path + ".type", true);
    JsonObject options = JsonValue.EMPTY_JSON_OBJECT;
    List<Descendant> descendants = new ArrayList<>();
    if (type != null) {
      JsonObject typed = optionalObject(json, type, path + "." + type);
      var copy = JsonSupport.JSON.createObjectBuilder(typed);
      copy.remove("descendants");
      options = copy.build();
      descendants = descendants(typed.get("descendants"), path + "." + type + ".descendants");
    }
    return uuid == null ? null : new Element(uuid, name, type, options, descendants);
  }

  private List<Descendant> descendants(JsonValue json, String path) {
    List<Descendant> out = new ArrayList<>();
    if (json == null || json == JsonValue.NULL) {
      return out;
    }
    if (json.getValueType() != JsonValue.ValueType.ARRAY) {
      error(path, "must be an array");
      return out;
    }
    var array = json.asJsonArray();
    for (int i = 0; i < array.size(); i++) {
      String at = path + "[" + i + "]";
      if (!(array.get(i) instanceof JsonObject d)) {
        error(at, "must be an object");
        continue;
      }
      String uuid = string(d, "uuid", at + ".uuid", true);
      String direction = string(d, "direction", at + ".direction", false);
      Integer position = null;
      JsonValue p = d.get("position");
      if (p instanceof JsonNumber n && n.isIntegral()) {
        position = n.intValue();
      } else if (p != null && p != JsonValue.NULL) {
        error(at + ".position", "must be an integer");
      }
      if (uuid != null) {
        out.add(
            new Descendant(normalise(uuid), direction == null ? "positive" : direction, position));
      }
    }
    return out;
  }

  private String key(String key, JsonObject json, String path) {
    if (!UUID.matcher(key).matches()) {
      error(path, "the key must be a uuid");
      return null;
    }
    JsonValue id = json.get("id");
    if (id != null
        && id != JsonValue.NULL
        && !(id instanceof JsonString s && s.getString().equalsIgnoreCase(key))) {
      error(path + ".id", "must equal the key it is stored under");
    }
    return key.toLowerCase(Locale.ROOT);
  }

  private Map<String, JsonObject> objects(JsonObject doc, String name) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    JsonValue value = doc.get(name);
    if (value == null || value == JsonValue.NULL) {
      return out;
    }
    if (!(value instanceof JsonObject map)) {
      error(name, "must be an object keyed by uuid");
      return out;
    }
    map.forEach(
        (key, v) -> {
          if (v instanceof JsonObject o) {
            out.put(key, o);
          } else {
            error(name + "." + key, "must be an object");
          }
        });
    return out;
  }

  private JsonObject optionalObject(JsonObject json, String name, String path) {
    JsonValue value = json.get(name);
    if (value instanceof JsonObject o) {
      return o;
    }
    if (value != null && value != JsonValue.NULL) {
      error(path, "must be an object");
    }
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  private String string(JsonObject json, String name, String path, boolean required) {
    JsonValue value = json.get(name);
    if (value instanceof JsonString s) {
      if (required && s.getString().isBlank()) {
        error(path, "is required");
        return null;
      }
      return s.getString();
    }
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        error(path, "is required");
      }
    } else {
      error(path, "must be a string");
    }
    return null;
  }

  private Long id(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
      return n.longValue();
    }
    if (value instanceof JsonString s && s.getString().strip().matches("\\d{1,18}")) {
      return Long.parseLong(s.getString().strip());
    }
    error("id", "must be a positive integer");
    return null;
  }

  private Boolean enabled(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value == JsonValue.TRUE) {
      return true;
    }
    if (value == JsonValue.FALSE) {
      return false;
    }
    if (value instanceof JsonNumber n
        && n.isIntegral()
        && (n.longValue() == 0 || n.longValue() == 1)) {
      return n.longValue() == 1;
    }
    error("enabled", "must be true, false, 1 or 0");
    return null;
  }

  private void error(String path, String message) {
    errors.add(new FieldError(path, message));
  }
}
