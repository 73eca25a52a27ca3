package io.waymark.platform.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values — maps, lists, strings, numbers (long when integral and small enough),
 * booleans and nulls — for code that must not see JSON-P types, such as templates (a {@code
 * JsonString} prints with its quotes).
 */
public final class PlainJson {

  private PlainJson() {}

  public static Map<String, Object> map(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.forEach((name, value) -> map.put(name, value(value)));
    return map;
  }

  public static Object value(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> map(value.asJsonObject());
      case ARRAY -> list(value.asJsonArray());
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> number((JsonNumber) value);
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  private static List<Object> list(JsonArray array) {
    List<Object> list = new ArrayList<>();
    array.forEach(v -> list.add(value(v)));
    return list;
  }

  private static Object number(JsonNumber n) {
    if (n.isIntegral()) {
      try {
        return n.longValueExact();
      } catch (ArithmeticException e) {
        return n.bigDecimalValue();
      }
    }
    return n.bigDecimalValue();
  }
}
