package io.waymark.mail.api;

import io.waymark.mail.boundary.TemplateChange;
import io.waymark.platform.api.JsonBody;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads template, preview and send bodies: the types of every field (all errors at once); the rules are the boundary's. */
final class TemplateBody {

  /** A preview or send request: the user, the extra template variables and (send only) an idempotency key. */
  record ForUser(long userId, Map<String, Object> params, String idempotencyKey) {}

  private TemplateBody() {}

  static TemplateChange template(String raw) {
    JsonBody body = JsonBody.parse(raw);
    TemplateChange change = new TemplateChange(body.string("code", false), body.string("name", false), body.string("subject", false),
        body.string("html_body", false), body.string("text_body", false));
    body.done();
    return change;
  }

  static ForUser forUser(String raw) {
    JsonBody body = JsonBody.parse(raw);
    Long userId = body.id("user_id", true);
    Map<String, Object> params = Map.of();
    JsonValue given = body.json().get("params");
    if (given instanceof JsonObject object) {
      params = map(object);
    } else if (given != null && given.getValueType() != JsonValue.ValueType.NULL) {
      body.error("params", "must be an object");
    }
    String key = body.string("idempotency_key", false);
    if (key != null && (key.isBlank() || key.length() > 100)) {
      body.error("idempotency_key", "must be 1-100 characters");
    }
    body.done();
    return new ForUser(userId, params, key);
  }

  /** JSON as plain Java values for the templates: maps, lists, strings, numbers, booleans and nulls. */
  static Map<String, Object> map(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.forEach((name, value) -> map.put(name, plain(value)));
    return map;
  }

  private static Object plain(JsonValue value) {
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
    array.forEach(v -> list.add(plain(v)));
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
