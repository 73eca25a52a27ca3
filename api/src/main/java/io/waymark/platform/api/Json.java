package io.waymark.platform.api;

import io.waymark.platform.json.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/**
 * Small helpers to write the JSON bodies of the wire contract, nulls included, times as ISO-8601
 * UTC.
 */
public final class Json {

  private Json() {}

  public static Obj object() {
    return new Obj();
  }

  /** {@code {"status":"ok", ...}} */
  /** 201 with {@code {"status":"ok","<name>":value}}: what a create answers. */
  public static jakarta.ws.rs.core.Response created(String name, Object value) {
    return jakarta.ws.rs.core.Response.status(201).entity(ok().put(name, value).build()).build();
  }

  public static Obj ok() {
    return new Obj().put("status", "ok");
  }

  public static final class Obj {
    private final JsonObjectBuilder builder = JsonSupport.JSON.createObjectBuilder();

    public Obj put(String name, Object value) {
      builder.add(name, value(value));
      return this;
    }

    public JsonObject build() {
      return builder.build();
    }
  }

  public static JsonValue value(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue v) {
      return v;
    }
    if (value instanceof Obj o) {
      return o.build();
    }
    if (value instanceof String s) {
      return JsonSupport.JSON.createValue(s);
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer i) {
      return JsonSupport.JSON.createValue(i);
    }
    if (value instanceof Long l) {
      return JsonSupport.JSON.createValue(l);
    }
    if (value instanceof Number n) {
      return JsonSupport.JSON.createValue(new java.math.BigDecimal(n.toString()));
    }
    if (value instanceof Instant t) {
      return JsonSupport.JSON.createValue(t.truncatedTo(ChronoUnit.MILLIS).toString());
    }
    if (value instanceof Collection<?> c) {
      JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
      c.forEach(item -> array.add(value(item)));
      return array.build();
    }
    if (value instanceof Map<?, ?> m) {
      JsonObjectBuilder object = JsonSupport.JSON.createObjectBuilder();
      m.forEach((k, v) -> object.add(k.toString(), value(v)));
      return object.build();
    }
    return JsonSupport.JSON.createValue(value.toString());
  }
}
