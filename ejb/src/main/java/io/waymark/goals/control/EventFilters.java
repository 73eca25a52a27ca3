package io.waymark.goals.control;

import io.waymark.platform.json.JsonSupport;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event goal's property equality filters, stored as a JSON object of scalars. */
public final class EventFilters {

  private EventFilters() {}

  public static String toJson(Map<String, Object> filters) {
    JsonObjectBuilder object = JsonSupport.JSON.createObjectBuilder();
    if (filters != null) {
      filters.forEach(
          (k, v) -> {
            if (v instanceof String s) {
              object.add(k, s);
            } else if (v instanceof Boolean b) {
              object.add(k, b);
            } else if (v instanceof Number n) {
              object.add(k, new BigDecimal(n.toString()));
            } else {
              throw new IllegalArgumentException(
                  "filter '" + k + "' must be a string, number or boolean");
            }
          });
    }
    return object.build().toString();
  }

  public static Map<String, Object> fromJson(String json) {
    Map<String, Object> filters = new LinkedHashMap<>();
    try (var reader =
        JsonSupport.JSON.createReader(
            new StringReader(json == null || json.isBlank() ? "{}" : json))) {
      JsonObject object = reader.readObject();
      object.forEach((k, v) -> filters.put(k, scalar(v)));
    }
    return filters;
  }

  /**
   * True when every filter equals the event's property (numbers compare by value, "5" does not
   * equal 5).
   */
  public static boolean matches(Map<String, Object> filters, JsonObject properties) {
    for (Map.Entry<String, Object> f : filters.entrySet()) {
      JsonValue actual = properties == null ? null : properties.get(f.getKey());
      if (actual == null || !equal(f.getValue(), scalar(actual))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(Object expected, Object actual) {
    if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
      return e.compareTo(a) == 0;
    }
    return expected != null && expected.equals(actual);
  }

  private static Object scalar(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (v == JsonValue.TRUE) {
      return Boolean.TRUE;
    }
    if (v == JsonValue.FALSE) {
      return Boolean.FALSE;
    }
    return null;
  }
}
